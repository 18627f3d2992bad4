/**
 * The limit of the verification report's benchmark: the least work that shows the same
 * first page from the same adapter call. A plain table of the same 25 rows and seven
 * columns (formatted dates, the same texts, two buttons a row), the same filters and
 * count, built with DOM calls and no framework.
 */
import { RestAdapter } from '../../src/adapters/rest.js';
import { el } from './dom.js';

declare global {
  interface Window {
    mountPlainReport(): Promise<void>;
  }
}

const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

window.mountPlainReport = async () => {
  const section = el('section');
  section.append(
    el('h2', 'Security Verification'),
    el('p', 'People who created an online account and claimed an existing client profile.'),
  );
  const filters = el('div');
  const status = el('select');
  for (const value of ['Pending', 'Verified', 'Declined', 'All']) status.append(el('option', value));
  filters.append(status, el('input'), el('input'));
  for (const input of filters.querySelectorAll('input')) input.type = 'date';
  section.append(filters);
  document.body.append(section);
  const page = await new RestAdapter({ baseUrl: '/api/deskguard' }).listVerificationRequests({
    status: 'pending',
    sort: 'requestedAt',
    direction: 'desc',
    offset: 0,
    limit: 25,
  });
  section.append(el('p', `${new Intl.NumberFormat('en').format(page.total)} requests`));
  const table = el('table');
  const head = el('tr');
  for (const title of [
    'Requested',
    'Name given',
    'Email given',
    'Client profile claimed',
    'Emails',
    'Status',
    'Actions',
  ])
    head.append(el('th', title));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const item of page.items) {
    const row = el('tr');
    const client = el('td');
    client.append(el('button', item.client.name), el('div', item.profileEmail?.value ?? ''));
    const actions = el('td');
    actions.append(el('button', item.emailMatch === 'match' ? 'Verify' : 'Verify anyway'), el('button', 'Decline'));
    row.append(
      el('td', dates.format(new Date(item.requestedAt))),
      el('td', item.nameEntered),
      el('td', item.submittedEmail.value),
      client,
      el('td', item.emailMatch === 'match' ? '✓ Emails match' : '✗ Emails differ'),
      el('td', item.status === 'pending' ? 'Waiting' : item.status),
      actions,
    );
    table.tBodies[0]!.append(row);
  }
  const pager = el('div');
  pager.append(
    el('p', `Link requests 1–25 of ${new Intl.NumberFormat('en').format(page.total)}`),
    el('button', 'Previous page'),
    el('button', 'Next page'),
  );
  section.append(table, pager);
};

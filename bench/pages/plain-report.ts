/**
 * The limit of the verification report's benchmark: the same first page from the same
 * adapter call, built with DOM calls and no framework, in the element's markup with its
 * stylesheets: the filters and count, the bulk line, a table of the same 25 rows and
 * seven columns (the same formatted dates and addresses, marks, names for screen
 * readers and buttons) and the pager.
 */
import { RestAdapter } from '../../src/adapters/rest.js';
import { formatWhen } from '../../src/internal/localize.js';
import { tokens } from '../../src/internal/styles.js';
import { dialogStyles } from '../../src/internal/dialog-styles.js';
import { reportStyles } from '../../src/internal/report-styles.js';
import { styles } from '../../src/elements/verification-report/verification-report.styles.js';
import { button, cardSection, contact, el, h, mark, sortHeader, styledRoot } from './dom.js';
import type { ContactValue } from '../../src/core/types.js';

declare global {
  interface Window {
    mountPlainReport(): Promise<void>;
  }
}

const counts = new Intl.NumberFormat('en');
/** The tick or cross beside a row's words, as the element draws it. */
const tick = (yes: boolean) => mark(yes ? 'M3 8.5 6.5 12 13 4.5' : 'M4 4l8 8m0-8-8 8');

/** An address as one piece that breaks only before its `@`, marked when masked. */
const email = ({ value, masked }: ContactValue): (Node | string)[] =>
  masked ? [contact(value), ' (masked)'] : [contact(value)];

window.mountPlainReport = async () => {
  const root = styledRoot([tokens, dialogStyles, reportStyles, styles]);
  const status = h('select');
  for (const [value, label] of [
    ['pending', 'Waiting'],
    ['verified', 'Verified'],
    ['declined', 'Declined'],
    ['', 'All'],
  ] as const)
    status.append(h('option', { value }, label));
  const date = () => h('input', { type: 'date', 'aria-describedby': 'dates', 'aria-invalid': 'false' });
  const count = h('p', { part: 'count', role: 'status', class: 'muted' }, 'Loading link requests…');
  const card = cardSection(
    'Security verification',
    'People who created an online account and claimed an existing client profile. Once linked, that login sees the client’s pricing options, details and stored card. Verify only when the email given matches the profile’s; otherwise contact the client through their profile, and offer the newcomer an account of their own.',
    h(
      'div',
      { part: 'filters', class: 'filters' },
      h('label', {}, 'Status', status),
      h('label', {}, 'From', date()),
      h('label', {}, 'To', date()),
    ),
    h('p', { id: 'dates', class: 'field-error' }),
    count,
  );
  root.append(card);
  const page = await new RestAdapter({ baseUrl: '/api/deskguard' }).listVerificationRequests({
    status: 'pending',
    sort: 'requestedAt',
    direction: 'desc',
    offset: 0,
    limit: 25,
  });
  count.textContent = `${counts.format(page.total)} requests`;
  const matched = page.items.filter((r) => r.status === 'pending' && r.emailMatch === 'match').length;
  const rows = page.items.map((r) => {
    const when = formatWhen('en', new Date(r.requestedAt));
    const who = r.nameEntered;
    const match = r.emailMatch === 'match';
    const client = h('td', { class: 'wrap', 'data-label': 'Client profile claimed' }, r.client.name);
    if (r.profileEmail) client.append(el('br'), h('span', { class: 'muted' }, ...email(r.profileEmail)));
    client.append(
      el('br'),
      button('Open profile', {
        class: 'link',
        'aria-label': `Open profile: ${r.client.name}, for the request of ${when}`,
      }),
    );
    return h(
      'tr',
      {},
      h('td', { 'data-label': 'Requested' }, when),
      h('td', { class: 'wrap', 'data-label': 'Name given' }, who),
      h('td', { class: 'wrap', 'data-label': 'Email given' }, ...email(r.submittedEmail)),
      client,
      h(
        'td',
        { part: 'match', class: match ? 'match' : 'mismatch', 'data-label': 'Emails' },
        tick(match),
        match ? 'Emails match' : r.emailMatch === 'mismatch' ? 'Emails differ' : 'Profile has no email',
      ),
      h('td', { 'data-label': 'Status' }, h('span', { part: 'status', 'data-status': r.status }, 'Waiting')),
      h(
        'td',
        {},
        h(
          'div',
          { class: 'row-actions' },
          button(match ? 'Verify' : 'Verify anyway', {
            'data-verify': r.id,
            'aria-disabled': 'false',
            'aria-label': match ? `Verify request from ${who}, ${when}` : `Verify anyway: request from ${who}, ${when}`,
          }),
          button('Decline', { 'aria-disabled': 'false', 'aria-label': `Decline request from ${who}, ${when}` }),
        ),
      ),
    );
  });
  card.append(
    h(
      'div',
      { class: 'actions' },
      h('label', { class: 'check' }, el('input'), 'Send the “Security Verification Approved” email when I verify'),
      ...(matched
        ? [
            button(`Verify the ${matched} matching request${matched === 1 ? '' : 's'} on this page`, {
              'aria-disabled': 'false',
            }),
          ]
        : []),
    ),
    h('p', { role: 'status', class: 'muted' }),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { part: 'table', 'aria-busy': 'false' },
        h('caption', {}, `Link requests 1–${page.items.length} of ${counts.format(page.total)}`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            sortHeader('Requested', true),
            sortHeader('Name given', false),
            sortHeader('Email given', false),
            sortHeader('Client profile claimed', false),
            h('th', { scope: 'col' }, 'Emails'),
            sortHeader('Status', false),
            h('th', { scope: 'col' }, 'Actions'),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    ),
    h('div', { part: 'pager', class: 'actions' }, button('Previous page', { disabled: '' }), button('Next page')),
  );
  card.querySelector<HTMLInputElement>('label.check input')!.type = 'checkbox';
};

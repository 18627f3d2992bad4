/**
 * The limit of the staff list's benchmark: the same content from the same adapter calls,
 * built with DOM calls and no framework: heading and description, the name, role and
 * location filters, the count, the bulk buttons, 50 rows with a checkbox, name, role,
 * location and contact status, the pager and the footer. A search waits for the same
 * 200 ms pause in typing.
 */
import { RestAdapter } from '../../src/adapters/rest.js';
import { el } from './dom.js';
import type { StaffMember } from '../../src/core/types.js';

declare global {
  interface Window {
    mountPlainList(): Promise<void>;
  }
}

const counts = new Intl.NumberFormat('en');

const ROLES = { owner: 'Owner', admin: 'Admin', manager: 'Manager', staff: 'Staff' } as const;

window.mountPlainList = async () => {
  const adapter = new RestAdapter({ baseUrl: '/api/deskguard' });
  const search = el('input');
  search.type = 'search';
  const role = el('select');
  for (const name of ['All roles', ...Object.values(ROLES)]) role.append(el('option', name));
  const location = el('select');
  const count = el('p');
  count.id = 'count';
  const list = el('ul');
  list.id = 'plain';
  const pager = el('p');
  const bulk = el('div');
  bulk.append(el('button', 'Pick all matching'), el('button', 'Clear all matching'), el('button', 'Pick none'));
  const footer = el('div');
  footer.append(el('p', 'No unsaved changes.'), el('button', 'Save'), el('button', 'Cancel'));
  document.body.append(
    el('h2', 'Data visibility override'),
    el('p', 'Staff you pick here still see customer phone numbers and email addresses while masking is on.'),
    search,
    role,
    location,
    count,
    bulk,
    list,
    pager,
    footer,
  );
  let picked = new Set<string>();
  const show = (items: StaffMember[], total: number) => {
    count.textContent =
      total === 0
        ? 'No staff match.'
        : total === 1
          ? '1 staff member matches.'
          : `${counts.format(total)} staff members match.`;
    list.replaceChildren(
      ...items.map((s) => {
        const row = el('li');
        const box = el('input');
        box.type = 'checkbox';
        const always = s.role === 'owner' || s.role === 'admin';
        box.checked = always || picked.has(s.id);
        row.append(
          box,
          el('span', s.name),
          el('span', `${ROLES[s.role]} · ${s.locationName}`),
          el('span', always ? 'Always sees contacts' : picked.has(s.id) ? 'Sees contacts' : ''),
        );
        return row;
      }),
    );
    pager.textContent = `Showing 1–${counts.format(items.length)} of ${counts.format(total)}`;
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      const page = await adapter.listStaff({ search: search.value, offset: 0, limit: 50 });
      show(page.items, page.total);
    }, 200);
  });
  const [, , overrides, locations, page] = await Promise.all([
    adapter.getViewer(),
    adapter.getMaskingSettings(),
    adapter.getVisibilityOverrides(),
    adapter.listLocations(),
    adapter.listStaff({ offset: 0, limit: 50 }),
  ]);
  picked = new Set(overrides.staffIds);
  location.append(el('option', 'All locations'), ...locations.map((l) => el('option', l.name)));
  show(page.items, page.total);
};

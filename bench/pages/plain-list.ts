/**
 * The limit of the staff list's benchmark: the same content from the same adapter calls,
 * built with DOM calls and no framework, in the element's markup with its stylesheets:
 * heading and description, the name, role and location filters, the count, the bulk
 * buttons, 50 rows (check, name, role and location, contact status), the pager and the
 * footer. A search waits for the same 200 ms pause in typing.
 */
import { RestAdapter } from '../../src/adapters/rest.js';
import { tokens } from '../../src/internal/styles.js';
import { styles } from '../../src/elements/staff-override-list/staff-override-list.styles.js';
import { button, cardSection, el, h, styledRoot } from './dom.js';
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
  const root = styledRoot([tokens, styles]);
  const search = h('input', { part: 'filter', type: 'search', autocomplete: 'off', spellcheck: 'false' });
  const role = h('select', { part: 'filter' });
  role.append(h('option', { value: '' }, 'All roles'));
  for (const [value, name] of Object.entries(ROLES)) role.append(h('option', { value }, name));
  const location = h('select', { part: 'filter' });
  const count = h('p', { id: 'count', part: 'count', class: 'muted', role: 'status' });
  const list = h('div', {
    part: 'list',
    class: 'list',
    role: 'listbox',
    tabindex: '0',
    'aria-multiselectable': 'true',
    'aria-labelledby': 'heading',
    'aria-describedby': 'count',
  });
  list.id = 'plain';
  const pager = h('div', { part: 'pager', class: 'pager' });
  const card = cardSection(
    'Data visibility override',
    'Staff you pick here still see customer phone numbers and email addresses while masking is on. Only staff with login access are listed: to add someone who is missing, give them login access in their staff profile first.',
  );
  // The card and its heading show while the answers load, as the element's do.
  const loading = h('p', { role: 'status', class: 'muted' }, 'Loading staff…');
  card.append(loading);
  root.append(card);
  const body = [
    h(
      'div',
      { part: 'filters', class: 'filters', role: 'search', 'aria-label': 'Filter staff' },
      h('label', {}, el('span', 'Name'), search),
      h('label', {}, el('span', 'Role'), role),
      h('label', {}, el('span', 'Location'), location),
    ),
    count,
    h(
      'div',
      { part: 'bulk', class: 'actions' },
      button('Pick all matching'),
      button('Clear all matching'),
      button('Pick none', { disabled: '' }),
    ),
    list,
    pager,
    h(
      'div',
      { class: 'footer' },
      h('p', { part: 'pending', role: 'status' }, 'No unsaved changes.'),
      h(
        'div',
        { class: 'actions' },
        button('Save', { class: 'primary', disabled: '' }),
        button('Cancel', { disabled: '' }),
      ),
    ),
  ];
  let picked = new Set<string>();
  const show = (items: StaffMember[], total: number) => {
    count.textContent =
      total === 0
        ? 'No staff match.'
        : total === 1
          ? '1 staff member matches.'
          : `${counts.format(total)} staff members match.`;
    list.replaceChildren(
      ...items.map((s, i) => {
        const always = s.role === 'owner' || s.role === 'admin';
        const on = always || picked.has(s.id);
        return h(
          'div',
          {
            part: 'option',
            role: 'option',
            id: `o${i}`,
            class: i === 0 ? 'active' : '',
            'aria-selected': String(on),
            'aria-disabled': String(always),
          },
          h('span', { class: 'check', 'aria-hidden': 'true' }),
          h(
            'span',
            { class: 'who' },
            h('span', { class: 'name' }, s.name),
            h('span', { class: 'muted' }, `${ROLES[s.role]} · ${s.locationName}`),
          ),
          h('span', { part: 'status', class: 'status' }, always ? 'Always sees contacts' : on ? 'Sees contacts' : ''),
        );
      }),
    );
    list.setAttribute('aria-activedescendant', 'o0');
    pager.replaceChildren(
      h('p', { class: 'muted' }, `Showing 1–${counts.format(items.length)} of ${counts.format(total)}`),
      h('div', { class: 'actions' }, button('Previous page', { disabled: '' }), button('Next page')),
    );
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
  location.append(
    h('option', { value: '' }, 'All locations'),
    ...locations.map((l) => h('option', { value: l.id }, l.name)),
  );
  show(page.items, page.total);
  loading.replaceWith(...body);
};

/**
 * The limit of the permission groups' benchmark: the same content from the same adapter
 * call, built with DOM calls and no framework, in the element's markup with its
 * stylesheets: heading and description, the groups with their member counts, the chosen
 * group's name, buttons, members and address restriction, the search, and the folded
 * sections (the section's name and "N of M granted"). A section draws its permissions
 * (checkbox, label, sensitive tag, description, what grants it) when it first opens; a
 * search keystroke opens the sections with a match and hides the permissions it leaves
 * out, as the element does.
 */
import { RestAdapter } from '../../src/adapters/rest.js';
import { foldForSearch as fold } from '../../src/policy/fold.js';
import { tokens } from '../../src/internal/styles.js';
import { formStyles } from '../../src/internal/form-styles.js';
import { styles } from '../../src/elements/permission-groups/permission-groups.styles.js';
import { button, cardSection, h, styledRoot } from './dom.js';
import type { PermissionInfo } from '../../src/core/types.js';

declare global {
  interface Window {
    mountPlainGroups(): Promise<void>;
  }
}

const counts = new Intl.NumberFormat('en');

window.mountPlainGroups = async () => {
  const root = styledRoot([tokens, formStyles, styles]);
  const loading = h('p', { role: 'status', class: 'muted' }, 'Loading permission groups…');
  const card = cardSection(
    'Permission groups',
    'Decides what each group of staff may do: grant few permissions up front and add more when needed.',
    loading,
  );
  root.append(card);
  const data = await new RestAdapter({ baseUrl: '/api/deskguard' }).getPermissionGroups();
  const group = data.groups[0]!;
  const byId = new Map(data.permissions.map((p) => [p.id, p]));
  const granted = new Set<string>();
  const implied = new Map<string, string[]>();
  const visit = (from: string, id: string) => {
    granted.add(id);
    for (const next of byId.get(id)?.implies ?? []) {
      if (!group.permissions.includes(next)) implied.set(next, [...(implied.get(next) ?? []), from]);
      visit(from, next);
    }
  };
  for (const id of group.permissions) visit(id, id);

  const groups = h('ul', { part: 'groups', 'aria-label': 'Groups' });
  for (const g of data.groups) {
    const members =
      g.memberCount === 0 ? 'No members' : g.memberCount === 1 ? '1 member' : `${counts.format(g.memberCount)} members`;
    const choose = h(
      'button',
      { part: 'group', type: 'button', 'aria-current': String(g === group) },
      h('span', { class: 'name', dir: 'auto' }, g.name),
      h('span', { class: 'muted' }, members),
    );
    if (g.allowedAddresses) choose.append(h('span', { part: 'tag', class: 'tag' }, 'IP restricted'));
    groups.append(h('li', {}, choose));
  }
  const search = h('input', { type: 'search', 'aria-label': 'Search permissions', placeholder: 'Search permissions' });
  const status = h('p', { class: 'muted', role: 'status' });
  // Each permission's folded text, and its row once its section has been opened.
  const rows: { p: PermissionInfo; text: string; section: HTMLDetailsElement; row?: HTMLElement }[] = [];
  const draw = (p: PermissionInfo) => {
    const id = `p-${p.id}`;
    const box = h('input', { type: 'checkbox', id, 'aria-describedby': `${id}-d` });
    box.value = p.id;
    box.checked = granted.has(p.id);
    const by = implied.get(p.id);
    box.disabled = !!by;
    const label = h('label', { for: id }, h('span', { dir: 'auto' }, p.label));
    if (p.sensitive)
      label.append(
        h('span', { part: 'tag', class: 'tag sensitive' }, p.sensitive === 'client' ? 'Client data' : 'Staff data'),
      );
    const description = h('p', { id: `${id}-d`, class: 'muted' }, h('span', { dir: 'auto' }, p.description));
    if (by) description.append(` Included with ${by.map((x) => byId.get(x)?.label ?? x).join(', ')}.`);
    return h('div', { part: 'permission', class: 'permission' }, box, label, description);
  };
  /** Draws a section's permissions the first time it opens (a folded section has only its summary). */
  const fill = (section: HTMLDetailsElement) => {
    if (section.querySelector('fieldset')) return;
    const fieldset = h(
      'fieldset',
      {},
      h('legend', { class: 'visually-hidden', dir: 'auto' }, section.querySelector('.section-name')!.textContent!),
    );
    for (const entry of rows) if (entry.section === section) fieldset.append((entry.row = draw(entry.p)));
    section.append(fieldset);
  };
  const sections = data.sections.flatMap((s) => {
    const items = data.permissions.filter((p) => p.section === s.id);
    if (!items.length) return [];
    const details = h(
      'details',
      { part: 'section', class: 'section' },
      h(
        'summary',
        {},
        h('span', { class: 'chevron', 'aria-hidden': 'true' }),
        h('span', { dir: 'auto', class: 'section-name' }, s.label),
        h(
          'span',
          { class: 'muted' },
          `${counts.format(items.filter((p) => granted.has(p.id)).length)} of ${counts.format(items.length)} granted`,
        ),
      ),
    );
    details.addEventListener('toggle', () => details.open && fill(details));
    for (const p of items) rows.push({ p, text: fold(`${p.label} ${p.description} ${s.label}`), section: details });
    return [details];
  });
  const name = h('input', { id: 'name' });
  name.value = group.name;
  loading.replaceWith(
    h(
      'div',
      { class: 'layout' },
      h('div', { class: 'side' }, groups, button('New group')),
      h(
        'div',
        { part: 'editor', class: 'editor' },
        h('label', { class: 'field' }, 'Group name', name),
        h('div', { class: 'actions' }, button('Duplicate'), button('Delete', { 'aria-expanded': 'false' })),
        h(
          'fieldset',
          { class: 'members' },
          h('legend', {}, 'Members'),
          button(`Show the ${counts.format(group.memberCount)} members`, { 'aria-disabled': 'false' }),
        ),
        h(
          'fieldset',
          { class: 'addresses' },
          h('legend', {}, 'Where members sign in'),
          h(
            'label',
            { class: 'check-row' },
            h('input', { type: 'checkbox' }),
            'Members may sign in only from these IP addresses',
          ),
        ),
        search,
        status,
        ...sections,
      ),
    ),
  );
  search.addEventListener('input', () => {
    const q = fold(search.value.trim());
    let matches = 0;
    const shown = new Set<HTMLDetailsElement>();
    for (const entry of rows) {
      if (!q || entry.text.includes(q)) {
        matches += 1;
        shown.add(entry.section);
      }
    }
    for (const section of sections) {
      section.hidden = !shown.has(section);
      section.open = !!q && shown.has(section);
      if (section.open) fill(section);
    }
    for (const { row, text } of rows) if (row) row.hidden = !!q && !text.includes(q);
    status.textContent = !q
      ? ''
      : matches === 0
        ? 'No permissions match.'
        : matches === 1
          ? '1 permission matches.'
          : `${counts.format(matches)} permissions match.`;
  });
};

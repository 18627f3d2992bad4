/**
 * The limit of the permission groups' benchmark: the same content from the same adapter
 * call, built with DOM calls and no framework: heading and description, the groups with
 * their member counts, the chosen group's name, buttons, members and IP restriction, the
 * search, and every permission by section (checkbox, label, sensitive tag, description,
 * what grants it). A search keystroke hides the permissions it leaves out, as the
 * element does.
 */
import { RestAdapter } from '../../src/adapters/rest.js';
import { el } from './dom.js';

declare global {
  interface Window {
    mountPlainGroups(): Promise<void>;
  }
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

window.mountPlainGroups = async () => {
  const adapter = new RestAdapter({ baseUrl: '/api/deskguard' });
  const data = await adapter.getPermissionGroups();
  const group = data.groups[0]!;
  const byId = new Map(data.permissions.map((p) => [p.id, p]));
  const granted = new Set(group.permissions);
  const implied = new Map<string, string[]>();
  const visit = (from: string, id: string) => {
    for (const next of byId.get(id)?.implies ?? []) {
      if (!granted.has(next)) implied.set(next, [...(implied.get(next) ?? []), from]);
      visit(from, next);
    }
  };
  for (const id of group.permissions) visit(id, id);

  const groups = el('ul');
  for (const g of data.groups) {
    const button = el('button');
    button.append(el('span', g.name), el('span', g.memberCount === 1 ? '1 member' : `${g.memberCount} members`));
    const item = el('li');
    item.append(button);
    groups.append(item);
  }
  const name = el('input');
  name.value = group.name;
  const restricted = el('input');
  restricted.type = 'checkbox';
  const search = el('input');
  search.type = 'search';
  const status = el('p');
  const rows: { row: HTMLElement; text: string; section: HTMLFieldSetElement }[] = [];
  const sections = data.sections.map((s) => {
    const fieldset = el('fieldset');
    fieldset.append(el('legend', s.label));
    for (const p of data.permissions.filter((x) => x.section === s.id)) {
      const row = el('div');
      const box = el('input');
      box.type = 'checkbox';
      box.id = `p-${p.id}`;
      box.checked = granted.has(p.id) || implied.has(p.id);
      box.disabled = implied.has(p.id);
      const label = el('label');
      label.htmlFor = box.id;
      label.append(el('span', p.label));
      if (p.sensitive) label.append(el('span', p.sensitive === 'client' ? 'Client data' : 'Staff data'));
      const description = el('p', p.description);
      const by = implied.get(p.id);
      if (by) description.append(` Included with ${by.map((id) => byId.get(id)?.label ?? id).join(', ')}.`);
      row.append(box, label, description);
      fieldset.append(row);
      rows.push({ row, text: fold(`${p.label} ${p.description} ${s.label}`), section: fieldset });
    }
    return fieldset;
  });
  const members = el('fieldset');
  members.append(el('legend', 'Members'), el('button', `Show the ${group.memberCount} members`));
  document.body.append(
    el('h2', 'Permission groups'),
    el('p', 'Decides what each group of staff may do: grant few permissions up front and add more when needed.'),
    groups,
    el('button', 'New group'),
    name,
    el('button', 'Duplicate'),
    el('button', 'Delete'),
    members,
    restricted,
    search,
    status,
    ...sections,
  );
  search.addEventListener('input', () => {
    const q = fold(search.value.trim());
    let matches = 0;
    const shown = new Set<HTMLElement>();
    for (const { row, text, section } of rows) {
      const match = !q || text.includes(q);
      row.hidden = !match;
      if (match) {
        matches += 1;
        shown.add(section);
      }
    }
    for (const section of sections) section.hidden = !shown.has(section);
    status.textContent = q ? `${matches} permissions match.` : '';
  });
};

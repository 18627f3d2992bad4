import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/permission-groups.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import { AdapterError } from '../src/core/errors.js';
import type { PermissionGroupsElement } from '../src/elements/permission-groups/permission-groups.js';
import { ADMINISTER_GROUPS } from '../src/policy/index.js';
import { CORE_STAFF, type DeskguardMock } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { $, $$, button, deepText, until } from './support/dom.js';
import { restAdapter, useMock } from './support/mock.js';

async function mount(adapter: DeskguardAdapter): Promise<PermissionGroupsElement> {
  return fixture<PermissionGroupsElement>(html`<permission-groups .adapter=${adapter}></permission-groups>`);
}

function loaded(element: PermissionGroupsElement): Promise<HTMLElement> {
  return until(
    () => !element.shadowRoot?.querySelector('[part~="error"]') && $<HTMLElement>(element, '[part~="editor"]'),
    'the groups to load',
  );
}

/** Loaded, with every section opened as staff open one: by its summary. */
async function ready(element: PermissionGroupsElement): Promise<HTMLElement> {
  const editor = await loaded(element);
  for (const summary of $$<HTMLElement>(element, 'details:not([open]) > summary')) summary.click();
  await element.updateComplete;
  return editor;
}

const groupButton = (el: PermissionGroupsElement, name: string) =>
  until(
    () => $$<HTMLButtonElement>(el, '[part~="group"]').find((b) => b.querySelector('.name')?.textContent === name),
    `the group ${name}`,
  );

const box = (el: PermissionGroupsElement, id: string) => $<HTMLInputElement>(el, `[id="p-${id}"]`);
const row = (el: PermissionGroupsElement, id: string) => box(el, id).closest('[part~="permission"]') as HTMLElement;

async function choose(el: PermissionGroupsElement, name: string): Promise<void> {
  (await groupButton(el, name)).click();
  await until(() => $<HTMLInputElement>(el, '#name').value === name, `${name} chosen`);
}

async function tick(el: PermissionGroupsElement, id: string): Promise<void> {
  box(el, id).click();
  await el.updateComplete;
}

/** Types `text` into the permission search, resolving once the element has updated. */
async function searchFor(el: PermissionGroupsElement, text: string): Promise<void> {
  const search = $<HTMLInputElement>(el, 'input[type="search"]');
  search.value = text;
  search.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** Opens the review and saves, resolving once the element says so. */
async function reviewAndSave(el: PermissionGroupsElement): Promise<void> {
  button(el, /Review \d+ change/).click();
  await el.updateComplete;
  button(el, 'Save changes').click();
}

const saved = (el: PermissionGroupsElement) => until(() => deepText(el).includes('Saved.'), 'the save');
const groupsOf = (mock: DeskguardMock) => mock.storage.data.permissionGroups.groups;

runConformance<PermissionGroupsElement>({
  tag: 'permission-groups',
  mount,
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'loaded', config: {}, act: ready },
    { name: 'read-only', config: { viewer: 'front-desk' }, act: ready },
    {
      name: 'reviewing',
      config: {},
      act: async (el) => {
        await ready(el);
        await choose(el, 'Teacher or service provider');
        await tick(el, 'client.view-billing');
        button(el, /Review \d+ change/).click();
        return until(() => el.shadowRoot?.querySelector('[part~="review"]'), 'the review');
      },
    },
    {
      name: 'deleting',
      config: {},
      act: async (el) => {
        await ready(el);
        await choose(el, 'Front desk');
        button(el, 'Delete').click();
        return until(() => el.shadowRoot?.querySelector('#reassign'), 'the reassignment');
      },
    },
    {
      name: 'members shown',
      config: {},
      act: async (el) => {
        await ready(el);
        button(el, /Show the \d+ members/).click();
        return until(() => el.shadowRoot?.querySelector('.members li select'), 'the members');
      },
    },
    {
      name: 'load failed',
      config: { scenario: 'offline' },
      act: (el) => until(() => el.shadowRoot?.querySelector('[part~="error"]'), 'the error'),
    },
  ],
  write: {
    config: {},
    perform: async (el) => {
      await ready(el);
      await choose(el, 'Teacher or service provider');
      await tick(el, 'client.view-billing');
      await reviewAndSave(el);
    },
    assertInputKept: (el) => {
      expect(box(el, 'client.view-billing').checked).to.equal(true);
      expect(deepText(el)).to.contain('Teacher or service provider gains: View billing information');
    },
    succeeded: saved,
    conflictShown: (el) =>
      until(() => deepText(el).includes('Someone else changed the groups while you worked'), 'the conflict'),
  },
  hostile: { config: { scenario: 'hostile' }, shown: true },
  maskedViewers: [{ viewer: 'front-desk' }],
});

describe('<permission-groups>', () => {
  afterEach(() => fixtureCleanup());

  it('lists the least-privilege default groups with their members, and marks what exposes personal data', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    const names = $$(element, '[part~="group"] .name').map((n) => n.textContent);
    expect(names).to.deep.equal(['Front desk', 'Teacher or service provider', 'Manager', 'Admin']);
    const deskMembers = mock.storage.data.staff.filter(
      (s) => s.hasLoginAccess && s.role === 'staff' && s.groupId === undefined,
    ).length;
    expect((await groupButton(element, 'Front desk')).textContent).to.contain(`${deskMembers} members`);
    // The front desk is granted nothing that exposes personal data.
    const sensitive = $$<HTMLInputElement>(element, '[part~="permission"]').filter((r) =>
      r.querySelector('.sensitive'),
    );
    expect(sensitive.length).to.be.greaterThan(10);
    expect(sensitive.filter((r) => r.querySelector<HTMLInputElement>('input')!.checked)).to.have.length(0);
    expect(row(element, 'reports.mailing-lists').textContent).to.contain('Client data');
    expect(row(element, 'reports.payroll').textContent).to.contain('Staff data');
  });

  it('shows a permission another brings with it as included, with the reason, and not as a choice', async () => {
    await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    // The front desk updates profiles, which needs viewing them.
    expect(box(element, 'client.view-profile').checked).to.equal(true);
    expect(box(element, 'client.view-profile').disabled).to.equal(true);
    expect(row(element, 'client.view-profile').textContent).to.contain(
      'Included with Sign clients in, Update client profile information.',
    );
    await tick(element, 'client.update-profile');
    await tick(element, 'schedule.sign-in-clients');
    expect(box(element, 'client.view-profile').checked).to.equal(false);
    expect(box(element, 'client.view-profile').disabled).to.equal(false);
  });

  it('is read-only for staff who may not administer groups, and says why', async () => {
    await useMock({ viewer: 'front-desk' });
    const element = await mount(restAdapter());
    await ready(element);
    expect(deepText(element)).to.contain('that needs the “Administer permission groups” permission');
    expect($$<HTMLInputElement>(element, 'input[type="checkbox"]').every((b) => b.disabled)).to.equal(true);
    expect($<HTMLInputElement>(element, '#name').readOnly).to.equal(true);
    expect(() => button(element, 'New group')).to.throw();
    expect(() => button(element, 'Delete')).to.throw();
  });

  it('lets nobody grant what they do not hold or change their own group, in the element and in the backend', async () => {
    const mock = await useMock({ viewer: 'manager' });
    // The manager's group may administer groups but holds no more than a manager does.
    const manager = groupsOf(mock).find((g) => g.id === 'group-manager')!;
    manager.permissions = [...manager.permissions, ADMINISTER_GROUPS];
    const element = await mount(restAdapter());
    await ready(element);
    await choose(element, 'Teacher or service provider');
    expect(box(element, 'reports.payroll').disabled).to.equal(true);
    expect(row(element, 'reports.payroll').textContent).to.contain('You do not hold this permission');
    expect(box(element, 'client.edit-billing').disabled).to.equal(false);
    await choose(element, 'Manager');
    expect(deepText(element)).to.contain('This is your own group');
    expect(box(element, 'sales.sell').disabled).to.equal(true);
    // A backend call that tries anyway is refused, naming the rule.
    const { version } = await restAdapter().getPermissionGroups();
    const refused = await restAdapter()
      .updatePermissionGroups({
        changes: [{ kind: 'set-permissions', groupId: 'group-teacher', permissions: ['reports.payroll'] }],
        version,
      })
      .catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(AdapterError);
    expect((refused as AdapterError).kind).to.equal('validation');
    expect((refused as AdapterError).message).to.contain('Nobody grants a permission they do not hold');
    const own = await restAdapter()
      .updatePermissionGroups({
        changes: [{ kind: 'set-permissions', groupId: 'group-manager', permissions: [ADMINISTER_GROUPS] }],
        version,
      })
      .catch((e: unknown) => e as AdapterError);
    expect((own as AdapterError).message).to.contain('their own group');
    expect(groupsOf(mock).find((g) => g.id === 'group-teacher')!.permissions).not.to.include('reports.payroll');
  });

  it('says two groups cannot share a name, compared as the backend compares names, before anything is sent', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    button(element, 'New group').click();
    await until(() => $<HTMLInputElement>(element, '#name').value === 'New group', 'the new group');
    const name = $<HTMLInputElement>(element, '#name');
    name.value = '  FRONT   désk ';
    name.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(deepText(element)).to.contain('Two groups are called FRONT désk: give each a name of its own.');
    expect(button(element, /Review \d+ change/).disabled).to.equal(true);
    name.value = 'Reception';
    name.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(deepText(element)).not.to.contain('Two groups are called');
    expect(button(element, /Review \d+ change/).disabled).to.equal(false);
    expect(mock.served.filter((r) => r.method === 'POST')).to.have.length(0);
  });

  it('keeps the group list in view beside a long editor as the page scrolls, on a wide screen', async () => {
    await useMock({});
    const element = await fixture<PermissionGroupsElement>(
      html`<div style="inline-size: 960px"><permission-groups .adapter=${restAdapter()}></permission-groups></div>`,
    ).then((host) => host.querySelector('permission-groups')!);
    await ready(element);
    const side = $(element, '.side');
    const editor = $(element, '[part~="editor"]');
    expect(editor.offsetHeight, 'an editor taller than the window').to.be.greaterThan(window.innerHeight);
    window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY + editor.offsetHeight / 2);
    await new Promise(requestAnimationFrame);
    expect(editor.getBoundingClientRect().top, 'the editor scrolled up').to.be.lessThan(-100);
    const top = side.getBoundingClientRect().top;
    expect(top, 'the groups at the top of the window').to.be.within(-10, 10);
    // Every group can still be reached: the list scrolls on its own when it is taller than the window.
    expect(side.getBoundingClientRect().bottom).to.be.at.most(window.innerHeight + 10);
    window.scrollTo(0, 0);
  });

  it('creates, duplicates, renames and deletes groups, moving members first, in one reviewed save', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    const deskStaff = mock.storage.data.staff.filter((s) => s.role === 'staff' && s.hasLoginAccess).map((s) => s.id);

    button(element, 'New group').click();
    await until(() => $<HTMLInputElement>(element, '#name').value === 'New group', 'the new group');
    // A new group starts empty.
    expect($$<HTMLInputElement>(element, '[part~="permission"] input').some((b) => b.checked)).to.equal(false);
    const name = $<HTMLInputElement>(element, '#name');
    name.value = 'Reception';
    name.dispatchEvent(new Event('change'));
    await tick(element, 'schedule.book-appointments');

    await choose(element, 'Teacher or service provider');
    button(element, 'Duplicate').click();
    await until(() => $<HTMLInputElement>(element, '#name').value === 'Copy of Teacher or service provider', 'copy');

    await choose(element, 'Front desk');
    button(element, 'Delete').click();
    await element.updateComplete;
    // Its members need somewhere to go first.
    expect(button(element, 'Delete group').disabled).to.equal(true);
    const reassign = $<HTMLSelectElement>(element, '#reassign');
    reassign.value = [...reassign.options].find((o) => o.text === 'Reception')!.value;
    reassign.dispatchEvent(new Event('change'));
    await element.updateComplete;
    button(element, 'Delete group').click();
    await until(() => !$$(element, '[part~="group"] .name').some((n) => n.textContent === 'Front desk'), 'deleted');

    button(element, /Review \d+ change/).click();
    await element.updateComplete;
    const review = deepText($(element, '[part~="review"]'));
    expect(review).to.contain('New group Reception.');
    expect(review).to.contain('Reception gains: Book appointments.');
    expect(review).to.contain('New group Copy of Teacher or service provider.');
    expect(review).to.contain('Front desk is deleted; its members move to Reception.');
    button(element, 'Save changes').click();
    await saved(element);

    const names = groupsOf(mock).map((g) => g.name);
    expect(names).to.include.members(['Reception', 'Copy of Teacher or service provider']);
    expect(names).not.to.include('Front desk');
    const reception = groupsOf(mock).find((g) => g.name === 'Reception')!;
    expect(reception.permissions).to.deep.equal(['schedule.book-appointments']);
    const moved = mock.storage.data.staff.filter((s) => deskStaff.includes(s.id));
    expect(moved.every((s) => s.groupId === reception.id)).to.equal(true);
    expect((await groupButton(element, 'Reception')).textContent).to.contain(`${deskStaff.length} members`);
  });

  it('says who gains access to what before a grant is saved', async () => {
    await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    await tick(element, 'client.edit-billing');
    button(element, /Review \d+ change/).click();
    await element.updateComplete;
    const review = deepText($(element, '[part~="review"]'));
    // Editing billing brings viewing it; both expose client data.
    expect(review).to.contain(
      'Front desk gains: Edit billing information (Client data), View billing information (Client data).',
    );
    expect(review).to.match(/\d+ staff members gain that access now\./);
  });

  it('restricts a group to IP addresses and ranges, refusing what is not one', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    const restricted = $$<HTMLInputElement>(element, '.check-row input')[0]!;
    restricted.click();
    await element.updateComplete;
    const addresses = $<HTMLTextAreaElement>(element, 'textarea');
    addresses.value = '203.0.113.7\n10.0.0.0/33';
    addresses.dispatchEvent(new Event('input'));
    await element.updateComplete;
    // The backend has the last word on what an address is; its answer names the one it refused.
    await reviewAndSave(element);
    const error = await until(() => element.shadowRoot!.querySelector('[part~="error"]'), 'the refusal');
    expect(error.textContent).to.contain('Some addresses are not IP addresses or ranges (10.0.0.0/33)');
    expect(addresses.value).to.equal('203.0.113.7\n10.0.0.0/33');
    expect(groupsOf(mock).find((g) => g.id === 'group-front-desk')!.allowedAddresses ?? null).to.equal(null);
    addresses.value = '203.0.113.7\n2001:db8::/32';
    addresses.dispatchEvent(new Event('input'));
    await element.updateComplete;
    await reviewAndSave(element);
    await saved(element);
    expect(groupsOf(mock).find((g) => g.id === 'group-front-desk')!.allowedAddresses).to.deep.equal([
      '203.0.113.7',
      '2001:db8::/32',
    ]);
    expect((await groupButton(element, 'Front desk')).textContent).to.contain('IP restricted');
  });

  it('draws a folded section’s permissions when it opens, in the frame it opens in, and those a search finds', async () => {
    await useMock();
    const element = await mount(restAdapter());
    await loaded(element);
    const sections = $$<HTMLDetailsElement>(element, 'details[part~="section"]');
    expect(sections.length).to.be.greaterThan(3);
    expect(sections.every((s) => !s.open)).to.equal(true);
    expect($$(element, '[part~="permission"]')).to.have.length(0);
    const client = sections.find((s) => s.querySelector('.section-name')?.textContent === 'Client')!;
    client.querySelector('summary')!.click();
    await element.updateComplete;
    expect(client.open).to.equal(true);
    const drawn = $$(element, '[part~="permission"]');
    expect(drawn.length).to.be.greaterThan(0);
    expect(drawn.every((r) => client.contains(r))).to.equal(true);
    expect(box(element, 'client.view-billing')).to.be.an.instanceOf(HTMLInputElement);
    // Closed again, it stays closed for the next group too, its rows kept out of sight;
    // a search opens what matches.
    client.querySelector('summary')!.click();
    await element.updateComplete;
    expect(client.open).to.equal(false);
    await choose(element, 'Teacher or service provider');
    expect($$(element, '[part~="permission"]').length).to.equal(drawn.length);
    expect($$(element, '[part~="permission"]').some((r) => r.checkVisibility())).to.equal(false);
    await searchFor(element, 'billing');
    const open = $$<HTMLDetailsElement>(element, 'details[part~="section"]').filter((s) => s.open);
    expect(open.map((s) => s.querySelector('.section-name')?.textContent)).to.deep.equal(['Client']);
    expect(box(element, 'client.view-billing').checkVisibility()).to.equal(true);
  });

  it('finds permissions by words in their label, description or section, and says how many', async () => {
    await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    await searchFor(element, 'BILLING');
    const shown = $$(element, '[part~="permission"] label span[dir]')
      .filter((l) => l.checkVisibility())
      .map((l) => l.textContent);
    expect(shown).to.deep.equal(['View billing information', 'Edit billing information']);
    expect(deepText(element)).to.contain('2 permissions match.');
    await searchFor(element, 'zzz');
    expect(deepText(element)).to.contain('No permissions match.');
  });

  it('shows an edit made during a search in the rows the next keystroke leaves alone', async () => {
    await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    await choose(element, 'Teacher or service provider');
    await searchFor(element, 'client prof');
    expect(box(element, 'client.update-profile').checked).to.equal(false);
    await tick(element, 'client.edit-profile');
    // One more letter hides neither row: both show what the tick did.
    await searchFor(element, 'client profi');
    expect(row(element, 'client.update-profile').checkVisibility()).to.equal(true);
    expect(box(element, 'client.edit-profile').checked).to.equal(true);
    expect(box(element, 'client.update-profile').checked).to.equal(true);
    expect(row(element, 'client.update-profile').textContent).to.contain('Included with Edit client profiles.');
    await searchFor(element, '');
    expect(box(element, 'client.update-profile').checked).to.equal(true);
  });

  it('keeps the changes on top of someone else’s save, for review again', async () => {
    const mock = await useMock({ fault: { kind: 'conflict', on: 'write', times: 1 } });
    const element = await mount(restAdapter());
    await ready(element);
    await choose(element, 'Teacher or service provider');
    await tick(element, 'client.view-billing');
    await reviewAndSave(element);
    await until(() => deepText(element).includes('Your changes are kept on top of theirs'), 'the conflict');
    // Their rename shows, and the grant is still there to save.
    expect($$(element, '[part~="group"] .name').map((n) => n.textContent)).to.include('Front desk (day)');
    expect(box(element, 'client.view-billing').checked).to.equal(true);
    expect(deepText($(element, '[part~="review"]'))).to.contain('Teacher or service provider gains: View billing');
    button(element, 'Save changes').click();
    await saved(element);
    expect(groupsOf(mock).find((g) => g.id === 'group-teacher')!.permissions).to.include('client.view-billing');
    expect(groupsOf(mock).find((g) => g.id === 'group-front-desk')!.name).to.equal('Front desk (day)');
    expect(mock.storage.data.permissionGroups.updatedBy?.id).to.equal(CORE_STAFF.admin.id);
  });

  it('shows a group’s members and moves one to another group, in the reviewed save', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    button(element, /Show the \d+ members/).click();
    const tom = await until(
      () => $$(element, '.members li').find((li) => li.textContent?.includes(CORE_STAFF['front-desk'].name)),
      'the front desk’s members',
    );
    const select = tom.querySelector('select')!;
    expect(select.getAttribute('aria-label')).to.equal(`Group of ${CORE_STAFF['front-desk'].name}`);
    select.value = 'group-teacher';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    button(element, /Review 1 change/).click();
    await element.updateComplete;
    expect(deepText($(element, '[part~="review"]'))).to.contain(
      `${CORE_STAFF['front-desk'].name} moves to Teacher or service provider.`,
    );
    button(element, 'Save changes').click();
    await saved(element);
    expect(mock.storage.data.staff.find((s) => s.id === CORE_STAFF['front-desk'].id)!.groupId).to.equal(
      'group-teacher',
    );
    expect((await groupButton(element, 'Teacher or service provider')).textContent).to.contain('1 member');
  });

  it('lets nobody move themselves into a group that holds more, tried through the element', async () => {
    const mock = await useMock({ viewer: 'manager' });
    const manager = groupsOf(mock).find((g) => g.id === 'group-manager')!;
    manager.permissions = [...manager.permissions, ADMINISTER_GROUPS];
    const element = await mount(restAdapter());
    await ready(element);
    await choose(element, 'Manager');
    button(element, /Show the \d+ members/).click();
    const self = await until(
      () => $$(element, '.members li').find((li) => li.textContent?.includes(CORE_STAFF.manager.name)),
      'the manager among the members',
    );
    const select = self.querySelector('select')!;
    select.value = 'group-admin';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    await reviewAndSave(element);
    const error = await until(() => element.shadowRoot!.querySelector('[part~="error"]'), 'the refusal');
    expect(error.textContent).to.contain('Nobody moves themselves into a group that holds more');
    expect(mock.storage.data.staff.find((s) => s.id === CORE_STAFF.manager.id)!.groupId ?? 'group-manager').to.equal(
      'group-manager',
    );
  });

  it('keeps one group that may administer groups, tried by the owner through the element', async () => {
    const mock = await useMock({ viewer: 'owner' });
    const element = await mount(restAdapter());
    await ready(element);
    await choose(element, 'Admin');
    // The owner's login is in no group, so the Admin group is not their own.
    expect(deepText(element)).not.to.contain('This is your own group');
    await tick(element, ADMINISTER_GROUPS);
    await reviewAndSave(element);
    const error = await until(() => element.shadowRoot!.querySelector('[part~="error"]'), 'the refusal');
    expect(error.textContent).to.contain('At least one group must keep the permission to administer permission groups');
    expect(groupsOf(mock).find((g) => g.id === 'group-admin')!.permissions).to.include(ADMINISTER_GROUPS);
    // The change is still there to undo.
    expect(box(element, ADMINISTER_GROUPS).checked).to.equal(false);
  });
});

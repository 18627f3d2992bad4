import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/staff-access.js';
import '../src/define/staff-override-list.js';
import '../src/define/permission-groups.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { AdapterError } from '../src/core/errors.js';
import type { StaffAccessElement } from '../src/elements/staff-access/staff-access.js';
import type { StaffOverrideListElement } from '../src/elements/staff-override-list/staff-override-list.js';
import { CORE_STAFF, MOCK_BASE_URL } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { $, $$, button, deepText, until } from './support/dom.js';
import { recorded, restAdapter, useMock } from './support/mock.js';

type Access = StaffAccessElement;
const MANAGER = CORE_STAFF.manager;

async function mount(adapter: DeskguardAdapter, staffId: string = MANAGER.id): Promise<Access> {
  return fixture<Access>(html`<staff-access staff-id=${staffId} .adapter=${adapter}></staff-access>`);
}

function ready(element: Access): Promise<HTMLElement> {
  return until(
    () => !element.shadowRoot?.querySelector('[part~="error"]') && $<HTMLElement>(element, '[part~="facts"]'),
    'the access to load',
  );
}

const status = (element: Access) => $(element, '[part~="status"]').textContent!.trim();

function type(element: Access, label: string, text: string): void {
  const field = $$<HTMLLabelElement>(element, 'label')
    .find((l) => l.textContent!.includes(label))
    ?.querySelector('input');
  if (!field) throw new Error(`No field ${label}`);
  field.value = text;
  field.dispatchEvent(new Event('input'));
}

/** Opens deactivation and types the name, as staff do. */
async function startDeactivating(element: Access, name: string = MANAGER.name): Promise<void> {
  await ready(element);
  button(element, 'Deactivate…').click();
  await element.updateComplete;
  type(element, 'to confirm', name);
  await element.updateComplete;
}

const confirmButton = (element: Access) => $<HTMLButtonElement>(element, '[part~="confirm"] button[type="submit"]');

/** The conformance suite's staff member: one every viewer may open, the front desk their own. */
const DESK = CORE_STAFF['front-desk'];

runConformance<Access>({
  tag: 'staff-access',
  mount: (adapter) => mount(adapter, DESK.id),
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'active, with a shared login', config: {}, act: ready },
    {
      name: 'deactivation asked',
      config: {},
      act: (el) => startDeactivating(el, DESK.name),
    },
    { name: 'their own access, without the permission', config: { viewer: 'front-desk' }, act: ready },
    {
      name: 'someone else’s access, without the permission',
      config: { viewer: 'front-desk' },
      act: async (el) => {
        el.staffId = MANAGER.id;
        await until(() => deepText(el).includes('does not include managing'), 'the refusal');
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
      await startDeactivating(el, DESK.name);
      confirmButton(el).click();
    },
    assertInputKept: (el) => expect($$<HTMLInputElement>(el, '[part~="confirm"] input')[0]!.value).to.equal(DESK.name),
    succeeded: (el) => until(() => deepText(el).includes('is deactivated'), 'the deactivation'),
  },
  hostile: {
    config: { scenario: 'hostile' },
    shown: true,
    // The admin's name holds markup and an unbroken run: open theirs.
    act: async (el) => {
      el.staffId = CORE_STAFF.admin.id;
      await until(() => $(el, '[part~="person"]').textContent!.includes(CORE_STAFF.admin.name), 'the admin');
    },
  },
  maskedViewers: [{ viewer: 'front-desk' }],
});

describe('<staff-access>', () => {
  afterEach(() => fixtureCleanup());

  it('shows a group renamed by <permission-groups> on the same page, with no host code', async () => {
    await useMock({});
    const adapter = restAdapter();
    const page = await fixture<HTMLElement>(
      html`<div>
        <permission-groups .adapter=${adapter}></permission-groups>
        <staff-access .adapter=${adapter} staff-id=${MANAGER.id}></staff-access>
      </div>`,
    );
    const groups = page.querySelector('permission-groups')!;
    const access = page.querySelector<Access>('staff-access')!;
    await ready(access);
    expect($(access, '[part~="facts"]').textContent).to.contain('Manager');
    const manager = await until(
      () => $$<HTMLButtonElement>(groups, '[part~="group"]').find((b) => b.textContent!.includes('Manager')),
      'the groups',
    );
    manager.click();
    const name = await until(() => {
      const input = $<HTMLInputElement>(groups, '#name');
      return input.value === 'Manager' && input;
    }, 'the Manager group chosen');
    name.value = 'Shift leads';
    name.dispatchEvent(new Event('change'));
    await groups.updateComplete;
    button(groups, /Review/).click();
    await groups.updateComplete;
    button(groups, 'Save changes').click();
    await until(() => $(access, '[part~="facts"]').textContent!.includes('Shift leads'), 'the new name in the access');
  });

  it('deactivates only once the name is typed, and says exactly what will happen', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    button(element, 'Deactivate…').click();
    await element.updateComplete;
    const confirm = $(element, '[part~="confirm"]');
    for (const consequence of [
      'login is deleted',
      'leave their permission group (Manager)',
      'unassigned from every location',
      'leave the list of staff who see clients’ contacts',
      'contact details are kept',
      'needs new login details',
    ])
      expect(confirm.textContent).to.contain(consequence);
    type(element, 'to confirm', 'Elena');
    await element.updateComplete;
    expect(confirmButton(element).disabled, 'not until the name is typed').to.equal(true);
    confirmButton(element).click();
    await element.updateComplete;
    expect(
      mock.served.filter((r) => r.method === 'POST'),
      'nothing sent',
    ).to.have.length(0);
    type(element, 'to confirm', 'elena sokolova');
    await element.updateComplete;
    confirmButton(element).click();
    await until(() => status(element) === 'No login: cannot sign in.', 'the deactivated status');
    const manager = mock.storage.data.staff.find((s) => s.id === MANAGER.id)!;
    expect(manager.hasLoginAccess).to.equal(false);
    expect(manager.groupId).to.equal(null);
    expect(manager.locationId).to.equal('');
    expect(mock.storage.data.clients.length, 'contact details stay').to.be.greaterThan(0);
    const event = recorded(mock.storage).at(-1)!;
    expect(event).to.include({ action: 'staff.deactivated', outcome: 'success' });
    expect(event.actor.id).to.equal(CORE_STAFF.admin.id);
    expect(event.changes['onOverrideList']).to.deep.equal({ old: true, new: false });
  });

  it('takes a deactivated person off the override list, and reactivating does not put them back: backend and both elements', async () => {
    const mock = await useMock({});
    const adapter = restAdapter();
    const host = await fixture<HTMLElement>(
      html`<div>
        <staff-access staff-id=${MANAGER.id} .adapter=${adapter}></staff-access>
        <staff-override-list .adapter=${adapter}></staff-override-list>
      </div>`,
    );
    const access = host.querySelector<Access>('staff-access')!;
    const list = host.querySelector<StaffOverrideListElement>('staff-override-list')!;
    // The list follows <staff-access> on the same page by itself: no host code reloads it.
    const option = () => $$(list, '[role="option"]').find((o) => o.textContent!.includes(MANAGER.name));
    await until(() => $$(list, '[role="option"]').length > 0, 'the staff list');
    expect(option()?.getAttribute('aria-selected'), 'on the list to start with').to.equal('true');

    await startDeactivating(access);
    confirmButton(access).click();
    await until(() => status(access).startsWith('No login'), 'deactivated');
    expect(mock.storage.data.overrides.staffIds).not.to.include(MANAGER.id);
    await until(() => !option(), 'gone from the list with their login');

    button(access, 'Reactivate…').click();
    await access.updateComplete;
    expect($(access, '[part~="confirm"]').textContent).to.contain('Nothing else comes back');
    type(access, 'Username', 'elena.sokolova');
    type(access, 'Password', 'tulip harbour 9 violin');
    await access.updateComplete;
    confirmButton(access).click();
    await until(() => status(access).startsWith('Active'), 'reactivated');
    expect(deepText(access)).to.contain('They have no group yet');
    expect(mock.storage.data.overrides.staffIds, 'not silently restored').not.to.include(MANAGER.id);
    await until(() => option(), 'listed again with a login');
    expect(option()!.getAttribute('aria-selected'), 'listed again, not picked').to.equal('false');
    // The old sign-in ended with the old login; the new login signs in.
    const old = restAdapter({ headers: () => ({ Authorization: `Bearer ${MANAGER.id}` }) });
    expect(
      await old.getViewer().then(
        () => 'served',
        (e: AdapterError) => e.kind,
      ),
    ).to.equal('unauthorized');
    const session = await fetch(`${MOCK_BASE_URL}/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'elena.sokolova', password: 'tulip harbour 9 violin' }),
    });
    expect(session.status).to.equal(201);
    const { token } = (await session.json()) as { token: string };
    const viewer = await restAdapter({ headers: () => ({ Authorization: `Bearer ${token}` }) }).getViewer();
    expect(viewer.id).to.equal(MANAGER.id);
    expect(viewer.canSeeContacts, 'the reactivated manager sees contacts masked').to.equal(false);
  });

  it('says while typing what a new password lacks by the business’s rules, and the backend refuses it too', async () => {
    const mock = await useMock({});
    const rules = mock.storage.data.loginSecurity;
    rules.settings = { ...rules.settings, minLength: 12 };
    const element = await mount(restAdapter(), 'staff-nologin-1');
    await ready(element);
    expect(status(element)).to.equal('No login: cannot sign in.');
    button(element, 'Reactivate…').click();
    await element.updateComplete;
    type(element, 'Username', 'new.person');
    type(element, 'Password', 'harbourviolin');
    await element.updateComplete;
    const said = () => $$(element, '#password-rules li').map((li) => li.textContent!.trim());
    expect(said()).to.deep.equal(['Mix letters and numbers.']);
    expect(confirmButton(element).disabled).to.equal(true);
    type(element, 'Password', 'tulip 9 harb');
    await element.updateComplete;
    expect(said(), 'the business asks for 12, not the seed’s 8').to.deep.equal([]);
    type(element, 'Password', 'tulip 9');
    await element.updateComplete;
    expect(said()).to.deep.equal(['Use at least 12 characters.']);
    expect($$<HTMLInputElement>(element, '[part~="confirm"] input').map((i) => i.value)).to.deep.equal([
      'new.person',
      'tulip 9',
    ]);
    const refused = await restAdapter()
      .changeStaffAccess({
        staffId: 'staff-nologin-1',
        version: 1,
        action: 'reactivate',
        username: 'new.person',
        password: 'tulip 9',
      })
      .catch((error: AdapterError) => error);
    expect((refused as AdapterError).fieldErrors?.['password']).to.contain('too-short');
  });

  it('confirms a deactivation by the name as shown, whatever spaces the record keeps around it', async () => {
    const mock = await useMock({});
    const manager = mock.storage.data.staff.find((s) => s.id === MANAGER.id)!;
    manager.name = `  ${MANAGER.name}\u00a0 `;
    const element = await mount(restAdapter());
    await startDeactivating(element, MANAGER.name);
    expect(confirmButton(element).disabled, 'the name as shown, without the spaces').to.equal(false);
    confirmButton(element).click();
    await until(() => status(element).startsWith('No login'), 'deactivated');
  });

  it('unlocks a locked login at once, and asks before signing out everywhere', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter(), 'staff-2');
    await ready(element);
    expect(status(element)).to.match(/^Locked after failed sign-ins, until /);
    button(element, 'Unlock').click();
    await until(() => status(element) === 'Active: can sign in.', 'unlocked');
    expect(recorded(mock.storage).at(-1)!.action).to.equal('staff.unlocked');
    button(element, 'Sign out everywhere…').click();
    await element.updateComplete;
    expect(button(element, 'Sign out everywhere…').getAttribute('aria-expanded')).to.equal('true');
    const before = mock.served.filter((r) => r.method === 'POST').length;
    button(element, 'Cancel').click();
    await element.updateComplete;
    expect(mock.served.filter((r) => r.method === 'POST')).to.have.length(before);
  });

  it('flags a login shared with other staff, with what to do', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter(), CORE_STAFF['front-desk'].id);
    await ready(element);
    const other = mock.storage.data.staff.find((s) => s.id === 'staff-1')!;
    expect(deepText(element)).to.contain(`This login is shared with ${other.name}`);
    expect(deepText(element)).to.contain('give each of them a login of their own');
  });

  it('offers the owner a login name of its own instead of “owner”, and refuses “owner” again', async () => {
    // The owner's login is changed by the owner alone.
    const mock = await useMock({ viewer: 'owner' });
    const element = await mount(restAdapter(), CORE_STAFF.owner.id);
    await ready(element);
    expect(deepText(element)).to.contain('give it a name of its own');
    expect(
      $$(element, '.actions button').map((b) => b.textContent!.trim()),
      'no deactivating the owner',
    ).not.to.include('Deactivate…');
    type(element, 'New username', 'Owner');
    button(element, 'Rename login').click();
    await until(() => $(element, '#username-error').textContent!.includes('not the generic'), 'the refusal');
    type(element, 'New username', 'priya.raman');
    button(element, 'Rename login').click();
    await until(() => deepText(element).includes('The login is called priya.raman now.'), 'the rename');
    expect(mock.storage.data.staff.find((s) => s.id === CORE_STAFF.owner.id)!.login!.username).to.equal('priya.raman');
  });

  it('changes the group through the rules of change', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter(), CORE_STAFF['front-desk'].id);
    await ready(element);
    button(element, 'Change group…').click();
    await element.updateComplete;
    const select = $<HTMLSelectElement>(element, '[part~="confirm"] select');
    select.value = 'group-teacher';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    confirmButton(element).click();
    await until(() => deepText(element).includes('is in Teacher or service provider now'), 'the move');
    expect(mock.storage.data.staff.find((s) => s.id === CORE_STAFF['front-desk'].id)!.groupId).to.equal(
      'group-teacher',
    );
    expect(recorded(mock.storage).at(-1)).to.include({ action: 'permission_group.member_changed' });
  });
});

import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http } from 'msw';
import '../src/define/deskguard-provider.js';
import '../src/define/masking-settings.js';
import '../src/define/staff-override-list.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { StaffOverrideListElement } from '../src/elements/staff-override-list/staff-override-list.js';
import { CORE_STAFF, MOCK_BASE_URL } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { $, $$, button, deepText, until } from './support/dom.js';
import { currentMock, restAdapter, useMock, worker } from './support/mock.js';

type List = StaffOverrideListElement;

async function mount(adapter: DeskguardAdapter): Promise<List> {
  return fixture<List>(html`<staff-override-list .adapter=${adapter}></staff-override-list>`);
}

function listbox(element: List): HTMLElement {
  return $(element, '[role="listbox"]');
}

function options(element: List): HTMLElement[] {
  return $$<HTMLElement>(element, '[role="option"]');
}

function option(element: List, name: string): HTMLElement {
  const found = options(element).find((o) => o.textContent?.includes(name));
  if (!found) throw new Error(`No option for ${name}`);
  return found;
}

/** The first staff member who can be picked and is not picked yet. */
function firstUnpicked(element: List): HTMLElement {
  const found = options(element).find(
    (o) => o.getAttribute('aria-disabled') === 'false' && o.getAttribute('aria-selected') === 'false',
  );
  if (!found) throw new Error('No unpicked staff member');
  return found;
}

async function ready(element: List): Promise<HTMLElement> {
  return until(
    () =>
      !element.shadowRoot?.querySelector('[part~="error"]') &&
      element.shadowRoot?.querySelector<HTMLElement>('[part~="list"]'),
    'the staff list to load',
  );
}

function pendingText(element: List): string {
  return $(element, '[part~="pending"]').textContent?.trim() ?? '';
}

function countText(element: List): string {
  return $(element, '[part~="count"]').textContent?.trim() ?? '';
}

async function typeFilter(element: List, text: string): Promise<void> {
  const input = $<HTMLInputElement>(element, 'input[type="search"]');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function selectFilter(element: List, index: number, value: string): void {
  const select = $$<HTMLSelectElement>(element, 'select')[index]!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The MioSalon settings page: the masking switch above the list, sharing one provider. */
function settingsPage(): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`
    <deskguard-provider .adapter=${restAdapter()}>
      <masking-settings></masking-settings>
      <staff-override-list></staff-override-list>
    </deskguard-provider>
  `);
}

function saved(element: List): Promise<unknown> {
  return until(() => pendingText(element) === 'No unsaved changes.', 'the changes to be saved');
}

runConformance<List>({
  tag: 'staff-override-list',
  mount,
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'admin, masking on', config: {}, act: ready },
    { name: 'masking off, read-only', config: { business: 'premium-existing' }, act: ready },
    { name: 'front-desk staff, read-only', config: { viewer: 'front-desk' }, act: ready },
    { name: 'lite plan', config: { business: 'lite' }, act: ready },
    { name: 'large data, paged', config: { scenario: 'large' }, act: ready },
    {
      name: 'no match for the filter',
      config: {},
      act: async (el) => {
        await ready(el);
        await typeFilter(el, 'zzzz');
        await until(() => deepText(el).includes('No staff with login access match these filters.'), 'no match');
      },
    },
    {
      name: 'unsaved changes, list focused',
      config: {},
      act: async (el) => {
        await ready(el);
        firstUnpicked(el).click();
        await el.updateComplete;
        listbox(el).focus();
      },
    },
    {
      name: 'conflict with another admin',
      config: {},
      act: async (el) => {
        await ready(el);
        (await currentMock()).setFault({ kind: 'conflict', on: 'write', times: 1 });
        firstUnpicked(el).click();
        await el.updateComplete;
        button(el, 'Save').click();
        await until(() => deepText(el).includes('They added'), 'the conflict');
      },
    },
    {
      name: 'save failed',
      config: {},
      act: async (el) => {
        await ready(el);
        (await currentMock()).setFault({ kind: 'server', on: 'write' });
        firstUnpicked(el).click();
        await el.updateComplete;
        button(el, 'Save').click();
        await until(() => el.shadowRoot?.querySelector('[part~="error"]'), 'the error');
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
      option(el, CORE_STAFF['front-desk'].name).click();
      await el.updateComplete;
      button(el, 'Save').click();
    },
    assertInputKept: (el) => {
      expect(option(el, CORE_STAFF['front-desk'].name).getAttribute('aria-selected')).to.equal('true');
      expect(deepText(el)).to.match(/1 unsaved change\.|Your changes are kept/);
    },
    succeeded: saved,
  },
  hostile: { config: {}, shown: true },
  maskedViewers: [{ viewer: 'front-desk' }, { viewer: 'admin' }],
});

describe('<staff-override-list>', () => {
  afterEach(() => fixtureCleanup());

  it('lists staff with login access, with role, location and who sees contacts', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    const withLogin = mock.storage.data.staff.filter((s) => s.hasLoginAccess);
    const withoutLogin = mock.storage.data.staff.filter((s) => !s.hasLoginAccess);
    expect(withoutLogin.length, 'the data has staff without login').to.be.greaterThan(0);
    expect(options(element)).to.have.length(withLogin.length);
    for (const s of withoutLogin) expect(deepText(element)).not.to.contain(s.name);
    expect(countText(element)).to.equal(`${withLogin.length} staff members match.`);

    const owner = option(element, CORE_STAFF.owner.name);
    expect(owner.getAttribute('aria-disabled'), 'owners are not a choice').to.equal('true');
    expect(owner.textContent).to.contain('Always sees contacts');
    expect(owner.textContent).to.contain('Owner');
    const manager = option(element, CORE_STAFF.manager.name);
    expect(manager.getAttribute('aria-selected')).to.equal('true');
    expect(manager.textContent).to.contain('Sees contacts');
    const frontDesk = option(element, CORE_STAFF['front-desk'].name);
    expect(frontDesk.getAttribute('aria-selected')).to.equal('false');
    const record = mock.storage.data.staff.find((s) => s.id === CORE_STAFF['front-desk'].id)!;
    const location = mock.storage.data.locations.find((l) => l.id === record.locationId)!;
    expect(frontDesk.textContent).to.contain(location.name);
    expect(deepText(element)).to.contain('give them login access in their staff profile first');
  });

  it('wraps the three bulk buttons into rows that each fill the toolbar on a narrow screen', async () => {
    await useMock();
    for (const width of [320, 375]) {
      const box = await fixture<HTMLElement>(
        html`<div style="inline-size: ${width}px">
          <staff-override-list .adapter=${restAdapter()}></staff-override-list>
        </div>`,
      );
      const element = box.firstElementChild as List;
      await until(() => options(element).length > 0, 'the staff');
      const bar = $(element, '[part~="bulk"]').getBoundingClientRect();
      const buttons = $$(element, '[part~="bulk"] button').map((b) => b.getBoundingClientRect());
      const rows = new Map<number, DOMRect[]>();
      for (const b of buttons) rows.set(Math.round(b.top), [...(rows.get(Math.round(b.top)) ?? []), b]);
      expect(rows.size, `${width} px: the buttons wrap`).to.be.greaterThan(1);
      for (const row of rows.values()) {
        expect(Math.min(...row.map((b) => b.left)), `${width} px: a row starts at the edge`).to.be.closeTo(bar.left, 1);
        expect(Math.max(...row.map((b) => b.right)), `${width} px: a row reaches the edge`).to.be.closeTo(bar.right, 1);
      }
    }
  });

  it('filters by name without regard to case or accents, by role and by location, and announces the count', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    expect($(element, '[part~="count"]').getAttribute('role')).to.equal('status');
    await typeFilter(element, 'ELENA');
    await until(() => countText(element) === '1 staff member matches.', 'one match');
    expect(options(element).map((o) => o.querySelector('.name')?.textContent)).to.deep.equal([CORE_STAFF.manager.name]);
    await typeFilter(element, '');
    selectFilter(element, 0, 'owner');
    await until(() => options(element)[0]?.textContent?.includes(CORE_STAFF.owner.name), 'owners only');
    expect(options(element)).to.have.length(1);
    selectFilter(element, 0, '');
    const location = mock.storage.data.locations[1]!;
    selectFilter(element, 1, location.id);
    const expected = mock.storage.data.staff.filter((s) => s.hasLoginAccess && s.locationId === location.id);
    await until(() => options(element).length === expected.length, 'one location');
    expect(countText(element)).to.contain(String(expected.length));
    await typeFilter(element, 'zzzz');
    await until(() => countText(element) === 'No staff match.', 'no match');
    button(element, 'Clear filters').click();
    const all = mock.storage.data.staff.filter((s) => s.hasLoginAccess).length;
    await until(() => options(element).length === all, 'every filter cleared');
    expect($$<HTMLSelectElement>(element, 'select').map((s) => s.value)).to.deep.equal(['', '']);
    expect($<HTMLInputElement>(element, 'input[type="search"]').value).to.equal('');
  });

  it('keeps the rows readable while a search loads: the list says it is busy without fading them', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    mock.config.latencyMs = 1500;
    await typeFilter(element, 'zzzz');
    await until(() => listbox(element).getAttribute('aria-busy') === 'true', 'the search under way');
    expect(getComputedStyle(listbox(element)).opacity, 'rows at full strength').to.equal('1');
    // The rows on show while the answer is awaited meet contrast, in light and dark.
    await expect(element).to.be.accessible();
    element.style.setProperty('--dg-color-scheme', 'dark');
    await expect(element).to.be.accessible();
    expect(listbox(element).getAttribute('aria-busy'), 'still the stale rows').to.equal('true');
  });

  it('keeps a slow answer to an old filter from replacing a newer one', async () => {
    await useMock({});
    (await worker()).use(
      http.get(`${MOCK_BASE_URL}/staff`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('search') === 'Tom') await delay(800);
      }),
    );
    const element = await mount(restAdapter({ timeoutMs: 3000 }));
    await ready(element);
    await typeFilter(element, 'Tom');
    await new Promise((r) => setTimeout(r, 300));
    await typeFilter(element, 'Elena');
    await until(() => countText(element) === '1 staff member matches.', 'the newer answer');
    await new Promise((r) => setTimeout(r, 900));
    expect(options(element).map((o) => o.querySelector('.name')?.textContent)).to.deep.equal([CORE_STAFF.manager.name]);
  });

  it('is one tab stop: arrows, Home and End move, Space toggles, and the pending count follows', async () => {
    await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    $<HTMLInputElement>(element, 'input[type="search"]').focus();
    await sendKeys({ press: 'Tab' }); // role
    await sendKeys({ press: 'Tab' }); // location
    await sendKeys({ press: 'Tab' }); // pick all matching
    await sendKeys({ press: 'Tab' }); // clear all matching
    await sendKeys({ press: 'Tab' }); // pick none
    await sendKeys({ press: 'Tab' });
    const list = listbox(element);
    expect(element.shadowRoot!.activeElement).to.equal(list);
    const active = () => list.getAttribute('aria-activedescendant');
    expect(active()).to.equal('o0');
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal('o1');
    await sendKeys({ press: 'End' });
    const last = options(element).length - 1;
    expect(active()).to.equal(`o${last}`);
    await sendKeys({ press: 'ArrowDown' });
    expect(active(), 'stays on the last').to.equal(`o${last}`);
    await sendKeys({ press: 'Home' });
    expect(active()).to.equal('o0');
    const target = options(element).findIndex((o) => o.textContent?.includes(CORE_STAFF['front-desk'].name));
    for (let i = 0; i < target; i++) await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal(`o${target}`);
    await sendKeys({ press: ' ' });
    expect(option(element, CORE_STAFF['front-desk'].name).getAttribute('aria-selected')).to.equal('true');
    expect(pendingText(element)).to.equal('1 unsaved change.');
    await sendKeys({ press: ' ' });
    expect(option(element, CORE_STAFF['front-desk'].name).getAttribute('aria-selected')).to.equal('false');
    expect(pendingText(element)).to.equal('No unsaved changes.');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: ' ' });
    expect(option(element, CORE_STAFF.owner.name).getAttribute('aria-selected'), 'owners stay as they are').to.equal(
      'true',
    );
    expect(pendingText(element)).to.equal('No unsaved changes.');
    // The next tab leaves the list: the rows are not tab stops.
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).not.to.equal(list);
    expect(options(element).every((o) => !o.hasAttribute('tabindex'))).to.equal(true);
  });

  it('picks all matching the filter, clears them, picks none, and saves the exact set', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    const location = mock.storage.data.locations[0]!;
    selectFilter(element, 1, location.id);
    await until(() => listbox(element).getAttribute('aria-busy') === 'false', 'the filtered page');
    const pickable = mock.storage.data.staff
      .filter((s) => s.hasLoginAccess && s.locationId === location.id && s.role !== 'owner' && s.role !== 'admin')
      .map((s) => s.id);
    expect(pickable.length).to.be.greaterThan(1);
    button(element, 'Pick all matching').click();
    const already = pickable.filter((id) => mock.storage.data.overrides.staffIds.includes(id)).length;
    const expectedPending = pickable.length - already;
    await until(
      () => pendingText(element) === `${expectedPending} unsaved change${expectedPending === 1 ? '' : 's'}.`,
      'the picks',
    );
    const picked = once(element, 'override-picks-change');
    button(element, 'Pick none').click();
    expect((await picked).detail.staffIds).to.deep.equal([]);
    button(element, 'Pick all matching').click();
    const savedBefore = mock.storage.data.overrides.staffIds;
    const dropped = savedBefore.filter((id) => !pickable.includes(id)).length;
    await until(() => pendingText(element).startsWith(String(expectedPending + dropped)), 'picked again');
    const savedEvent = oneEvent(element, 'overrides-saved');
    button(element, 'Save').click();
    const event = await savedEvent;
    const expectedSet = [...pickable].sort();
    expect([...event.detail.overrides.staffIds].sort()).to.deep.equal(expectedSet);
    expect([...mock.storage.data.overrides.staffIds].sort()).to.deep.equal(expectedSet);
    await saved(element);
    button(element, 'Clear all matching').click();
    await until(() => pendingText(element).startsWith(String(pickable.length)), 'cleared');
  });

  it('enables Save and Cancel only with changes; Cancel restores the saved picks', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    expect(button(element, 'Save').disabled).to.equal(true);
    expect(button(element, 'Cancel').disabled).to.equal(true);
    const manager = option(element, CORE_STAFF.manager.name);
    manager.click();
    await element.updateComplete;
    expect(manager.getAttribute('aria-selected')).to.equal('false');
    expect(manager.textContent).to.contain('Will stop seeing contacts (unsaved)');
    option(element, CORE_STAFF['front-desk'].name).click();
    await element.updateComplete;
    expect(pendingText(element)).to.equal('2 unsaved changes.');
    expect(button(element, 'Save').disabled).to.equal(false);
    button(element, 'Cancel').click();
    await until(() => pendingText(element) === 'No unsaved changes.', 'cancelled');
    expect(option(element, CORE_STAFF.manager.name).getAttribute('aria-selected')).to.equal('true');
    expect(mock.served.filter((r) => r.method === 'PUT')).to.have.length(0);
  });

  it('writes once on a double click of Save and fires typed events', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    mock.config.latencyMs = 200;
    const changed = oneEvent(element, 'override-picks-change');
    option(element, CORE_STAFF['front-desk'].name).click();
    await element.updateComplete;
    const change = await changed;
    expect(change.detail).to.deep.include({ added: [CORE_STAFF['front-desk'].id], removed: [], pending: 1 });
    expect(change.bubbles && change.composed).to.equal(true);
    expect(element.hasUnsavedChanges).to.equal(true);
    const save = button(element, 'Save');
    save.click();
    save.click();
    await saved(element);
    expect(mock.served.filter((r) => r.method === 'PUT')).to.have.length(1);
    expect(mock.storage.data.overrides.staffIds).to.include(CORE_STAFF['front-desk'].id);
    expect(element.hasUnsavedChanges).to.equal(false);
    expect(option(element, CORE_STAFF['front-desk'].name).textContent).to.contain('Sees contacts');
  });

  it('a retry of a save whose answer was lost ends as a success, not as another admin’s change', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    option(element, CORE_STAFF['front-desk'].name).click();
    await element.updateComplete;
    // The server saves, then the connection drops before the answer arrives.
    mock.setFault({ kind: 'network', on: 'write', times: 1, phase: 'after' });
    button(element, 'Save').click();
    await until(() => $$(element, '[part~="error"]').length > 0, 'the lost answer');
    expect(mock.storage.data.overrides.staffIds, 'the first attempt did land').to.include(CORE_STAFF['front-desk'].id);
    const version = mock.storage.data.overrides.version;
    button(element, 'Try again').click();
    await saved(element);
    expect(deepText(element)).not.to.contain('saved changes to this list while you were working');
    expect($$(element, '[part~="error"]').length, 'no error').to.equal(0);
    expect(element.hasUnsavedChanges).to.equal(false);
    expect(mock.storage.data.overrides.version, 'written once').to.equal(version);
    const puts = mock.served.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).to.deep.equal([0, 200]);
    expect(puts[0]!.request.idempotencyKey).to.equal(puts[1]!.request.idempotencyKey);
  });

  describe('when another admin saved first', () => {
    async function conflicted() {
      const mock = await useMock({});
      const element = await mount(restAdapter());
      await ready(element);
      // The owner adds the front-desk member on another device; this admin removes the manager.
      mock.setFault({ kind: 'conflict', on: 'write', times: 1 });
      option(element, CORE_STAFF.manager.name).click();
      await element.updateComplete;
      button(element, 'Save').click();
      await until(() => deepText(element).includes(`They added: ${CORE_STAFF['front-desk'].name}`), 'the conflict');
      return { mock, element };
    }

    it('keeps the picks and names who changed what', async () => {
      const { mock, element } = await conflicted();
      const text = deepText(element);
      expect(text).to.contain(`${CORE_STAFF.owner.name} saved changes to this list while you were working.`);
      expect(text).to.contain(`They added: ${CORE_STAFF['front-desk'].name}`);
      expect(option(element, CORE_STAFF.manager.name).getAttribute('aria-selected'), 'the pick is kept').to.equal(
        'false',
      );
      expect(mock.storage.data.overrides.staffIds).to.include(CORE_STAFF.manager.id);
      await expect(element).to.be.accessible();
    });

    it('re-applies this admin’s changes on top of theirs, keeping both', async () => {
      const { mock, element } = await conflicted();
      button(element, 'Apply my changes and save').click();
      await saved(element);
      expect([...mock.storage.data.overrides.staffIds].sort()).to.deep.equal([CORE_STAFF['front-desk'].id]);
      expect(option(element, CORE_STAFF['front-desk'].name).getAttribute('aria-selected')).to.equal('true');
      expect(deepText(element)).not.to.contain('They added');
    });

    it('discards this admin’s changes and shows theirs', async () => {
      const { mock, element } = await conflicted();
      button(element, 'Discard my changes').click();
      await saved(element);
      expect(option(element, CORE_STAFF.manager.name).getAttribute('aria-selected')).to.equal('true');
      expect(option(element, CORE_STAFF['front-desk'].name).getAttribute('aria-selected')).to.equal('true');
      expect(mock.served.filter((r) => r.method === 'PUT' && r.status < 300)).to.have.length(0);
    });
  });

  describe('read-only', () => {
    const cases = [
      { name: 'masking off', config: { business: 'premium-existing' as const }, says: 'Masking is off' },
      { name: 'lite plan', config: { business: 'lite' as const }, says: 'Premium plan only' },
      { name: 'downgraded plan', config: { business: 'downgraded' as const }, says: 'Premium plan only' },
      {
        name: 'front desk',
        config: { viewer: 'front-desk' as const },
        says: 'Your permission group does not allow changing this list',
      },
      {
        name: 'manager',
        config: { viewer: 'manager' as const },
        says: 'Your permission group does not allow changing this list',
      },
    ];
    for (const c of cases) {
      it(`${c.name}: says why, and nothing can be picked or saved`, async () => {
        const mock = await useMock(c.config);
        const element = await mount(restAdapter());
        await ready(element);
        expect($(element, '[part~="notice"]').textContent).to.contain(c.says);
        expect(listbox(element).getAttribute('aria-readonly')).to.equal('true');
        const frontDesk = option(element, CORE_STAFF['front-desk'].name);
        frontDesk.click();
        await element.updateComplete;
        listbox(element).focus();
        await sendKeys({ press: ' ' });
        expect(frontDesk.getAttribute('aria-selected')).to.equal('false');
        expect(deepText(element)).not.to.contain('Pick all matching');
        expect($$(element, '[part~="pending"]')).to.have.length(0);
        expect(mock.served.filter((r) => r.method !== 'GET')).to.have.length(0);
      });
    }

    it('says the list has no effect while masking is off', async () => {
      await useMock({ business: 'premium-existing' });
      const element = await mount(restAdapter());
      await ready(element);
      expect(deepText(element)).to.contain('this list has no effect');
    });
  });

  it('follows <masking-settings> on the same page without a reload', async () => {
    const mock = await useMock({});
    const page = await settingsPage();
    const settings = page.querySelector('masking-settings')!;
    const element = page.querySelector('staff-override-list')!;
    await ready(element);
    expect(listbox(element).getAttribute('aria-readonly')).to.equal('false');
    const theSwitch = await until(
      () => settings.shadowRoot?.querySelector<HTMLInputElement>('input[role="switch"]'),
      'the switch',
    );
    const reads = () => mock.served.filter((r) => r.method === 'GET' && r.path.endsWith('/visibility-overrides'));
    const before = reads().length;
    theSwitch.click();
    await until(() => listbox(element).getAttribute('aria-readonly') === 'true', 'the list to turn read-only');
    expect(deepText(element)).to.contain('Masking is off');
    theSwitch.click();
    await until(() => listbox(element).getAttribute('aria-readonly') === 'false', 'the list to be editable again');
    expect(reads().length, 'no reload needed').to.equal(before);
  });

  it('keeps unsaved picks when masking is turned off meanwhile, and they are there when it comes back', async () => {
    await useMock({});
    const page = await settingsPage();
    const element = page.querySelector('staff-override-list')!;
    await ready(element);
    option(element, CORE_STAFF['front-desk'].name).click();
    await element.updateComplete;
    const theSwitch = page.querySelector('masking-settings')!.shadowRoot!.querySelector<HTMLInputElement>('input')!;
    theSwitch.click();
    await until(() => listbox(element).getAttribute('aria-readonly') === 'true', 'read-only');
    expect(pendingText(element)).to.equal('1 unsaved change.');
    expect(button(element, 'Save').disabled).to.equal(true);
    theSwitch.click();
    await until(() => !button(element, 'Save').disabled, 'editable again');
    expect(option(element, CORE_STAFF['front-desk'].name).getAttribute('aria-selected')).to.equal('true');
  });

  it('pages through 5,000 staff from the backend, with PageDown and the buttons', async () => {
    const mock = await useMock({ scenario: 'large' });
    const element = await mount(restAdapter());
    await ready(element);
    const total = mock.storage.data.staff.filter((s) => s.hasLoginAccess).length;
    expect(total).to.be.greaterThan(5000);
    expect(options(element)).to.have.length(50);
    const totalText = new Intl.NumberFormat('en').format(total);
    expect(deepText(element)).to.contain(`Showing 1–50 of ${totalText}`);
    const staffRequests = () => mock.served.filter((r) => r.path.split('?')[0]!.endsWith('/staff'));
    expect(JSON.parse(staffRequests()[0]!.body).items, 'the server pages').to.have.length(50);
    button(element, 'Next page').click();
    await until(() => deepText(element).includes(`Showing 51–100 of ${totalText}`), 'page 2');
    listbox(element).focus();
    await sendKeys({ press: 'PageDown' });
    await until(() => deepText(element).includes(`Showing 101–150 of ${totalText}`), 'page 3');
    expect(listbox(element).getAttribute('aria-activedescendant')).to.equal('o0');
    await sendKeys({ press: 'PageUp' });
    await until(() => deepText(element).includes(`Showing 51–100 of ${totalText}`), 'back to page 2');
    await sendKeys({ press: 'End' });
    const list = listbox(element);
    const last = $(element, '#o49');
    expect(last.offsetTop + last.offsetHeight, 'the active row is scrolled into view').to.be.at.most(
      list.scrollTop + list.clientHeight + 1,
    );
  });

  it('turns pages with the arrows across the reading direction, mirrored right to left', async () => {
    await useMock({ scenario: 'large' });
    const element = await mount(restAdapter());
    await ready(element);
    const shows = (from: number) => () => deepText(element).includes(`Showing ${from}–${from + 49} of`);
    listbox(element).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    expect(shows(1)(), 'no page before the first').to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await until(shows(51), 'the next page, to the right in a left-to-right page');
    document.documentElement.dir = 'rtl';
    try {
      await sendKeys({ press: 'ArrowLeft' });
      await until(shows(101), 'the next page, to the left in a right-to-left page');
      await sendKeys({ press: 'ArrowRight' });
      await until(shows(51), 'back a page, to the right');
      expect(listbox(element).getAttribute('aria-activedescendant')).to.equal('o0');
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });

  it('reports a failed page with a retry, keeping the picks', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    option(element, CORE_STAFF['front-desk'].name).click();
    await element.updateComplete;
    mock.setFault({ kind: 'server', on: 'read', times: 1 });
    selectFilter(element, 0, 'staff');
    const region = await until(() => element.shadowRoot!.querySelector('[part~="error"]'), 'the page error');
    expect(region.textContent).to.contain('This page of staff could not be loaded.');
    region.querySelector<HTMLButtonElement>('[data-action="retry"]')!.click();
    await until(() => !element.shadowRoot!.querySelector('[part~="error"]'), 'recovered');
    expect(option(element, CORE_STAFF['front-desk'].name).getAttribute('aria-selected')).to.equal('true');
    expect(pendingText(element)).to.equal('1 unsaved change.');
  });

  it('reports a failed "pick all matching" with a retry that picks them', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    mock.setFault({ kind: 'network', on: 'read', times: 1 });
    button(element, 'Pick all matching').click();
    const region = await until(() => element.shadowRoot!.querySelector('[part~="error"]'), 'the error');
    expect(region.textContent).to.contain('The matching staff could not be fetched.');
    region.querySelector<HTMLButtonElement>('[data-action="retry"]')!.click();
    const pickable = mock.storage.data.staff.filter(
      (s) => s.hasLoginAccess && s.role !== 'owner' && s.role !== 'admin',
    ).length;
    // Everyone pickable but the manager (already on the list) is a change.
    await until(() => pendingText(element) === `${pickable - 1} unsaved changes.`, 'the retry to pick them');
    expect(element.shadowRoot!.querySelector('[part~="error"]'), 'the error is gone').to.equal(null);
  });
});

function once<K extends keyof HTMLElementEventMap>(element: Element, name: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) =>
    element.addEventListener(name, (e) => resolve(e as HTMLElementEventMap[K]), { once: true }),
  );
}

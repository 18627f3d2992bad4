import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/deskguard-provider.js';
import '../src/define/masking-settings.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { AdapterError } from '../src/core/errors.js';
import type { UpgradeRequestEvent } from '../src/core/events.js';
import type { MaskingSettingsElement } from '../src/elements/masking-settings/masking-settings.js';
import { CORE_STAFF, createSeedData } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { $, button, deepText, until } from './support/dom.js';
import { currentMock, restAdapter, useMock, inPage } from './support/mock.js';

async function mount(adapter: DeskguardAdapter): Promise<MaskingSettingsElement> {
  return fixture<MaskingSettingsElement>(html`<masking-settings .adapter=${adapter}></masking-settings>`);
}

function theSwitch(element: MaskingSettingsElement): HTMLInputElement {
  return $<HTMLInputElement>(element, 'input[role="switch"]');
}

async function ready(element: MaskingSettingsElement): Promise<HTMLInputElement> {
  return until(() => !element.shadowRoot?.querySelector('[part~="error"]') && theSwitch(element), 'the switch to load');
}

function stateText(element: MaskingSettingsElement): string {
  return $(element, '[part~="state"]').textContent?.trim() ?? '';
}

runConformance<MaskingSettingsElement>({
  tag: 'masking-settings',
  mount,
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'admin, masking on', config: {}, act: ready },
    { name: 'admin, masking off', config: { business: 'premium-existing' }, act: ready },
    { name: 'front-desk staff, read-only', config: { viewer: 'front-desk' }, act: ready },
    { name: 'downgraded plan', config: { business: 'downgraded' }, act: ready },
    { name: 'lite plan', config: { business: 'lite' }, act: ready },
    {
      name: 'saving',
      config: {},
      act: async (el) => {
        const mock = await currentMock();
        await ready(el);
        mock.config.latencyMs = 5_000;
        theSwitch(el).click();
        await until(() => stateText(el).startsWith('Saving'), 'saving');
      },
    },
    {
      name: 'save failed',
      config: {},
      act: async (el) => {
        await ready(el);
        (await currentMock()).setFault({ kind: 'server', on: 'write' });
        theSwitch(el).click();
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
    perform: async (el) => theSwitch(el).click(),
    assertInputKept: (el) => expect(deepText(el)).to.contain('Masking was not turned off.'),
    succeeded: (el) => until(() => !theSwitch(el).checked && stateText(el).startsWith('Off'), 'masking off'),
  },
  hostile: { config: {}, shown: true },
  maskedViewers: [{ viewer: 'front-desk' }, { viewer: 'manager', business: 'premium-new' }],
});

describe('<masking-settings>', () => {
  afterEach(() => fixtureCleanup());

  it('shows the switch with its label, state and plan default for a new premium business', async () => {
    await useMock({ business: 'premium-new' });
    const element = await mount(restAdapter());
    const input = await ready(element);
    expect(input.checked).to.equal(true);
    expect(input.getAttribute('aria-disabled')).to.equal('false');
    expect(input.labels?.[0]?.textContent?.trim()).to.equal(
      'Mask customer phone numbers and email addresses for all staff',
    );
    expect(stateText(element)).to.match(/^On/);
    expect(deepText(element)).to.contain('Never changed: this is the plan default.');
  });

  it('starts off for an existing premium business', async () => {
    await useMock({ business: 'premium-existing' });
    const element = await mount(restAdapter());
    expect((await ready(element)).checked).to.equal(false);
    expect(stateText(element)).to.match(/^Off/);
  });

  it('toggles from the keyboard, shows the pending state, saves once and fires a typed event', async () => {
    const mock = await useMock({ business: 'premium-existing' });
    const element = await mount(restAdapter());
    const input = await ready(element);
    mock.config.latencyMs = 300;
    input.focus();
    const changed = oneEvent(element, 'masking-change');
    await sendKeys({ press: 'Space' });
    await until(() => stateText(element) === 'Saving: turning masking on…', 'the pending state');
    expect(input.checked, 'the switch reflects the pending state').to.equal(true);
    expect($(element, 'section').getAttribute('aria-busy')).to.equal('true');
    const event = await changed;
    expect(event.detail.enabled).to.equal(true);
    expect(event.detail.effective).to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    await until(() => stateText(element).startsWith('On'), 'saved');
    expect(element.shadowRoot!.activeElement, 'focus stays on the switch').to.equal(input);
    expect(deepText(element)).to.contain(`Last changed by ${CORE_STAFF.admin.name}`);
    expect(mock.served.filter((r) => r.method === 'PUT')).to.have.length(1);
    expect(mock.storage.data.masking.enabled).to.equal(true);
  });

  it('writes once when the switch is pressed twice during a save', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    const input = await ready(element);
    mock.config.latencyMs = 200;
    input.click();
    input.click();
    await until(() => stateText(element).startsWith('Off'), 'saved');
    expect(input.checked).to.equal(false);
    expect(mock.served.filter((r) => r.method === 'PUT')).to.have.length(1);
  });

  for (const viewer of ['manager', 'front-desk'] as const) {
    it(`is read-only for a ${viewer} and says who can change it`, async () => {
      const mock = await useMock({ viewer });
      const element = await mount(restAdapter());
      const input = await ready(element);
      expect(input.getAttribute('aria-disabled')).to.equal('true');
      input.focus();
      await sendKeys({ press: 'Space' });
      input.click();
      expect(input.checked).to.equal(true);
      expect(deepText(element)).to.contain('Your permission group does not allow changing security settings.');
      expect(mock.served.filter((r) => r.method === 'PUT')).to.have.length(0);
    });
  }

  for (const business of ['standard', 'lite-plus', 'lite'] as const) {
    it(`is unavailable on the ${business} plan, with the reason and a way to see plans`, async () => {
      const mock = await useMock({ business });
      const element = await mount(restAdapter());
      const input = await ready(element);
      expect(input.getAttribute('aria-disabled')).to.equal('true');
      input.click();
      expect(mock.served.filter((r) => r.method === 'PUT')).to.have.length(0);
      expect(deepText(element)).to.contain('Masking is available on the Premium plan only.');
      expect(stateText(element)).to.match(/^Not available on the (Standard|Lite Plus|Lite) plan/);
      const upgrade = oneEvent(element, 'deskguard-upgrade-request');
      button(element, 'See plans').click();
      expect(((await upgrade) as unknown as UpgradeRequestEvent).requiredPlan).to.equal('premium');
    });
  }

  it('keeps the stored choice after a downgrade and says it applies again on premium', async () => {
    await useMock({ business: 'downgraded' });
    const element = await mount(restAdapter());
    const input = await ready(element);
    expect(input.checked).to.equal(true);
    expect(stateText(element)).to.equal('Not in effect on the Standard plan (saved choice: on).');
    expect(deepText(element)).to.contain('Your saved choice is kept and applies again if you return to Premium.');
  });

  it('on a conflict shows what the other admin saved and reloads on request', async () => {
    const mock = await useMock({ business: 'premium-existing' });
    const element = await mount(restAdapter());
    const input = await ready(element);
    mock.setFault({ kind: 'conflict', on: 'write', times: 1 });
    input.click();
    await until(() => element.shadowRoot!.querySelector('[part~="error"]'), 'the conflict');
    // The owner turned it on first; the switch shows the server's state, not a guess.
    expect(input.checked).to.equal(true);
    expect(deepText(element)).to.contain(`Last changed by ${CORE_STAFF.owner.name}`);
    expect(deepText(element)).to.contain('Someone else changed this');
    button(element, 'Reload').click();
    await ready(element);
    expect(mock.storage.data.masking.updatedBy?.id).to.equal(CORE_STAFF.owner.id);
  });

  it('returns to the true state when a save fails, and retries the same change', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    const input = await ready(element);
    mock.setFault({ kind: 'server', on: 'write', times: 1 });
    input.click();
    await until(() => element.shadowRoot!.querySelector('[part~="error"]'), 'the error');
    expect(input.checked, 'back to the saved state').to.equal(true);
    expect(stateText(element)).to.match(/^On/);
    button(element, 'Try turning it off again').click();
    await until(() => stateText(element).startsWith('Off'), 'saved on retry');
    expect(mock.storage.data.masking.enabled).to.equal(false);
  });

  it('a retry of a save whose answer was lost ends as this admin’s own success, not someone else’s change', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    const input = await ready(element);
    // The server saves, then the connection drops before the answer arrives.
    mock.setFault({ kind: 'network', on: 'write', times: 1, phase: 'after' });
    input.click();
    await until(() => element.shadowRoot!.querySelector('[part~="error"]'), 'the lost answer');
    expect(mock.storage.data.masking, 'the first attempt did land').to.include({ enabled: false, version: 2 });
    button(element, 'Try turning it off again').click();
    await until(() => stateText(element).startsWith('Off'), 'the retry to end');
    expect(element.shadowRoot!.querySelector('[part~="error"]')?.textContent ?? '', 'no error, no conflict').to.equal(
      '',
    );
    expect(deepText(element)).not.to.contain('Someone else');
    expect(deepText(element)).to.contain(`Last changed by ${CORE_STAFF.admin.name}`);
    expect(mock.storage.data.masking.version, 'written once').to.equal(2);
    const puts = mock.served.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).to.deep.equal([0, 200]);
    expect(puts[0]!.request.idempotencyKey, 'the retry is the same write').to.equal(puts[1]!.request.idempotencyKey);
  });

  it('takes its adapter from a deskguard-provider, follows a new one, and its own adapter wins', async () => {
    await useMock({ business: 'premium-existing' });
    const backend = inPage(createSeedData({ business: 'premium-new' }));
    const own = backend.adapter(CORE_STAFF.admin.id);
    const wrapper = await fixture<HTMLElement & { adapter: DeskguardAdapter }>(html`
      <deskguard-provider .adapter=${restAdapter()}>
        <masking-settings id="provided"></masking-settings>
        <masking-settings id="own" .adapter=${own}></masking-settings>
      </deskguard-provider>
    `);
    const provided = wrapper.querySelector<MaskingSettingsElement>('#provided')!;
    const ownElement = wrapper.querySelector<MaskingSettingsElement>('#own')!;
    expect((await ready(provided)).checked, 'the provider adapter (existing business: off)').to.equal(false);
    expect((await ready(ownElement)).checked, 'its own adapter (new business: on)').to.equal(true);
    wrapper.adapter = backend.adapter(CORE_STAFF.admin.id);
    await until(() => theSwitch(provided)?.checked === true, 'the provided element to follow the new adapter');
  });

  it('says how to connect it when there is no adapter', async () => {
    const element = await fixture<MaskingSettingsElement>(html`<masking-settings></masking-settings>`);
    expect(deepText(element)).to.contain('No data adapter');
    await expect(element).to.be.accessible();
  });

  it('works on the in-memory adapter and enforces the same rules', async () => {
    const backend = inPage(createSeedData({ business: 'premium-new' }));
    const element = await mount(backend.adapter(CORE_STAFF['front-desk'].id));
    expect((await ready(element)).getAttribute('aria-disabled')).to.equal('true');
    element.adapter = backend.adapter(CORE_STAFF.owner.id);
    await until(() => theSwitch(element).getAttribute('aria-disabled') === 'false', 'the owner view');
    theSwitch(element).click();
    await until(() => stateText(element).startsWith('Off'), 'saved');
    expect(backend.data.masking.updatedBy?.id).to.equal(CORE_STAFF.owner.id);
  });

  it('never lets a slow answer for an old adapter replace a newer one', async () => {
    const slow = inPage(createSeedData({ business: 'premium-new' })).adapter(CORE_STAFF.admin.id, {
      latencyMs: 300,
    });
    const fast = inPage(createSeedData({ business: 'premium-existing' })).adapter(CORE_STAFF.admin.id);
    const element = await mount(slow);
    element.adapter = fast;
    expect((await ready(element)).checked, 'the newer adapter (masking off)').to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(theSwitch(element).checked, 'still the newer answer after the old one was due').to.equal(false);
  });

  it('stops loading when removed and loads again when put back', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    const parent = element.parentElement!;
    element.remove();
    mock.storage.data.masking.enabled = false;
    parent.append(element);
    await until(() => stateText(element).startsWith('Off'), 'the fresh state after re-adding');
    expect(mock.served.filter((r) => r.path.endsWith('/masking-settings'))).to.have.length(2);
  });

  it('uses the heading level the host asks for', async () => {
    await useMock({});
    const element = await fixture<MaskingSettingsElement>(
      html`<masking-settings heading-level="3" .adapter=${restAdapter()}></masking-settings>`,
    );
    expect($(element, '[role="heading"]').getAttribute('aria-level')).to.equal('3');
  });
});

describe('<masking-settings> and permission groups', () => {
  afterEach(() => fixtureCleanup());

  it('lets a manager whose group grants “Change security settings” change masking, and no admin whose group does not', async () => {
    const mock = await useMock({ viewer: 'manager', business: 'premium-new' });
    const manager = mock.storage.data.permissionGroups.groups.find((g) => g.id === 'group-manager')!;
    manager.permissions = [...manager.permissions, 'manager-tools.security-settings'];
    let element = await mount(restAdapter());
    const input = await ready(element);
    expect(input.getAttribute('aria-disabled')).to.equal('false');
    input.click();
    await until(() => stateText(element).startsWith('Off'), 'masking off');
    expect(mock.storage.data.masking.enabled).to.equal(false);
    fixtureCleanup();

    // The admin moved into the front desk's group loses the change, in the element and in the backend.
    const again = await useMock({ viewer: 'admin', business: 'premium-new' });
    again.storage.data.staff.find((s) => s.id === CORE_STAFF.admin.id)!.groupId = 'group-front-desk';
    element = await mount(restAdapter());
    expect((await ready(element)).getAttribute('aria-disabled')).to.equal('true');
    expect(deepText(element)).to.contain('Your permission group does not allow changing security settings');
    const { version } = await restAdapter().getMaskingSettings();
    const refused = await restAdapter()
      .updateMaskingSettings({ enabled: false, version })
      .catch((e: unknown) => e as AdapterError);
    expect((refused as AdapterError).kind).to.equal('forbidden');
  });
});

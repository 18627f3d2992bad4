import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/login-security-settings.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { AdapterError } from '../src/core/errors.js';
import type { LoginSecuritySettingsElement } from '../src/elements/login-security-settings/login-security-settings.js';
import { CORE_STAFF } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { $, $$, button, deepText, until } from './support/dom.js';
import { restAdapter, useMock } from './support/mock.js';

async function mount(adapter: DeskguardAdapter): Promise<LoginSecuritySettingsElement> {
  return fixture<LoginSecuritySettingsElement>(
    html`<login-security-settings .adapter=${adapter}></login-security-settings>`,
  );
}

function ready(element: LoginSecuritySettingsElement): Promise<HTMLElement> {
  return until(
    () => !element.shadowRoot?.querySelector('[part~="error"]') && $<HTMLElement>(element, '[part~="form"]'),
    'the rules to load',
  );
}

const field = (el: LoginSecuritySettingsElement, id: string) => $<HTMLInputElement>(el, `#${id}`);
const why = (el: LoginSecuritySettingsElement, id: string) => $(el, `#${id}-why`).textContent?.trim() ?? '';

async function type(el: LoginSecuritySettingsElement, id: string, value: number): Promise<void> {
  const input = field(el, id);
  input.value = String(value);
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function toggle(el: LoginSecuritySettingsElement, id: string): Promise<void> {
  field(el, id).click();
  await el.updateComplete;
}

const saved = (el: LoginSecuritySettingsElement) => until(() => deepText(el).includes('Saved.'), 'the save');

runConformance<LoginSecuritySettingsElement>({
  tag: 'login-security-settings',
  mount,
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'loaded', config: {}, act: ready },
    { name: 'read-only', config: { viewer: 'front-desk' }, act: ready },
    {
      name: 'a weaker rule refused',
      config: {},
      act: async (el) => {
        await ready(el);
        await type(el, 'minLength', 6);
        await toggle(el, 'lettersAndNumbers');
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
      await type(el, 'minLength', 12);
      button(el, 'Save rules').click();
    },
    assertInputKept: (el) => expect(field(el, 'minLength').value).to.equal('12'),
    succeeded: saved,
    conflictShown: (el) => until(() => deepText(el).includes('Someone else changed the rules'), 'the conflict'),
  },
  hostile: { config: { scenario: 'hostile' }, shown: true },
  maskedViewers: [{ viewer: 'front-desk' }],
});

describe('<login-security-settings>', () => {
  afterEach(() => fixtureCleanup());

  it('shows the seed’s rules, each with what it protects against', async () => {
    await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    expect(field(element, 'minLength').value).to.equal('8');
    expect(field(element, 'maxLength').value).to.equal('64');
    expect(field(element, 'lettersAndNumbers').checked).to.equal(true);
    expect(field(element, 'blockCommon').checked).to.equal(true);
    expect(field(element, 'lockoutAttempts').value).to.equal('6');
    expect(field(element, 'lockoutMinutes').value).to.equal('30');
    expect(why(element, 'minLength')).to.equal('Short passwords are guessed sooner.');
    expect(why(element, 'lockoutAttempts')).to.equal('Stops guessing one password after another.');
    expect(deepText(element)).to.contain('Never changed: these are the standard rules.');
    // Nothing to save until something changes.
    expect(() => button(element, 'Save rules')).to.throw();
  });

  it('refuses anything weaker than the seed’s rules, with the reason, in the element and in the backend', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    await type(element, 'minLength', 7);
    expect(why(element, 'minLength')).to.equal('Passwords need at least 8 characters.');
    expect(field(element, 'minLength').getAttribute('aria-invalid')).to.equal('true');
    expect(button(element, 'Save rules').disabled).to.equal(true);
    await type(element, 'minLength', 8);
    await toggle(element, 'lettersAndNumbers');
    expect(why(element, 'lettersAndNumbers')).to.contain('It cannot be turned off.');
    expect(button(element, 'Save rules').disabled).to.equal(true);
    await type(element, 'maxLength', 40);
    expect(why(element, 'maxLength')).to.contain('at least 64');

    const { version, settings } = await restAdapter().getLoginSecurity();
    const refused = await restAdapter()
      .updateLoginSecurity({ settings: { ...settings, minLength: 7, blockCommon: false }, version })
      .catch((e: unknown) => e as AdapterError);
    expect((refused as AdapterError).kind).to.equal('validation');
    expect(Object.keys((refused as AdapterError).fieldErrors)).to.have.members(['minLength', 'blockCommon']);
    expect(mock.storage.data.loginSecurity.settings.minLength).to.equal(8);
  });

  it('saves stricter rules and two-factor sign-in for chosen groups', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    await type(element, 'minLength', 12);
    await type(element, 'lockoutAttempts', 5);
    const admins = $$<HTMLInputElement>(element, '[part~="setting"] input').find((i) =>
      i.closest('label')?.textContent?.includes('Admin'),
    )!;
    admins.click();
    await element.updateComplete;
    $<HTMLInputElement>(element, '.row label input').click(); // never sign out idle desks
    await element.updateComplete;
    expect(field(element, 'idleSignOutMinutes').disabled).to.equal(true);
    button(element, 'Save rules').click();
    await saved(element);
    expect(mock.storage.data.loginSecurity.settings).to.deep.include({
      minLength: 12,
      lockoutAttempts: 5,
      idleSignOutMinutes: null,
      twoFactorGroups: ['group-admin'],
    });
    expect(deepText(element)).to.contain(`Last changed by ${CORE_STAFF.admin.name}`);
    expect(() => button(element, 'Save rules')).to.throw();
  });

  it('is read-only for staff without “Change security settings”, and says why', async () => {
    await useMock({ viewer: 'front-desk' });
    const element = await mount(restAdapter());
    await ready(element);
    expect(deepText(element)).to.contain('Your permission group does not allow changing security settings.');
    expect($$<HTMLInputElement>(element, 'input').every((i) => i.disabled)).to.equal(true);
  });

  it('keeps the changes when someone else saved first, over their rules', async () => {
    const mock = await useMock({ fault: { kind: 'conflict', on: 'write', times: 1 } });
    const element = await mount(restAdapter());
    await ready(element);
    await type(element, 'lockoutMinutes', 60);
    button(element, 'Save rules').click();
    await until(() => deepText(element).includes('Your changes are kept'), 'the conflict');
    expect(field(element, 'lockoutMinutes').value).to.equal('60');
    button(element, 'Save rules').click();
    await saved(element);
    // Their minimum and this admin's lockout, both kept.
    expect(mock.storage.data.loginSecurity.settings).to.deep.include({ minLength: 12, lockoutMinutes: 60 });
  });
});

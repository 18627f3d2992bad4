/**
 * What every element loads, it loads the same way: when it gets an adapter or another,
 * when an argument it loads with changes, and on `reload()`, with the latest load
 * winning. Driven from outside: the adapter is the mock's, wrapped to hold or count
 * calls at the adapter boundary.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/entry-log-report.js';
import '../src/define/login-security-settings.js';
import '../src/define/staff-access.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { EntryLogReportElement } from '../src/elements/entry-log-report/entry-log-report.js';
import type { LoginSecuritySettingsElement } from '../src/elements/login-security-settings/login-security-settings.js';
import type { StaffAccessElement } from '../src/elements/staff-access/staff-access.js';
import { CORE_STAFF } from '../mocks/index.js';
import { $, button, deepText, until } from './support/dom.js';
import { restAdapter, useMock } from './support/mock.js';
import { caption, reportReady, rows } from './support/report.js';

/** `adapter` with the calls of `method` counted, each held until `release` when `hold` says so. */
function watched(adapter: DeskguardAdapter, method: keyof DeskguardAdapter, hold: (args: unknown[]) => boolean) {
  const held: (() => void)[] = [];
  const calls: unknown[][] = [];
  const wrapped = new Proxy(adapter, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (name !== method || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        calls.push(args);
        if (hold(args)) await new Promise<void>((resolve) => held.push(resolve));
        return value.apply(target, args);
      };
    },
  });
  return { adapter: wrapped, calls, release: () => held.splice(0).forEach((go) => go()) };
}

describe('loading', () => {
  afterEach(() => fixtureCleanup());

  it('shows the staff member asked for last, when an earlier answer arrives after it', async () => {
    await useMock({});
    const first = CORE_STAFF.manager;
    const second = CORE_STAFF['front-desk'];
    const { adapter, calls, release } = watched(restAdapter(), 'getStaffAccess', ([id]) => id === first.id);
    const element = await fixture<StaffAccessElement>(
      html`<staff-access staff-id=${first.id} .adapter=${adapter}></staff-access>`,
    );
    await until(() => calls.length === 1, 'the first staff member asked for');
    element.staffId = second.id;
    await until(() => $(element, '[part~="facts"]') && deepText(element).includes(second.name), 'the second');
    release();
    // The held answer settles; give it every chance to land.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await element.updateComplete;
    expect(calls.map(([id]) => id)).to.deep.equal([first.id, second.id]);
    expect(deepText(element)).to.include(second.name);
    expect(deepText(element)).not.to.include(first.name);
  });

  it('loads from a new adapter, and again after leaving the page and coming back', async () => {
    await useMock({});
    const one = watched(restAdapter(), 'getLoginSecurity', () => false);
    const two = watched(restAdapter(), 'getLoginSecurity', () => false);
    const element = await fixture<LoginSecuritySettingsElement>(
      html`<login-security-settings .adapter=${one.adapter}></login-security-settings>`,
    );
    await until(() => element.shadowRoot?.querySelector('[part~="form"]'), 'the rules');
    expect(one.calls.length, 'one load on connecting').to.equal(1);

    element.adapter = two.adapter;
    await until(() => two.calls.length === 1, 'a load from the new adapter');
    const parent = element.parentElement!;
    element.remove();
    parent.append(element);
    await until(() => two.calls.length === 2, 'a load on coming back');
    await element.updateComplete;
    expect(one.calls.length, 'nothing more from the old adapter').to.equal(1);
    expect(two.calls.length, 'no load beyond those').to.equal(2);
  });

  it('starts a report again at its first page when its page size or its adapter changes', async () => {
    await useMock({});
    const element = await fixture<EntryLogReportElement>(
      html`<entry-log-report page-size="3" .adapter=${restAdapter()}></entry-log-report>`,
    );
    await reportReady(element);
    const first = rows(element);
    button(element, 'Next page').click();
    await until(() => rows(element)[0] !== first[0] && !element.shadowRoot!.querySelector('[aria-busy="true"]'), '2');
    expect(caption(element)).to.match(/^Entries 4–6 of/);

    element.pageSize = 5;
    await until(() => rows(element).length === 5, 'the first page at the new size');
    expect(caption(element)).to.match(/^Entries 1–5 of/);

    button(element, 'Next page').click();
    await until(() => /^Entries 6–10/.test(caption(element)), 'page 2 again');
    // Another adapter may be another viewer: the cursor of this one's page 2 is not theirs.
    element.adapter = restAdapter();
    await until(() => /^Entries 1–5/.test(caption(element)), 'the first page from the new adapter');
  });
});

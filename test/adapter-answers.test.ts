/**
 * A host's own adapter that answers off the contract: each element checks every answer it
 * reads before rendering it, so a field missing from any one method's answer shows the
 * `malformed` error region naming the method and the field, with a way forward, and no
 * exception escapes to the page. The adapter is the REST adapter over the mock with one
 * answer altered after it, as a host adapter of its own would answer.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/all.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import { CORE_STAFF } from '../mocks/index.js';
import { $$, until } from './support/dom.js';
import { restAdapter, useMock } from './support/mock.js';

type Method = keyof DeskguardAdapter;

/** `adapter`, but `method`'s answer without `field` (or, with no field, `null` in place of the answer). */
function missing(adapter: DeskguardAdapter, method: Method, field?: string): DeskguardAdapter {
  return new Proxy(adapter, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (name !== method || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const answer = (await value.apply(target, args)) as Record<string, unknown>;
        if (!field) return null;
        const { [field]: _left, ...rest } = answer;
        return rest;
      };
    },
  });
}

/** Each element with the methods it reads as it opens, and the field left out of each answer. */
const CASES: { tag: string; attributes?: string; open?: (el: HTMLElement) => void; answers: [Method, string?][] }[] = [
  {
    tag: 'masking-settings',
    answers: [
      ['getViewer', 'permissions'],
      ['getMaskingSettings', 'enabled'],
    ],
  },
  {
    tag: 'staff-override-list',
    answers: [
      ['getViewer', 'permissions'],
      ['getMaskingSettings', 'effective'],
      ['getVisibilityOverrides', 'staffIds'],
      ['listStaff', 'items'],
      ['listLocations'],
    ],
  },
  {
    tag: 'client-alert-dialog',
    open: (el) =>
      void (el as HTMLElement & { open(o: object): Promise<unknown> }).open({
        clientId: 'client-1',
        context: 'profile',
      }),
    answers: [['getClientAlerts', 'alerts']],
  },
  { tag: 'verification-report', answers: [['listVerificationRequests', 'items']] },
  { tag: 'permission-groups', answers: [['getPermissionGroups', 'groups']] },
  { tag: 'login-security-settings', answers: [['getLoginSecurity', 'settings']] },
  {
    tag: 'staff-access',
    attributes: CORE_STAFF.manager.id,
    answers: [
      ['getStaffAccess', 'status'],
      ['getPermissionGroups', 'groups'],
      ['getLoginSecurity', 'settings'],
    ],
  },
  { tag: 'contact-log-report', answers: [['listContactLogs', 'items']] },
  { tag: 'entry-log-report', answers: [['listEntryLogs', 'items']] },
  { tag: 'staff-activity-report', answers: [['listStaffActivity', 'items']] },
];

describe('an adapter answer off the contract', () => {
  const escaped: unknown[] = [];
  const onError = (event: ErrorEvent) => escaped.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => escaped.push(event.reason);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => fixtureCleanup());

  for (const { tag, attributes, open, answers } of CASES)
    for (const [method, field] of answers)
      it(`<${tag}>: ${method}() ${field ? `without ${field}` : 'answering null'} is a named malformed error`, async () => {
        await useMock({});
        escaped.length = 0;
        const host = await fixture<HTMLElement>(html`<div></div>`);
        const element = document.createElement(tag) as HTMLElement & { adapter: DeskguardAdapter };
        if (attributes) element.setAttribute('staff-id', attributes);
        element.adapter = missing(restAdapter(), method, field);
        host.append(element);
        open?.(element);
        const region = await until(
          () => $$(element, '[part~="error"]').find((r) => r.textContent!.includes('does not understand')),
          'the malformed region',
        );
        expect(region.textContent).to.contain(`${method}()${field ? `.${field}` : ''}`);
        expect(region.querySelector('[data-action="retry"]')?.textContent?.trim(), 'a way forward').to.equal(
          'Try again',
        );
        expect(escaped, 'no exception reached the page').to.deep.equal([]);
      });
});

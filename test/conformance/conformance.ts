/**
 * The conformance suite every deskguard element runs: axe in every state (light and
 * dark), hostile text rendered inert, every adapter fault kind shown with a way
 * forward and no lost input, and no raw contact for a viewer who may not see it.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import type { DeskguardAdapter } from '../../src/core/adapter.js';
import { EMAIL_LIKE_NAME, HOSTILE_STRINGS, UNBROKEN_NAME, type FaultKind, type MockConfig } from '../../mocks/index.js';
import { setViewport } from '@web/test-runner-commands';
import { $$, deepElements, deepMarkup, deepText, until } from '../support/dom.js';
import { restAdapter, useMock } from '../support/mock.js';
import { WORLDS } from '../../src/contract/oracle.js';
import { setLocale } from '../../src/locale.js';
import { cutOff, dataStrings, latinWords, leftInEnglish, showIn, smallTargets, userStrings } from './locale.js';

export interface ConformanceSpec<E extends HTMLElement> {
  /** The element's tag, for test names. */
  tag: string;
  /** Puts the element on the page with this adapter. */
  mount(adapter: DeskguardAdapter): Promise<E>;
  /** Resolves once the element shows its content (not loading, no error). */
  ready(element: E): Promise<unknown>;
  /** States to check with axe, each in light and dark. */
  states: { name: string; config: Partial<MockConfig>; act?: (element: E) => Promise<unknown> }[];
  /** The element's main write, done the way a user does it; an element that writes nothing leaves it out. */
  write?: {
    config: Partial<MockConfig>;
    perform(element: E): Promise<unknown>;
    /** Asserts that what the user asked for is still there to retry after a failure. */
    assertInputKept(element: E): void;
    /** Resolves once the write shows as saved. */
    succeeded(element: E): Promise<unknown>;
    /** How many writes the mock answered successfully for one user action (usually 1). */
    writes?: number;
    /**
     * For an element that settles a conflict in place (it shows what the other person did,
     * with nothing left to retry): resolves once it says so. Otherwise a conflict must show
     * an error with a way forward, like every other fault.
     */
    conflictShown?: (element: E) => Promise<unknown>;
  };
  /** Where hostile data (markup in names and notes) reaches this element, and whether it is shown. */
  hostile: {
    config: Partial<MockConfig>;
    shown: boolean;
    /** What the user does to make the element receive data, for an element that loads nothing by itself. */
    act?: (element: E) => Promise<unknown>;
  };
  /** False for an element that reads nothing until the user acts: it is then checked to send no request. */
  loads?: boolean;
  /** Setups in which the viewer may not see client contacts. */
  maskedViewers: Partial<MockConfig>[];
  /**
   * Every way the element lets a user order, filter or search what it shows (a sortable
   * header, a filter), done as a user does it; resolves once the element shows the result.
   * The masking oracle runs each for every masked viewer.
   */
  orderings?: { name: string; act(element: E): Promise<unknown> }[];
}

const READ_FAULTS: FaultKind[] = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'not-found',
  'validation',
  'plan-required',
  'server',
  'malformed',
];
const WRITE_FAULTS: FaultKind[] = [...READ_FAULTS, 'conflict'];
const EVENT_FOR_ACTION: Record<string, string> = {
  upgrade: 'deskguard-upgrade-request',
  'sign-in': 'deskguard-sign-in-request',
};

/**
 * The region that tells of a failed call: an error, or for a refusal (the viewer's group
 * lacks what the element shows) the notice every element draws a refusal as.
 */
function errorRegion(element: Element): HTMLElement | undefined {
  return (
    $$<HTMLElement>(element, '[part~="error"]')[0] ??
    $$<HTMLElement>(element, '[part~="notice"][role="status"]').find((n) => n.querySelector('button[data-action]'))
  );
}

/** The error's way forward: a button naming the action it takes. */
function wayForward(element: Element): HTMLButtonElement {
  const region = errorRegion(element);
  const action = region?.querySelector<HTMLButtonElement>('button[data-action]');
  if (!action) throw new Error(`No way forward in the error of <${element.localName}>`);
  return action;
}

/** Checks the error names what happened, is announced, and its way forward works. */
async function expectFaultHandled<E extends HTMLElement>(
  element: E,
  kind: FaultKind,
  recovered: () => Promise<unknown>,
  heal: () => void,
) {
  const region = await until(() => errorRegion(element), `an error for the ${kind} fault`);
  // An error is announced at once; a refusal is a decision of the business, announced politely.
  expect(region.getAttribute('role'), 'errors are announced').to.equal(
    region.matches('[part~="error"]') ? 'alert' : 'status',
  );
  expect((region.textContent ?? '').trim().length, 'the error says what happened').to.be.greaterThan(20);
  await expect(element).to.be.accessible();
  const action = wayForward(element);
  expect(action.textContent?.trim(), 'the way forward is named').to.not.equal('');
  heal();
  const event = EVENT_FOR_ACTION[action.dataset['action'] ?? ''];
  if (event) {
    const fired = new Promise((resolve) => element.addEventListener(event, resolve, { once: true }));
    action.click();
    await fired;
  } else {
    action.click();
    await recovered();
    await until(() => !errorRegion(element), 'the error to clear after its way forward');
  }
}

/**
 * Elements whose text pokes out of the box that holds it (the element's card, or the
 * dialog it shows), sideways, or out of the viewport. Content inside a scroll container
 * (a wide table) may run on: it scrolls there, not the page.
 */
function outOfBox(element: Element): string[] {
  const out: string[] = [];
  for (const el of deepElements(element)) {
    const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!text || !(el as HTMLElement).offsetParent) continue;
    let box: Element | null = null;
    let scrolls = false;
    for (let up: Element | null = el.parentElement ?? (el.getRootNode() as ShadowRoot).host; up;) {
      const style = getComputedStyle(up);
      if (up !== el && /auto|scroll/.test(style.overflowX) && up.localName !== 'dialog') scrolls = true;
      if (up.localName === 'dialog' || up.matches('[part~="base"]')) {
        box = up;
        break;
      }
      up = up.parentElement ?? ((up.getRootNode() as ShadowRoot).host || null);
    }
    if (scrolls || !box) continue;
    const rect = el.getBoundingClientRect();
    const outer = box.getBoundingClientRect();
    if (rect.left < Math.max(0, outer.left) - 1 || rect.right > Math.min(innerWidth, outer.right) + 1) {
      out.push(`<${el.localName}> ${(el.textContent ?? '').trim().slice(0, 40)}`);
    }
  }
  return out;
}

/** Every raw contact value that appears in the element or in what it received. */
export function findLeaks(element: Element, responses: string[], raw: string[]): string[] {
  const markup = deepMarkup(element);
  // Also as read: a value split by <wbr> or held by no-break spaces is the value still.
  const read = markup.replace(/<[^>]*>/g, '').replace(/[\u00a0\u202f]/g, ' ');
  const haystack = [markup, read, ...responses].join('\n');
  return raw.filter((value) => haystack.includes(value) || haystack.includes(JSON.stringify(value).slice(1, -1)));
}

export function runConformance<E extends HTMLElement>(spec: ConformanceSpec<E>): void {
  describe(`<${spec.tag}> conformance`, () => {
    afterEach(() => fixtureCleanup());

    describe('accessibility', () => {
      for (const state of spec.states) {
        for (const scheme of ['light', 'dark'] as const) {
          it(`has no axe violations: ${state.name}, ${scheme}`, async () => {
            await useMock(state.config);
            const element = await spec.mount(restAdapter());
            element.style.setProperty('--dg-color-scheme', scheme);
            await state.act?.(element);
            expect(getComputedStyle(element).colorScheme).to.equal(scheme);
            await expect(element).to.be.accessible();
          });
        }
      }
    });

    describe('language, direction and reflow', () => {
      const page = document.documentElement;
      afterEach(async () => {
        await setLocale('en');
        page.removeAttribute('dir');
        page.style.fontSize = '';
        await setViewport({ width: 800, height: 600 });
      });

      for (const state of spec.states) {
        it(`leaves nothing in English in Spanish or Arabic, switched at run time: ${state.name}`, async () => {
          const mock = await useMock(state.config);
          const element = await spec.mount(restAdapter());
          await state.act?.(element);
          const english = userStrings(element);
          await showIn(element, 'es');
          const spanish = userStrings(element);
          page.dir = 'rtl';
          await showIn(element, 'ar');
          const arabic = userStrings(element);
          const data = dataStrings(mock.served.map((r) => r.body));
          expect(english.length, 'the state shows text').to.be.greaterThan(0);
          expect(leftInEnglish(spanish, english, data), 'shown in English in Spanish').to.deep.equal([]);
          expect(latinWords(arabic, data), 'shown in English in Arabic').to.deep.equal([]);
          expect(getComputedStyle(element).direction, 'follows the page').to.equal('rtl');
          await expect(element).to.be.accessible();
        });

        it(`reflows into 320 px at 200% text, left to right and right to left: ${state.name}`, async () => {
          await setViewport({ width: 320, height: 640 });
          page.style.fontSize = '200%';
          await useMock(state.config);
          const element = await spec.mount(restAdapter());
          await state.act?.(element);
          expect(cutOff(element), 'cut off, English').to.deep.equal([]);
          page.dir = 'rtl';
          await showIn(element, 'ar');
          expect(cutOff(element), 'cut off, Arabic').to.deep.equal([]);
          expect(page.scrollWidth, 'no sideways scrolling of the page').to.be.at.most(320);
        });

        it(`has targets of 24 px or more at 320 px: ${state.name}`, async () => {
          await setViewport({ width: 320, height: 640 });
          await useMock(state.config);
          const element = await spec.mount(restAdapter());
          await state.act?.(element);
          expect(smallTargets(element)).to.deep.equal([]);
        });
      }
    });

    it('renders hostile text as inert text', async () => {
      const mock = await useMock({ ...spec.hostile.config, scenario: 'hostile' });
      const element = await spec.mount(restAdapter());
      await spec.ready(element);
      await spec.hostile.act?.(element);
      const injected = deepElements(element).filter((el) =>
        el.matches('img, script, iframe, object, a[href^="javascript"]'),
      );
      expect(injected, 'no element created from data').to.have.length(0);
      expect((window as { __dgPwned?: unknown }).__dgPwned, 'no script from data ran').to.equal(undefined);
      expect(mock.served.length, 'the element loaded hostile data').to.be.greaterThan(0);
      if (spec.hostile.shown) {
        const text = deepText(element);
        expect(
          HOSTILE_STRINGS.some((s) => text.includes(s)),
          'hostile text shown verbatim',
        ).to.equal(true);
      }
    });

    for (const width of [320, 1000]) {
      it(`wraps data of any length inside its box at ${width} px`, async () => {
        await setViewport({ width, height: 700 });
        try {
          await useMock({ ...spec.hostile.config, scenario: 'hostile' });
          const element = await spec.mount(restAdapter());
          await spec.ready(element);
          await spec.hostile.act?.(element);
          if (spec.hostile.shown) {
            const text = deepText(element);
            expect(text.includes(UNBROKEN_NAME) || text.includes(EMAIL_LIKE_NAME), 'unbroken text shown').to.equal(
              true,
            );
          }
          expect(document.documentElement.scrollWidth, 'no sideways scrolling of the page').to.be.at.most(width);
          expect(outOfBox(element), 'text outside its box').to.deep.equal([]);
        } finally {
          await setViewport({ width: 800, height: 600 });
        }
      });
    }

    if (spec.loads === false) {
      it('sends no request until the user acts', async () => {
        const mock = await useMock({ fault: { kind: 'server', on: 'all' } });
        const element = await spec.mount(restAdapter());
        await spec.ready(element);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(mock.served.map((r) => `${r.method} ${r.path}`)).to.deep.equal([]);
        expect(errorRegion(element), 'nothing failed').to.equal(undefined);
      });
    }

    describe('faults while loading', () => {
      if (spec.loads === false) return;
      for (const kind of READ_FAULTS) {
        it(`${kind}: says what happened and offers a way forward`, async () => {
          // Every read fails until the way forward is taken: a count of faults could be used up by a
          // request from the previous test still on its way.
          const mock = await useMock({ ...spec.write?.config, fault: { kind, on: 'read' } });
          const element = await spec.mount(restAdapter());
          await expectFaultHandled(
            element,
            kind,
            () => spec.ready(element),
            () => mock.setFault(undefined),
          );
        });
      }
    });

    describe('faults while saving', () => {
      const write = spec.write;
      if (!write) return;
      for (const kind of WRITE_FAULTS) {
        it(`${kind}: keeps the input, says what happened and offers a way forward`, async () => {
          const mock = await useMock(write.config);
          const element = await spec.mount(restAdapter());
          await spec.ready(element);
          mock.setFault({ kind, on: 'write', times: 1 });
          await write.perform(element);
          if (kind === 'conflict' && write.conflictShown) {
            await write.conflictShown(element);
            expect(errorRegion(element), 'nothing is left to retry').to.equal(undefined);
            await expect(element).to.be.accessible();
            return;
          }
          await until(() => errorRegion(element), `an error for the ${kind} fault`);
          write.assertInputKept(element);
          await expectFaultHandled(
            element,
            kind,
            async () => {
              if (wayForward(element).dataset['action'] === 'retry') await write.succeeded(element);
              else await spec.ready(element);
            },
            () => undefined,
          );
          const writes = mock.served.filter((r) => r.method !== 'GET' && !r.injected && r.status < 300);
          if (['network', 'timeout', 'server', 'malformed'].includes(kind)) {
            expect(writes, 'a retry writes exactly once').to.have.length(write.writes ?? 1);
          }
        });
      }
    });

    describe('masking', () => {
      for (const config of spec.maskedViewers) {
        it(`shows no raw contact to ${config.viewer ?? 'the default viewer'} (${config.business ?? 'premium-new'})`, async () => {
          const mock = await useMock(config);
          const element = await spec.mount(restAdapter());
          await spec.ready(element);
          const raw = mock.rawContacts();
          expect(raw.length, 'the data has contacts to leak').to.be.greaterThan(0);
          expect(
            findLeaks(
              element,
              mock.served.map((r) => r.body),
              raw,
            ),
          ).to.deep.equal([]);
        });

        it(`shows ${config.viewer ?? 'the default viewer'} the same in every order whatever the hidden values are`, async () => {
          const seen: Record<string, string[]> = {};
          for (const world of ['seeded', 'twinned'] as const) {
            const mock = await useMock(config);
            if ((await restAdapter().getViewer()).canSeeContacts) return;
            WORLDS[world](mock.storage.data);
            const element = await spec.mount(restAdapter());
            await spec.ready(element);
            seen[world] = [deepText(element)];
            for (const ordering of spec.orderings ?? []) {
              await ordering.act(element);
              seen[world].push(`${ordering.name}: ${deepText(element)}`);
            }
            fixtureCleanup();
          }
          expect(seen['twinned'], 'what a masked viewer sees tells nothing of the hidden values').to.deep.equal(
            seen['seeded'],
          );
        });
      }
    });
  });
}

import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define/deskguard-provider.js';
import '../src/define/giftcard-id-generator.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { DeskguardProvider } from '../src/provider/deskguard-provider.js';
import { dammValid, startsLikePaymentCard } from '../src/policy/giftcard-id.js';
import {
  GIFT_CARD_MAX_TRIES,
  type GiftcardIdGeneratorElement,
} from '../src/elements/giftcard-id-generator/giftcard-id-generator.js';
import type { GiftCardReservedEvent, GiftCardUseEvent } from '../src/elements/giftcard-id-generator/events.js';
import { CORE_STAFF, MOCK_BASE_URL, createSeedData } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { $, $$, button, deepElements, deepText, until } from './support/dom.js';
import { currentMock, restAdapter, useMock, worker, inPage } from './support/mock.js';

type Generator = GiftcardIdGeneratorElement;

/** A free, valid number for the standard format (the mock's seed holds 739184620570). */
const FREE = '739184620571';
const TAKEN = '739184620570';

async function mount(adapter: DeskguardAdapter): Promise<Generator> {
  return fixture<Generator>(html`<giftcard-id-generator .adapter=${adapter}></giftcard-id-generator>`);
}

function errorRegion(element: Generator): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>('[part~="error"]');
}

function generateButton(element: Generator): HTMLButtonElement {
  return $<HTMLButtonElement>(element, '#generate');
}

async function ready(element: Generator): Promise<HTMLButtonElement> {
  return until(
    () => !errorRegion(element) && !element.matches(':state(busy)') && generateButton(element),
    'the generator to be ready',
  );
}

function input(element: Generator): HTMLInputElement {
  return $<HTMLInputElement>(element, '#typed');
}

function typeNumber(element: Generator, text: string): void {
  const field = input(element);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function shownDigits(element: Generator): string {
  return (element.shadowRoot!.querySelector('#digits')?.textContent ?? '').replace(/\s/g, '');
}

function fieldError(element: Generator): string {
  return $(element, '#typed-error').textContent?.trim() ?? '';
}

function statusText(element: Generator): string {
  return $(element, '[part~="status"]').textContent?.trim() ?? '';
}

/** Resolves once a number is shown as reserved. */
function reserved(element: Generator): Promise<string> {
  return until(() => statusText(element).startsWith('Reserved') && shownDigits(element), 'a reserved number');
}

async function posts() {
  return (await currentMock()).served.filter((r) => r.method === 'POST');
}

runConformance<Generator>({
  tag: 'giftcard-id-generator',
  mount,
  ready,
  loads: false,
  states: [
    { name: 'no number yet', config: {}, act: ready },
    {
      name: 'reserving',
      config: { latencyMs: 5_000 },
      act: async (el) => {
        generateButton(await ready(el).then(() => el)).click();
        await until(() => statusText(el).startsWith('Reserving'), 'reserving');
      },
    },
    {
      name: 'number reserved',
      config: {},
      act: async (el) => {
        (await ready(el)).click();
        await reserved(el);
      },
    },
    {
      name: 'strong preset, typed number with a wrong check digit',
      config: {},
      act: async (el) => {
        el.preset = 'strong';
        await ready(el);
        typeNumber(el, '7391 8462 0571 2345');
        await until(() => fieldError(el).includes('check digit'), 'the check digit error');
      },
    },
    {
      name: 'typed number already taken',
      config: {},
      act: async (el) => {
        await ready(el);
        typeNumber(el, TAKEN);
        button(el, 'Reserve this number').click();
        await until(() => errorRegion(el), 'the taken error');
      },
    },
    {
      name: 'reservation failed',
      config: { fault: { kind: 'server', on: 'write' } },
      act: async (el) => {
        (await ready(el)).click();
        await until(() => errorRegion(el), 'the error');
      },
    },
    {
      name: 'every number taken',
      config: { scenario: 'conflict' },
      act: async (el) => {
        (await ready(el)).click();
        await until(() => errorRegion(el), 'the error');
      },
    },
    {
      name: 'disabled',
      config: {},
      act: async (el) => {
        el.disabled = true;
        await el.updateComplete;
      },
    },
  ],
  write: {
    config: {},
    perform: async (el) => {
      typeNumber(el, FREE);
      await el.updateComplete;
      button(el, 'Reserve this number').click();
    },
    assertInputKept: (el) => expect(input(el).value).to.equal(FREE),
    succeeded: (el) => until(() => el.value.length === 12 && statusText(el).startsWith('Reserved'), 'a number'),
  },
  hostile: {
    config: {},
    shown: false,
    act: async (el) => {
      generateButton(el).click();
      await reserved(el);
    },
  },
  maskedViewers: [],
});

describe('<giftcard-id-generator>', () => {
  afterEach(() => fixtureCleanup());

  it('generates a random number, reserves it once with an idempotency key and shows it in groups', async () => {
    await useMock();
    const element = await mount(restAdapter());
    const event = oneEvent(element, 'giftcard-id-reserved') as Promise<GiftCardReservedEvent>;
    (await ready(element)).click();
    const { detail } = await event;
    const digits = await reserved(element);
    expect(digits).to.match(/^[789]\d{11}$/);
    expect(startsLikePaymentCard(digits)).to.equal(false);
    expect(detail.number).to.equal(digits);
    expect(detail.source).to.equal('generated');
    expect(element.value).to.equal(digits);
    const sent = await posts();
    expect(sent).to.have.length(1);
    expect(sent[0]!.request.body).to.deep.equal({ number: digits });
    expect(sent[0]!.request.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    const groups = $$(element, '#digits > span').map((g) => g.textContent);
    expect(groups).to.deep.equal([digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)]);
    // A screen reader reads the digits one by one, group by group; the visible digits are hidden from it.
    expect($(element, '#digits').getAttribute('aria-hidden')).to.equal('true');
    const spoken = $(element, '[part~="number"] .visually-hidden').textContent;
    expect(spoken).to.equal(groups.map((g) => g!.split('').join(' ')).join(', '));
    expect(button(element, 'Generate another number').id).to.equal('generate');
  });

  it('keeps the digit groups in reading order in a right-to-left page', async () => {
    await useMock();
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl" lang="ar"><giftcard-id-generator .adapter=${restAdapter()}></giftcard-id-generator></div>`,
    );
    const element = wrapper.querySelector<Generator>('giftcard-id-generator')!;
    (await ready(element)).click();
    await reserved(element);
    const [first, second] = $$(element, '#digits > span').map((g) => g.getBoundingClientRect().left);
    expect(first!, 'the first group on the left').to.be.lessThan(second!);
    typeNumber(element, '7391 8462');
    await element.updateComplete;
    expect(getComputedStyle(input(element)).direction).to.equal('ltr');
  });

  it('a double click generates and reserves one number', async () => {
    await useMock({ latencyMs: 200 });
    const element = await mount(restAdapter());
    const generate = await ready(element);
    generate.click();
    generate.click();
    await element.updateComplete;
    generate.click();
    await reserved(element);
    expect(await posts()).to.have.length(1);
  });

  it('replaces a number another till reserved first, with a new number and key', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    // Another till takes each of the next two numbers just before this one asks for it.
    mock.setFault({ kind: 'conflict', on: 'write', times: 2 });
    generateButton(element).click();
    const digits = await reserved(element);
    const sent = await posts();
    expect(sent.map((r) => r.status)).to.deep.equal([409, 409, 201]);
    const numbers = sent.map((r) => r.request.body['number']);
    const keys = sent.map((r) => r.request.idempotencyKey);
    expect(new Set(numbers).size, 'three different numbers').to.equal(3);
    expect(new Set(keys).size, 'three different keys').to.equal(3);
    expect(numbers[2]).to.equal(digits);
    expect(errorRegion(element)).to.equal(null);
  });

  it(`gives up after ${GIFT_CARD_MAX_TRIES} taken numbers in a row, says so, and can try again`, async () => {
    const mock = await useMock({ scenario: 'conflict' });
    const element = await mount(restAdapter());
    (await ready(element)).click();
    const region = await until(() => errorRegion(element), 'the error');
    expect(region.getAttribute('role')).to.equal('alert');
    expect(region.textContent).to.contain('No free number found');
    expect(region.textContent).to.contain(`${GIFT_CARD_MAX_TRIES} numbers in a row`);
    expect((await posts()).map((r) => r.status)).to.deep.equal(new Array(GIFT_CARD_MAX_TRIES).fill(409));
    expect(element.value).to.equal('');
    mock.setFault(undefined);
    mock.config.scenario = 'normal';
    button(element, 'Try again').click();
    await reserved(element);
    expect(element.shadowRoot!.activeElement, 'focus returns to Generate').to.equal(generateButton(element));
  });

  it('a retry after a lost answer sends the same number with the same key, and writes once', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    mock.setFault({ kind: 'network', on: 'write', times: 1 });
    generateButton(element).click();
    await until(() => errorRegion(element), 'the error');
    expect(deepText(element)).to.contain('No number was reserved.');
    button(element, 'Try again').click();
    const digits = await reserved(element);
    const sent = await posts();
    expect(sent.map((r) => r.request.body['number'])).to.deep.equal([digits, digits]);
    expect(sent[0]!.request.idempotencyKey).to.equal(sent[1]!.request.idempotencyKey);
    expect(mock.storage.data.giftCards.filter((g) => g.number === digits)).to.have.length(1);
  });

  it('shows a reservation of another number than the one asked for as a fault, and takes nothing from it', async () => {
    await useMock();
    (await worker()).use(
      http.post(`${MOCK_BASE_URL}/gift-card-ids`, () =>
        HttpResponse.json(
          { number: '482901736455', reservedAt: '2026-11-20T10:00:00.000Z', reservedBy: { id: 'x', name: 'X' } },
          { status: 201 },
        ),
      ),
    );
    const form = await fixture<HTMLFormElement>(
      html`<form><giftcard-id-generator name="card" .adapter=${restAdapter()}></giftcard-id-generator></form>`,
    );
    const element = form.querySelector<Generator>('giftcard-id-generator')!;
    const events: Event[] = [];
    element.addEventListener('gift-card-reserved', (e) => events.push(e));
    element.addEventListener('change', (e) => events.push(e));
    (await ready(element)).click();
    const region = await until(() => errorRegion(element), 'the fault');
    expect(region.textContent).to.contain('does not understand');
    expect(shownDigits(element), 'nothing shown').not.to.contain('482901736455');
    expect(element.value, 'nothing submitted').to.equal('');
    expect(new FormData(form).get('card')).to.equal('');
    expect(
      events.map((e) => e.type),
      'no reservation announced',
    ).to.deep.equal([]);
  });

  it('uses the strong preset, a custom length and refuses a length outside 8 to 19', async () => {
    await useMock();
    const element = await fixture<Generator>(
      html`<giftcard-id-generator preset="strong" .adapter=${restAdapter()}></giftcard-id-generator>`,
    );
    (await ready(element)).click();
    const strong = await reserved(element);
    expect(strong).to.have.length(16);
    expect(dammValid(strong)).to.equal(true);
    expect($(element, '#typed-hint').textContent).to.contain('16 digits, the last a check digit.');
    element.preset = 'standard';
    element.length = 8;
    await element.updateComplete;
    button(element, 'Generate another number').click();
    await until(() => shownDigits(element).length === 8, 'an 8-digit number');
    element.length = 30;
    await element.updateComplete;
    expect($(element, '[part~="notice"]').textContent).to.contain('set up for 30 digits');
    expect(element.shadowRoot!.querySelector('#generate')).to.equal(null);
  });

  describe('a typed or scanned number', () => {
    it('is checked as staff type: progress, wrong characters, too long, a bank card', async () => {
      await useMock();
      const element = await mount(restAdapter());
      await ready(element);
      const field = input(element);
      typeNumber(element, '7391 8462');
      await element.updateComplete;
      expect(fieldError(element), 'a short number is work in progress').to.equal('');
      expect(field.getAttribute('aria-invalid')).to.equal('false');
      expect($(element, '#typed-hint').textContent).to.contain('8 typed.');
      typeNumber(element, '7391 846O');
      await element.updateComplete;
      expect(fieldError(element)).to.equal('Use digits only. Spaces and dashes are fine.');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')).to.contain('typed-error');
      typeNumber(element, '7391 8462 0571 9');
      await element.updateComplete;
      expect(fieldError(element)).to.equal('A gift card number here has 12 digits; this has 13.');
      element.length = 16;
      typeNumber(element, '4111 1111 1111 1111');
      await element.updateComplete;
      expect(fieldError(element)).to.contain('looks like a bank card');
      button(element, 'Reserve this number').click();
      await element.updateComplete;
      expect(await posts(), 'a bank card is never sent').to.have.length(0);
      await expect(element).to.be.accessible();
    });

    it('marks a missing or short number invalid when staff press Reserve, and sends nothing', async () => {
      await useMock();
      const element = await mount(restAdapter());
      await ready(element);
      button(element, 'Reserve this number').click();
      await element.updateComplete;
      expect(fieldError(element)).to.equal('Type or scan the number on the card.');
      expect(element.shadowRoot!.activeElement).to.equal(input(element));
      typeNumber(element, '7391');
      await element.updateComplete;
      expect(fieldError(element), 'typing clears the demand').to.equal('');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(fieldError(element)).to.equal('A gift card number here has 12 digits; this has 4.');
      expect(await posts()).to.have.length(0);
    });

    it('is reserved with Enter, as a scanner sends it, without submitting the host form', async () => {
      await useMock();
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${(e: Event) => e.preventDefault()}>
          <giftcard-id-generator name="card" .adapter=${restAdapter()}></giftcard-id-generator>
        </form>`,
      );
      let submitted = 0;
      form.addEventListener('submit', () => (submitted += 1));
      const element = form.querySelector<Generator>('giftcard-id-generator')!;
      await ready(element);
      const reservedEvent = oneEvent(element, 'giftcard-id-reserved') as Promise<GiftCardReservedEvent>;
      input(element).focus();
      await sendKeys({ type: '7391-8462-0571' });
      await sendKeys({ press: 'Enter' });
      const { detail } = await reservedEvent;
      expect(detail).to.include({ number: FREE, source: 'entered' });
      expect(await reserved(element)).to.equal(FREE);
      expect(input(element).value, 'the field empties once the number is shown above').to.equal('');
      expect(submitted).to.equal(0);
      expect(new FormData(form).get('card')).to.equal(FREE);
    });

    it('that another card already has keeps the field, marks it, and offers a random number', async () => {
      await useMock();
      const element = await mount(restAdapter());
      await ready(element);
      typeNumber(element, TAKEN);
      button(element, 'Reserve this number').click();
      const region = await until(() => errorRegion(element), 'the taken error');
      expect(region.textContent).to.contain('already on another gift card');
      expect(input(element).value).to.equal(TAKEN);
      expect(input(element).getAttribute('aria-invalid')).to.equal('true');
      expect(input(element).getAttribute('aria-describedby')).to.contain('taken');
      expect(element.value).to.equal('');
      button(element, 'Generate a random number').click();
      const digits = await reserved(element);
      expect(digits).to.not.equal(TAKEN);
    });

    it('hostile text typed into the field stays text', async () => {
      await useMock();
      const element = await mount(restAdapter());
      await ready(element);
      typeNumber(element, '<img src=x onerror="window.__dgPwned=1">');
      await element.updateComplete;
      expect(fieldError(element)).to.contain('digits only');
      expect(deepElements(element).filter((el) => el.matches('img'))).to.have.length(0);
      expect((window as { __dgPwned?: unknown }).__dgPwned).to.equal(undefined);
    });
  });

  describe('as a form control', () => {
    async function formWith(attributes = 'required') {
      await useMock();
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset>
            <giftcard-id-generator name="giftCard" ?required=${attributes === 'required'} .adapter=${restAdapter()}>
            </giftcard-id-generator>
          </fieldset>
        </form>`,
      );
      const element = form.querySelector<Generator>('giftcard-id-generator')!;
      await ready(element);
      return { form, element };
    }

    it('submits the reserved number under its name, and is invalid without one when required', async () => {
      const { form, element } = await formWith('required');
      expect(form.checkValidity()).to.equal(false);
      expect(element.validity.valueMissing).to.equal(true);
      expect(element.validationMessage).to.contain('Generate a gift card number');
      expect(new FormData(form).get('giftCard')).to.equal('');
      generateButton(element).click();
      const digits = await reserved(element);
      await element.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('giftCard')).to.equal(digits);
    });

    it('is invalid while a typed number waits to be reserved', async () => {
      const { form, element } = await formWith('optional');
      expect(form.checkValidity()).to.equal(true);
      typeNumber(element, '7391 8462');
      await element.updateComplete;
      expect(form.checkValidity()).to.equal(false);
      expect(element.validity.badInput).to.equal(true);
      expect(element.validationMessage).to.contain('Reserve the typed gift card number');
    });

    it('clears on form reset', async () => {
      const { form, element } = await formWith('required');
      generateButton(element).click();
      await reserved(element);
      typeNumber(element, '12');
      form.reset();
      await element.updateComplete;
      expect(element.value).to.equal('');
      expect(input(element).value).to.equal('');
      expect(new FormData(form).get('giftCard')).to.equal('');
      expect(element.validity.valueMissing).to.equal(true);
      expect(deepText(element)).to.contain('No number yet.');
    });

    it('is disabled with its fieldset', async () => {
      const { form, element } = await formWith('optional');
      form.querySelector('fieldset')!.disabled = true;
      await until(() => generateButton(element).disabled, 'the button to be disabled');
      expect(input(element).disabled).to.equal(true);
      generateButton(element).click();
      expect(await posts()).to.have.length(0);
      form.querySelector('fieldset')!.disabled = false;
      await until(() => !generateButton(element).disabled, 'the button to be enabled');
    });
  });

  it('copies the number to the clipboard and says so', async () => {
    await useMock();
    const element = await mount(restAdapter());
    (await ready(element)).click();
    const digits = await reserved(element);
    // A real key press: the clipboard needs the user's activation, which a scripted click is not.
    button(element, 'Copy number').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => statusText(element) === 'Copied to the clipboard.', 'the copied notice');
    // Pasted into the field, as staff would paste it elsewhere: the digits, without the group spaces.
    input(element).focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyV' });
    await sendKeys({ up: 'Control' });
    expect(input(element).value).to.equal(digits);
  });

  it('when the browser blocks the clipboard, says so and selects the number for a manual copy', async () => {
    await useMock();
    const element = await mount(restAdapter());
    (await ready(element)).click();
    const digits = await reserved(element);
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
    try {
      button(element, 'Copy number').click();
      await until(() => statusText(element).startsWith('Could not copy'), 'the copy failure');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
    expect((getSelection()?.toString() ?? '').replace(/\s/g, '')).to.equal(digits);
  });

  it('fires giftcard-id-use with the number when staff press "Use this number"', async () => {
    await useMock();
    const element = await mount(restAdapter());
    (await ready(element)).click();
    const digits = await reserved(element);
    const used = oneEvent(element, 'giftcard-id-use') as Promise<GiftCardUseEvent>;
    button(element, 'Use this number').click();
    const { detail } = await used;
    expect(detail.number).to.equal(digits);
    expect(detail.reservation?.number).to.equal(digits);
    await until(() => statusText(element) === 'This number is now in use.', 'the in-use notice');
  });

  it('is complete from the keyboard: generate, copy and use with Tab and Enter', async () => {
    await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    element.focus();
    expect(element.shadowRoot!.activeElement, 'focus delegates to Generate').to.equal(generateButton(element));
    await sendKeys({ press: 'Enter' });
    const digits = await reserved(element);
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Copy number');
    await sendKeys({ press: 'Enter' });
    await until(() => statusText(element) === 'Copied to the clipboard.', 'copied');
    await sendKeys({ press: 'Tab' });
    const used = oneEvent(element, 'giftcard-id-use') as Promise<GiftCardUseEvent>;
    await sendKeys({ press: 'Space' });
    expect((await used).detail.number).to.equal(digits);
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(input(element));
  });

  it("follows its provider's adapter as it changes, and has none once moved out of the provider", async () => {
    await useMock();
    const provider = await fixture<DeskguardProvider>(
      html`<deskguard-provider .adapter=${restAdapter()}
        ><giftcard-id-generator></giftcard-id-generator
      ></deskguard-provider>`,
    );
    const element = provider.querySelector<Generator>('giftcard-id-generator')!;
    await ready(element);
    const backend = inPage(createSeedData({}));
    provider.adapter = backend.adapter(CORE_STAFF.admin.id);
    await provider.updateComplete;
    generateButton(element).click();
    const digits = await reserved(element);
    expect(backend.data.giftCards.map((g) => g.number)).to.include(digits);
    expect(await posts(), 'the first adapter is no longer used').to.have.length(0);
    provider.after(element);
    await until(() => deepText(element).includes('No data adapter'), 'the no-adapter notice');
    provider.append(element);
    await ready(element);
  });

  it('keeps a malformed answer from becoming a number', async () => {
    await useMock();
    (await worker()).use(
      http.post(`${MOCK_BASE_URL}/gift-card-ids`, () => HttpResponse.json({ number: 42 }, { status: 201 })),
    );
    const element = await mount(restAdapter());
    (await ready(element)).click();
    const region = await until(() => errorRegion(element), 'the error');
    expect(region.textContent).to.contain('does not understand');
    expect(element.value).to.equal('');
    expect(shownDigits(element)).to.equal('');
  });
});

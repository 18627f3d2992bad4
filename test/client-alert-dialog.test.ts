import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define/client-alert-dialog.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { AlertContext } from '../src/core/types.js';
import type { ClientAlertDialogElement } from '../src/elements/client-alert-dialog/client-alert-dialog.js';
import type { ClientAlertOutcomeEvent } from '../src/elements/client-alert-dialog/events.js';
import { CORE_STAFF, MOCK_BASE_URL, SEED_EPOCH, createSeedData } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { $, $$, button, deepText, until } from './support/dom.js';
import { currentMock, restAdapter, useMock, worker, written, inPage, type InPage } from './support/mock.js';

type Dialog = ClientAlertDialogElement;

const REASON = 'Gave Mark his inhaler before class.';

async function mount(adapter: DeskguardAdapter, clientId = 'client-1', context: AlertContext = 'profile') {
  const element = await fixture<Dialog>(
    html`<client-alert-dialog .adapter=${adapter} client-id=${clientId} context=${context}></client-alert-dialog>`,
  );
  void element.open();
  return element;
}

function dialog(element: Dialog): HTMLDialogElement {
  return $<HTMLDialogElement>(element, 'dialog');
}

function errorRegion(element: Dialog): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>('[part~="error"]');
}

/** Resolves once the dialog shows the alerts, with no error. */
function ready(element: Dialog): Promise<HTMLElement[]> {
  return until(() => {
    const alerts = $$<HTMLElement>(element, '[part~="alert"]');
    return dialog(element).open && !errorRegion(element) && alerts.length > 0 && alerts;
  }, 'the alerts to show');
}

function reasonField(element: Dialog, index = 0): HTMLTextAreaElement {
  return $$<HTMLTextAreaElement>(element, 'textarea')[index]!;
}

function typeReason(element: Dialog, text: string, index = 0): void {
  const field = reasonField(element, index);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function activeInDialog(element: Dialog): Element | null {
  return element.shadowRoot!.activeElement;
}

async function posts() {
  return (await currentMock()).served.filter((r) => r.method === 'POST');
}

/** A client with every kind of alert at the sign-in desk, on an in-memory backend. */
function everyAlertBackend(): InPage {
  const data = createSeedData({});
  const client = data.clients[0]!;
  client.yellowAlert = 'Prefers the quiet room.';
  client.balanceMinor = 12_500;
  client.arrivals = [SEED_EPOCH - 30 * 60_000];
  return inPage(data, { now: () => SEED_EPOCH });
}

runConformance<Dialog>({
  tag: 'client-alert-dialog',
  mount: (adapter) => mount(adapter),
  ready,
  states: [
    {
      name: 'loading',
      config: { scenario: 'slow' },
      act: (el) => until(() => dialog(el).open && deepText(el).includes('Checking alerts'), 'the loading dialog'),
    },
    { name: 'red alert needing a reason', config: {}, act: ready },
    {
      name: 'a threshold alert at sign-in',
      config: {},
      act: async (el) => {
        await ready(el);
        el.cancel();
        void el.open({ clientId: 'client-3', context: 'sign-in' });
        await until(() => deepText(el).includes('Too many arrivals'), 'the arrivals alert');
      },
    },
    {
      name: 'reason missing',
      config: {},
      act: async (el) => {
        await ready(el);
        button(el, 'Ignore').click();
        await until(() => reasonField(el).getAttribute('aria-invalid') === 'true', 'the invalid field');
      },
    },
    {
      name: 'save failed',
      config: { fault: { kind: 'server', on: 'write' } },
      act: async (el) => {
        await ready(el);
        typeReason(el, REASON);
        button(el, 'Ignore').click();
        await until(() => errorRegion(el), 'the error');
      },
    },
    {
      name: 'load failed',
      config: { scenario: 'offline' },
      act: (el) => until(() => dialog(el).open && errorRegion(el), 'the error'),
    },
    { name: 'front-desk viewer, contacts masked', config: { viewer: 'front-desk' }, act: ready },
  ],
  write: {
    config: {},
    perform: async (el) => {
      typeReason(el, REASON);
      await el.updateComplete;
      button(el, 'Ignore').click();
    },
    assertInputKept: (el) => expect(reasonField(el).value).to.equal(REASON),
    succeeded: (el) => until(() => !dialog(el).open, 'the dialog to close'),
    // The alerts changed meanwhile: the dialog shows the current ones at once, to be answered again.
    conflictShown: (el) => until(() => el.shadowRoot?.querySelector('#changed'), 'the changed alerts'),
  },
  hostile: { config: {}, shown: true },
  // The seed puts the manager on the override list, so only front-desk staff see contacts masked.
  maskedViewers: [{ viewer: 'front-desk' }],
});

describe('<client-alert-dialog>', () => {
  afterEach(() => fixtureCleanup());

  /** Opens the dialog from a real button, as a host page would, and returns both. */
  async function openFrom(adapter: DeskguardAdapter, clientId = 'client-1', context: AlertContext = 'profile') {
    const host = await fixture<HTMLElement>(
      html`<div>
        <button id="opener">Sign in Mark</button>
        <client-alert-dialog .adapter=${adapter}></client-alert-dialog>
      </div>`,
    );
    const opener = host.querySelector<HTMLButtonElement>('#opener')!;
    const element = host.querySelector<Dialog>('client-alert-dialog')!;
    opener.focus();
    const outcome = element.open({ clientId, context });
    return { host, opener, element, outcome };
  }

  it('a new open() straight after cancel() shows the next client, untouched by the old close', async () => {
    await useMock();
    const { element, outcome } = await openFrom(restAdapter(), 'client-6', 'sign-in');
    await ready(element);
    element.cancel();
    const next = element.open({ clientId: 'client-3', context: 'sign-in' });
    expect((await outcome).status).to.equal('cancelled');
    await until(() => deepText(element).includes('Too many arrivals'), 'the next client’s arrivals alert');
    // Let any close event of the first dialog arrive: the second must still be open and waiting.
    await new Promise((done) => setTimeout(done, 50));
    expect(element.isOpen).to.equal(true);
    expect(dialog(element).open).to.equal(true);
    element.cancel();
    expect((await next).clientId).to.equal('client-3');
  });

  it('settles as cancelled, with focus back on the opener, when the host removes it while open', async () => {
    const mock = await useMock();
    const { opener, element, outcome } = await openFrom(restAdapter());
    await ready(element);
    typeReason(element, REASON);
    element.remove();
    const result = await outcome;
    expect(result.status).to.equal('cancelled');
    expect(element.isOpen).to.equal(false);
    expect(document.activeElement === opener, 'focus is back on the opener').to.equal(true);
    expect(written(mock.storage), 'nothing recorded').to.have.length(0);
  });

  it('resolves "no-alerts" without showing anything when no alert applies', async () => {
    await useMock();
    const { element, outcome } = await openFrom(restAdapter(), 'client-4', 'profile');
    const event = oneEvent(element, 'client-alert-outcome') as Promise<ClientAlertOutcomeEvent>;
    expect(await outcome).to.deep.equal({
      status: 'no-alerts',
      clientId: 'client-4',
      context: 'profile',
      resolutions: [],
      contactLogIds: [],
      resolvedAt: null,
    });
    expect((await event).detail.status).to.equal('no-alerts');
    expect(dialog(element).open).to.equal(false);
  });

  it('is a modal alert dialog named by its title, described by the alert, with the page behind inert', async () => {
    await useMock();
    const { host, element } = await openFrom(restAdapter());
    await ready(element);
    const d = dialog(element);
    expect(d.getAttribute('role')).to.equal('alertdialog');
    expect(d.matches(':modal')).to.equal(true);
    expect($(element, '#title').textContent).to.equal('Alerts for Mark Ellison');
    const described = d
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => $(element, `#${id}`).textContent);
    expect(described).to.deep.equal(['Mark has asthma. He needs his inhaler before class.']);
    host.querySelector<HTMLButtonElement>('#opener')!.focus();
    expect(document.activeElement?.id, 'the page behind takes no focus').to.not.equal('opener');
  });

  it('is answered from the keyboard alone: focus starts in the reason, Tab to Ignore, focus returns to the opener', async () => {
    const mock = await useMock();
    const { opener, element, outcome } = await openFrom(restAdapter());
    await ready(element);
    expect(activeInDialog(element), 'focus starts in the reason field').to.equal(reasonField(element));
    await sendKeys({ type: `  ${REASON}  ` });
    await sendKeys({ press: 'Tab' });
    expect(activeInDialog(element)?.textContent?.trim()).to.equal('Cancel');
    await sendKeys({ press: 'Tab' });
    expect(activeInDialog(element)?.textContent?.trim()).to.equal('Ignore');
    await sendKeys({ press: 'Enter' });
    const result = await outcome;
    expect(result.status).to.equal('ignored');
    expect(result.resolutions).to.deep.equal([
      { alertId: 'client-1:red', kind: 'red', action: 'ignore', reason: REASON },
    ]);
    expect(result.contactLogIds).to.have.length(1);
    expect(written(mock.storage).map((l) => [l.id, l.reason])).to.deep.equal([[result.contactLogIds[0], REASON]]);
    expect(dialog(element).open).to.equal(false);
    expect(document.activeElement, 'focus back on the opener').to.equal(opener);
  });

  it('keeps focus inside the dialog while it is open', async () => {
    await useMock();
    const { element } = await openFrom(restAdapter());
    await ready(element);
    for (let i = 0; i < 8; i++) {
      if (i % 3 === 2) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      } else await sendKeys({ press: 'Tab' });
      expect(activeInDialog(element), `after ${i + 1} presses`).to.not.equal(null);
    }
  });

  it('requires a real reason: the action stays available, the field is marked and nothing is sent', async () => {
    await useMock();
    const { element } = await openFrom(restAdapter());
    await ready(element);
    const ignore = button(element, 'Ignore');
    for (const attempt of ['', '   \n  ']) {
      typeReason(element, attempt);
      await element.updateComplete;
      expect(ignore.disabled).to.equal(false);
      ignore.click();
      await element.updateComplete;
      const field = reasonField(element);
      expect(field.getAttribute('aria-invalid'), JSON.stringify(attempt)).to.equal('true');
      const error = $(element, `#${field.id}-error`);
      expect(field.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
      expect(error.textContent).to.contain('Write a reason');
      await until(() => activeInDialog(element) === field, 'focus on the invalid field');
    }
    expect(await posts()).to.have.length(0);
    typeReason(element, REASON);
    await element.updateComplete;
    expect(reasonField(element).getAttribute('aria-invalid'), 'typing clears the mark').to.equal('false');
  });

  it('shows the length limit before it is reached, and keeps an over-long reason rather than cut it', async () => {
    await useMock();
    const { element } = await openFrom(restAdapter());
    await ready(element);
    const count = () => $(element, `#${reasonField(element).id}-count`).textContent?.trim();
    expect(count()).to.equal('Up to 500 characters.');
    typeReason(element, 'a'.repeat(450));
    await element.updateComplete;
    expect(count()).to.equal('50 characters left.');
    typeReason(element, 'a'.repeat(520));
    await element.updateComplete;
    expect(count()).to.equal('20 characters over the limit.');
    button(element, 'Ignore').click();
    await element.updateComplete;
    expect($(element, `#${reasonField(element).id}-error`).textContent).to.contain('Shorten the reason to 500');
    expect(reasonField(element).value).to.have.length(520);
    expect(await posts()).to.have.length(0);
  });

  for (const how of ['Escape', 'Cancel'] as const) {
    it(`${how} cancels: nothing is recorded and focus returns`, async () => {
      const mock = await useMock();
      const { opener, element, outcome } = await openFrom(restAdapter());
      await ready(element);
      typeReason(element, REASON);
      if (how === 'Escape') await sendKeys({ press: 'Escape' });
      else button(element, 'Cancel').click();
      const result = await outcome;
      expect(result.status).to.equal('cancelled');
      expect(result.resolutions).to.deep.equal([]);
      expect(await posts()).to.have.length(0);
      expect(written(mock.storage)).to.have.length(0);
      expect(document.activeElement).to.equal(opener);
    });
  }

  it('at sign-in, rejects a threshold alert without a reason and logs it', async () => {
    const mock = await useMock();
    const { element, outcome } = await openFrom(restAdapter(), 'client-3', 'sign-in');
    await ready(element);
    expect(deepText(element)).to.contain('Arriving 2 times within 4 hours, counting this one.');
    expect($(element, 'label').textContent?.trim()).to.equal('Reason to sign in (required)');
    button(element, 'Reject').click();
    const result = await outcome;
    expect(result.status).to.equal('rejected');
    expect(result.resolutions).to.deep.equal([
      { alertId: 'client-3:arrivals', kind: 'arrivals', action: 'reject', reason: null },
    ]);
    expect(written(mock.storage)[0]).to.include({ action: 'reject', alertKind: 'arrivals' });
    expect(mock.storage.data.clients[2]!.arrivals, 'a rejected client did not arrive').to.have.length(1);
  });

  it('at sign-in, signs the client in only with a reason, and records the arrival', async () => {
    const mock = await useMock();
    const { element, outcome } = await openFrom(restAdapter(), 'client-3', 'sign-in');
    await ready(element);
    button(element, 'Sign in').click();
    await until(() => reasonField(element).getAttribute('aria-invalid') === 'true', 'the reason demanded');
    typeReason(element, 'Second class today: booked both.');
    button(element, 'Sign in').click();
    const result = await outcome;
    expect(result.status).to.equal('signed-in');
    expect(result.resolutions[0]).to.include({ action: 'sign-in', reason: 'Second class today: booked both.' });
    expect(mock.storage.data.clients[2]!.arrivals).to.have.length(2);
  });

  it('shows several alerts together, most urgent first, each named in words and answered as its settings require', async () => {
    const backend = everyAlertBackend();
    const { element, outcome } = await openFrom(backend.adapter(CORE_STAFF.admin.id), 'client-1', 'sign-in');
    const alerts = await ready(element);
    expect(alerts.map((a) => a.dataset['kind'])).to.deep.equal(['red', 'account-balance', 'arrivals', 'yellow']);
    expect(alerts.map((a) => a.querySelector('.kind')?.textContent?.trim())).to.deep.equal([
      'Red alert: urgent',
      'Account balance over the threshold',
      'Too many arrivals',
      'Yellow alert: take care',
    ]);
    expect(alerts[1]!.textContent).to.contain('Owes £125.00. The alert starts at £100.00.');
    // Each kind has its own mark beside the words, hidden from screen readers, which hear the words.
    const marks = alerts.map((a) => a.querySelector('.kind [part~="icon"]'));
    expect(marks.every((m) => m?.getAttribute('aria-hidden') === 'true')).to.equal(true);
    expect(new Set(marks.map((m) => m!.querySelector('path')!.getAttribute('d'))).size).to.equal(4);
    // Red needs a reason to ignore, both thresholds a reason to sign in; yellow needs none.
    expect($$(element, 'textarea')).to.have.length(3);
    expect(alerts[3]!.querySelector('textarea')).to.equal(null);
    typeReason(element, REASON, 0);
    typeReason(element, 'Pays on the way out.', 1);
    button(element, 'Sign in').click();
    await until(() => reasonField(element, 2).getAttribute('aria-invalid') === 'true', 'the third reason');
    expect(reasonField(element, 0).getAttribute('aria-invalid')).to.equal('false');
    typeReason(element, 'Booked two classes.', 2);
    button(element, 'Sign in').click();
    const result = await outcome;
    expect(result.status).to.equal('signed-in');
    expect(result.resolutions.map((r) => [r.kind, r.action])).to.deep.equal([
      ['red', 'ignore'],
      ['account-balance', 'sign-in'],
      ['arrivals', 'sign-in'],
      ['yellow', 'ignore'],
    ]);
    expect(result.contactLogIds, 'red and the two thresholds write logs; yellow does not').to.have.length(3);
    expect(written(backend)).to.have.length(3);
  });

  it('writes each contact log with the alert as staff saw it, where, at which location, when shown and when answered', async () => {
    const data = createSeedData({});
    const client = data.clients[0]!;
    client.balanceMinor = 12_500;
    let now = SEED_EPOCH;
    const backend = inPage(data, { now: () => now });
    const desk = CORE_STAFF['front-desk'];
    const { element, outcome } = await openFrom(backend.adapter(desk.id), 'client-1', 'sign-in');
    await ready(element);
    const redText = client.redAlert!;
    now += 90_000; // A minute and a half at the desk before answering.
    typeReason(element, REASON, 0);
    typeReason(element, 'Pays on the way out.', 1);
    button(element, 'Sign in').click();
    await outcome;
    // Someone edits the alert afterwards: the log keeps what the staff member answered.
    client.redAlert = 'Changed after the fact.';
    const location = data.staff.find((s) => s.id === desk.id)!.locationId;
    const logs = written(backend).map(({ id: _id, alert, ...log }) => ({
      ...log,
      alert: alert.kind === 'red' ? alert.text : alert.kind === 'account-balance' ? alert.thresholdMinor : alert.kind,
    }));
    const common = {
      type: 'client-alert',
      clientId: client.id,
      context: 'sign-in',
      staff: { id: desk.id, name: desk.name },
      locationId: location,
      shownAt: new Date(SEED_EPOCH).toISOString(),
      at: new Date(now).toISOString(),
    };
    expect(logs).to.deep.equal([
      {
        ...common,
        subtype: 'red',
        alertId: 'client-1:red',
        alertKind: 'red',
        alert: redText,
        action: 'ignore',
        reason: REASON,
      },
      {
        ...common,
        subtype: 'account-balance',
        alertId: 'client-1:account-balance',
        alertKind: 'account-balance',
        alert: 10_000,
        action: 'sign-in',
        reason: 'Pays on the way out.',
      },
    ]);
  });

  it('writes exactly one contact log under a double click and under a retry after a lost answer', async () => {
    const mock = await useMock({ latencyMs: 150 });
    const sent: { key: string | null }[] = [];
    const count = ({ request }: { request: Request }) => {
      if (request.method === 'POST') sent.push({ key: request.headers.get('Idempotency-Key') });
    };
    const w = await worker();
    w.events.on('request:start', count);
    const { element, outcome } = await openFrom(restAdapter());
    await ready(element);
    typeReason(element, REASON);
    mock.setFault({ kind: 'timeout', on: 'write', times: 1 });
    const ignore = button(element, 'Ignore');
    ignore.click();
    ignore.click();
    await until(() => errorRegion(element), 'the timeout error');
    expect(reasonField(element).value, 'the reason survives').to.equal(REASON);
    expect(dialog(element).open, 'the dialog stays open').to.equal(true);
    button(element, 'Try again').click();
    await outcome;
    w.events.removeListener('request:start', count);
    expect(sent, 'one request for the double click, one for the retry').to.have.length(2);
    expect(sent[0]!.key).to.equal(sent[1]!.key);
    expect(written(mock.storage)).to.have.length(1);
  });

  it('a retry after the answer was lost on the way back still writes one log', async () => {
    const mock = await useMock();
    (await worker()).use(
      http.post(`${MOCK_BASE_URL}/clients/:id/alert-resolutions`, async ({ request, params }) => {
        // The server writes, then the connection drops before the answer arrives.
        await mock.server.fetch(
          new Request(`http://deskguard.mock/clients/${String(params['id'])}/alert-resolutions`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'Idempotency-Key': request.headers.get('Idempotency-Key') ?? '',
            },
            body: await request.text(),
          }),
          { staffId: CORE_STAFF.admin.id },
        );
        return HttpResponse.error();
      }),
    );
    const { element, outcome } = await openFrom(restAdapter());
    await ready(element);
    typeReason(element, REASON);
    button(element, 'Ignore').click();
    await until(() => errorRegion(element), 'the network error');
    expect(written(mock.storage), 'the first attempt did write').to.have.length(1);
    (await worker()).resetHandlers();
    button(element, 'Try again').click();
    const result = await outcome;
    expect(written(mock.storage)).to.have.length(1);
    expect(result.contactLogIds).to.deep.equal([written(mock.storage)[0]!.id]);
  });

  it('marks the fields the server refused, and keeps what was written', async () => {
    await useMock();
    (await worker()).use(
      http.post(`${MOCK_BASE_URL}/clients/:id/alert-resolutions`, () =>
        HttpResponse.json(
          {
            error: { code: 'validation', message: 'Invalid', fields: { 'client-1:red': 'That reason is not allowed' } },
          },
          { status: 422 },
        ),
      ),
    );
    const { element } = await openFrom(restAdapter());
    await ready(element);
    typeReason(element, REASON);
    button(element, 'Ignore').click();
    await until(() => reasonField(element).getAttribute('aria-invalid') === 'true', 'the refused field');
    expect($(element, `#${reasonField(element).id}-error`).textContent).to.contain('That reason is not allowed');
    expect(reasonField(element).value).to.equal(REASON);
  });

  it('when the alerts changed meanwhile, says so, shows the current alerts and keeps the reason', async () => {
    const mock = await useMock();
    const { element, outcome } = await openFrom(restAdapter());
    await ready(element);
    typeReason(element, REASON);
    mock.setFault({ kind: 'conflict', on: 'write', times: 1 });
    button(element, 'Ignore').click();
    // At once, with no reload: the alerts that apply now, the new one marked, the reason kept.
    const alerts = await until(() => {
      const shown = $$<HTMLElement>(element, '[part~="alert"]');
      return shown.length === 2 && shown;
    }, 'the yellow alert too');
    expect(!!errorRegion(element), 'not a fault: a change to answer').to.equal(false);
    expect(alerts.map((a) => a.dataset['kind'])).to.deep.equal(['red', 'yellow']);
    expect(alerts.map((a) => !!a.querySelector('.new'))).to.deep.equal([false, true]);
    expect($(element, '#changed').textContent).to.contain('The alerts changed while you were answering');
    expect(written(mock.storage), 'nothing recorded yet').to.have.length(0);
    expect(reasonField(element).value).to.equal(REASON);
    await expect(element).to.be.accessible();
    button(element, 'Ignore').click();
    expect((await outcome).resolutions).to.have.length(2);
    expect(written(mock.storage)).to.have.length(1);
  });

  it('fits a 320 px screen with every alert, without sideways scrolling, the actions in reach', async () => {
    await useMock();
    await setViewport({ width: 320, height: 640 });
    try {
      const { element } = await openFrom(restAdapter(), 'client-6', 'sign-in');
      expect(await ready(element)).to.have.length(4);
      const d = dialog(element);
      expect(d.scrollWidth, 'no sideways scrolling').to.be.at.most(d.clientWidth);
      expect(d.getBoundingClientRect().right).to.be.at.most(320);
      const signIn = button(element, 'Sign in').getBoundingClientRect();
      expect(signIn.bottom, 'Sign in visible without scrolling').to.be.at.most(640);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows contacts as the masking policy allows', async () => {
    const mock = await useMock({ viewer: 'front-desk' });
    const { element } = await openFrom(restAdapter());
    await ready(element);
    const contacts = $(element, '[part~="contacts"]').textContent ?? '';
    expect(contacts).to.contain('(masked)');
    const raw = mock.storage.data.clients[0]!;
    expect(contacts).to.not.contain(raw.phone!);
    expect(contacts).to.not.contain(raw.email!);
  });

  it('keeps a phone number and an email left to right on a right-to-left page, and data in its own direction', async () => {
    await useMock({ viewer: 'front-desk' });
    const { host, element } = await openFrom(restAdapter());
    host.dir = 'rtl';
    const alerts = await ready(element);
    const values = $$(element, '[part~="contacts"] [dir]');
    expect(values.length, 'phone and email').to.equal(2);
    expect(values.map((v) => getComputedStyle(v).direction)).to.deep.equal(['ltr', 'ltr']);
    // Read right to left, "+44 •••• ••00" would show as "00•• •••• 44+": the "+" must come first, on the left.
    const phone = [...values[0]!.childNodes].find((n): n is Text => n instanceof Text && !!n.data.trim())!;
    const at = (i: number) => {
      const range = document.createRange();
      range.setStart(phone, i);
      range.setEnd(phone, i + 1);
      return range.getBoundingClientRect().left;
    };
    expect(phone.data.trim().startsWith('+')).to.equal(true);
    expect(at(phone.data.indexOf('+'))).to.be.lessThan(at(phone.data.trimEnd().length - 1));
    expect(alerts[0]!.querySelector('.text')!.getAttribute('dir')).to.equal('auto');
  });

  it('shows a loading dialog only when the answer is slow, and can be cancelled then', async () => {
    await useMock({ latencyMs: 1_500 });
    const { element, outcome } = await openFrom(restAdapter());
    expect(dialog(element).open, 'not at once').to.equal(false);
    await until(() => dialog(element).open, 'the loading dialog');
    expect($(element, '[role="status"]').textContent).to.contain('Checking alerts');
    button(element, 'Cancel').click();
    expect((await outcome).status).to.equal('cancelled');
  });

  it('returns the same promise when opened twice, and says how to connect it without an adapter', async () => {
    await useMock();
    const { element, outcome } = await openFrom(restAdapter());
    expect(element.open()).to.equal(outcome);
    await ready(element);
    element.cancel();
    await outcome;
    const bare = await fixture<Dialog>(html`<client-alert-dialog client-id="client-1"></client-alert-dialog>`);
    const pending = bare.open();
    await until(() => dialog(bare).open, 'the dialog');
    expect(deepText(bare)).to.contain('No data adapter');
    await expect(bare).to.be.accessible();
    button(bare, 'Cancel').click();
    expect((await pending).status).to.equal('cancelled');
  });
});

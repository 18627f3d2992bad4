import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http } from 'msw';
import '../src/define/verification-report.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { VerificationReportElement } from '../src/elements/verification-report/verification-report.js';
import type { OpenClientProfileEvent, VerificationChangeEvent } from '../src/elements/verification-report/events.js';
import { PermissionGroupsChangeEvent } from '../src/elements/permission-groups/events.js';
import { MOCK_BASE_URL } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { $, $$, button, deepText, until } from './support/dom.js';
import { currentMock, restAdapter, useMock, worker } from './support/mock.js';

type Report = VerificationReportElement;

/** In the seed: the newest pending request (emails match) and the pending one whose emails differ. */
const MATCH = 'vr-10';
const MISMATCH = 'vr-9';

async function mount(adapter: DeskguardAdapter): Promise<Report> {
  return fixture<Report>(html`<verification-report .adapter=${adapter}></verification-report>`);
}

function errorRegion(element: Report): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>('[part~="error"]');
}

function ready(element: Report): Promise<HTMLElement> {
  return until(
    () =>
      !errorRegion(element) &&
      // Not the refusal: a notice with a reload in it.
      !element.shadowRoot!.querySelector('[part~="notice"] button[data-action="reload"]') &&
      !element.shadowRoot!.querySelector('table[aria-busy="true"]') &&
      element.shadowRoot!.querySelector<HTMLElement>('table, [part~="notice"]'),
    'the report to load',
  );
}

function verifyButton(element: Report, id: string): HTMLButtonElement {
  return $<HTMLButtonElement>(element, `[data-verify="${id}"]`);
}

function row(element: Report, id: string): HTMLTableRowElement {
  return verifyButton(element, id).closest('tr')!;
}

/** The text of the row at `index` (rows keep their place when a request is handled). */
function rowText(element: Report, index: number): string {
  return $$<HTMLTableRowElement>(element, 'tbody tr')[index]!.textContent!.replace(/\s+/g, ' ');
}

function countText(element: Report): string {
  return $(element, '[part~="count"]').textContent?.trim() ?? '';
}

async function writes() {
  return (await currentMock()).served.filter((r) => r.method === 'POST');
}

runConformance<Report>({
  tag: 'verification-report',
  mount,
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'pending requests', config: {}, act: ready },
    {
      name: 'every status',
      config: {},
      act: async (el) => {
        await ready(el);
        const select = $<HTMLSelectElement>(el, 'select');
        select.value = '';
        select.dispatchEvent(new Event('change'));
        await until(() => countText(el) === '12 requests', 'all 12');
      },
    },
    { name: 'nothing waiting', config: { scenario: 'empty' }, act: ready },
    {
      name: 'confirming a mismatch',
      config: {},
      act: async (el) => {
        await ready(el);
        verifyButton(el, MISMATCH).click();
        await until(() => $<HTMLDialogElement>(el, 'dialog').open, 'the confirmation');
      },
    },
    {
      name: 'verify failed',
      config: { fault: { kind: 'server', on: 'write' } },
      act: async (el) => {
        await ready(el);
        verifyButton(el, MATCH).click();
        await until(() => errorRegion(el), 'the error');
      },
    },
    {
      name: 'load failed',
      config: { scenario: 'offline' },
      act: (el) => until(() => errorRegion(el), 'the error'),
    },
    { name: 'duty manager, emails masked', config: { viewer: 'duty-manager' }, act: ready },
    {
      name: 'without the report permission',
      config: { viewer: 'front-desk' },
      act: (el) =>
        until(() => deepText(el).includes('does not include the Security Verification report'), 'the refusal'),
    },
  ],
  write: {
    config: {},
    perform: async (el) => verifyButton(el, MATCH).click(),
    assertInputKept: (el) => expect(verifyButton(el, MATCH).textContent?.trim()).to.equal('Verify'),
    succeeded: (el) => until(() => rowText(el, 0).includes('Verified by'), 'the verified row'),
    conflictShown: (el) =>
      until(
        () => rowText(el, 0).includes('Declined by') && rowText(el, 0).includes('Someone else handled this request'),
        'the row refreshed with what the other person did',
      ),
  },
  hostile: {
    config: {},
    shown: true,
    // The "Verify anyway" confirmation names the person and the address given: open it too.
    act: async (el) => {
      $$<HTMLButtonElement>(el, 'button[data-verify]')[0]!.click();
      await until(() => $<HTMLDialogElement>(el, 'dialog').open, 'the confirmation');
    },
  },
  maskedViewers: [{ viewer: 'duty-manager' }],
  orderings: ['Requested', 'Name given', 'Email given', 'Client profile claimed', 'Status'].flatMap((label) =>
    (['first', 'reversed'] as const).map((turn) => ({
      name: `${label}, ${turn}`,
      act: async (el: Report) => {
        const before = $(el, 'th[aria-sort]').textContent;
        button(el, label).click();
        await until(() => $(el, 'th[aria-sort]').textContent !== before, `sorted by ${label}, ${turn}`);
        await ready(el);
      },
    })),
  ),
});

describe('<verification-report>', () => {
  afterEach(() => fixtureCleanup());

  it('is a native table: a caption, sortable headers as buttons with aria-sort, uniquely named row actions', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    expect($(element, 'caption').textContent?.trim()).to.equal('Link requests 1–7 of 7');
    expect(countText(element)).to.equal('7 requests');
    expect($(element, '[part~="count"]').getAttribute('role')).to.equal('status');
    const sorted = () =>
      $$(element, 'th[aria-sort]').map((th) => [th.textContent?.trim(), th.getAttribute('aria-sort')]);
    expect(sorted()).to.deep.equal([['Requested ▼', 'descending']]);
    expect($$(element, 'th button').map((b) => b.textContent?.trim().replace(/[▲▼ ]+$/, ''))).to.deep.equal([
      'Requested',
      'Name given',
      'Email given',
      'Client profile claimed',
      'Status',
    ]);
    // Times are held together with no-break spaces: compare the words.
    const names = $$(element, 'tbody button[aria-label]').map((b) =>
      b.getAttribute('aria-label')!.replace(/\u00a0/g, ' '),
    );
    expect(new Set(names).size, 'every action named uniquely').to.equal(names.length);
    // The request's time as the browser's locale and time zone write it.
    const when = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(mock.storage.data.verificationRequests.find((r) => r.id === MATCH)!.requestedAt),
    );
    expect(names.slice(0, 3)).to.deep.equal([
      `Open profile: Jonas Jensen, for the request of ${when}`,
      `Verify request from Jonas Jensen, ${when}`,
      `Decline request from Jonas Jensen, ${when}`,
    ]);
    button(element, 'Name given').click();
    await until(() => sorted()[0]?.[1] === 'ascending', 'sorted by name');
    await ready(element);
    expect(sorted()).to.deep.equal([['Name given ▲', 'ascending']]);
    expect(mock.served.at(-1)!.path).to.contain('sort=nameEntered&direction=asc');
    expect(rowText(element, 0)).to.contain('Dmitri Tanaka');
    button(element, 'Name given').click();
    await until(() => sorted()[0]?.[1] === 'descending', 'reversed');
    await ready(element);
    expect(rowText(element, 0)).to.contain('Mark Ellison');
  });

  it('shows each request as labelled fields with its actions in view on a phone, and as a table where there is room', async () => {
    await useMock();
    for (const width of [320, 375, 900]) {
      const box = await fixture<HTMLElement>(
        html`<div style="inline-size: ${width}px">
          <verification-report .adapter=${restAdapter()}></verification-report>
        </div>`,
      );
      const element = box.firstElementChild as Report;
      await ready(element);
      const narrow = width < 600;
      const scroller = $(element, '.scroll');
      expect(scroller.scrollWidth, `${width} px: nothing to scroll sideways`).to.be.at.most(scroller.clientWidth);
      const card = $(element, '[part~="base"]').getBoundingClientRect();
      for (const action of $$(element, 'tbody button[data-verify]')) {
        const edge = action.getBoundingClientRect();
        expect(edge.right, `${width} px: Verify in view`).to.be.at.most(card.right);
      }
      const cell = $(element, 'tbody td');
      expect(getComputedStyle(cell).display, `${width} px`).to.equal(narrow ? 'block' : 'table-cell');
      // The column's name beside each value once the columns are gone, and only then.
      expect(getComputedStyle(cell, '::before').content, `${width} px`).to.equal(narrow ? '"Requested"' : 'none');
      // The headers stay: sorting works on a phone too.
      expect($$(element, 'th button.sort').every((b) => b.getBoundingClientRect().width > 0)).to.equal(true);
      await fixtureCleanup();
    }
  });

  it('verifies a matching request, with or without the approval email, and says who did it', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    const changed = oneEvent(element, 'verification-change') as Promise<VerificationChangeEvent>;
    verifyButton(element, MATCH).click();
    expect((await changed).detail.request).to.include({ id: MATCH, status: 'verified', approvalEmailSent: true });
    await until(() => rowText(element, 0).includes('Approval email sent'), 'the verified row');
    expect(rowText(element, 0)).to.contain('Verified by Marcus Webb');
    // Said once on screen (the status column), and announced by the row's status note, which is not shown.
    const note = $$(element, 'tbody tr')[0]!.querySelector<HTMLElement>('[role="status"]')!;
    expect(note.textContent).to.contain('Verified by Marcus Webb');
    expect(note.getBoundingClientRect().width, 'the announcement takes no room').to.be.at.most(1);
    expect(mock.storage.data.outbox.map((m) => m.template)).to.deep.equal(['security-verification-approved']);
    $<HTMLInputElement>(element, '.actions input[type="checkbox"]').click();
    verifyButton(element, 'vr-4').click();
    await until(() => rowText(element, 1).includes('Verified by'), 'the second verified row');
    expect(rowText(element, 1)).to.not.contain('Approval email sent');
    expect(mock.storage.data.outbox).to.have.length(1);
  });

  it('never verifies a mismatch by default: it asks, states the risk, and needs a deliberate confirmation', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    const anyway = verifyButton(element, MISMATCH);
    expect(anyway.textContent?.trim()).to.equal('Verify anyway');
    expect(row(element, MISMATCH).querySelector('[part~="match"]')!.textContent).to.contain('Emails differ');
    anyway.click();
    const dialog = await until(() => {
      const d = $<HTMLDialogElement>(element, 'dialog');
      return d.open && d;
    }, 'the confirmation');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(element.shadowRoot!.activeElement?.id, 'focus on Cancel').to.equal('confirm-cancel');
    expect($(element, '#confirm-risk').textContent).to.contain('account takeover');
    const confirmInDialog = [...dialog.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Verify anyway'),
    )!;
    expect(confirmInDialog.disabled, 'not until the box is ticked').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'the dialog to close');
    expect(await writes(), 'Escape verifies nothing').to.have.length(0);
    anyway.click();
    await until(() => dialog.open, 'the confirmation again');
    dialog.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await element.updateComplete;
    [...dialog.querySelectorAll('button')].find((b) => b.textContent?.includes('Verify anyway'))!.click();
    // The mock records an answer once it is written out, a moment after the data changes: wait for the record.
    await until(() => mock.served.some((r) => r.method === 'POST'), 'the verify to be answered');
    expect(mock.storage.data.verificationRequests.find((r) => r.id === MISMATCH)?.status).to.equal('verified');
    expect((await writes())[0]!.request.body).to.deep.include({ acknowledgeMismatch: true });
  });

  it('tells staff whose group lacks the report why it is empty, and shows it once the group grants it', async () => {
    const mock = await useMock({ viewer: 'front-desk' });
    const element = await mount(restAdapter());
    await until(() => deepText(element).includes('does not include the Security Verification report'), 'the refusal');
    expect(element.shadowRoot!.querySelector('table, [part~="filters"]'), 'no rows or filters').to.equal(null);
    await expect(element).to.be.accessible();
    const desk = mock.storage.data.permissionGroups.groups.find((g) => g.id === 'group-front-desk')!;
    desk.permissions = [...desk.permissions, 'reports.security-verification'];
    $<HTMLButtonElement>(element, '[part~="notice"] button[data-action="reload"]').click();
    await ready(element);
    // Granted the report, they still see contacts masked: the report follows the masking rule.
    expect(rowText(element, 0)).to.contain('(masked)');
  });

  it('takes the rows off screen when the group loses the report while it is open, as <permission-groups> saves it', async () => {
    const mock = await useMock({ viewer: 'duty-manager' });
    const element = await mount(restAdapter());
    await ready(element);
    const manager = mock.storage.data.permissionGroups.groups.find((g) => g.id === 'group-manager')!;
    manager.permissions = manager.permissions.filter((p) => p !== 'reports.security-verification');
    // What a <permission-groups> elsewhere on the page tells the page once it saved: no host code.
    const elsewhere = document.body.appendChild(document.createElement('div'));
    elsewhere.dispatchEvent(
      new PermissionGroupsChangeEvent({ groups: await restAdapter().getPermissionGroups(), changes: [] }),
    );
    elsewhere.remove();
    await until(() => deepText(element).includes('does not include the Security Verification report'), 'the refusal');
    expect(element.shadowRoot!.querySelector('table, [part~="filters"]'), 'no rows or filters').to.equal(null);
  });

  it('marks a match with a tick and a mismatch or a decline with a cross, beside the words and hidden from screen readers', async () => {
    await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    const markIn = (cell: Element) => {
      const svg = cell.querySelector('svg')!;
      expect(svg.getAttribute('aria-hidden'), 'the words say it').to.equal('true');
      return svg.querySelector('path')!.getAttribute('d');
    };
    const matchCell = (id: string) => row(element, id).querySelector('[part~="match"]')!;
    const tick = markIn(matchCell(MATCH));
    const cross = markIn(matchCell(MISMATCH));
    expect(tick).to.not.equal(cross);
    expect(matchCell(MATCH).textContent!.trim()).to.equal('Emails match');
    // A waiting request has its badge and no mark; a decided one the mark of what was decided.
    expect(row(element, MATCH).querySelector('[part~="status"] svg')).to.equal(null);
    verifyButton(element, MATCH).click();
    await until(() => rowText(element, 0).includes('Verified by'), 'verified');
    expect(markIn($$(element, 'tbody [part~="status"]')[0]!)).to.equal(tick);
    $$<HTMLButtonElement>(element, 'tbody button')
      .find((b) => b.textContent?.trim() === 'Decline')!
      .click();
    await until(() => deepText(element).includes('Declined by'), 'declined');
    const declined = $$(element, 'tbody [part~="status"]').find((s) => s.textContent!.includes('Declined by'))!;
    expect(markIn(declined)).to.equal(cross);
  });

  it('lets a viewer who may not see emails act on a match without seeing them', async () => {
    const mock = await useMock({ viewer: 'duty-manager' });
    const element = await mount(restAdapter());
    await ready(element);
    expect(rowText(element, 0)).to.contain('(masked)');
    expect(rowText(element, 0)).to.not.contain('JONAS.JENSEN@EXAMPLE.ORG');
    expect(row(element, MATCH).querySelector('[part~="match"]')!.textContent).to.contain('Emails match');
    verifyButton(element, MATCH).click();
    await until(() => rowText(element, 0).includes('Verified by'), 'verified');
    expect(mock.storage.data.verificationRequests.find((r) => r.id === MATCH)!.status).to.equal('verified');
  });

  it('bulk-verifies the matching requests on the page only, and says what happened', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    mock.setFault({ kind: 'conflict', on: 'write', times: 1 });
    button(element, 'Verify the 6 matching requests on this page').click();
    await until(() => deepText(element).includes('Verified 5 of 6.'), 'the summary');
    const sent = await writes();
    expect(sent.map((r) => r.path.split('/').at(-2))).to.deep.equal(['vr-10', 'vr-4', 'vr-2', 'vr-8', 'vr-11', 'vr-1']);
    expect(mock.storage.data.verificationRequests.find((r) => r.id === MISMATCH)!.status).to.equal('pending');
    expect(rowText(element, 0)).to.contain('Someone else handled this request first');
  });

  it('acts once on a double click', async () => {
    await useMock({ latencyMs: 200 });
    const element = await mount(restAdapter());
    await ready(element);
    verifyButton(element, MATCH).click();
    verifyButton(element, MATCH).click();
    await until(() => rowText(element, 0).includes('Verified by'), 'verified');
    expect(await writes()).to.have.length(1);
  });

  it('retries a failed action with the same key, acting once', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    mock.setFault({ kind: 'network', on: 'write', times: 1 });
    verifyButton(element, MATCH).click();
    const region = await until(() => errorRegion(element), 'the error');
    expect(region.textContent).to.contain('The request was not verified.');
    button(element, 'Try again').click();
    await until(() => rowText(element, 0).includes('Verified by'), 'verified on retry');
    expect(mock.storage.data.outbox).to.have.length(1);
  });

  it('filters by status and dates on the server, refusing a From after To', async () => {
    const mock = await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    const [from, to] = $$<HTMLInputElement>(element, 'input[type="date"]');
    const set = (input: HTMLInputElement, value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('change'));
    };
    set(from!, '2026-10-01');
    set(to!, '2026-10-31');
    await until(() => countText(element) === '3 requests', 'October only');
    const path = decodeURIComponent(mock.served.at(-1)!.path);
    expect(path).to.match(/from=2026-\d\d-\d\dT\d\d:00:00\.000Z/);
    expect(path).to.match(/to=2026-\d\d-\d\dT\d\d:59:59\.999Z/);
    const before = mock.served.length;
    set(from!, '2026-11-15');
    await element.updateComplete;
    expect($(element, '#dates').textContent).to.contain('From date is after the To date');
    expect(from!.getAttribute('aria-invalid')).to.equal('true');
    expect(mock.served.length, 'no request for an impossible range').to.equal(before);
    set(to!, '');
    await until(() => countText(element) === '1 request', 'from 15 November');
  });

  it('says "no requests waiting" as good news, and "no match" when filters hide everything', async () => {
    await useMock({ scenario: 'empty' });
    const element = await mount(restAdapter());
    await ready(element);
    expect($(element, '[part~="notice"]').textContent).to.contain('No requests waiting');
    await useMock();
    const filtered = await mount(restAdapter());
    await ready(filtered);
    const [from] = $$<HTMLInputElement>(filtered, 'input[type="date"]');
    from!.value = '2030-01-01';
    from!.dispatchEvent(new Event('change'));
    await until(() => deepText(filtered).includes('No requests match these filters.'), 'the filtered notice');
  });

  it('keeps a slow answer to an old filter from replacing a newer one', async () => {
    await useMock();
    (await worker()).use(
      http.get(`${MOCK_BASE_URL}/verification-requests`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('status') === 'declined') await delay(800);
      }),
    );
    const element = await mount(restAdapter({ timeoutMs: 3000 }));
    await ready(element);
    const select = $<HTMLSelectElement>(element, 'select');
    select.value = 'declined';
    select.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 100));
    select.value = 'verified';
    select.dispatchEvent(new Event('change'));
    await until(() => countText(element) === '2 requests', 'the verified requests');
    await new Promise((r) => setTimeout(r, 900));
    expect(countText(element)).to.equal('2 requests');
    expect($$(element, 'tbody tr').every((tr) => tr.textContent?.includes('Verified by'))).to.equal(true);
  });

  it('pages through tens of thousands of requests on the server', async () => {
    const mock = await useMock({ scenario: 'large' });
    const element = await mount(restAdapter());
    await ready(element);
    const caption = () => $(element, 'caption').textContent?.trim();
    const total = mock.storage.data.verificationRequests.filter((r) => r.status === 'pending').length;
    expect(caption()).to.equal(`Link requests 1–25 of ${total.toLocaleString('en')}`);
    expect($$(element, 'tbody tr')).to.have.length(25);
    button(element, 'Next page').click();
    await until(() => caption()?.startsWith('Link requests 26–50'), 'page 2');
    expect(mock.served.at(-1)!.path).to.contain('offset=25&limit=25');
    expect(button(element, 'Previous page').disabled).to.equal(false);
  });

  it('asks the host to open the claimed profile', async () => {
    await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    const opened = oneEvent(element, 'open-client-profile') as Promise<OpenClientProfileEvent>;
    row(element, MATCH).querySelector<HTMLButtonElement>('button.link')!.click();
    expect((await opened).detail).to.deep.equal({ clientId: 'client-8', requestId: MATCH });
  });

  it('works from the keyboard: sort with Enter, verify with Enter', async () => {
    await useMock();
    const element = await mount(restAdapter());
    await ready(element);
    button(element, 'Requested').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(element, 'th[aria-sort]').getAttribute('aria-sort') === 'ascending', 'oldest first');
    await ready(element);
    verifyButton(element, 'vr-1').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => rowText(element, 0).includes('Verified by'), 'verified');
  });
});

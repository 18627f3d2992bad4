import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../src/define/entry-log-report.js';
import '../src/define/staff-access.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { EntryLogReportElement } from '../src/elements/entry-log-report/entry-log-report.js';
import type { StaffAccessElement } from '../src/elements/staff-access/staff-access.js';
import { CORE_STAFF } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { filterBy, reportReady, rows, sortOrderings } from './support/report.js';
import { $, button, deepText, until } from './support/dom.js';
import { currentMock, recorded, restAdapter, useMock } from './support/mock.js';

type Report = EntryLogReportElement;

async function mount(adapter: DeskguardAdapter, query = '', pageSize = 25): Promise<Report> {
  return fixture<Report>(
    html`<entry-log-report .adapter=${adapter} query=${query} page-size=${pageSize}></entry-log-report>`,
  );
}

const ready = reportReady;

runConformance<Report>({
  tag: 'entry-log-report',
  mount: (adapter) => mount(adapter),
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'loaded', config: {}, act: ready },
    { name: 'nobody signed in yet', config: { scenario: 'empty' }, act: ready },
    {
      name: 'without the report permission',
      config: { viewer: 'front-desk' },
      act: (el) => until(() => deepText(el).includes('does not include the Entry Logs report'), 'the refusal'),
    },
    {
      name: 'load failed',
      config: { scenario: 'offline' },
      act: (el) => until(() => el.shadowRoot?.querySelector('[part~="error"]'), 'the error'),
    },
  ],
  hostile: { config: { scenario: 'hostile' }, shown: true },
  maskedViewers: [{ viewer: 'duty-manager', business: 'premium-new' }],
  orderings: sortOrderings<Report>(['When', 'Who']),
});

describe('<entry-log-report>', () => {
  afterEach(() => fixtureCleanup());

  it('flags a sign-in after hours, by a former staff member, and from a new address', async () => {
    await useMock({});
    const element = await mount(restAdapter(), 'kind:staff', 100);
    await ready(element);
    const shown = rows(element);
    const desk = CORE_STAFF['front-desk'].name;
    const late = shown.find((r) => r.includes(desk) && r.includes('203.0.113.77'))!;
    expect(late).to.contain('Outside opening hours').and.contain('New address');
    const former = shown.find((r) => r.includes('Has no login now'))!;
    expect(former).to.contain('Outside opening hours').and.contain('Open their access');
    expect(shown.filter((r) => r.includes('Locked out'))).to.have.length(1);
    expect(shown.filter((r) => r.includes('Failed'))).to.have.length(6);
    const morning = shown.filter((r) => r.includes('198.51.100.24'));
    expect(morning.length).to.be.greaterThan(20);
    expect(
      morning.every((r) => !r.includes('Outside opening hours')),
      'the desk in opening hours',
    ).to.equal(true);
  });

  it('takes a flagged former staff member to their access in one step, where they can be deactivated', async () => {
    const mock = await useMock({});
    const host = await fixture<HTMLElement>(
      html`<div>
        <entry-log-report .adapter=${restAdapter()} query="flag:no-login"></entry-log-report>
        <staff-access .adapter=${restAdapter()}></staff-access>
      </div>`,
    );
    const report = host.querySelector<Report>('entry-log-report')!;
    const access = host.querySelector<StaffAccessElement>('staff-access')!;
    // The host wires the report's event to the access element, as a page with both does.
    report.addEventListener('open-staff-access', (e) => (access.staffId = e.detail.staffId));
    await ready(report);
    const opened = oneEvent(report, 'open-staff-access');
    button(report, 'Open their access').click();
    const { detail } = await opened;
    const former = mock.storage.data.staff.find((s) => s.id === detail.staffId)!;
    expect(former.hasLoginAccess).to.equal(false);
    await until(() => deepText(access).includes(former.name) && deepText(access).includes('No login'), 'their access');
  });

  it('reads its rows again when a staff-access element on the page deactivates someone', async () => {
    const mock = await useMock({});
    const manager = CORE_STAFF.manager;
    const host = await fixture<HTMLElement>(
      html`<div>
        <entry-log-report .adapter=${restAdapter()} query="flag:no-login"></entry-log-report>
        <staff-access .adapter=${restAdapter()} staff-id=${manager.id}></staff-access>
      </div>`,
    );
    const report = host.querySelector<Report>('entry-log-report')!;
    const access = host.querySelector<StaffAccessElement>('staff-access')!;
    await ready(report);
    await until(() => access.shadowRoot?.querySelector('[part~="facts"]'), 'the access');
    const asked = () => mock.served.filter((r) => r.path.includes('/entry-logs?')).length;
    const before = asked();
    button(access, 'Deactivate…').click();
    await access.updateComplete;
    const field = [...access.shadowRoot!.querySelectorAll('label')]
      .find((l) => l.textContent!.includes('to confirm'))!
      .querySelector('input')!;
    field.value = manager.name;
    field.dispatchEvent(new Event('input'));
    await access.updateComplete;
    access.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm"] button[type="submit"]')!.click();
    await until(() => asked() > before, 'the report asking again');
    await ready(report);
    // Their sign-ins while they worked here are not a former staff member's.
    expect(rows(report).some((r) => r.includes(manager.name))).to.equal(false);
  });

  it('reads its own qualifiers into chips and backend parameters, and says how long entries are kept', async () => {
    await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    await filterBy(element, 'outcome:failure ip:192.0.2.15');
    await ready(element);
    expect(rows(element)).to.have.length(6);
    expect((await currentMock()).served.at(-1)!.path)
      .to.contain('outcome=failure')
      .and.contain('ip=192.0.2.15');
    expect($(element, '[part~="count"]').textContent).to.match(/6 entries\. Kept for 365 days; the oldest is from /);
  });

  it('records each opening and export as report.viewed and report.exported', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter(), 'kind:client');
    await ready(element);
    button(element, 'Export CSV').click();
    await until(() => deepText(element).includes('Exported 3 entries'), 'the export');
    expect(recorded(mock.storage).map((e) => [e.action, e.metadata?.['report']])).to.deep.equal([
      ['report.viewed', 'entry-logs'],
      ['report.exported', 'entry-logs'],
    ]);
  });
});

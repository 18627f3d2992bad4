/**
 * The limit of the three cursor reports' benchmarks (contact logs, entry logs, staff
 * activity): the same page from the same adapter call, built with DOM calls and no
 * framework, in the element's markup with its stylesheets. The same heading, filter box,
 * example, preset, export buttons, count and retention, caption, column headers (sortable
 * ones as buttons), 25 rows with the same texts (the kit's own word lists and formats)
 * and buttons, and pager; a filter change asks the same query and replaces the rows.
 */
import { RestAdapter } from '../../src/adapters/rest.js';
import type { ContactLogEntry, CursorPage, EntryLogEntry, StaffActivityEntry } from '../../src/core/types.js';
import { alertKindLabel, alertWords } from '../../src/internal/alert-words.js';
import { formatWhen } from '../../src/internal/localize.js';
import {
  actionNames,
  contextNames,
  flagNames,
  outcomeNames,
  recordedFilterWords,
  reportNames,
} from '../../src/internal/report-words.js';
import { tokens } from '../../src/internal/styles.js';
import { reportStyles } from '../../src/internal/report-styles.js';
import { frameStyles } from '../../src/internal/report-frame.js';
import { factsStyles } from '../../src/internal/facts-styles.js';
import { styles as contactLogStyles } from '../../src/elements/contact-log-report/contact-log-report.styles.js';
import { styles as entryLogStyles } from '../../src/elements/entry-log-report/entry-log-report.styles.js';
import { styles as staffActivityStyles } from '../../src/elements/staff-activity-report/staff-activity-report.styles.js';
import { button, cardSection, contact, el, h, sortHeader, styledRoot } from './dom.js';
import type { CSSResult } from 'lit';

type Report = 'contact-log-report' | 'entry-log-report' | 'staff-activity-report';

declare global {
  interface Window {
    mountPlainLogs(report: Report): Promise<void>;
    filterPlainLogs(query: string): Promise<void>;
  }
}

const adapter = new RestAdapter({ baseUrl: '/api/deskguard', timeoutMs: 60_000 });
const numbers = new Intl.NumberFormat('en');
const when = (iso: string) => formatWhen('en', new Date(iso));

/** A benchmark query (`key:value`, `key:"two words"`) as the filter the element asks for. */
function filterOf(query: string, words: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [, key, quoted, plain] of query.matchAll(/(\w+):(?:"([^"]*)"|(\S+))/g)) {
    const value = quoted ?? plain!;
    Object.assign(filter, words[key!]?.[value] ?? { [key!]: value });
  }
  return filter;
}

/** A second line under a cell's first. */
const line = (text: string, muted = true) => h('span', { class: muted ? 'muted line' : 'line' }, text);

interface Kind<T> {
  styles: CSSResult[];
  title: string;
  description: string;
  example: string;
  preset: string;
  rows: [string, string];
  caption: string;
  columns: [label: string, sorts: boolean][];
  words: Record<string, Record<string, unknown>>;
  list(query: Record<string, unknown>): Promise<CursorPage<T> & { retentionDays?: number; oldestAt?: string | null }>;
  row(item: T, host: Element): HTMLTableRowElement;
}

const REPORTS: {
  'contact-log-report': Kind<ContactLogEntry>;
  'entry-log-report': Kind<EntryLogEntry>;
  'staff-activity-report': Kind<StaffActivityEntry>;
} = {
  'contact-log-report': {
    styles: [tokens, reportStyles, frameStyles, factsStyles, contactLogStyles],
    title: 'Contact logs',
    description: 'Who answered each client alert, when, where and why, with the alert as they saw it.',
    example: 'staff:"Tom Okafor" action:signed-in created:>=2026-11-01',
    preset: 'Client alerts',
    rows: ['log', 'logs'],
    caption: 'Contact logs',
    columns: [
      ['Answered', true],
      ['Client', true],
      ['Alert', true],
      ['Action', true],
      ['Reason', false],
      ['Staff', true],
      ['Where', false],
      ['Details', false],
    ],
    words: {
      action: { 'signed-in': { action: 'sign-in' }, ignored: { action: 'ignore' }, rejected: { action: 'reject' } },
      where: { booking: { context: 'booking' }, profile: { context: 'profile' }, 'sign-in': { context: 'sign-in' } },
    },
    list: (q) => adapter.listContactLogs({ sort: 'at', direction: 'desc', limit: 25, ...q } as never),
    row: (e, host) => {
      const at = when(e.at);
      const phoneOrEmail = e.client.phone ?? e.client.email;
      const client = h('td', { 'data-label': 'Client' }, e.client.name, ' ');
      if (phoneOrEmail) client.append(h('span', { class: 'muted line' }, contact(phoneOrEmail.value)));
      return h(
        'tr',
        { class: '' },
        h('td', { 'data-label': 'Answered' }, at),
        client,
        h(
          'td',
          { 'data-label': 'Alert' },
          h('strong', { class: 'line', 'data-kind': e.subtype }, alertKindLabel(e.subtype)),
          alertWords(host, e.alert),
        ),
        h('td', { 'data-label': 'Action' }, actionNames()[e.action]!),
        h('td', { 'data-label': 'Reason' }, e.reason ?? 'No reason needed'),
        h('td', { 'data-label': 'Staff' }, e.staff.name),
        h('td', { 'data-label': 'Where' }, contextNames()[e.context]!, line(e.locationName)),
        h(
          'td',
          {},
          button([h('span', { class: 'chevron', 'aria-hidden': 'true' }), 'Details'], {
            class: 'disclosure',
            'aria-expanded': 'false',
            'aria-label': `Details: ${e.client.name}, ${at}`,
          }),
        ),
      );
    },
  },
  'entry-log-report': {
    styles: [tokens, reportStyles, frameStyles, entryLogStyles],
    title: 'Entry logs',
    description:
      'Who signed in, when and from where. Sign-ins outside opening hours or the person’s shift, by someone without a login, or from a new address are flagged.',
    example: 'kind:staff flag:outside-hours created:>=2026-11-01',
    preset: 'Former staff still signing in',
    rows: ['entry', 'entries'],
    caption: 'Entries',
    columns: [
      ['When', true],
      ['Who', true],
      ['Outcome', false],
      ['IP address', false],
      ['Flags', false],
    ],
    words: {},
    list: (q) => adapter.listEntryLogs({ sort: 'at', direction: 'desc', limit: 25, ...q } as never),
    row: (e) => {
      const words = flagNames();
      const flags = h('td', { 'data-label': 'Flags' });
      for (const f of e.flags) flags.append(h('span', { part: 'flag', class: 'flag', 'data-flag': f }, words[f]), ' ');
      if (e.person.type === 'staff' && e.flags.includes('no-login'))
        flags.append(
          button('Open their access', { class: 'line', 'aria-label': `Open their access: ${e.person.name}` }),
        );
      return h(
        'tr',
        {},
        h('td', { 'data-label': 'When' }, when(e.at)),
        h(
          'td',
          { class: 'wrap', 'data-label': 'Who' },
          e.person.name,
          line(e.person.type === 'staff' ? 'Staff' : 'Client'),
        ),
        h('td', { 'data-label': 'Outcome', 'data-outcome': e.outcome }, outcomeNames()[e.outcome]!),
        h('td', { 'data-label': 'IP address' }, h('span', { dir: 'ltr' }, e.ip)),
        flags,
      );
    },
  },
  'staff-activity-report': {
    styles: [tokens, reportStyles, frameStyles, staffActivityStyles],
    title: 'Staff activity',
    description: 'Who opened or exported client or staff data, when, from where, and what they saw.',
    example: 'report:contact-logs exported:yes created:>=2026-11-01',
    preset: 'Former staff, before deactivation',
    rows: ['access', 'accesses'],
    caption: 'Accesses',
    columns: [
      ['When', true],
      ['Staff', true],
      ['Report', false],
      ['IP address', false],
      ['Access', false],
    ],
    words: { exported: { yes: { exported: true }, no: { exported: false } }, former: { yes: { former: true } } },
    list: (q) => adapter.listStaffActivity({ sort: 'at', direction: 'desc', limit: 25, ...q } as never),
    row: (a, host) => {
      const at = when(a.at);
      const filters = recordedFilterWords(host, a.filters);
      const staff = h('td', { class: 'wrap', 'data-label': 'Staff' }, a.staff.name);
      if (a.staff.former) staff.append(h('span', { class: 'flag' }, 'Former staff'));
      const report = h('td', { class: 'wrap', 'data-label': 'Report' }, reportNames()[a.report]);
      if (filters.length) report.append(line(filters.join(' · ')));
      const access = h('td', { 'data-label': 'Access' });
      if (a.export)
        access.append(
          'Exported ',
          h('span', { translate: 'no' }, a.export.format.toUpperCase()),
          line(`${numbers.format(a.export.rows)} ${a.export.rows === 1 ? 'row' : 'rows'}`, false),
        );
      else access.append('Viewed');
      if (a.masked) access.append(line('Contacts hidden'));
      access.append(
        button('View', { class: 'line', 'aria-pressed': 'false', 'aria-label': `View: ${a.staff.name}, ${at}` }),
      );
      return h(
        'tr',
        {},
        h('td', { 'data-label': 'When' }, at),
        staff,
        report,
        h('td', { 'data-label': 'IP address' }, h('span', { dir: 'ltr' }, a.ip || '—')),
        access,
      );
    },
  },
};

let shown:
  | {
      kind: Kind<unknown>;
      host: Element;
      count: HTMLParagraphElement;
      input: HTMLInputElement;
      table: HTMLTableElement;
      caption: HTMLTableCaptionElement;
      /** The table and pager, put on the page with the first answer (the element shows none while it loads). */
      below: HTMLElement[];
    }
  | undefined;

/** Asks for the first page of `query` and shows it: the count and retention, the caption and the rows. */
async function show(query: string): Promise<void> {
  const { kind, host, count, input, table, caption, below } = shown!;
  input.value = query;
  count.className = 'muted';
  count.textContent = 'Loading…';
  table.ariaBusy = 'true';
  const page = await kind.list(filterOf(query, kind.words));
  table.ariaBusy = 'false';
  const kept =
    page.retentionDays === undefined
      ? ''
      : `Kept for ${numbers.format(page.retentionDays)} days; the oldest is from ${page.oldestAt ? when(page.oldestAt) : '—'}.`;
  count.className = kept ? 'muted' : 'visually-hidden';
  count.replaceChildren(
    h(
      'span',
      { class: 'visually-hidden' },
      `${numbers.format(page.total)} ${page.total === 1 ? kind.rows[0] : kind.rows[1]}.`,
    ),
    ` ${kept}`,
  );
  caption.textContent = `${kind.caption} 1–${page.items.length} of ${numbers.format(page.total)}`;
  table.tBodies[0]!.replaceChildren(...page.items.map((item) => kind.row(item, host)));
  if (!below[0]!.isConnected) count.after(...below);
}

window.mountPlainLogs = async (report) => {
  const kind = REPORTS[report] as Kind<unknown>;
  const root = styledRoot(kind.styles);
  const input = h('input', {
    id: 'query',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'query-help query-error',
    'aria-invalid': 'false',
  });
  const example = h('code', { translate: 'no', dir: 'ltr' });
  kind.example.split(' ').forEach((term, i) => {
    if (i) example.append(' ');
    example.append(h('span', { class: 'term' }, term));
  });
  const count = h('p', { part: 'count', role: 'status', class: 'muted' });
  const caption = el('caption');
  const head = el('tr');
  kind.columns.forEach(([label, sorts], i) =>
    head.append(sorts ? sortHeader(label, i === 0) : h('th', { scope: 'col' }, label)),
  );
  const table = h('table', { part: 'table', 'aria-busy': 'false' }, caption, h('thead', {}, head), el('tbody'));
  const exportButton = (format: string) =>
    button(['Export ', h('span', { translate: 'no' }, format)], { 'aria-disabled': 'false' });
  root.append(
    cardSection(
      kind.title,
      kind.description,
      h(
        'div',
        { part: 'filters', class: 'filters' },
        h(
          'form',
          { role: 'search' },
          h('label', { for: 'query' }, 'Filter'),
          h('div', { class: 'query' }, input, h('button', { part: 'button', type: 'submit' }, 'Apply')),
          h('p', { id: 'query-help', class: 'muted' }, 'For example: ', example),
          h('p', { id: 'query-error', class: 'field-error' }),
        ),
        h(
          'div',
          { class: 'actions toolbar' },
          button(kind.preset, { 'aria-pressed': 'false' }),
          h('span', { class: 'exports' }, exportButton('CSV'), exportButton('JSON')),
        ),
      ),
      h('p', { part: 'notice', role: 'status', class: 'muted' }),
      count,
    ),
  );
  const below = [
    h('div', { class: 'scroll' }, table),
    h('div', { part: 'pager', class: 'actions' }, button('Previous page', { disabled: '' }), button('Next page')),
  ];
  shown = { kind, host: root.host, count, input, table, caption, below };
  await show('');
};

window.filterPlainLogs = (query) => show(query);

/**
 * The limit of the three cursor reports' benchmarks (contact logs, entry logs, staff
 * activity): the least work that shows the same page from the same adapter call. The
 * same heading, filter box, example, preset, export buttons, count, caption, column
 * headers (sortable ones as buttons), 25 rows with the same texts and buttons, and pager,
 * built with DOM calls and no framework; a filter change asks the same query and
 * replaces the rows.
 */
import { RestAdapter } from '../../src/adapters/rest.js';
import type {
  ClientAlert,
  ContactLogEntry,
  CursorPage,
  EntryLogEntry,
  StaffActivityEntry,
} from '../../src/core/types.js';
import { el } from './dom.js';

type Report = 'contact-log-report' | 'entry-log-report' | 'staff-activity-report';

declare global {
  interface Window {
    mountPlainLogs(report: Report): Promise<void>;
    filterPlainLogs(query: string): Promise<void>;
  }
}

const adapter = new RestAdapter({ baseUrl: '/api/deskguard', timeoutMs: 60_000 });
const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const numbers = new Intl.NumberFormat('en');
const when = (iso: string) => dates.format(new Date(iso));

/** A benchmark query (`key:value`, `key:"two words"`) as the filter the element asks for. */
function filterOf(query: string, words: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [, key, quoted, plain] of query.matchAll(/(\w+):(?:"([^"]*)"|(\S+))/g)) {
    const value = quoted ?? plain!;
    Object.assign(filter, words[key!]?.[value] ?? { [key!]: value });
  }
  return filter;
}

const alertLabel = {
  red: 'Red alert: urgent',
  yellow: 'Yellow alert: take care',
  'account-balance': 'Account balance over the threshold',
  arrivals: 'Too many arrivals',
};
function alertWords(alert: ClientAlert): string {
  if (alert.kind === 'account-balance') {
    const money = new Intl.NumberFormat('en', { style: 'currency', currency: alert.currency });
    return `Owes ${money.format(alert.balanceMinor / 100)}. The alert starts at ${money.format(alert.thresholdMinor / 100)}.`;
  }
  if (alert.kind !== 'arrivals') return alert.text;
  return `Arriving ${numbers.format(alert.arrivals)} times within ${numbers.format(alert.windowHours)} hours, counting this one. More than ${numbers.format(alert.maxArrivals)} raises this alert.`;
}

/** A cell with a first line and a muted second line below it. */
function twoLines(first: string, second?: string | null): HTMLTableCellElement {
  const td = el('td', first);
  if (second) td.append(el('span', second));
  return td;
}

const button = (text: string, label?: string) => {
  const b = el('button', text);
  b.type = 'button';
  if (label) b.ariaLabel = label;
  return b;
};

interface Kind<T> {
  title: string;
  description: string;
  example: string;
  preset: string;
  rows: [string, string];
  caption: string;
  columns: [label: string, sorts: boolean][];
  words: Record<string, Record<string, unknown>>;
  list(query: Record<string, unknown>): Promise<CursorPage<T>>;
  row(item: T): HTMLTableCellElement[];
}

const REPORTS: {
  'contact-log-report': Kind<ContactLogEntry>;
  'entry-log-report': Kind<EntryLogEntry>;
  'staff-activity-report': Kind<StaffActivityEntry>;
} = {
  'contact-log-report': {
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
    row: (e) => {
      const alert = el('td');
      alert.append(el('strong', alertLabel[e.subtype]), alertWords(e.alert));
      const details = el('td');
      details.append(button('Details', `Details: ${e.client.name}, ${when(e.at)}`));
      return [
        el('td', when(e.at)),
        twoLines(e.client.name, (e.client.phone ?? e.client.email)?.value),
        alert,
        el('td', { ignore: 'Ignored', 'sign-in': 'Signed in', reject: 'Rejected' }[e.action]),
        el('td', e.reason ?? 'No reason needed'),
        el('td', e.staff.name),
        twoLines({ profile: 'Client profile', booking: 'Booking', 'sign-in': 'Sign-in' }[e.context], e.locationName),
        details,
      ];
    },
  },
  'entry-log-report': {
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
      const words = {
        'outside-hours': 'Outside opening hours',
        'outside-shift': 'Outside their shift',
        'no-login': 'Has no login now',
        'new-ip': 'New address',
      };
      const flags = el('td');
      for (const f of e.flags) flags.append(el('span', words[f]), ' ');
      if (e.person.type === 'staff' && e.flags.includes('no-login'))
        flags.append(button('Open their access', `Open their access: ${e.person.name}`));
      return [
        el('td', when(e.at)),
        twoLines(e.person.name, e.person.type === 'staff' ? 'Staff' : 'Client'),
        el('td', { success: 'Signed in', failure: 'Failed', 'locked-out': 'Locked out' }[e.outcome]),
        el('td', e.ip),
        flags,
      ];
    },
  },
  'staff-activity-report': {
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
    row: (a) => {
      const names = {
        'security-verification': 'Security verification',
        'contact-logs': 'Contact logs',
        'entry-logs': 'Entry logs',
        'staff-activity': 'Staff activity',
      };
      const staff = el('td', a.staff.name);
      if (a.staff.former) staff.append(el('span', 'Former staff'));
      const filters = Object.entries(a.filters).map(([k, v]) => `${k}=${v}`);
      const access = el('td', a.export ? `Exported ${a.export.format.toUpperCase()}` : 'Viewed');
      if (a.export)
        access.append(el('span', `${numbers.format(a.export.rows)} ${a.export.rows === 1 ? 'row' : 'rows'}`));
      if (a.masked) access.append(el('span', 'Contacts hidden'));
      access.append(button('View', `View: ${a.staff.name}, ${when(a.at)}`));
      return [el('td', when(a.at)), staff, twoLines(names[a.report], filters.join(' ')), el('td', a.ip || '—'), access];
    },
  },
};

let shown:
  | {
      kind: Kind<unknown>;
      count: HTMLParagraphElement;
      input: HTMLInputElement;
      table: HTMLTableElement;
      caption: HTMLTableCaptionElement;
    }
  | undefined;

/** Asks for the first page of `query` and shows it: the count, the caption and the rows. */
async function show(query: string): Promise<void> {
  const { kind, count, input, table, caption } = shown!;
  input.value = query;
  count.textContent = 'Loading…';
  table.ariaBusy = 'true';
  const page = await kind.list(filterOf(query, kind.words));
  table.ariaBusy = 'false';
  count.textContent = `${numbers.format(page.total)} ${page.total === 1 ? kind.rows[0] : kind.rows[1]}`;
  caption.textContent = `${kind.caption} 1–${page.items.length} of ${numbers.format(page.total)}`;
  const body = el('tbody');
  for (const item of page.items) {
    const row = el('tr');
    row.append(...kind.row(item as never));
    body.append(row);
  }
  table.tBodies[0]!.replaceWith(body);
}

window.mountPlainLogs = async (report) => {
  const kind = REPORTS[report] as Kind<unknown>;
  const section = el('section');
  section.append(el('h2', kind.title), el('p', kind.description));
  const form = el('form');
  const input = el('input');
  input.type = 'search';
  form.append(el('label', 'Filter'), input, button('Apply'), el('p', `For example: ${kind.example}`));
  const tools = el('div');
  tools.append(button(kind.preset), button('Export CSV'), button('Export JSON'));
  const count = el('p');
  const table = el('table');
  const caption = table.createCaption();
  const head = el('tr');
  for (const [label, sorts] of kind.columns) {
    const th = el('th');
    th.scope = 'col';
    th.append(sorts ? button(label) : label);
    head.append(th);
  }
  table.createTHead().append(head);
  table.append(el('tbody'));
  const pager = el('div');
  pager.append(button('Previous page'), button('Next page'));
  section.append(form, tools, count, table, pager);
  document.body.append(section);
  shown = { kind, count, input, table, caption };
  await show('');
};

window.filterPlainLogs = (query) => show(query);

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AdapterCall } from '../../internal/adapter-call.js';
import type { DeskguardAdapter } from '../../core/adapter.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import { factsStyles } from '../../internal/facts-styles.js';
import { emit } from '../../core/events.js';
import { errorRegion, faultRegion } from '../../internal/fault-region.js';
import { count, dateTimeFormat, localeOf, msg, plural, str } from '../../internal/localize.js';
import { reportStyles } from '../../internal/report-styles.js';
import { alertKindLabel, alertWords } from '../../internal/alert-words.js';
import { dayRange, formatQuery, formatTerm, parseQuery, type QueryTerm } from '../../domain/report-query.js';
import type {
  AlertAction,
  AlertContext,
  AlertKind,
  ContactLogEntry,
  ContactLogFilter,
  ContactLogSortField,
  CursorPage,
} from '../../core/types.js';
import { ContactLogQueryChangeEvent } from './events.js';
import { styles } from './contact-log-report.styles.js';

/** A column of the table: its label, and what it sorts by (if it does). */
type Column = [string, ContactLogSortField | null];

/** The words the filter box takes for an action, as staff say them. */
const ACTIONS: Record<string, AlertAction> = { 'signed-in': 'sign-in', ignored: 'ignore', rejected: 'reject' };
const SUBTYPES: readonly AlertKind[] = ['red', 'yellow', 'account-balance', 'arrivals'];
const WHERE: readonly AlertContext[] = ['profile', 'booking', 'sign-in'];
/** What the filter box's help shows: the syntax is the same in every language. */
const EXAMPLE = 'staff:"Tom Okafor" action:signed-in created:>=2026-11-01';
/** The qualifiers the filter box reads, as the help lists them. */
const KEYS = 'type subtype action where staff client location created';
const PRESET: QueryTerm = { key: 'type', op: '', value: 'client-alert' };

/** A local day (`YYYY-MM-DD`) as the instant it starts, for the backend. */
const startOf = (day: string) => new Date(`${day}T00:00:00`).toISOString();

/**
 * What a query asks the backend for, or what in it could not be read: the qualifiers,
 * their values (actions as staff say them: `signed-in`, `ignored`, `rejected`), and dates
 * as the viewer's days.
 */
export function contactLogFilter(terms: readonly QueryTerm[]): { filter: ContactLogFilter; wrong: QueryTerm[] } {
  const filter: ContactLogFilter = {};
  const wrong: QueryTerm[] = [];
  for (const term of terms) {
    const { key, op, value } = term;
    const plain = !op && value !== '';
    if (key === 'type' && plain && value === 'client-alert') filter.type = 'client-alert';
    else if (key === 'subtype' && plain && SUBTYPES.includes(value as AlertKind)) filter.subtype = value as AlertKind;
    else if (key === 'action' && plain && ACTIONS[value]) filter.action = ACTIONS[value];
    else if (key === 'where' && plain && WHERE.includes(value as AlertContext)) filter.context = value as AlertContext;
    else if ((key === 'staff' || key === 'client' || key === 'location') && plain) filter[key] = value;
    else if (key === 'created' && dayRange(op, value)) {
      const { from, to } = dayRange(op, value)!;
      if (from) filter.from = startOf(from);
      if (to) filter.to = startOf(to);
    } else wrong.push(term);
  }
  return { filter, wrong };
}

/**
 * MINDBODY's Contact Logs report, filtered for client alerts: who answered which alert,
 * when it was shown and when answered, how (ignored, signed in, rejected) and why, where
 * and at which location, with the alert as staff saw it. Filters are a query a power
 * user can type (`type:client-alert staff:"Tom Okafor" action:signed-in
 * created:>=2026-11-01`) and removable chips; the backend filters, sorts, pages by cursor
 * and exports, with clients' contacts masked for a viewer who may not see them. Logs
 * written by alerts are the record of what happened: nobody edits or deletes them.
 *
 * @summary The Contact Logs report: who handled which client alert, and why.
 * @tag contact-log-report
 *
 * @fires {ContactLogQueryChangeEvent} contact-log-query-change - Staff changed the filter or the order; `detail` has `query`, `sort` and `direction`, to keep in the host's URL.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the report is for.
 * @csspart filters - The filter box, the presets and the export buttons.
 * @csspart chip - One applied filter, a button that removes it.
 * @csspart count - The number of matching logs, announced politely.
 * @csspart table - The table of logs.
 * @csspart pager - Previous and next page.
 * @csspart detail - A log's details, under its row.
 * @csspart notice - Why nothing is listed, or what an export did.
 * @csspart error - A failed load or export, with its way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-row-padding - Space above and below each row's content: the table's density (default 8px).
 */
export class ContactLogReportElement extends DeskguardElement {
  static override styles = [...DeskguardElement.styles, reportStyles, factsStyles, styles];
  static override properties = {
    query: { reflect: true },
    sort: { reflect: true },
    direction: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    ...states('page', 'draft', 'wrong', 'open', 'exported'),
  };

  /** The filter, in the query syntax; the host may keep it in its URL and set it back. */
  query = '';
  /** The column the logs are ordered by. */
  sort: ContactLogSortField = 'at';
  direction: 'asc' | 'desc' = 'desc';
  /** Logs per page. */
  pageSize = 25;

  private page: CursorPage<ContactLogEntry> | undefined;
  /** What staff typed in the filter box, kept whatever happens to it. */
  private draft = '';
  /** Terms of the draft the report cannot read. */
  private wrong: QueryTerm[] = [];
  /** The log whose details are shown under its row. */
  private open: string | undefined;
  private exported: { filename: string; rows: number } | undefined;
  /** Where the page shown starts, and the cursor that gave it. */
  #start = 0;
  #cursor: string | undefined;
  readonly #loading = new AdapterCall(this);
  readonly #exporting = new AdapterCall(this);

  /** Loads the current page again. */
  async reload(): Promise<void> {
    await this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) this.draft = this.query;
    // A new filter or order, from staff or the host, starts again from the first page (the first render's are loaded already).
    if ((['query', 'sort', 'direction'] as const).some((k) => changed.has(k) && changed.get(k) !== undefined))
      this.#restart();
  }

  protected override adapterChanged(adapter: DeskguardAdapter | undefined): void {
    if (adapter) this.#restart();
  }

  #terms(): QueryTerm[] {
    return parseQuery(this.query).terms;
  }

  #restart(): void {
    void this.#load({ cursor: undefined, start: 0 });
  }

  /** Loads the page at `cursor` (the first without one), which starts at row `start`; the current page by default. */
  async #load({ cursor, start } = { cursor: this.#cursor, start: this.#start }): Promise<void> {
    const { filter, wrong } = contactLogFilter(this.#terms());
    this.wrong = wrong;
    if (wrong.length) return;
    const query = { ...filter, sort: this.sort, direction: this.direction, cursor, limit: this.pageSize };
    const result = await this.#loading.run((adapter, signal) => adapter.listContactLogs(query, { signal }));
    if (!result?.ok) return;
    this.#cursor = cursor;
    this.#start = start;
    this.page = result.value;
  }

  /** Applies a filter staff chose: the URL-able state changes, the host hears it, the first page loads. */
  #apply(query: string, sort = this.sort, direction = this.direction): void {
    const { terms, words } = parseQuery(query);
    const wrong = [...contactLogFilter(terms).wrong, ...words.map((value) => ({ key: '', op: '' as const, value }))];
    this.draft = query;
    this.wrong = wrong;
    if (wrong.length) return;
    this.query = formatQuery(terms);
    this.sort = sort;
    this.direction = direction;
    emit(this, new ContactLogQueryChangeEvent({ query: this.query, sort, direction }));
  }

  #without(term: QueryTerm): string {
    return formatQuery(this.#terms().filter((t) => formatTerm(t) !== formatTerm(term)));
  }

  #go(cursor: string | null, start: number): void {
    void this.#load({ cursor: cursor ?? undefined, start: Math.max(0, start) });
  }

  async #export(format: 'csv' | 'json'): Promise<void> {
    const { filter } = contactLogFilter(this.#terms());
    this.exported = undefined;
    const result = await this.#exporting.run((adapter, signal) =>
      adapter.exportContactLogs({ ...filter, sort: this.sort, direction: this.direction }, format, { signal }),
    );
    if (!result?.ok) return;
    const file = result.value;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
    link.download = file.filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
    this.exported = file;
  }

  #when(iso: string): string {
    return dateTimeFormat(localeOf(this)).format(new Date(iso));
  }

  #logs(n: number): string {
    return plural(this, n, msg('one:# log|other:# logs'));
  }

  #action(action: AlertAction): string {
    return { ignore: msg('Ignored'), 'sign-in': msg('Signed in'), reject: msg('Rejected') }[action];
  }

  #where(context: AlertContext): string {
    return { profile: msg('Client profile'), booking: msg('Booking'), 'sign-in': msg('Sign-in') }[context];
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg('Contact logs'),
        description: msg('Who answered each client alert, when, where and why, with the alert as they saw it.'),
        busy: this.#loading.pending,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    const error = this.#loading.error;
    if (error?.kind === 'forbidden') {
      return errorRegion({
        lead: msg(
          'Your permission group does not include the Contact Logs report. Ask an owner or admin if you need it.',
        ),
        action: { label: msg('Reload'), name: 'reload', run: () => void this.#load() },
      });
    }
    const terms = this.#terms();
    const preset = terms.some((t) => formatTerm(t) === formatTerm(PRESET));
    const page = this.page;
    const wrong = this.wrong;
    return html`
      <div part="filters" class="filters">
        <form
          role="search"
          @submit=${(e: Event) => {
            e.preventDefault();
            this.#apply(this.draft);
          }}
        >
          <label for="query">${msg('Filter')}</label>
          <div class="query">
            <input
              id="query"
              type="search"
              autocomplete="off"
              spellcheck="false"
              .value=${this.draft}
              aria-describedby="query-help query-error"
              aria-invalid=${wrong.length > 0}
              @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
            />
            <button part="button" type="submit">${msg('Apply')}</button>
          </div>
          <p id="query-help" class="muted">${msg('For example:')} <code translate="no" dir="ltr">${EXAMPLE}</code></p>
          <p id="query-error" class="field-error">
            ${
              wrong.length
                ? html`${msg('Not a filter this report reads:')}
                    <code translate="no">${wrong.map((t) => (t.key ? formatTerm(t) : t.value)).join(' ')}</code>.
                    ${msg('It reads:')} <code translate="no">${KEYS}</code>`
                : nothing
            }
          </p>
        </form>
        <div class="actions toolbar">
          <button
            part="button"
            type="button"
            aria-pressed=${preset}
            @click=${() => this.#apply(preset ? this.#without(PRESET) : `${this.query} ${formatTerm(PRESET)}`.trim())}
          >
            ${msg('Client alerts')}
          </button>
          <span class="exports">
            ${(['csv', 'json'] as const).map(
              (format) =>
                html`<button
                  part="button"
                  type="button"
                  aria-disabled=${this.#exporting.pending}
                  @click=${() => !this.#exporting.pending && this.#export(format)}
                >
                  ${msg('Export')} <span translate="no">${format.toUpperCase()}</span>
                </button>`,
            )}
          </span>
        </div>
        ${
          terms.length
            ? html`<ul class="chips" aria-label=${msg('Filters in use')}>
                ${terms.map(
                  (t) =>
                    html`<li>
                      <button
                        part="button chip"
                        type="button"
                        aria-label=${msg(str`Remove filter ${formatTerm(t)}`)}
                        @click=${() => this.#apply(this.#without(t))}
                      >
                        <span translate="no">${formatTerm(t)}</span>
                        <span aria-hidden="true">×</span>
                      </button>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
      </div>
      <p part="notice" role="status" class="muted">
        ${
          this.#exporting.pending
            ? msg('Preparing the file…')
            : this.exported
              ? msg(str`Exported ${this.#logs(this.exported.rows)} to ${this.exported.filename}.`)
              : ''
        }
      </p>
      ${this.#exporting.error ? faultRegion(this.#exporting.error, 'loading', msg('The file could not be made.'), { retry: () => void this.#export('csv'), reload: () => void this.#load() }) : nothing}
      <p part="count" role="status" class="muted">
        ${this.#loading.pending ? msg('Loading contact logs…') : page ? this.#logs(page.total) : ''}
      </p>
      ${error ? faultRegion(error, 'loading', msg('The contact logs could not be loaded.'), { retry: () => void this.#load(), reload: () => void this.#load() }) : nothing}
      ${page ? this.#renderTable(page, terms.length > 0) : nothing}
    `;
  }

  #renderTable(page: CursorPage<ContactLogEntry>, filtered: boolean): TemplateResult {
    if (!page.items.length) {
      return filtered
        ? html`<p part="notice" class="notice">
            ${msg('No contact logs match these filters.')}
            <button part="button" type="button" @click=${() => this.#apply('')}>${msg('Clear filters')}</button>
          </p>`
        : html`<p part="notice" class="notice">${msg('No contact logs yet.')}</p>`;
    }
    const header = ([label, field]: Column) => {
      if (!field) return html`<th scope="col">${label}</th>`;
      const sorted = this.sort === field;
      const next = sorted && this.direction === 'desc' ? 'asc' : sorted ? 'desc' : field === 'at' ? 'desc' : 'asc';
      return html`<th
        scope="col"
        aria-sort=${sorted ? (this.direction === 'asc' ? 'ascending' : 'descending') : nothing}
      >
        <button part="button" type="button" class="sort" @click=${() => this.#apply(this.query, field, next)}>
          ${label}<span aria-hidden="true">${sorted ? (this.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>`;
    };
    const columns = this.#columns();
    const labels = columns.map(([label]) => label);
    const first = this.#start + 1;
    const last = this.#start + page.items.length;
    return html`
      <div class="scroll">
        <table part="table" aria-busy=${this.#loading.pending}>
          <caption>
            ${msg(str`Contact logs ${count(this, first)}–${count(this, last)} of ${count(this, page.total)}`)}
          </caption>
          <thead>
            <tr>
              ${columns.map(header)} ${header([msg('Details'), null])}
            </tr>
          </thead>
          <tbody>
            ${page.items.map((e) => this.#renderRow(e, labels))}
          </tbody>
        </table>
      </div>
      <div part="pager" class="actions">
        <button
          part="button"
          type="button"
          ?disabled=${!page.previous}
          @click=${() => this.#go(page.previous, this.#start - this.pageSize)}
        >
          ${msg('Previous page')}
        </button>
        <button part="button" type="button" ?disabled=${!page.next} @click=${() => this.#go(page.next, last)}>
          ${msg('Next page')}
        </button>
      </div>
    `;
  }

  /** The table's columns: label, what it sorts by, and what a log shows there. */
  #columns(): Column[] {
    return [
      [msg('Answered'), 'at'],
      [msg('Client'), 'client'],
      [msg('Alert'), 'subtype'],
      [msg('Action'), 'action'],
      [msg('Reason'), null],
      [msg('Staff'), 'staff'],
      [msg('Where'), null],
    ];
  }

  /** One template per row, its cells' second lines blocks of their own: 25 rows are 25 template instances. */
  #renderRow(e: ContactLogEntry, [at, client, alert, action, reason, staff, where]: string[]): TemplateResult {
    const when = this.#when(e.at);
    const open = this.open === e.id;
    return html`<tr>
        <td data-label=${at}>${when}</td>
        <td data-label=${client}>
          ${e.client.name}<span class="muted line" dir="ltr">${(e.client.phone ?? e.client.email)?.value}</span>
        </td>
        <td data-label=${alert}>
          <strong class="line" data-kind=${e.subtype}>${alertKindLabel(e.subtype)}</strong>${alertWords(this, e.alert)}
        </td>
        <td data-label=${action}>${this.#action(e.action)}</td>
        <td data-label=${reason}>${e.reason ?? msg('No reason needed')}</td>
        <td data-label=${staff}>${e.staff.name}</td>
        <td data-label=${where}>${this.#where(e.context)}<span class="muted line">${e.locationName}</span></td>
        <td>
          <button
            part="button"
            type="button"
            aria-expanded=${open}
            aria-controls=${open ? `detail-${e.id}` : nothing}
            aria-label=${msg(str`Details: ${e.client.name}, ${when}`)}
            @click=${() => (this.open = open ? undefined : e.id)}
          >
            ${msg('Details')}
          </button>
        </td>
      </tr>
      ${open ? this.#renderDetail(e) : nothing}`;
  }

  /** What the row does not show: when the alert was put in front of staff, every contact, and why the log stays as it is. */
  #renderDetail(e: ContactLogEntry): TemplateResult {
    return html`<tr id="detail-${e.id}" part="detail" class="detail">
      <td colspan="8">
        <dl>
          <dt>${msg('Shown')}</dt>
          <dd>${this.#when(e.shownAt)}</dd>
          <dt>${msg('Phone')}</dt>
          <dd dir="ltr">${e.client.phone?.value ?? '—'}</dd>
          <dt>${msg('Email')}</dt>
          <dd dir="ltr">${e.client.email?.value ?? '—'}</dd>
        </dl>
        ${e.editable ? nothing : html`<p class="muted">${msg('Written by a client alert: nobody can edit or delete it.')}</p>`}
      </td>
    </tr>`;
  }
}

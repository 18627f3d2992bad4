import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { DeskguardAdapter } from '../../core/adapter.js';
import { DeskguardElement } from '../../internal/deskguard-element.js';
import { emit } from '../../core/events.js';
import { errorRegion, faultRegion } from '../../internal/fault-region.js';
import { count, msg, plural, str } from '../../internal/localize.js';
import { reportStyles } from '../../internal/report-styles.js';
import { createdRange, frameStyles, ReportFrame } from '../../internal/report-frame.js';
import type { QueryTerm } from '../../domain/report-query.js';
import type { EntryFlag, EntryLogEntry, EntryLogFilter, EntryLogPage } from '../../core/types.js';
import { EntryLogQueryChangeEvent, OpenStaffAccessEvent } from './events.js';
import { styles } from './entry-log-report.styles.js';
import { entryLogPageSchema, reportExportSchema } from '../../internal/schemas.js';
import type { AnswerChecks } from '../../internal/adapter-call.js';

const OUTCOMES = ['success', 'failure', 'locked-out'];
const FLAGS: readonly EntryFlag[] = ['outside-hours', 'outside-shift', 'no-login', 'new-ip'];
const PRESET: QueryTerm = { key: 'flag', op: '', value: 'no-login' };

/** What a query asks the backend for, or what in it could not be read. */
export function entryLogFilter(terms: readonly QueryTerm[]): { filter: EntryLogFilter; wrong: QueryTerm[] } {
  const filter: EntryLogFilter = {};
  const wrong: QueryTerm[] = [];
  for (const term of terms) {
    const { key, op, value } = term;
    const plain = !op && value !== '';
    if (key === 'kind' && plain && (value === 'staff' || value === 'client')) filter.kind = value;
    else if (key === 'outcome' && plain && OUTCOMES.includes(value))
      filter.outcome = value as EntryLogFilter['outcome'];
    else if (key === 'flag' && plain && FLAGS.includes(value as EntryFlag)) filter.flag = value as EntryFlag;
    else if ((key === 'person' || key === 'ip') && plain) filter[key] = value;
    else if (key === 'created' && createdRange(term)) Object.assign(filter, createdRange(term));
    else wrong.push(term);
  }
  return { filter, wrong };
}

/**
 * MINDBODY's Entry Logs report: which staff and clients signed in over the days chosen,
 * when and from which address, with failed sign-ins and lock-outs. The backend flags what
 * needs a look: a sign-in outside opening hours, one by someone who has no login now (a
 * former staff member still signing in: one step opens their access, to deactivate them),
 * and one from an address new to the person. Filters are a query (`kind:staff
 * flag:outside-hours created:>=2026-11-01`) with removable chips; the backend filters,
 * pages by cursor and exports, and says how long it keeps entries.
 *
 * @summary The Entry Logs report: who signed in, when and from where.
 * @tag entry-log-report
 *
 * @fires {EntryLogQueryChangeEvent} entry-log-query-change - Staff changed the filter or the order; `detail` has `query`, `sort` and `direction`, to keep in the host's URL.
 * @fires {OpenStaffAccessEvent} open-staff-access - Staff asked to open a staff member's access (to deactivate a former staff member still signing in); `detail.staffId`.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the report is for.
 * @csspart filters - The filter box, the presets and the export buttons.
 * @csspart chip - One applied filter, a button that removes it.
 * @csspart count - The number of matching entries, and how long they are kept.
 * @csspart table - The table of entries.
 * @csspart flag - One flag on an entry.
 * @csspart pager - Previous and next page.
 * @csspart notice - Why nothing is listed, or what an export did.
 * @csspart error - A failed load or export, with its way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-row-padding - Space above and below each row's content: the table's density (default 8px).
 */
export class EntryLogReportElement extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    listEntryLogs: entryLogPageSchema,
    exportEntryLogs: reportExportSchema,
  };
  static override styles = [...DeskguardElement.styles, reportStyles, frameStyles, styles];
  static override properties = {
    query: { reflect: true },
    sort: { reflect: true },
    direction: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
  };

  /** The filter, in the query syntax; the host may keep it in its URL and set it back. */
  query = '';
  /** The column the entries are ordered by: `at` or `person`. */
  sort: 'at' | 'person' = 'at';
  direction: 'asc' | 'desc' = 'desc';
  /** Entries per page. */
  pageSize = 25;

  readonly #frame = new ReportFrame<EntryLogFilter, EntryLogEntry>(this, {
    filterOf: entryLogFilter,
    list: (adapter, query, signal) =>
      adapter.listEntryLogs({ ...query, sort: query.sort as 'at' | 'person' }, { signal }),
    exportFile: (adapter, query, format, signal) =>
      adapter.exportEntryLogs({ ...query, sort: query.sort as 'at' | 'person' }, format, { signal }),
    changed: () =>
      emit(this, new EntryLogQueryChangeEvent({ query: this.query, sort: this.sort, direction: this.direction })),
    rows: (n) => plural(this, n, msg('one:# entry|other:# entries')),
    keys: 'kind person outcome ip flag created',
    example: 'kind:staff flag:outside-hours created:>=2026-11-01',
  });

  /** Loads the current page again. */
  async reload(): Promise<void> {
    await this.#frame.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#frame.hostChanged(changed);
  }

  protected override adapterChanged(adapter: DeskguardAdapter | undefined): void {
    if (adapter) this.#frame.restart();
  }

  /** How many entries match, how long they are kept and the oldest kept. */
  #kept(page: EntryLogPage): string {
    const total = this.#frame.rows(page.total);
    const days = count(this, page.retentionDays);
    const oldest = page.oldestAt ? this.#frame.when(page.oldestAt) : '—';
    return msg(str`${total}. Kept for ${days} days; the oldest is from ${oldest}.`);
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg('Entry logs'),
        description: msg(
          'Who signed in, when and from where. Sign-ins outside opening hours or the person’s shift, by someone without a login, or from a new address are flagged.',
        ),
        busy: this.#frame.loading.pending,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    const frame = this.#frame;
    const error = frame.loading.error;
    const reload = () => void frame.load();
    if (error?.kind === 'forbidden')
      return errorRegion({
        lead: msg(
          'Your permission group does not include the Entry Logs report. Ask an owner or admin if you need it.',
        ),
        action: { label: msg('Reload'), name: 'reload', run: reload },
      });
    const page = frame.page as EntryLogPage | undefined;
    return html`
      ${frame.filters(frame.preset(PRESET, msg('Former staff still signing in')))} ${frame.exportNotice()}
      <p part="count" role="status" class="muted">
        ${frame.loading.pending ? msg('Loading entries…') : page ? this.#kept(page) : ''}
      </p>
      ${error ? faultRegion(error, 'loading', msg('The entries could not be loaded.'), { retry: reload, reload }) : nothing}
      ${page ? this.#renderTable(page) : nothing}
    `;
  }

  #renderTable(page: EntryLogPage): TemplateResult {
    const frame = this.#frame;
    if (!page.items.length)
      return frame.empty(msg('No entries match these filters.'), msg('No one has signed in yet.'));
    const labels = [msg('When'), msg('Who'), msg('Outcome'), msg('IP address'), msg('Flags')];
    const first = frame.start + 1;
    const last = frame.start + page.items.length;
    return html`
      <div class="scroll">
        <table part="table" aria-busy=${frame.loading.pending}>
          <caption>
            ${msg(str`Entries ${count(this, first)}–${count(this, last)} of ${count(this, page.total)}`)}
          </caption>
          <thead>
            <tr>
              ${frame.header(labels[0]!, 'at', 'desc')} ${frame.header(labels[1]!, 'person')}
              ${labels.slice(2).map((label) => frame.header(label, null))}
            </tr>
          </thead>
          <tbody>
            ${page.items.map((e) => this.#renderRow(e, labels))}
          </tbody>
        </table>
      </div>
      ${frame.pager(page)}
    `;
  }

  #renderRow(e: EntryLogEntry, [when, who, outcome, ip, flags]: string[]): TemplateResult {
    const outcomes = { success: msg('Signed in'), failure: msg('Failed'), 'locked-out': msg('Locked out') };
    const words: Record<EntryFlag, string> = {
      'outside-hours': msg('Outside opening hours'),
      'outside-shift': msg('Outside their shift'),
      'no-login': msg('Has no login now'),
      'new-ip': msg('New address'),
    };
    const former = e.person.type === 'staff' && e.flags.includes('no-login');
    return html`<tr>
      <td data-label=${when}>${this.#frame.when(e.at)}</td>
      <td data-label=${who}>
        ${e.person.name}<span class="muted line">${e.person.type === 'staff' ? msg('Staff') : msg('Client')}</span>
      </td>
      <td data-label=${outcome} data-outcome=${e.outcome}>${outcomes[e.outcome]}</td>
      <td data-label=${ip}><span dir="ltr">${e.ip}</span></td>
      <td data-label=${flags}>
        ${e.flags.map((f) => html`<span part="flag" class="flag" data-flag=${f}>${words[f]}</span> `)}
        ${
          former
            ? html`<button
                part="button"
                type="button"
                class="line"
                aria-label=${msg(str`Open their access: ${e.person.name}`)}
                @click=${() => emit(this, new OpenStaffAccessEvent({ staffId: e.person.id }))}
              >
                ${msg('Open their access')}
              </button>`
            : nothing
        }
      </td>
    </tr>`;
  }
}

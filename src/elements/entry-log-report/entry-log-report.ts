import { html, nothing, type TemplateResult } from 'lit';
import { emit } from '../../core/events.js';
import { msg, plural, str } from '../../internal/localize.js';
import { ReportElement, type ReportColumn, type ReportWords } from '../../internal/report-element.js';
import { readFilter, ReportFrame } from '../../internal/report-frame.js';
import { flagNames, outcomeNames } from '../../internal/report-words.js';
import type { QueryTerm } from '../../policy/report-query.js';
import type { EntryFlag, EntryLogEntry, EntryLogFilter } from '../../core/types.js';
import { EntryLogQueryChangeEvent, OpenStaffAccessEvent } from './events.js';
import { styles } from './entry-log-report.styles.js';
import { entryLogPageSchema, reportExportSchema } from '../../adapters/schemas.js';
import type { AnswerChecks } from '../../internal/adapter-call.js';

const OUTCOMES = ['success', 'failure', 'locked-out'];
const FLAGS: readonly EntryFlag[] = ['outside-hours', 'outside-shift', 'no-login', 'new-ip'];
const PRESET: QueryTerm = { key: 'flag', op: '', value: 'no-login' };

/** What a query asks the backend for, or what in it could not be read. */
export function entryLogFilter(terms: readonly QueryTerm[]): { filter: EntryLogFilter; wrong: QueryTerm[] } {
  return readFilter<EntryLogFilter>(terms, (key, value) => {
    if (key === 'kind' && (value === 'staff' || value === 'client')) return { kind: value };
    if (key === 'outcome' && OUTCOMES.includes(value)) return { outcome: value as EntryLogFilter['outcome'] };
    if (key === 'flag' && FLAGS.includes(value as EntryFlag)) return { flag: value as EntryFlag };
    if (key === 'person' || key === 'ip') return { [key]: value };
    return undefined;
  });
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
 * The query reads `kind:` (`staff`, `client`), `outcome:` (`success`, `failure`,
 * `locked-out`), `flag:` (`outside-hours`: outside opening hours; `outside-shift`:
 * outside the person's shift; `no-login`: by someone who has no login now; `new-ip`:
 * from an address new to the person), `person:`, `ip:` and `created:` (a day, or a range
 * with `>=`, `<=`, `>`, `<`).
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
 * @csspart notice - Why nothing is listed (the viewer's group lacking the report included), or what an export did.
 * @csspart error - A failed load or export, with its way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-row-padding - Space above and below each row's content: the table's density (default 8px).
 */
export class EntryLogReportElement extends ReportElement<EntryLogFilter, EntryLogEntry> {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    listEntryLogs: entryLogPageSchema,
    exportEntryLogs: reportExportSchema,
  };
  static override styles = [...ReportElement.styles, styles];

  /** The column the entries are ordered by: `at` or `person`. */
  override sort: 'at' | 'person' = 'at';

  protected readonly preset = PRESET;
  protected readonly frame = new ReportFrame<EntryLogFilter, EntryLogEntry>(this, {
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

  protected words(): ReportWords {
    return {
      title: msg('Entry logs'),
      description: msg(
        'Who signed in, when and from where. Sign-ins outside opening hours or the person’s shift, by someone without a login, or from a new address are flagged.',
      ),
      forbidden: msg(
        'Your permission group does not include the Entry Logs report. Ask an owner or admin if you need it.',
      ),
      preset: msg('Former staff still signing in'),
      loading: msg('Loading entries…'),
      failed: msg('The entries could not be loaded.'),
      noMatch: msg('No entries match these filters.'),
      none: msg('No one has signed in yet.'),
      caption: (first, last, total) => msg(str`Entries ${first}–${last} of ${total}`),
    };
  }

  protected columns(): ReportColumn[] {
    return [
      { label: msg('When'), sort: 'at', first: 'desc' },
      { label: msg('Who'), sort: 'person' },
      { label: msg('Outcome') },
      { label: msg('IP address') },
      { label: msg('Flags') },
    ];
  }

  protected row(e: EntryLogEntry, [when, who, outcome, ip, flags]: string[]): TemplateResult {
    const outcomes = outcomeNames();
    const words = flagNames();
    const former = e.person.type === 'staff' && e.flags.includes('no-login');
    return html`<tr>
      <td data-label=${when}>${this.frame.when(e.at)}</td>
      <td data-label=${who} class="wrap">
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

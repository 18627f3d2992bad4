import { html, nothing, type TemplateResult } from 'lit';
import { AdapterCall, type AnswerChecks } from '../../internal/adapter-call.js';
import { emit } from '../../core/events.js';
import { faultRegion } from '../../internal/fault-region.js';
import { msg, plural, str } from '../../internal/localize.js';
import { ReportElement, type ReportColumn, type ReportWords } from '../../internal/report-element.js';
import { readFilter, ReportFrame } from '../../internal/report-frame.js';
import {
  filterWords,
  flagNames,
  outcomeNames,
  recordedFilterWords,
  reportNames,
  statusNames,
} from '../../internal/report-words.js';
import type { QueryTerm } from '../../policy/report-query.js';
import type {
  EntryFlag,
  ReplayColumn,
  ReportReplay,
  SensitiveReport,
  StaffActivityEntry,
  StaffActivityFilter,
} from '../../core/types.js';
import { StaffActivityQueryChangeEvent } from './events.js';
import { styles } from './staff-activity-report.styles.js';
import { reportExportSchema, reportReplaySchema, staffActivityPageSchema } from '../../adapters/schemas.js';

const PRESET: QueryTerm = { key: 'former', op: '', value: 'yes' };

/** An access being replayed, the page of its report shown, and the page asked for last ("Try again" asks again). */
interface Replay {
  of: StaffActivityEntry;
  page?: ReportReplay;
  cursor?: string | undefined;
}

/** What a query asks the backend for, or what in it could not be read. */
export function staffActivityFilter(terms: readonly QueryTerm[]): {
  filter: StaffActivityFilter;
  wrong: QueryTerm[];
} {
  return readFilter<StaffActivityFilter>(terms, (key, value) => {
    const yesNo = value === 'yes' || value === 'no';
    if (key === 'staff' || key === 'ip') return { [key]: value };
    if (key === 'report' && Object.hasOwn(reportNames(), value)) return { report: value as SensitiveReport };
    if (key === 'exported' && yesNo) return { exported: value === 'yes' };
    if (key === 'former' && value === 'yes') return { former: true };
    return undefined;
  });
}

/**
 * MINDBODY's Staff Activity report: which staff opened or exported a report of client or
 * staff data, when, from which address and with which filters: a way to find out whether
 * someone took the clients' details. "View" runs that report again with their filters
 * and shows it with their masking, or the viewer's where that hides more: never more
 * than they saw. A preset lists former staff's activity before they were deactivated.
 * Needs both the Entry Logs and the Staff Activity reports in the viewer's group.
 *
 * The query reads `staff:`, `ip:`, `report:` (`security-verification`, `contact-logs`,
 * `entry-logs`, `staff-activity`), `exported:` (`yes`, `no`), `former:` (`yes`) and
 * `created:` (a day, or a range with `>=`, `<=`, `>`, `<`).
 *
 * @summary The Staff Activity report: who looked at sensitive data, and what they saw.
 * @tag staff-activity-report
 *
 * @fires {StaffActivityQueryChangeEvent} staff-activity-query-change - Staff changed the filter or the order; `detail` has `query`, `sort` and `direction`, to keep in the host's URL.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the report is for.
 * @csspart filters - The filter box, the presets and the export buttons.
 * @csspart chip - One applied filter, a button that removes it.
 * @csspart count - The number of matching accesses, and how long they are kept.
 * @csspart table - The table of accesses, and the replayed report's table.
 * @csspart pager - Previous and next page.
 * @csspart replay - The report one access opened, as it was seen.
 * @csspart notice - Why nothing is listed (the viewer's group lacking the report included), or what an export did.
 * @csspart error - A failed load, export or replay, with its way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-row-padding - Space above and below each row's content: the table's density (default 8px).
 */
export class StaffActivityReportElement extends ReportElement<StaffActivityFilter, StaffActivityEntry> {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    listStaffActivity: staffActivityPageSchema,
    exportStaffActivity: reportExportSchema,
    replayStaffActivity: reportReplaySchema,
  };
  static override styles = [...ReportElement.styles, styles];

  /** The column the accesses are ordered by: `at` or `staff`. */
  override sort: 'at' | 'staff' = 'at';

  protected readonly preset = PRESET;
  protected readonly frame = new ReportFrame<StaffActivityFilter, StaffActivityEntry>(this, {
    filterOf: staffActivityFilter,
    list: (adapter, query, signal) =>
      adapter.listStaffActivity({ ...query, sort: query.sort as 'at' | 'staff' }, { signal }),
    exportFile: (adapter, query, format, signal) =>
      adapter.exportStaffActivity({ ...query, sort: query.sort as 'at' | 'staff' }, format, { signal }),
    changed: () =>
      emit(this, new StaffActivityQueryChangeEvent({ query: this.query, sort: this.sort, direction: this.direction })),
    rows: (n) => plural(this, n, msg('one:# access|other:# accesses')),
    keys: 'staff report exported ip former created',
    example: 'report:contact-logs exported:yes created:>=2026-11-01',
  });

  readonly #replaying = new AdapterCall(this);
  /** The access being replayed, the button that asked, and the page of its report shown. */
  #replay: Replay | undefined;

  /** Shows the report `access` opened, as it was seen: from its first page, or by a cursor. */
  async #view(of: StaffActivityEntry, cursor?: string): Promise<void> {
    const opening = this.#replay?.of !== of;
    this.#replay = { of, cursor, page: opening ? undefined : this.#replay?.page };
    const result = await this.#replaying.run((adapter, signal) =>
      adapter.replayStaffActivity(of.id, { cursor, limit: this.pageSize }, { signal }),
    );
    if (this.#replay?.of !== of) return;
    if (result?.ok) this.#replay = { of, cursor, page: result.value };
    this.requestUpdate();
    await this.updateComplete;
    if (opening) this.renderRoot.querySelector<HTMLElement>('#replay-heading')?.focus();
  }

  /** Closes the report shown, and gives focus back to the View button that opened it. */
  async #closeReplay(): Promise<void> {
    const from = this.renderRoot.querySelector<HTMLElement>('[aria-pressed="true"]');
    this.#replaying.abort();
    this.#replay = undefined;
    this.requestUpdate();
    await this.updateComplete;
    from?.focus();
  }

  protected words(): ReportWords {
    return {
      title: msg('Staff activity'),
      description: msg('Who opened or exported client or staff data, when, from where, and what they saw.'),
      forbidden: msg(
        'This report needs both the Entry Logs and the Staff Activity reports in your group. Ask an owner or admin if you need them.',
      ),
      preset: msg('Former staff, before deactivation'),
      loading: msg('Loading activity…'),
      failed: msg('The activity could not be loaded.'),
      noMatch: msg('No activity matches these filters.'),
      none: msg('No one has opened a sensitive report yet.'),
      caption: (first, last, total) => msg(str`Accesses ${first}–${last} of ${total}`),
    };
  }

  protected columns(): ReportColumn[] {
    return [
      { label: msg('When'), sort: 'at', first: 'desc' },
      { label: msg('Staff'), sort: 'staff' },
      { label: msg('Report') },
      { label: msg('IP address') },
      { label: msg('Access') },
    ];
  }

  protected override renderBelow(): unknown {
    return this.#replay ? this.#renderReplay(this.#replay) : nothing;
  }

  protected row(a: StaffActivityEntry, [when, staff, report, ip, access]: string[]): TemplateResult {
    const filters = recordedFilterWords(this, a.filters);
    const viewing = this.#replay?.of.id === a.id;
    const at = this.frame.when(a.at);
    return html`<tr>
      <td data-label=${when}>${at}</td>
      <td data-label=${staff} class="wrap">
        ${a.staff.name}${a.staff.former ? html`<span class="flag">${msg('Former staff')}</span>` : nothing}
      </td>
      <td data-label=${report} class="wrap">
        ${reportNames()[a.report]}
        ${filters.length ? html`<span class="muted line">${filters.join(' · ')}</span>` : nothing}
      </td>
      <td data-label=${ip}><span dir="ltr">${a.ip || '—'}</span></td>
      <td data-label=${access}>
        ${
          a.export
            ? html`${msg('Exported')} <span translate="no">${a.export.format.toUpperCase()}</span>
                <span class="line">${plural(this, a.export.rows, msg('one:# row|other:# rows'))}</span>`
            : msg('Viewed')
        }
        ${a.masked ? html`<span class="muted line">${msg('Contacts hidden')}</span>` : nothing}
        <button
          part="button"
          type="button"
          class="line"
          aria-pressed=${viewing}
          aria-label=${msg(str`View: ${a.staff.name}, ${at}`)}
          @click=${() => void this.#view(a)}
        >
          ${msg('View')}
        </button>
      </td>
    </tr>`;
  }

  /** A replayed row's cell as the report it replays shows it: times, statuses and flags in words. */
  #cell(column: ReplayColumn, value: string): string {
    if (column === 'at') return this.frame.when(value);
    if (column === 'status') return statusNames()[value] ?? value;
    if (column === 'outcome') return outcomeNames()[value] ?? value;
    if (column === 'report') return reportNames()[value as SensitiveReport] ?? value;
    // An alert's kind and an answer read as the filter that picks them does.
    if (column === 'alert') return filterWords(this, { key: 'subtype', op: '', value });
    if (column === 'action') return filterWords(this, { key: 'action', op: '', value });
    const exported = column === 'exported' && /^(\w+) \((\d+)\)$/.exec(value);
    if (exported)
      return `${exported[1]!.toUpperCase()}, ${plural(this, Number(exported[2]), msg('one:# row|other:# rows'))}`;
    if (column === 'flags') {
      const names = flagNames();
      return value
        .split(' ')
        .filter(Boolean)
        .map((flag) => names[flag as EntryFlag] ?? flag)
        .join(', ');
    }
    return value;
  }

  #renderReplay(replay: Replay): TemplateResult {
    const { of: a, page } = replay;
    const error = this.#replaying.error;
    const again = () => void this.#view(a, replay.cursor);
    const labels: Record<ReplayColumn, string> = {
      at: msg('When'),
      client: msg('Client'),
      phone: msg('Phone'),
      email: msg('Email'),
      status: msg('Status'),
      alert: msg('Alert'),
      action: msg('Action'),
      reason: msg('Reason'),
      staff: msg('Staff'),
      person: msg('Who'),
      outcome: msg('Outcome'),
      ip: msg('IP address'),
      flags: msg('Flags'),
      report: msg('Report'),
      exported: msg('Exported'),
    };
    return html`<section
      part="replay"
      class="replay"
      aria-labelledby="replay-heading"
      aria-busy=${this.#replaying.pending}
    >
      <div id="replay-heading" class="heading" role="heading" aria-level=${this.headingLevel + 1} tabindex="-1">
        ${msg(str`What ${a.staff.name} saw: ${reportNames()[a.report]}, ${this.frame.when(a.at)}`)}
      </div>
      <p class="muted" role="status">
        ${msg('Their filters, run on today’s records.')}
        ${this.#replaying.pending ? msg('Loading…') : page?.masked ? msg('Contacts hidden') : nothing}
      </p>
      ${error ? faultRegion(error, { lead: msg('The report could not be run again.'), retry: again }) : nothing}
      ${
        page
          ? page.items.length
            ? html`<div class="scroll">
                  <table part="table" aria-labelledby="replay-heading">
                    <thead>
                      <tr>
                        ${page.columns.map((c) => html`<th scope="col">${labels[c]}</th>`)}
                      </tr>
                    </thead>
                    <tbody>
                      ${page.items.map(
                        (cells) =>
                          html`<tr>
                            ${cells.map(
                              (cell, i) =>
                                html`<td data-label=${labels[page.columns[i]!]} class="wrap">
                                  ${this.#cell(page.columns[i]!, cell)}
                                </td>`,
                            )}
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
                ${this.frame.pager(page, (cursor) => void this.#view(a, cursor))}`
            : html`<p part="notice" class="empty">${msg('Nothing matches those filters today.')}</p>`
          : nothing
      }
      <div class="actions">
        <button part="button" type="button" @click=${() => void this.#closeReplay()}>${msg('Close the report')}</button>
      </div>
    </section>`;
  }
}

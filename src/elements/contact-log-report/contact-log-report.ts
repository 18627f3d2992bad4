import { html, nothing, type TemplateResult } from 'lit';
import { states } from '../../internal/deskguard-element.js';
import { factsStyles } from '../../internal/facts-styles.js';
import { emit } from '../../core/events.js';
import { msg, plural, str } from '../../internal/localize.js';
import { ReportElement, type ReportColumn, type ReportWords } from '../../internal/report-element.js';
import { readFilter, ReportFrame } from '../../internal/report-frame.js';
import { alertKindLabel, alertWords } from '../../internal/alert-words.js';
import { ALERT_KINDS, actionNames, contextNames } from '../../internal/report-words.js';
import { contactText } from '../../internal/contact-text.js';
import type { QueryTerm } from '../../policy/report-query.js';
import type {
  AlertAction,
  AlertContext,
  AlertKind,
  ContactLogEntry,
  ContactLogFilter,
  ContactLogSortField,
} from '../../core/types.js';
import { ContactLogQueryChangeEvent } from './events.js';
import { styles } from './contact-log-report.styles.js';
import { contactLogPageSchema, reportExportSchema } from '../../adapters/schemas.js';
import type { AnswerChecks } from '../../internal/adapter-call.js';

/** The words the filter box takes for an action, as staff say them. */
const ACTIONS: Record<string, AlertAction> = { 'signed-in': 'sign-in', ignored: 'ignore', rejected: 'reject' };
const WHERE: readonly AlertContext[] = ['profile', 'booking', 'sign-in'];
const PRESET: QueryTerm = { key: 'type', op: '', value: 'client-alert' };

/**
 * What a query asks the backend for, or what in it could not be read: the qualifiers,
 * their values (actions as staff say them: `signed-in`, `ignored`, `rejected`), and dates
 * as the viewer's days.
 */
export function contactLogFilter(terms: readonly QueryTerm[]): { filter: ContactLogFilter; wrong: QueryTerm[] } {
  return readFilter<ContactLogFilter>(terms, (key, value) => {
    if (key === 'type' && value === 'client-alert') return { type: 'client-alert' };
    if (key === 'subtype' && ALERT_KINDS.includes(value as AlertKind)) return { subtype: value as AlertKind };
    if (key === 'action' && ACTIONS[value]) return { action: ACTIONS[value] };
    if (key === 'where' && WHERE.includes(value as AlertContext)) return { context: value as AlertContext };
    if (key === 'staff' || key === 'client' || key === 'location') return { [key]: value };
    return undefined;
  });
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
 * The query reads `type:` (`client-alert`), `subtype:` (`red`, `yellow`,
 * `account-balance`, `arrivals`), `action:` (`signed-in`, `ignored`, `rejected`),
 * `where:` (`profile`, `booking`, `sign-in`), `staff:`, `client:`, `location:` and
 * `created:` (a day, or a range with `>=`, `<=`, `>`, `<`).
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
 * @csspart notice - Why nothing is listed (the viewer's group lacking the report included), or what an export did.
 * @csspart error - A failed load or export, with its way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-row-padding - Space above and below each row's content: the table's density (default 8px).
 */
export class ContactLogReportElement extends ReportElement<ContactLogFilter, ContactLogEntry> {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    listContactLogs: contactLogPageSchema,
    exportContactLogs: reportExportSchema,
  };
  static override styles = [...ReportElement.styles, factsStyles, styles];
  static override properties = states('open');

  /** The column the logs are ordered by. */
  override sort: ContactLogSortField = 'at';

  /** The log whose details are shown under its row. */
  private open: string | undefined;
  protected readonly preset = PRESET;
  protected readonly frame = new ReportFrame<ContactLogFilter, ContactLogEntry>(this, {
    filterOf: contactLogFilter,
    list: (adapter, query, signal) =>
      adapter.listContactLogs({ ...query, sort: query.sort as ContactLogSortField }, { signal }),
    exportFile: (adapter, query, format, signal) =>
      adapter.exportContactLogs({ ...query, sort: query.sort as ContactLogSortField }, format, { signal }),
    changed: () =>
      emit(this, new ContactLogQueryChangeEvent({ query: this.query, sort: this.sort, direction: this.direction })),
    rows: (n) => plural(this, n, msg('one:# log|other:# logs')),
    keys: 'type subtype action where staff client location created',
    example: 'staff:"Tom Okafor" action:signed-in created:>=2026-11-01',
  });

  protected words(): ReportWords {
    return {
      title: msg('Contact logs'),
      description: msg('Who answered each client alert, when, where and why, with the alert as they saw it.'),
      forbidden: msg(
        'Your permission group does not include the Contact Logs report. Ask an owner or admin if you need it.',
      ),
      preset: msg('Client alerts'),
      loading: msg('Loading contact logs…'),
      failed: msg('The contact logs could not be loaded.'),
      noMatch: msg('No contact logs match these filters.'),
      none: msg('No contact logs yet.'),
      caption: (first, last, total) => msg(str`Contact logs ${first}–${last} of ${total}`),
    };
  }

  protected columns(): ReportColumn[] {
    return [
      { label: msg('Answered'), sort: 'at', first: 'desc' },
      { label: msg('Client'), sort: 'client' },
      { label: msg('Alert'), sort: 'subtype' },
      { label: msg('Action'), sort: 'action' },
      { label: msg('Reason') },
      { label: msg('Staff'), sort: 'staff' },
      { label: msg('Where') },
      { label: msg('Details') },
    ];
  }

  /** One template per row, its cells' second lines blocks of their own: 25 rows are 25 template instances. */
  protected row(e: ContactLogEntry, [at, client, alert, action, reason, staff, where]: string[]): TemplateResult {
    const when = this.frame.when(e.at);
    const open = this.open === e.id;
    const contact = e.client.phone ?? e.client.email;
    return html`<tr class=${open ? 'open' : ''}>
        <td data-label=${at}>${when}</td>
        <td data-label=${client}>
          ${e.client.name} ${contact ? html`<span class="muted line">${contactText(contact.value)}</span>` : nothing}
        </td>
        <td data-label=${alert}>
          <strong class="line" data-kind=${e.subtype}>${alertKindLabel(e.subtype)}</strong>${alertWords(this, e.alert)}
        </td>
        <td data-label=${action}>${actionNames()[e.action]}</td>
        <td data-label=${reason}>${e.reason ?? msg('No reason needed')}</td>
        <td data-label=${staff}>${e.staff.name}</td>
        <td data-label=${where}>${contextNames()[e.context]}<span class="muted line">${e.locationName}</span></td>
        <td>
          <button
            part="button"
            type="button"
            class="disclosure"
            aria-expanded=${open}
            aria-controls=${open ? `detail-${e.id}` : nothing}
            aria-label=${msg(str`Details: ${e.client.name}, ${when}`)}
            @click=${() => (this.open = open ? undefined : e.id)}
          >
            <span class="chevron" aria-hidden="true"></span>${msg('Details')}
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
          <dd>${this.frame.when(e.shownAt)}</dd>
          <dt>${msg('Phone')}</dt>
          <dd>${e.client.phone ? contactText(e.client.phone.value) : '—'}</dd>
          <dt>${msg('Email')}</dt>
          <dd>${e.client.email ? contactText(e.client.email.value) : '—'}</dd>
        </dl>
        ${e.editable ? nothing : html`<p class="muted">${msg('Written by a client alert: nobody can edit or delete it.')}</p>`}
      </td>
    </tr>`;
  }
}

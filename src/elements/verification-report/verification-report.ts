import { html, nothing, type TemplateResult } from 'lit';
import { SideBySideCalls, type AnswerChecks } from '../../internal/adapter-call.js';
import { Loader } from '../../internal/loader.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import type { AdapterError } from '../../core/errors.js';
import { contactText } from '../../internal/contact-text.js';
import { faultRegion, refusalRegion } from '../../internal/fault-region.js';
import { count, formatWhen, type Message, localeOf, msg, plural, textOf, str } from '../../internal/localize.js';
import { dialogStyles } from '../../internal/dialog-styles.js';
import { reportStyles } from '../../internal/report-styles.js';
import { emit } from '../../core/events.js';
import { ModalController } from '../../internal/modal.js';
import { pagerButtons } from '../../internal/pager.js';
import type {
  ContactValue,
  Page,
  VerificationQuery,
  VerificationRequest,
  VerificationSortField,
  VerificationStatus,
} from '../../core/types.js';
import { OpenClientProfileEvent, VerificationChangeEvent } from './events.js';
import { styles } from './verification-report.styles.js';
import { verificationPageSchema, verificationRequestSchema } from '../../adapters/schemas.js';

type Action = 'verify' | 'decline';

/**
 * Small stroked marks (16 px grid) beside what a row says in words: a tick for a match
 * or a verified request, a cross for a mismatch or a declined one. Decorative: the
 * words say it.
 */
const mark = (tick: boolean) =>
  html`<svg viewBox="0 0 16 16" aria-hidden="true">
    <path d=${tick ? 'M3 8.5 6.5 12 13 4.5' : 'M4 4l8 8m0-8-8 8'} />
  </svg>`;

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  const copy = { ...record };
  delete copy[id];
  return copy;
}

/**
 * MINDBODY's Security Verification report: people who created a consumer account and
 * claimed an existing client profile by name and email. Staff verify a request only
 * when the email given matches the profile's (the backend decides, so staff who may
 * not see the profile's email can still act), optionally sending the "Security
 * Verification Approved" email; verifying a mismatch needs a deliberate confirmation
 * that states the risk. Filtering, sorting and paging happen on the backend, so the
 * browser's work does not grow with the number of requests.
 *
 * @summary The Security Verification report: link requests to verify or decline.
 * @tag verification-report
 *
 * @fires {OpenClientProfileEvent} open-client-profile - Staff asked to open the claimed profile; `detail` has `clientId` and `requestId`.
 * @fires {VerificationChangeEvent} verification-change - A request was verified or declined; `detail.request` as saved.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the report is for.
 * @csspart filters - The status and date filters.
 * @csspart count - The number of matching requests, announced politely.
 * @csspart table - The table of requests.
 * @csspart match - A row's email match ("Emails match", "Emails differ").
 * @csspart status - A row's status: a badge while it waits; who verified or declined it, and when.
 * @csspart pager - Previous and next page.
 * @csspart confirm - The confirmation before verifying a request whose emails differ.
 * @csspart notice - A row's result, why nothing is listed, or why the viewer may not see the report.
 * @csspart error - A failed load or action, with its way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-row-padding - Space above and below each row's content: the table's density (default 8px).
 */
export class VerificationReportElement extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    listVerificationRequests: verificationPageSchema,
    verifyRequest: verificationRequestSchema,
    declineRequest: verificationRequestSchema,
  };
  static override styles = [...DeskguardElement.styles, dialogStyles, reportStyles, styles];
  /** Whether the viewer may see the report, and its contacts, changed elsewhere on the page. */
  static override refreshOn: readonly string[] = ['permission-groups-change', 'masking-change', 'overrides-saved'];
  static override properties = {
    pageSize: { type: Number, attribute: 'page-size' },
    ...states('query', 'page', 'busy', 'rowNotes', 'sendEmail', 'confirming', 'acknowledged', 'bulkNote', 'bulkBusy'),
  };

  /** Requests per page. */
  pageSize = 25;

  private query: Required<Pick<VerificationQuery, 'sort' | 'direction' | 'offset'>> & {
    status: VerificationStatus | '';
    from: string;
    to: string;
  } = { status: 'pending', from: '', to: '', sort: 'requestedAt', direction: 'desc', offset: 0 };
  private page: Page<VerificationRequest> | undefined;
  /** The request each row is busy with, by id. */
  private busy: Record<string, Action> = {};
  /** What happened to a row: its saved result, a conflict or a failure, by id. */
  /** What happened to a row: `done` notes repeat the row's status, so they are announced, not shown. */
  private rowNotes: Record<string, { text: Message; error?: AdapterError; retry?: () => void; done?: boolean }> = {};
  private sendEmail = true;
  private confirming: VerificationRequest | undefined;
  private acknowledged = false;
  private bulkNote: Message = '';
  private bulkBusy = false;
  /** Each row action's idempotency key, kept until it succeeds or conflicts, so a retry acts once. */
  readonly #actionKeys = new Map<string, string>();
  readonly #loading = new Loader(this, {
    args: () => [this.query, this.pageSize] as const,
    ready: () => !this.#datesInvalid,
    load: (adapter, [{ status, from, to, ...rest }, limit], signal) =>
      adapter.listVerificationRequests(
        {
          ...rest,
          limit,
          ...(status && { status }),
          // The dates are the staff member's days: from the start of `from` to the end of `to`, local time.
          ...(from && { from: new Date(`${from}T00:00:00`).toISOString() }),
          ...(to && { to: new Date(`${to}T23:59:59.999`).toISOString() }),
        },
        { signal },
      ),
    loaded: (page) => {
      this.page = page;
      this.rowNotes = {};
    },
  });
  readonly #acting = new SideBySideCalls<VerificationRequest>(this);
  readonly #confirm = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    dismissed: () => this.#closeConfirm(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The first date formatter loads locale data: do it in a task of its own, before rows arrive.
    setTimeout(() => this.isConnected && this.#when(new Date(0).toISOString()));
  }

  /** Loads the current page again. */
  async reload(): Promise<void> {
    await this.#loading.reload();
  }

  get #datesInvalid(): boolean {
    return !!this.query.from && !!this.query.to && this.query.from > this.query.to;
  }

  #setQuery(change: Partial<VerificationReportElement['query']>): void {
    this.query = { ...this.query, offset: 0, ...change };
    this.bulkNote = '';
    void this.reload();
  }

  #sortBy(field: VerificationSortField): void {
    const same = this.query.sort === field;
    const direction = same
      ? this.query.direction === 'asc'
        ? 'desc'
        : 'asc'
      : field === 'requestedAt'
        ? 'desc'
        : 'asc';
    this.#setQuery({ sort: field, direction });
  }

  #replaceRow(request: VerificationRequest): void {
    if (!this.page) return;
    this.page = { ...this.page, items: this.page.items.map((r) => (r.id === request.id ? request : r)) };
  }

  /**
   * Verifies or declines one request; resolves to whether it was done. The idempotency
   * key lives until the action succeeds or conflicts, so a retry acts once.
   */
  async #handleRequest(request: VerificationRequest, action: Action, acknowledgeMismatch = false): Promise<boolean> {
    if (!this.currentAdapter || this.busy[request.id]) return false;
    const keyName = `${action}:${request.id}:${request.version}`;
    const idempotencyKey = this.#actionKeys.get(keyName) ?? crypto.randomUUID();
    this.#actionKeys.set(keyName, idempotencyKey);
    this.busy = { ...this.busy, [request.id]: action };
    this.rowNotes = without(this.rowNotes, request.id);
    const input = { id: request.id, version: request.version };
    const result = await this.#acting.run((adapter) =>
      action === 'verify'
        ? adapter.verifyRequest(
            { ...input, sendApprovalEmail: this.sendEmail, ...(acknowledgeMismatch && { acknowledgeMismatch }) },
            { idempotencyKey },
          )
        : adapter.declineRequest(input, { idempotencyKey }),
    );
    this.busy = without(this.busy, request.id);
    if (!result) return false;
    let note: VerificationReportElement['rowNotes'][string];
    if (result.ok || result.current) this.#actionKeys.delete(keyName);
    if (result.ok) {
      const saved = result.value;
      this.#replaceRow(saved);
      note = { text: () => this.#statusText(saved), done: true };
      emit(this, new VerificationChangeEvent({ request: saved }));
    } else if (result.current) {
      // Someone else handled it first: the row shows what they did.
      this.#replaceRow(result.current);
      note = { text: () => msg('Someone else handled this request first. The row now shows what they did.') };
    } else {
      note = {
        text: () => (action === 'verify' ? msg('The request was not verified.') : msg('The request was not declined.')),
        error: result.error,
        retry: () => void this.#handleRequest(request, action, acknowledgeMismatch),
      };
    }
    this.rowNotes = { ...this.rowNotes, [request.id]: note };
    return result.ok;
  }

  #onVerify(request: VerificationRequest): void {
    if (request.emailMatch === 'match') void this.#handleRequest(request, 'verify');
    else {
      // The default path never verifies a mismatch: it asks first, and Cancel is where focus lands.
      this.confirming = request;
      this.acknowledged = false;
      this.#confirm.begin();
      void this.#confirm.show(() => this.renderRoot.querySelector<HTMLElement>('#confirm-cancel'));
    }
  }

  #closeConfirm(): void {
    const request = this.confirming;
    this.confirming = undefined;
    this.#confirm.close(request && this.renderRoot.querySelector<HTMLElement>(`[data-verify="${request.id}"]`));
  }

  async #verifyMatched(): Promise<void> {
    const matched = (this.page?.items ?? []).filter((r) => r.status === 'pending' && r.emailMatch === 'match');
    if (!matched.length || this.bulkBusy) return;
    this.bulkBusy = true;
    this.bulkNote = () => msg('Verifying…');
    let verified = 0;
    for (const request of matched) if (await this.#handleRequest(request, 'verify')) verified += 1;
    this.bulkBusy = false;
    const left = matched.length - verified;
    this.bulkNote = () =>
      left
        ? msg(
            str`Verified ${count(this, verified)} of ${count(this, matched.length)}. The rows say what happened to the others.`,
          )
        : msg(str`Verified ${count(this, verified)}.`);
  }

  #when(iso: string): string {
    return formatWhen(localeOf(this), new Date(iso));
  }

  /** An address as one piece (it breaks only before its `@`), marked when masked. */
  #email(contact: ContactValue): TemplateResult {
    const address = contactText(contact.value);
    return contact.masked ? html`${address} ${msg('(masked)')}` : address;
  }

  #statusText(r: VerificationRequest): string {
    if (r.status === 'pending') return msg('Waiting');
    const by = r.handledBy?.name ?? '';
    const at = r.handledAt ? this.#when(r.handledAt) : '';
    if (r.status === 'declined') return msg(str`Declined by ${by}, ${at}`);
    return r.approvalEmailSent
      ? msg(str`Verified by ${by}, ${at}. Approval email sent.`)
      : msg(str`Verified by ${by}, ${at}`);
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg('Security verification'),
        description: msg(
          'People who created an online account and claimed an existing client profile. Once linked, that login sees the client’s pricing options, details and stored card. Verify only when the email given matches the profile’s; otherwise contact the client through their profile, and offer the newcomer an account of their own.',
        ),
        busy: this.#loading.pending,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    // A decision of the business, not a fault to retry: say which, with nothing to filter
    // (and, when the group lost the report meanwhile, no rows left on screen either).
    if (this.#loading.error?.kind === 'forbidden') {
      return refusalRegion(
        msg(
          'Your permission group does not include the Security Verification report. Ask an owner or admin if you need it.',
        ),
        () => void this.reload(),
      );
    }
    const q = this.query;
    const page = this.page;
    const matched = page?.items.filter((r) => r.status === 'pending' && r.emailMatch === 'match').length ?? 0;
    const dateError = this.#datesInvalid;
    return html`
      <div part="filters" class="filters">
        <label>
          ${msg('Status')}
          <select
            @change=${(e: Event) => this.#setQuery({ status: (e.target as HTMLSelectElement).value as VerificationStatus })}
          >
            ${(
              [
                ['pending', msg('Waiting')],
                ['verified', msg('Verified')],
                ['declined', msg('Declined')],
                ['', msg('All')],
              ] as const
            ).map(([value, label]) => html`<option value=${value} ?selected=${q.status === value}>${label}</option>`)}
          </select>
        </label>
        <label>
          ${msg('From')}
          <input
            type="date"
            .value=${q.from}
            @change=${(e: Event) => this.#setQuery({ from: (e.target as HTMLInputElement).value })}
            aria-describedby="dates"
            aria-invalid=${dateError}
          />
        </label>
        <label>
          ${msg('To')}
          <input
            type="date"
            .value=${q.to}
            @change=${(e: Event) => this.#setQuery({ to: (e.target as HTMLInputElement).value })}
            aria-describedby="dates"
            aria-invalid=${dateError}
          />
        </label>
      </div>
      <p id="dates" class="field-error">${dateError ? msg('The From date is after the To date.') : nothing}</p>
      <p part="count" role="status" class="muted">
        ${
          this.#loading.pending
            ? msg('Loading link requests…')
            : page
              ? plural(this, page.total, msg('one:# request|other:# requests'))
              : ''
        }
      </p>
      ${this.#loading.error ? faultRegion(this.#loading.error, { lead: msg('The link requests could not be loaded.'), retry: () => void this.reload() }) : nothing}
      ${page ? this.#renderTable(page, matched) : nothing} ${this.#renderConfirm()}
    `;
  }

  #renderTable(page: Page<VerificationRequest>, matched: number): TemplateResult {
    const q = this.query;
    if (!page.items.length) {
      const filtered = q.status !== 'pending' || q.from || q.to;
      return html`<p part="notice" class="empty">
        ${filtered ? msg('No requests match these filters.') : msg('No requests waiting: every link request has been handled.')}
      </p>`;
    }
    const header = (field: VerificationSortField, label: string) => {
      const sorted = q.sort === field;
      return html`<th scope="col" aria-sort=${sorted ? (q.direction === 'asc' ? 'ascending' : 'descending') : nothing}>
        <button part="button" type="button" class="sort" @click=${() => this.#sortBy(field)}>
          ${label}<span aria-hidden="true">${sorted ? (q.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>`;
    };
    const last = Math.min(page.offset + page.items.length, page.total);
    return html`
      <div class="actions">
        <label class="check">
          <input
            type="checkbox"
            .checked=${this.sendEmail}
            @change=${(e: Event) => (this.sendEmail = (e.target as HTMLInputElement).checked)}
          />
          ${msg('Send the “Security Verification Approved” email when I verify')}
        </label>
        ${
          matched
            ? html`<button part="button" type="button" aria-disabled=${this.bulkBusy} @click=${this.#verifyMatched}>
                ${plural(
                  this,
                  matched,
                  msg(
                    'one:Verify the # matching request on this page|other:Verify the # matching requests on this page',
                  ),
                )}
              </button>`
            : nothing
        }
      </div>
      <p role="status" class="muted">${textOf(this.bulkNote)}</p>
      <div class="scroll">
        <table part="table" aria-busy=${this.#loading.pending}>
          <caption>
            ${msg(str`Link requests ${count(this, page.offset + 1)}–${count(this, last)} of ${count(this, page.total)}`)}
          </caption>
          <thead>
            <tr>
              ${header('requestedAt', msg('Requested'))} ${header('nameEntered', msg('Name given'))}
              ${header('submittedEmail', msg('Email given'))} ${header('client', msg('Client profile claimed'))}
              <th scope="col">${msg('Emails')}</th>
              ${header('status', msg('Status'))}
              <th scope="col">${msg('Actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map((r) => this.#renderRow(r))}
          </tbody>
        </table>
      </div>
      <div part="pager" class="actions">
        ${pagerButtons(page, this.pageSize, (offset) => this.#setQuery({ offset }))}
      </div>
    `;
  }

  #renderRow(r: VerificationRequest): TemplateResult {
    const who = r.nameEntered;
    const when = this.#when(r.requestedAt);
    const busy = this.busy[r.id];
    const note = this.rowNotes[r.id];
    const match = r.emailMatch === 'match';
    return html`<tr aria-busy=${busy ? 'true' : nothing}>
      <td data-label=${msg('Requested')}>${when}</td>
      <td class="wrap" data-label=${msg('Name given')}>${who}</td>
      <td class="wrap" data-label=${msg('Email given')}>${this.#email(r.submittedEmail)}</td>
      <td class="wrap" data-label=${msg('Client profile claimed')}>
        ${r.client.name}
        ${r.profileEmail ? html`<br /><span class="muted">${this.#email(r.profileEmail)}</span>` : nothing}
        <br />
        <button
          part="button"
          type="button"
          class="link"
          aria-label=${msg(str`Open profile: ${r.client.name}, for the request of ${when}`)}
          @click=${() => emit(this, new OpenClientProfileEvent({ clientId: r.client.id, requestId: r.id }))}
        >
          ${msg('Open profile')}
        </button>
      </td>
      <td part="match" class=${match ? 'match' : 'mismatch'} data-label=${msg('Emails')}>
        ${mark(match)}
        ${match ? msg('Emails match') : r.emailMatch === 'mismatch' ? msg('Emails differ') : msg('Profile has no email')}
      </td>
      <td data-label=${msg('Status')}>
        <span part="status" data-status=${r.status}
          >${r.status === 'pending' ? nothing : mark(r.status === 'verified')}${this.#statusText(r)}</span
        >
      </td>
      <td>
        ${
          r.status === 'pending'
            ? html`<div class="row-actions">
                <button
                  part="button"
                  type="button"
                  data-verify=${r.id}
                  aria-disabled=${!!busy}
                  aria-label=${match ? msg(str`Verify request from ${who}, ${when}`) : msg(str`Verify anyway: request from ${who}, ${when}`)}
                  @click=${() => this.#onVerify(r)}
                >
                  ${match ? msg('Verify') : msg('Verify anyway')}
                </button>
                <button
                  part="button"
                  type="button"
                  aria-disabled=${!!busy}
                  aria-label=${msg(str`Decline request from ${who}, ${when}`)}
                  @click=${() => void this.#handleRequest(r, 'decline')}
                >
                  ${msg('Decline')}
                </button>
              </div>`
            : nothing
        }
        ${busy ? html`<p role="status">${busy === 'verify' ? msg('Verifying…') : msg('Declining…')}</p>` : nothing}
        ${
          note?.error
            ? faultRegion(note.error, {
                lead: textOf(note.text),
                activity: 'saving',
                retry: note.retry!,
                reload: () => void this.reload(),
              })
            : note
              ? html`<p part="notice" role="status" class=${note.done ? 'visually-hidden' : ''}>
                  ${textOf(note.text)}
                </p>`
              : nothing
        }
      </td>
    </tr>`;
  }

  #renderConfirm(): TemplateResult {
    const r = this.confirming;
    return html`<dialog
      part="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-risk"
      @cancel=${this.#confirm.onCancel}
      @close=${this.#confirm.onClose}
      @keydown=${this.#confirm.onKeydown}
    >
      ${
        r
          ? html`<h3 id="confirm-title">${msg(str`Verify ${r.nameEntered} although the emails differ?`)}</h3>
              <p id="confirm-risk">
                ${msg(
                  str`The email given (${r.submittedEmail.value}) is not the email on ${r.client.name}’s profile. Verifying links this login to the profile: it will see the client’s pricing options, details and stored card. If this is not the client, that is account takeover. Contact the client through their profile first; offer the newcomer an account of their own instead.`,
                )}
              </p>
              <label class="check">
                <input
                  type="checkbox"
                  .checked=${this.acknowledged}
                  @change=${(e: Event) => (this.acknowledged = (e.target as HTMLInputElement).checked)}
                />
                ${msg('I contacted the client through their profile and they confirmed this request is theirs.')}
              </label>
              <div class="actions">
                <button id="confirm-cancel" part="button" type="button" @click=${this.#closeConfirm}>
                  ${msg('Cancel')}
                </button>
                <button
                  part="button"
                  type="button"
                  class="danger"
                  ?disabled=${!this.acknowledged}
                  @click=${() => {
                    this.#closeConfirm();
                    void this.#handleRequest(r, 'verify', true);
                  }}
                >
                  ${msg('Verify anyway')}
                </button>
              </div>`
          : nothing
      }
    </dialog>`;
  }
}

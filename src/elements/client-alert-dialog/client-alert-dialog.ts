import { css, html, nothing, type TemplateResult } from 'lit';
import { AdapterCall, type AnswerChecks } from '../../internal/adapter-call.js';
import type { DeskguardAdapter } from '../../core/adapter.js';
import { noAdapterNotice } from '../../internal/card.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import { faultRegion } from '../../internal/fault-region.js';
import { count, type Message, msg, plural, textOf, str } from '../../internal/localize.js';
import { dialogStyles } from '../../internal/dialog-styles.js';
import { alertKindLabel, alertWords } from '../../internal/alert-words.js';
import { emit } from '../../core/events.js';
import { ModalController } from '../../internal/modal.js';
import { WriteKey } from '../../internal/write-key.js';
import type {
  AlertAction,
  AlertContext,
  AlertResolutionInput,
  AlertResolutionResult,
  ClientAlert,
  ClientAlerts,
  ContactValue,
} from '../../core/types.js';
import { ALERT_SEVERITY, isThresholdAlert, MAX_REASON_LENGTH } from '../../policy/alert-rules.js';
import { styles } from './client-alert-dialog.styles.js';
import { ClientAlertOutcomeEvent, type AlertOutcome, type AlertOutcomeStatus } from './events.js';
import { alertResolutionSchema, clientAlertsSchema } from '../../adapters/schemas.js';

/**
 * Each alert kind's mark, drawn in 16 px with one stroked path beside its name (never in
 * place of it): an octagon for red, a triangle for yellow, a card for the balance and a
 * clock for arrivals.
 */
const ICONS: Record<ClientAlert['kind'], string> = {
  red: 'M5.5 1.5h5l4 4v5l-4 4h-5l-4-4v-5zM8 4.5V9m0 2v.5',
  yellow: 'M8 1.5 15 14H1zM8 6v3.5m0 2v.5',
  'account-balance': 'M1.5 3.5h13v9h-13zm0 3h13M10 10h2',
  arrivals: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13M8 4.5V8l2.5 1.5',
};

type Decision = 'proceed' | 'reject';

/**
 * MINDBODY's client alerts as a modal alert dialog that staff must answer. A host opens
 * it for a client in a context (profile, booking, sign-in) and awaits the outcome:
 * red and yellow alerts are ignored, with a written reason where "Reason to Ignore" is
 * on; the Account Balance Threshold and Arrivals in Threshold alerts are answered by
 * signing the client in (with a reason where "Reason to Sign In" is on) or rejecting
 * them. Several alerts show together, most urgent first. Where "Write Contact Log" is
 * on, the backend writes the log before the dialog reports success; a failed write
 * keeps the dialog open with the reasons intact, and a retry writes each log once.
 *
 * ```js
 * const outcome = await dialog.open({ clientId: 'client-1', context: 'sign-in' });
 * if (outcome.status === 'ignored' || outcome.status === 'signed-in' || outcome.status === 'no-alerts') signIn();
 * ```
 *
 * @summary Client alerts staff must answer before they go on, with contact logs.
 * @tag client-alert-dialog
 *
 * @fires {ClientAlertOutcomeEvent} client-alert-outcome - How the dialog ended; `detail` is the `AlertOutcome` that `open()` resolves to.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart dialog - The modal dialog.
 * @csspart title - Its title, naming the client.
 * @csspart contacts - The client's phone and email, masked as the policy says.
 * @csspart alert - One alert; `data-kind` is `red`, `yellow`, `account-balance` or `arrivals`.
 * @csspart icon - The mark beside each alert's name (decorative: the name says the kind).
 * @csspart reason - A reason field.
 * @csspart actions - The row of Cancel, Reject, Sign in or Ignore.
 * @csspart notice - Says that the alerts changed while staff answered and nothing was recorded.
 * @csspart error - A failed load or save, with its way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-color-alert-red - The red alert's marker (default: a saturated red in light and dark).
 * @cssprop --dg-color-alert-yellow - The yellow alert's marker.
 * @cssprop --dg-dialog-width - The dialog's width (default: 36rem, never wider than the screen).
 */
export class ClientAlertDialogElement extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    getClientAlerts: clientAlertsSchema,
    resolveClientAlerts: alertResolutionSchema,
  };
  static override styles = [
    ...DeskguardElement.styles,
    dialogStyles,
    styles,
    css`
      :host {
        display: contents;
      }
    `,
  ];
  static override properties = {
    clientId: { attribute: 'client-id' },
    context: {},
    ...states('data', 'reasons', 'problems', 'request', 'added'),
  };

  /** The client whose alerts `open()` shows, unless `open()` names another. */
  clientId = '';

  /** Where staff are: `profile`, `booking` or `sign-in` (threshold alerts apply there only). */
  context: AlertContext = 'profile';

  private data: ClientAlerts | undefined;
  private reasons: Record<string, string> = {};
  /** Why each reason field is invalid, by alert id, after staff pressed an action. */
  private problems: Record<string, Message> = {};
  private request: { clientId: string; context: AlertContext } | undefined;
  /** Alerts that appeared while staff were answering (the backend refused the stale answer), by id. */
  private added: ReadonlySet<string> | undefined;

  #settle: ((outcome: AlertOutcome) => void) | undefined;
  #pending: Promise<AlertOutcome> | undefined;
  #lastDecision: Decision = 'proceed';
  readonly #writeKey = new WriteKey();
  #showTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #loading = new AdapterCall(this);
  readonly #saving = new AdapterCall<ClientAlerts>(this);
  readonly #modal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    dismissed: (why) => {
      // Escape never counts as an answer, and waits for a save in flight; the browser closing the
      // dialog by itself is a cancel too, and the dialog comes back while saving. Removed: cancelled.
      if (why === 'removed') this.#finish('cancelled');
      else if (!this.#saving.pending) this.cancel();
      else if (why === 'forced') void this.#modal.show();
    },
  });

  /** Whether the dialog is waiting for staff (or loading for them). */
  get isOpen(): boolean {
    return !!this.#settle;
  }

  /**
   * Loads the alerts that apply to the client in the context and, when there are any,
   * shows them and waits for staff. Resolves once, with how it ended; calling it again
   * while open returns the same promise.
   */
  open(request: { clientId?: string; context?: AlertContext } = {}): Promise<AlertOutcome> {
    if (this.#pending) return this.#pending;
    this.#modal.begin();
    this.request = { clientId: request.clientId ?? this.clientId, context: request.context ?? this.context };
    this.data = undefined;
    this.reasons = {};
    this.problems = {};
    this.added = undefined;
    this.#loading.clear();
    this.#saving.clear();
    this.#writeKey.clear();
    this.#pending = new Promise((resolve) => (this.#settle = resolve));
    void this.#load();
    return this.#pending;
  }

  /** Closes the dialog as Cancel does; nothing is recorded. Does nothing while a decision is being saved. */
  cancel(): void {
    if (this.#settle && !this.#saving.pending) this.#finish('cancelled');
  }

  protected override adapterChanged(adapter: DeskguardAdapter | undefined): void {
    if (adapter && this.request && !this.data) void this.#load();
  }

  async #load(): Promise<void> {
    const request = this.request;
    if (!request || !this.#settle) return;
    if (!this.currentAdapter) return void this.#show();
    this.#saving.clear();
    // Most clients have no alerts: the dialog appears only if the answer is slow, or when there is something to show.
    clearTimeout(this.#showTimer);
    this.#showTimer = setTimeout(() => void this.#show(), 250);
    const result = await this.#loading.run((adapter, signal) =>
      adapter.getClientAlerts(request.clientId, request.context, { signal }),
    );
    if (!result) return;
    if (result.ok) {
      const data = result.value;
      if (!data.alerts.length) return this.#finish('no-alerts');
      this.#present(data);
      // Focus goes to the first reason staff must write, else to Cancel, the action that changes nothing.
      return this.#show(() => {
        const fields = [...this.renderRoot.querySelectorAll<HTMLTextAreaElement>('dialog textarea')];
        return fields.find((t) => !t.value.trim()) ?? this.renderRoot.querySelector<HTMLElement>('#cancel');
      });
    }
    await this.#show();
  }

  /** Shows these alerts, most urgent first. */
  #present(data: ClientAlerts): void {
    const alerts = [...data.alerts].sort((a, b) => ALERT_SEVERITY.indexOf(a.kind) - ALERT_SEVERITY.indexOf(b.kind));
    this.data = { ...data, alerts };
  }

  async #show(focus?: () => HTMLElement | null | undefined): Promise<void> {
    clearTimeout(this.#showTimer);
    // The alerts render in this task and the dialog opens, lays out and takes focus in the
    // next: neither piece of work waits behind the other. A dialog already open (a slow
    // answer) takes focus at once, before anyone can act on what just appeared.
    if (!this.renderRoot.querySelector('dialog')?.open) await new Promise((r) => setTimeout(r));
    return this.#modal.show(focus);
  }

  #finish(status: AlertOutcomeStatus, input?: AlertResolutionInput, result?: AlertResolutionResult): void {
    const request = this.request!;
    const settle = this.#settle;
    clearTimeout(this.#showTimer);
    this.#loading.abort();
    this.#settle = undefined;
    this.#pending = undefined;
    const kinds = new Map(this.data?.alerts.map((a) => [a.id, a.kind]));
    const outcome: AlertOutcome = {
      status,
      ...request,
      resolutions: (input?.resolutions ?? []).map((r) => ({
        ...r,
        kind: kinds.get(r.alertId)!,
        reason: r.reason ?? null,
      })),
      contactLogIds: result?.contactLogs.map((l) => l.id) ?? [],
      resolvedAt: result?.resolvedAt ?? null,
    };
    this.#modal.close();
    settle?.(outcome);
    emit(this, new ClientAlertOutcomeEvent(outcome));
  }

  /** Checks the reasons and, when they are all there, records the decision. */
  #decide(decision: Decision): void {
    const data = this.data;
    if (!data || !this.currentAdapter || this.#saving.pending) return;
    const problems: Record<string, Message> = {};
    const resolutions: AlertResolutionInput['resolutions'] = [];
    for (const alert of data.alerts) {
      const threshold = isThresholdAlert(alert.kind);
      if (decision === 'reject' && !threshold) continue;
      const action: AlertAction = decision === 'reject' ? 'reject' : threshold ? 'sign-in' : 'ignore';
      const reason = alert.reasonRequired && action !== 'reject' ? (this.reasons[alert.id] ?? '').trim() : undefined;
      if (reason === '')
        problems[alert.id] = () => msg('Write a reason before you go on. Spaces alone are not a reason.');
      else if (reason && reason.length > MAX_REASON_LENGTH) {
        const length = reason.length;
        problems[alert.id] = () =>
          msg(str`Shorten the reason to ${count(this, MAX_REASON_LENGTH)} characters; it has ${count(this, length)}.`);
      }
      resolutions.push(reason === undefined ? { alertId: alert.id, action } : { alertId: alert.id, action, reason });
    }
    this.problems = problems;
    if (Object.keys(problems).length) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    void this.#save(decision, { clientId: data.client.id, context: data.context, resolutions });
  }

  async #save(decision: Decision, input: AlertResolutionInput): Promise<void> {
    // The same decision keeps its idempotency key, so a retry after a lost answer writes each log once;
    // a changed decision (another reason) is a new write.
    const idempotencyKey = this.#writeKey.for(input);
    this.#lastDecision = decision;
    const result = await this.#saving.run((adapter, signal) =>
      adapter.resolveClientAlerts(input, { idempotencyKey, signal }),
    );
    if (!result) return;
    if (result.ok) {
      const signedIn = input.resolutions.some((r) => r.action === 'sign-in');
      return this.#finish(decision === 'reject' ? 'rejected' : signedIn ? 'signed-in' : 'ignored', input, result.value);
    }
    if (result.current) return this.#alertsChanged(result.current);
    // The backend names the alerts whose reasons it refused: mark those fields.
    const known = Object.entries(result.error.fieldErrors).filter(([id]) => this.reasons[id] !== undefined);
    if (known.length) this.problems = Object.fromEntries(known);
  }

  /**
   * The alerts changed while staff were answering, and the backend refused the answer:
   * show the alerts that apply now at once, the new ones marked, and keep the reasons
   * written for those that still apply.
   */
  #alertsChanged(current: ClientAlerts): void {
    this.#saving.clear();
    if (!current.alerts.length) return this.#finish('no-alerts');
    const before = new Set(this.data?.alerts.map((a) => a.id));
    const ids = new Set(current.alerts.map((a) => a.id));
    this.added = new Set([...ids].filter((id) => !before.has(id)));
    this.reasons = Object.fromEntries(Object.entries(this.reasons).filter(([id]) => ids.has(id)));
    this.problems = {};
    this.#present(current);
    void this.#modal.show(() => this.renderRoot.querySelector<HTMLElement>('#changed'));
  }

  #onReason(event: Event): void {
    const field = event.target as HTMLTextAreaElement;
    const id = field.dataset['alert']!;
    this.reasons = { ...this.reasons, [id]: field.value };
    if (this.problems[id]) this.problems = { ...this.problems, [id]: '' };
  }

  protected override render(): TemplateResult {
    const data = this.data;
    const thresholds = !!data?.alerts.some((a) => isThresholdAlert(a.kind));
    const describedBy = data?.alerts.map((_, i) => `text-${i}`).join(' ');
    const title = data ? msg(str`Alerts for ${data.client.name}`) : msg('Client alerts');
    return html`<dialog
      part="dialog"
      role="alertdialog"
      aria-labelledby="title"
      aria-describedby=${describedBy || nothing}
      aria-busy=${this.#loading.pending || this.#saving.pending}
      @cancel=${this.#modal.onCancel}
      @keydown=${this.#modal.onKeydown}
      @close=${this.#modal.onClose}
    >
      <h2 id="title" part="title" aria-level=${this.headingLevel}>${title}</h2>
      ${this.#renderBody()}
      <div part="actions" class="actions">
        ${this.#action(msg('Cancel'))}
        ${
          !data
            ? nothing
            : thresholds
              ? [this.#action(msg('Reject'), 'reject'), this.#action(msg('Sign in'), 'proceed')]
              : this.#action(msg('Ignore'), 'proceed')
        }
      </div>
    </dialog>`;
  }

  /** A button of the action row: Cancel without a decision; going ahead is the primary action. */
  #action(label: string, decision?: Decision): TemplateResult {
    return html`<button
      id=${decision ?? 'cancel'}
      part="button"
      type="button"
      class=${decision === 'proceed' ? 'primary' : ''}
      aria-disabled=${this.#saving.pending}
      @click=${() => (decision ? this.#decide(decision) : this.cancel())}
    >
      ${label}
    </button>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    if (!this.request) return nothing;
    if (!this.currentAdapter) return noAdapterNotice();
    const data = this.data;
    const loadError = this.#loading.error;
    const ways = {
      retry: () => (loadError ? void this.#load() : this.#decide(this.#lastDecision)),
      reload: () => void this.#load(),
    };
    if (!data) {
      return loadError
        ? faultRegion(loadError, { lead: msg('The client’s alerts could not be loaded.'), ...ways })
        : html`<p id="status" role="status">${msg('Checking alerts for this client…')}</p>`;
    }
    const { phone, email } = data.client;
    return html`
      ${
        phone || email
          ? html`<p part="contacts" class="muted">
              ${[phone && this.#contact(msg('Phone'), phone), email && this.#contact(msg('Email'), email)]}
            </p>`
          : nothing
      }
      <ul class="alerts">
        ${data.alerts.map((alert, i) => this.#renderAlert(alert, i))}
      </ul>
      ${
        this.#saving.error
          ? faultRegion(this.#saving.error, {
              lead: msg('Your answer was not recorded. Your reasons are kept.'),
              activity: 'saving',
              ...ways,
            })
          : this.#saving.pending
            ? html`<p role="status">${msg('Recording your answer…')}</p>`
            : this.added
              ? html`<p id="changed" part="notice" class="notice" role="status" tabindex="-1">
                  ${msg(
                    'The alerts changed while you were answering, and nothing was recorded. They now show what applies; your reasons are kept. Answer again.',
                  )}
                </p>`
              : nothing
      }
    `;
  }

  #contact(label: string, value: ContactValue): TemplateResult {
    return html`<span class="contact">
      ${label}: <span dir="ltr">${value.value}</span>${value.masked ? html` <span>${msg('(masked)')}</span>` : nothing}
    </span>`;
  }

  #renderAlert(alert: ClientAlert, i: number): TemplateResult {
    const kind = alertKindLabel(alert.kind);
    const text = alertWords(this, alert);
    const threshold = isThresholdAlert(alert.kind);
    const needsReason = alert.reasonRequired;
    const reason = this.reasons[alert.id] ?? '';
    const problem = textOf(this.problems[alert.id] ?? '');
    const left = MAX_REASON_LENGTH - reason.trim().length;
    const limit = count(this, MAX_REASON_LENGTH);
    return html`<li part="alert" class="alert" data-kind=${alert.kind}>
      <p class="kind">
        <svg part="icon" viewBox="0 0 16 16" aria-hidden="true"><path d=${ICONS[alert.kind]} /></svg>
        <strong>${kind}</strong>${this.added?.has(alert.id) ? html` <span class="new">${msg('New')}</span>` : nothing}
      </p>
      <p id="text-${i}" class="text" dir="auto">${text}</p>
      ${
        needsReason
          ? html`<label for="reason-${i}">
                ${threshold ? msg('Reason to sign in (required)') : msg('Reason to ignore (required)')}
              </label>
              <textarea
                id="reason-${i}"
                part="reason"
                rows="2"
                data-alert=${alert.id}
                .value=${reason}
                aria-required="true"
                aria-invalid=${!!problem}
                aria-describedby="reason-${i}-error reason-${i}-count"
                @input=${this.#onReason}
              ></textarea>
              <p id="reason-${i}-error" class="field-error">${problem || nothing}</p>
              <p id="reason-${i}-count" class=${left < 0 ? 'field-error' : 'muted'}>
                ${
                  left < 0
                    ? plural(this, -left, msg('one:# character over the limit.|other:# characters over the limit.'))
                    : left < 100
                      ? plural(this, left, msg('one:# character left.|other:# characters left.'))
                      : msg(str`Up to ${limit} characters.`)
                }
                ${threshold ? msg('Not needed to reject.') : nothing}
              </p>`
          : nothing
      }
      ${alert.writesContactLog ? html`<p class="muted">${msg('Your answer goes into the client’s contact log.')}</p>` : nothing}
    </li>`;
  }
}

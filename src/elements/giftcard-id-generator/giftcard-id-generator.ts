import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { AdapterCall, type AnswerChecks } from '../../internal/adapter-call.js';
import type { DeskguardAdapter } from '../../core/adapter.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import { AdapterError } from '../../core/errors.js';
import { errorRegion, faultRegion } from '../../internal/fault-region.js';
import { count as localCount, msg, str } from '../../internal/localize.js';
import { emit } from '../../core/events.js';
import type { GiftCardReservation } from '../../core/types.js';
import {
  checkGiftCardFormat,
  checkGiftCardNumber,
  generateGiftCardNumber,
  GIFT_CARD_PRESETS,
  groupDigits,
  type GiftCardFormat,
  type GiftCardPreset,
} from '../../policy/giftcard-id.js';
import { GiftCardReservedEvent, GiftCardUseEvent } from './events.js';
import { styles } from './giftcard-id-generator.styles.js';
import { giftCardReservationSchema } from '../../adapters/schemas.js';

/** How many taken numbers in a row the generator replaces before it gives up and says so. */
export const GIFT_CARD_MAX_TRIES = 5;

type Source = 'generated' | 'entered';

/** One number on its way to being reserved; a retry sends the same number with the same key. */
interface Attempt {
  number: string;
  key: string;
  source: Source;
  /** Taken numbers replaced before this one. */
  tries: number;
}

type Notice = 'reserving' | 'reserved' | 'copied' | 'copy-failed' | 'used';

/**
 * MINDBODY's "Generate Random" gift card number: a random number from the platform's
 * cryptographic source, reserved through the adapter so that no other till issues it,
 * shown in groups for reading aloud and copying onto a paper card. Staff can also type
 * or scan the number of a pre-printed card; it is checked as they type and reserved
 * the same way. A taken number is replaced by a new one, up to five times in a row.
 *
 * It is a form control: with a `name`, the reserved number (digits only) is submitted
 * with the host's form; `required` makes a form without a number invalid; a form reset
 * clears it. A reserved number that is never used stays reserved, so no card gets it.
 *
 * @summary A random, reserved gift card number (or a pre-printed card's), ready to copy or use.
 * @tag giftcard-id-generator
 *
 * @fires {GiftCardReservedEvent} giftcard-id-reserved - A number was reserved; `detail` has `number`, `source` and `reservation`.
 * @fires {GiftCardUseEvent} giftcard-id-use - Staff pressed "Use this number"; `detail` has `number` and `reservation`.
 * @fires {Event} change - The value (the reserved number) changed.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the element does.
 * @csspart number - The reserved number, in groups.
 * @csspart status - What just happened (reserved, copied), announced politely.
 * @csspart entry - The field for a pre-printed card's number, its hint and its error.
 * @csspart input - The field itself.
 * @csspart notice - A set-up problem (no adapter, a length outside 8 to 19).
 * @csspart error - A failed reservation, with its way forward.
 * @csspart button - Every button.
 *
 * @cssstate busy - A number is being reserved.
 * @cssstate reserved - A number is reserved and shown (the element has a value).
 *
 * @cssprop --dg-font-family-numbers - The numbers' font (default: the system's monospace).
 */
export class GiftcardIdGeneratorElement extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    reserveGiftCardId: giftCardReservationSchema,
  };
  static override styles = [...DeskguardElement.styles, styles];
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    preset: {},
    length: { type: Number },
    checkDigit: { type: Boolean, attribute: 'check-digit' },
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    ...states('number', 'reservation', 'busy', 'exhausted', 'taken', 'notice', 'typed', 'submitted', 'formDisabled'),
  };

  /** `standard`: 12 random digits, as in MINDBODY. `strong`: 16 digits, the last a check digit. */
  preset: GiftCardPreset = 'standard';

  /** Digits in a number (8 to 19, the check digit included); overrides the preset's. */
  length: number | undefined;

  /** End each number with a Damm check digit (the `strong` preset always does). */
  checkDigit = false;

  /** The form field name the reserved number is submitted under. */
  name = '';

  /** A form with this element is invalid until a number is reserved. */
  required = false;

  /** Turns the element off: no generating, typing or reserving, and no value submitted. A disabled fieldset does the same. */
  disabled = false;

  private number = '';
  private reservation: GiftCardReservation | undefined;
  private busy: Source | undefined;
  /** Every number tried in a row was taken. */
  private exhausted = false;
  /** The typed number is already on another card. */
  private taken = false;
  private notice: Notice | undefined;
  private typed = '';
  /** Staff asked to reserve the typed number: a missing or short number is now an error, not work in progress. */
  private submitted = false;
  private formDisabled = false;
  /** The number being reserved, or the one to retry after a failure. */
  #attemptInHand: Attempt | undefined;
  #refocus = false;

  readonly #internals = this.attachInternals();
  readonly #reserving = new AdapterCall(this);

  protected override adapterChanged(adapter: DeskguardAdapter | undefined): void {
    if (!adapter) this.busy = undefined;
  }

  /** The reserved number, digits only, or `''`. Setting it shows a number reserved elsewhere. */
  get value(): string {
    return this.number;
  }

  set value(value: string) {
    this.number = String(value ?? '').replace(/\D/g, '');
    this.reservation = undefined;
  }

  /** The reservation behind the value, when it was made here. */
  get currentReservation(): GiftCardReservation | undefined {
    return this.reservation;
  }

  /** The form the element belongs to, as for a native input. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** Why the value is invalid (`valueMissing` while `required` and nothing is reserved). */
  get validity(): ValidityState {
    return this.#internals.validity;
  }

  /** The message the browser shows for an invalid value. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /** Whether the form validates the element (not while disabled). */
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  /** Whether the value is valid; fires `invalid` when not, as a native input does. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the browser's message when invalid. */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Generates and reserves a new number, as the "Generate" button does. */
  generate(): Promise<void> {
    return this.#reserve(this.#attempt('generated'));
  }

  /** The form was reset: the number, the typed text and any error are cleared. */
  formResetCallback(): void {
    this.#reserving.abort();
    this.#reserving.clear();
    this.#clearTyped();
    this.number = '';
    this.reservation = this.busy = this.notice = undefined;
    this.exhausted = this.taken = false;
  }

  /** The browser restores the number after a navigation back or a restart. */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state === 'string') this.value = state;
  }

  /** A fieldset around the element was disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** The number format in force, or undefined when the attributes ask for one this kit cannot issue. */
  get format(): GiftCardFormat | undefined {
    const preset = (GIFT_CARD_PRESETS as Record<string, GiftCardFormat>)[this.preset] ?? GIFT_CARD_PRESETS.standard;
    const format = { length: this.length ?? preset.length, checkDigit: this.checkDigit || preset.checkDigit };
    try {
      checkGiftCardFormat(format);
      return format;
    } catch {
      return undefined;
    }
  }

  get #inactive(): boolean {
    return this.disabled || this.formDisabled || !this.format;
  }

  #attempt(source: Source, number?: string, tries = 0): Attempt {
    return { number: number ?? generateGiftCardNumber(this.format), key: crypto.randomUUID(), source, tries };
  }

  async #reserve(first: Attempt): Promise<void> {
    if (!this.currentAdapter || this.busy || this.#inactive) return;
    this.busy = first.source;
    this.notice = 'reserving';
    this.exhausted = this.taken = false;
    this.#attemptInHand = first;
    const result = await this.#reserving.run((adapter, signal) => this.#reserveFree(adapter, signal));
    if (!result) return;
    this.busy = undefined;
    const attempt = this.#attemptInHand;
    this.notice = undefined;
    if (result.ok) {
      this.#attemptInHand = undefined;
      if (result.value) this.#accept(result.value, attempt.source);
      else this.exhausted = true;
      return;
    }
    // A typed number someone else holds is the card's own: it says so beside the field, not as a fault.
    if (result.error.kind !== 'conflict') return;
    this.taken = true;
    this.#reserving.clear();
  }

  /**
   * Reserves the number in hand. Someone else holds it: a generated one is replaced by a
   * new random number, up to the limit (then `undefined`); a typed one is a conflict.
   */
  async #reserveFree(adapter: DeskguardAdapter, signal: AbortSignal): Promise<GiftCardReservation | undefined> {
    for (;;) {
      const attempt = this.#attemptInHand!;
      try {
        const reservation = await adapter.reserveGiftCardId(
          { number: attempt.number },
          { idempotencyKey: attempt.key, signal },
        );
        // A number other than the one asked for is the backend's fault: nothing of it is shown or submitted.
        if (reservation.number !== attempt.number) {
          throw new AdapterError('malformed', {
            message: 'The server reserved a different number from the one it was asked to reserve',
          });
        }
        return reservation;
      } catch (error) {
        if (!(error instanceof AdapterError) || error.kind !== 'conflict' || attempt.source === 'entered') throw error;
        if (attempt.tries + 1 >= GIFT_CARD_MAX_TRIES) return undefined;
        this.#attemptInHand = this.#attempt('generated', undefined, attempt.tries + 1);
      }
    }
  }

  #accept(reservation: GiftCardReservation, source: Source): void {
    this.reservation = reservation;
    this.number = reservation.number;
    this.notice = 'reserved';
    if (source === 'entered') this.#clearTyped();
    emit(this, new GiftCardReservedEvent({ number: reservation.number, source, reservation }));
    emit(this, new Event('change', { bubbles: true }));
  }

  /** Empties the field; the DOM too, since it may hold text the last render has not seen. */
  #clearTyped(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#typed');
    if (input) input.value = '';
    this.typed = '';
    this.submitted = false;
  }

  #onReserveTyped(): void {
    const format = this.format;
    if (!format || this.busy || this.#inactive) return;
    this.submitted = true;
    const { digits, problem } = checkGiftCardNumber(this.typed, format);
    if (problem) {
      this.renderRoot.querySelector<HTMLInputElement>('#typed')?.focus();
      return;
    }
    void this.#reserve(this.#attempt('entered', digits));
  }

  #onTyped(event: Event): void {
    this.typed = (event.target as HTMLInputElement).value;
    this.submitted = this.taken = false;
  }

  #onTypedKey(event: KeyboardEvent): void {
    // Scanners end a number with Enter; inside a host's form it must not submit the form.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.#onReserveTyped();
  }

  async #onCopy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.number);
      this.notice = 'copied';
    } catch {
      this.notice = 'copy-failed';
      // Selected, the number is one keystroke away from a manual copy.
      const digits = this.renderRoot.querySelector('#digits');
      if (digits) getSelection()?.selectAllChildren(digits);
    }
  }

  #onUse(): void {
    this.notice = 'used';
    emit(this, new GiftCardUseEvent({ number: this.number, reservation: this.reservation }));
  }

  /** Takes a way forward from an error region; focus then goes back to the Generate button. */
  #wayForward(action: () => void): void {
    this.#reserving.clear();
    this.exhausted = this.taken = false;
    this.#refocus = true;
    action();
  }

  protected override updated(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#typed') ?? undefined;
    const generate = this.renderRoot.querySelector<HTMLButtonElement>('#generate') ?? undefined;
    this.#internals.setFormValue(this.number);
    for (const [name, on] of [
      ['busy', !!this.busy],
      ['reserved', !!this.number],
    ] as const) {
      if (on) this.#internals.states.add(name);
      else this.#internals.states.delete(name);
    }
    if (this.typed.trim()) {
      this.#internals.setValidity(
        { badInput: true },
        msg('Reserve the typed gift card number, or clear the field.'),
        input,
      );
    } else if (this.required && !this.number) {
      this.#internals.setValidity(
        { valueMissing: true },
        msg('Generate a gift card number, or enter the number of a pre-printed card.'),
        generate,
      );
    } else this.#internals.setValidity({});
    if (this.#refocus && !this.busy && generate) {
      this.#refocus = false;
      generate.focus();
    }
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg('Gift card number'),
        description: msg(
          'A random number for a new gift card, reserved so that no other till issues it. Write it on the card, or copy it for printing.',
        ),
        busy: !!this.busy,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    const format = this.format;
    if (!format) {
      return html`<p part="notice" class="notice">
        ${msg(str`This element is set up for ${String(this.length)} digits, but a gift card number has 8 to 19.`)}
      </p>`;
    }
    const groups = groupDigits(this.number);
    const off = this.disabled || this.formDisabled;
    return html`
      ${
        this.number
          ? html`<p part="number" class="number">
              <span id="digits" dir="ltr" aria-hidden="true">${groups.map((g) => html`<span>${g}</span>`)}</span>
              <span class="visually-hidden">${groups.map((g) => g.split('').join(' ')).join(', ')}</span>
            </p>`
          : html`<p class="muted">${msg('No number yet.')}</p>`
      }
      <p part="status" role="status">${this.#renderNotice()}</p>
      <div class="actions">
        <button
          id="generate"
          part="button"
          type="button"
          class=${this.number ? '' : 'primary'}
          ?disabled=${off}
          aria-disabled=${!!this.busy}
          @click=${this.generate}
        >
          ${this.number ? msg('Generate another number') : msg('Generate random number')}
        </button>
        ${
          this.number
            ? html`<button part="button" type="button" ?disabled=${off} @click=${this.#onCopy}>
                  ${msg('Copy number')}
                </button>
                <button part="button" type="button" class="primary" ?disabled=${off} @click=${this.#onUse}>
                  ${msg('Use this number')}
                </button>`
            : nothing
        }
      </div>
      ${this.#renderError()} ${this.#renderEntry(format, off)}
    `;
  }

  #renderNotice(): string {
    switch (this.notice) {
      case 'reserving':
        return msg('Reserving a number…');
      case 'reserved':
        return msg('Reserved: no other till will issue this number.');
      case 'copied':
        return msg('Copied to the clipboard.');
      case 'copy-failed':
        return msg('Could not copy: the browser blocked the clipboard. The number is selected; copy it by hand.');
      case 'used':
        return msg('This number is now in use.');
      default:
        return '';
    }
  }

  #renderError(): TemplateResult | typeof nothing {
    const failure = this.#reserving.error;
    if (failure) {
      const retry = this.#attemptInHand;
      return faultRegion(failure, {
        lead: retry?.source === 'entered' ? msg('The card number was not reserved.') : msg('No number was reserved.'),
        activity: 'saving',
        retry: () => this.#wayForward(() => retry && void this.#reserve(retry)),
        reload: () => this.#wayForward(() => undefined),
      });
    }
    return this.exhausted
      ? this.#ownError(
          msg('No free number found.'),
          msg(
            str`${localCount(this, GIFT_CARD_MAX_TRIES)} numbers in a row were already taken, which should almost never happen. Try again; if it keeps happening, contact support.`,
          ),
          msg('Try again'),
          'retry',
        )
      : nothing;
  }

  /** An error of this element's own (not an adapter fault), with one way forward: a fresh random number. */
  #ownError(lead: string, detail: string, label: string, name: string): TemplateResult {
    const run = () => this.#wayForward(() => void this.generate());
    return errorRegion({ id: name, lead, detail, action: { label, name, run } });
  }

  #renderEntry(format: GiftCardFormat, off: boolean): TemplateResult {
    const { digits, problem } = checkGiftCardNumber(this.typed, format);
    const shown = problem && (this.submitted || (problem !== 'empty' && problem !== 'too-short')) ? problem : undefined;
    const count = digits.length;
    const typed = localCount(this, count);
    const length = localCount(this, format.length);
    const wrongLength = msg(str`A gift card number here has ${length} digits; this has ${typed}.`);
    const error =
      shown &&
      {
        empty: msg('Type or scan the number on the card.'),
        characters: msg('Use digits only. Spaces and dashes are fine.'),
        'too-short': wrongLength,
        'too-long': wrongLength,
        'check-digit': msg('The check digit does not match: a digit may be mistyped, or two digits swapped.'),
        'bank-card': msg(
          'This looks like a bank card number. Never enter customers’ bank cards here, only gift cards.',
        ),
      }[shown];
    return html`<div part="entry" class="entry">
      <label for="typed">${msg('Or enter the number of a pre-printed card')}</label>
      <div class="row">
        <input
          id="typed"
          part="input"
          dir="ltr"
          .value=${this.typed}
          inputmode="numeric"
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="done"
          ?disabled=${off}
          aria-invalid=${!!error || this.taken}
          aria-describedby="typed-hint typed-error${this.taken ? ' taken' : ''}"
          @input=${this.#onTyped}
          @keydown=${this.#onTypedKey}
        />
        <button
          part="button"
          type="button"
          ?disabled=${off}
          aria-disabled=${!!this.busy}
          @click=${this.#onReserveTyped}
        >
          ${msg('Reserve this number')}
        </button>
      </div>
      <p id="typed-hint" class="muted">
        ${format.checkDigit ? msg(str`${length} digits, the last a check digit.`) : msg(str`${length} digits.`)}
        ${count ? msg(str`${typed} typed.`) : msg('Spaces and dashes are ignored.')}
      </p>
      <p id="typed-error" class="field-error" aria-live="polite">${error || nothing}</p>
      ${
        this.taken
          ? this.#ownError(
              msg('This number is already on another gift card.'),
              msg(
                'Check the number on the card. If it is right, the card cannot be issued again: use a random number.',
              ),
              msg('Generate a random number'),
              'taken',
            )
          : nothing
      }
    </div>`;
  }
}

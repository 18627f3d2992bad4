import { html, nothing, type TemplateResult } from 'lit';
import { AdapterCall, type AnswerChecks, allInOrder } from '../../internal/adapter-call.js';
import { Loader } from '../../internal/loader.js';
import type { DeskguardAdapter } from '../../core/adapter.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import type { AdapterError } from '../../core/errors.js';
import { emit, UpgradeRequestEvent } from '../../core/events.js';
import { faultRegion } from '../../internal/fault-region.js';
import { formatWhen, localeOf, msg, str } from '../../internal/localize.js';
import { WriteKey } from '../../internal/write-key.js';
import type { MaskingSettings, Plan, Viewer } from '../../core/types.js';
import { maySetSecurity, planSupportsMasking } from '../../policy/policy.js';
import { MaskingChangeEvent } from './events.js';
import { styles } from './masking-settings.styles.js';
import { maskingSettingsSchema, viewerSchema } from '../../adapters/schemas.js';

export function planName(plan: Plan): string {
  return { lite: msg('Lite'), 'lite-plus': msg('Lite Plus'), standard: msg('Standard'), premium: msg('Premium') }[plan];
}

/**
 * The MioSalon "Masking Customer Contacts" setting: one switch, "Mask customer phone
 * numbers and email addresses for all staff", loaded from and saved through the
 * adapter. Owners and admins change it; everyone else sees it read-only. On the
 * Lite, Lite Plus and Standard plans it is unavailable and says why.
 *
 * @summary The "Mask customer phone numbers and email addresses for all staff" switch.
 * @tag masking-settings
 *
 * @fires {MaskingChangeEvent} masking-change - A change was saved; `detail` has `enabled`, `effective` and `settings`.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans (masking needs Premium).
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What masking does.
 * @csspart switch - The switch (a native checkbox with the switch role).
 * @csspart label - The switch's label.
 * @csspart state - The line saying whether masking is on and applies.
 * @csspart meta - Who last changed the setting and when.
 * @csspart notice - Why the switch is read-only (plan or role).
 * @csspart error - A failed load or save, with its way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-color-surface-subtle - The switch track when off.
 * @cssprop --dg-color-accent - The switch when on; primary buttons.
 * @cssprop --dg-color-on-accent - The switch's thumb when on.
 */
export class MaskingSettingsElement extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    getViewer: viewerSchema,
    getMaskingSettings: maskingSettingsSchema,
    updateMaskingSettings: maskingSettingsSchema,
  };
  static override styles = [...DeskguardElement.styles, styles];
  static override properties = states('viewer', 'settings', 'pending');

  private viewer: Viewer | undefined;
  private settings: MaskingSettings | undefined;
  /** The value being saved, while a save is in flight. */
  private pending: boolean | undefined;
  /** The value the user last asked for, kept for a retry after a failure. */
  #lastAttempt: boolean | undefined;

  readonly #saving = new AdapterCall<MaskingSettings>(this);
  readonly #loading = new Loader(this, {
    starting: () => this.#saving.clear(),
    load: (adapter, _, signal) => allInOrder([adapter.getViewer({ signal }), adapter.getMaskingSettings({ signal })]),
    loaded: ([viewer, settings]) => {
      this.viewer = viewer;
      this.settings = settings;
    },
  });
  readonly #writeKey = new WriteKey();

  /** Loads the viewer and the setting again. */
  async reload(): Promise<void> {
    await this.#loading.reload();
  }

  protected override adapterChanged(adapter: DeskguardAdapter | undefined): void {
    if (!adapter) this.pending = undefined;
  }

  get #readOnly(): boolean {
    return !this.viewer || !this.settings || !maySetSecurity(this.viewer) || !planSupportsMasking(this.settings.plan);
  }

  #onClick(event: Event): void {
    // A read-only switch stays focusable and announced, but does not toggle.
    if (this.#readOnly || this.pending !== undefined) event.preventDefault();
  }

  #onChange(event: Event): void {
    void this.#save((event.target as HTMLInputElement).checked);
  }

  async #save(enabled: boolean): Promise<void> {
    const current = this.settings;
    if (!this.currentAdapter || !current || this.pending !== undefined || this.#readOnly) return;
    this.pending = enabled;
    this.#lastAttempt = enabled;
    const input = { enabled, version: current.version };
    const idempotencyKey = this.#writeKey.for(input);
    const result = await this.#saving.run((adapter, signal) =>
      adapter.updateMaskingSettings(input, { signal, idempotencyKey }),
    );
    if (!result) return;
    this.pending = undefined;
    if (result.ok) {
      this.#writeKey.clear();
      this.settings = result.value;
      this.#lastAttempt = undefined;
      emit(this, new MaskingChangeEvent(result.value));
      return;
    }
    if (result.current) this.settings = result.current;
    // The plan or the viewer's role may have changed: show the true state behind the message.
    if (result.error.kind === 'plan-required' || result.error.kind === 'forbidden')
      void this.#loading.reload({ quiet: true });
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg('Masking customer contacts'),
        description: msg(
          'Hides customer phone numbers and email addresses from staff. Owners and admins always see them, and so do staff you pick in the visibility override list.',
        ),
        busy: this.#loading.pending || this.pending !== undefined,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    if (this.#loading.error) return this.#renderError(this.#loading.error, 'loading');
    if (!this.settings || !this.viewer) {
      return html`<p role="status" part="state" class="muted">${msg('Loading masking settings…')}</p>`;
    }
    const settings = this.settings;
    const checked = this.pending ?? settings.enabled;
    return html`
      <div class="control">
        <input
          id="switch"
          part="switch"
          type="checkbox"
          role="switch"
          .checked=${checked}
          aria-disabled=${this.#readOnly ? 'true' : 'false'}
          aria-describedby="state notice"
          @click=${this.#onClick}
          @change=${this.#onChange}
        />
        <label for="switch" part="label">${msg('Mask customer phone numbers and email addresses for all staff')}</label>
      </div>
      <p id="state" part="state" class="state" role="status">${this.#stateText(settings)}</p>
      <p part="meta" class="muted">${this.#metaText(settings)}</p>
      ${this.#renderNotice(settings)} ${this.#saving.error ? this.#renderError(this.#saving.error, 'saving') : nothing}
    `;
  }

  #stateText(settings: MaskingSettings): string {
    if (this.pending !== undefined) {
      return this.pending ? msg('Saving: turning masking on…') : msg('Saving: turning masking off…');
    }
    if (!planSupportsMasking(settings.plan)) {
      return settings.enabled
        ? msg(str`Not in effect on the ${planName(settings.plan)} plan (saved choice: on).`)
        : msg(str`Not available on the ${planName(settings.plan)} plan.`);
    }
    return settings.enabled
      ? msg('On: staff without visibility see masked contacts.')
      : msg('Off: all staff see customer contacts.');
  }

  #metaText(settings: MaskingSettings): string {
    if (!settings.updatedAt || !settings.updatedBy) {
      return msg('Never changed: this is the plan default.');
    }
    const when = formatWhen(localeOf(this), new Date(settings.updatedAt));
    return msg(str`Last changed by ${settings.updatedBy.name} on ${when}.`);
  }

  #renderNotice(settings: MaskingSettings): TemplateResult | typeof nothing {
    if (!planSupportsMasking(settings.plan)) {
      return html`<div id="notice" part="notice" class="notice">
        <p>
          ${msg(
            str`Masking is available on the Premium plan only. Your business is on the ${planName(settings.plan)} plan, so all staff see customer contacts.`,
          )}
          ${settings.enabled ? msg('Your saved choice is kept and applies again if you return to Premium.') : nothing}
        </p>
        ${
          maySetSecurity(this.viewer!)
            ? html`<button part="button" type="button" @click=${() => emit(this, new UpgradeRequestEvent('premium'))}>
                ${msg('See plans')}
              </button>`
            : nothing
        }
      </div>`;
    }
    if (!maySetSecurity(this.viewer!)) {
      return html`<p id="notice" part="notice" class="notice">
        ${msg('Your permission group does not allow changing security settings. Ask an owner or admin if it needs to change.')}
      </p>`;
    }
    return nothing;
  }

  #renderError(error: AdapterError, activity: 'loading' | 'saving'): TemplateResult {
    const saving = activity === 'saving';
    const lead = !saving
      ? msg('Masking settings could not be loaded.')
      : this.#lastAttempt
        ? msg('Masking was not turned on.')
        : msg('Masking was not turned off.');
    const reload = () => void this.reload();
    if (!saving) return faultRegion(error, { lead, retry: reload });
    const again = this.#lastAttempt;
    return faultRegion(error, {
      lead,
      activity,
      retry: again === undefined ? reload : () => void this.#save(again),
      reload,
      retryLabel: again ? msg('Try turning it on again') : msg('Try turning it off again'),
      more: html`<button part="button" type="button" @click=${() => this.#saving.clear()}>${msg('Dismiss')}</button>`,
    });
  }
}

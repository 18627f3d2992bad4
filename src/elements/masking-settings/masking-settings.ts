import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdapterController, LatestRequest } from '../../core/adapter-controller.js';
import type { DeskguardAdapter } from '../../core/adapter.js';
import { type AdapterError, toAdapterError } from '../../core/errors.js';
import { emit, UpgradeRequestEvent } from '../../core/events.js';
import { card, noAdapterNotice } from '../../core/card.js';
import { faultRegion } from '../../core/fault-region.js';
import { dateTimeFormat, localeOf, msg, str, updateWhenLocaleChanges } from '../../core/localize.js';
import { tokens } from '../../core/styles.js';
import { WriteKey } from '../../core/write-key.js';
import type { MaskingSettings, Plan, Viewer } from '../../core/types.js';
import { canChangeSecuritySettings, planSupportsMasking } from '../../policy/policy.js';
import { MaskingChangeEvent } from './events.js';
import { styles } from './masking-settings.styles.js';

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
 * @cssprop --dg-color-scheme - `light dark` (default: follow the user), `light` or `dark`.
 * @cssprop --dg-color-text - Text colour.
 * @cssprop --dg-color-text-muted - Secondary text colour.
 * @cssprop --dg-color-surface - Background.
 * @cssprop --dg-color-surface-subtle - The switch track when off.
 * @cssprop --dg-color-border - Borders and the switch outline.
 * @cssprop --dg-color-accent - The switch when on; primary buttons.
 * @cssprop --dg-color-on-accent - Text and thumb on the accent colour.
 * @cssprop --dg-color-danger - Error text and marker.
 * @cssprop --dg-color-danger-surface - Error background.
 * @cssprop --dg-color-notice-surface - Notice background.
 * @cssprop --dg-color-focus - Focus ring colour.
 * @cssprop --dg-radius - Corner radius.
 * @cssprop --dg-space-1 - Smallest space (4px); `--dg-space-2` to `--dg-space-4` go up to 16px.
 * @cssprop --dg-font-family - Font (inherits the page's by default).
 */
export class MaskingSettingsElement extends LitElement {
  static override styles = [tokens, styles];

  /** The data adapter; wins over one provided by a `<deskguard-provider>`. */
  @property({ attribute: false }) adapter: DeskguardAdapter | undefined;

  /** The level of the element's heading (1–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private viewer: Viewer | undefined;
  @state() private settings: MaskingSettings | undefined;
  @state() private loadError: AdapterError | undefined;
  @state() private loading = false;
  /** The value being saved, while a save is in flight. */
  @state() private pending: boolean | undefined;
  @state() private saveError: AdapterError | undefined;
  /** The value the user last asked for, kept for a retry after a failure. */
  private lastAttempt: boolean | undefined;

  private readonly adapters = new AdapterController(this, (adapter) => this.adapterChanged(adapter));
  private readonly reads = new LatestRequest();
  private readonly writes = new LatestRequest();
  private readonly writeKey = new WriteKey();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Loads the viewer and the setting again. */
  async reload(): Promise<void> {
    await this.load();
  }

  private adapterChanged(adapter: DeskguardAdapter | undefined): void {
    if (!adapter) {
      this.reads.abort();
      this.writes.abort();
      this.pending = undefined;
      return;
    }
    void this.load();
  }

  private async load({ quiet = false } = {}): Promise<void> {
    const adapter = this.adapters.adapter;
    if (!adapter) return;
    const signal = this.reads.next();
    if (!quiet) {
      this.loading = true;
      this.loadError = undefined;
      this.saveError = undefined;
    }
    try {
      const [viewer, settings] = await Promise.all([
        adapter.getViewer({ signal }),
        adapter.getMaskingSettings({ signal }),
      ]);
      if (signal.aborted) return;
      this.viewer = viewer;
      this.settings = settings;
      this.loadError = undefined;
    } catch (error) {
      const failure = toAdapterError(error);
      if (signal.aborted || failure.kind === 'aborted') return;
      if (!quiet) this.loadError = failure;
    } finally {
      if (!signal.aborted) this.loading = false;
    }
  }

  private get readOnly(): boolean {
    return (
      !this.viewer ||
      !this.settings ||
      !canChangeSecuritySettings(this.viewer.role) ||
      !planSupportsMasking(this.settings.plan)
    );
  }

  private onClick(event: Event): void {
    // A read-only switch stays focusable and announced, but does not toggle.
    if (this.readOnly || this.pending !== undefined) event.preventDefault();
  }

  private onChange(event: Event): void {
    void this.save((event.target as HTMLInputElement).checked);
  }

  private async save(enabled: boolean): Promise<void> {
    const adapter = this.adapters.adapter;
    const current = this.settings;
    if (!adapter || !current || this.pending !== undefined || this.readOnly) return;
    this.pending = enabled;
    this.lastAttempt = enabled;
    this.saveError = undefined;
    const signal = this.writes.next();
    try {
      const input = { enabled, version: current.version };
      const saved = await adapter.updateMaskingSettings(input, { signal, idempotencyKey: this.writeKey.for(input) });
      if (signal.aborted) return;
      this.writeKey.clear();
      this.settings = saved;
      this.lastAttempt = undefined;
      emit(this, new MaskingChangeEvent(saved));
    } catch (error) {
      const failure = toAdapterError(error);
      if (signal.aborted || failure.kind === 'aborted') return;
      this.saveError = failure;
      if (failure.kind === 'conflict' && failure.current) this.settings = failure.current as MaskingSettings;
      // The plan or the viewer's role may have changed: show the true state behind the message.
      if (failure.kind === 'plan-required' || failure.kind === 'forbidden') void this.load({ quiet: true });
    } finally {
      if (!signal.aborted) this.pending = undefined;
    }
  }

  protected override render(): TemplateResult {
    return card({
      title: msg('Masking customer contacts'),
      headingLevel: this.headingLevel,
      description: msg(
        'Hides customer phone numbers and email addresses from staff. Owners and admins always see them, and so do staff you pick in the visibility override list.',
      ),
      busy: this.loading || this.pending !== undefined,
      body: this.renderBody(),
    });
  }

  private renderBody(): TemplateResult {
    if (!this.adapters.adapter) return noAdapterNotice();
    if (this.loadError) return this.renderError(this.loadError, 'loading');
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
          aria-disabled=${this.readOnly ? 'true' : 'false'}
          aria-describedby="state notice"
          @click=${this.onClick}
          @change=${this.onChange}
        />
        <label for="switch" part="label">${msg('Mask customer phone numbers and email addresses for all staff')}</label>
      </div>
      <p id="state" part="state" class="state" role="status">${this.stateText(settings)}</p>
      <p part="meta" class="muted">${this.metaText(settings)}</p>
      ${this.renderNotice(settings)} ${this.saveError ? this.renderError(this.saveError, 'saving') : nothing}
    `;
  }

  private stateText(settings: MaskingSettings): string {
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

  private metaText(settings: MaskingSettings): string {
    if (!settings.updatedAt || !settings.updatedBy) {
      return msg('Never changed: this is the plan default.');
    }
    const when = dateTimeFormat(localeOf(this)).format(new Date(settings.updatedAt));
    return msg(str`Last changed by ${settings.updatedBy.name} on ${when}.`);
  }

  private renderNotice(settings: MaskingSettings): TemplateResult | typeof nothing {
    if (!planSupportsMasking(settings.plan)) {
      return html`<div id="notice" part="notice" class="notice">
        <p>
          ${msg(
            str`Masking is available on the Premium plan only. Your business is on the ${planName(settings.plan)} plan, so all staff see customer contacts.`,
          )}
          ${settings.enabled ? msg('Your saved choice is kept and applies again if you return to Premium.') : nothing}
        </p>
        ${
          canChangeSecuritySettings(this.viewer!.role)
            ? html`<button part="button" type="button" @click=${() => emit(this, new UpgradeRequestEvent('premium'))}>
                ${msg('See plans')}
              </button>`
            : nothing
        }
      </div>`;
    }
    if (!canChangeSecuritySettings(this.viewer!.role)) {
      return html`<p id="notice" part="notice" class="notice">
        ${msg('Only owners and admins can change this setting. Ask one of them if it needs to change.')}
      </p>`;
    }
    return nothing;
  }

  private renderError(error: AdapterError, activity: 'loading' | 'saving'): TemplateResult {
    const saving = activity === 'saving';
    const lead = !saving
      ? msg('Masking settings could not be loaded.')
      : this.lastAttempt
        ? msg('Masking was not turned on.')
        : msg('Masking was not turned off.');
    return faultRegion(
      error,
      activity,
      lead,
      {
        retry: () => (saving && this.lastAttempt !== undefined ? void this.save(this.lastAttempt) : void this.load()),
        reload: () => void this.load(),
      },
      saving
        ? html`<button part="button" type="button" @click=${() => (this.saveError = undefined)}>
            ${msg('Dismiss')}
          </button>`
        : nothing,
      saving ? (this.lastAttempt ? msg('Try turning it on again') : msg('Try turning it off again')) : undefined,
    );
  }
}

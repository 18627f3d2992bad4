import { html, nothing, type TemplateResult } from 'lit';
import { AdapterCall, type AnswerChecks } from '../../internal/adapter-call.js';
import { Loader } from '../../internal/loader.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import { emit } from '../../core/events.js';
import { faultRegion } from '../../internal/fault-region.js';
import { formatWhen, localeOf, msg, str, textOf, type Message } from '../../internal/localize.js';
import { WriteKey } from '../../internal/write-key.js';
import type { LoginSecurity, LoginSecuritySettings } from '../../core/types.js';
import { checkLoginSecuritySettings } from '../../policy/passwords.js';
import { LoginSecurityChangeEvent } from './events.js';
import { formStyles } from '../../internal/form-styles.js';
import { styles } from './login-security-settings.styles.js';
import { loginSecuritySchema } from '../../adapters/schemas.js';

type Field = keyof LoginSecuritySettings;

/**
 * MINDBODY's login security for the business: how long passwords must be (at least 8,
 * and at least 64 allowed), whether they mix letters and numbers, whether common and
 * breached passwords are refused, how many earlier ones may not come back, when a login
 * locks and for how long, when an idle desk is signed out, and which permission groups
 * must sign in with an authenticator app too. Each setting says what it protects
 * against; anything weaker than the seed's rules is refused with the reason, before
 * saving and by the backend. Read-only, with the reason, for staff without "Change
 * security settings".
 *
 * @summary The login rules every staff login follows.
 * @tag login-security-settings
 *
 * @fires {LoginSecurityChangeEvent} login-security-change - The rules were saved; `detail.rules` as saved.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the element is for.
 * @csspart form - The settings.
 * @csspart setting - One setting, with what it protects against.
 * @csspart notice - Why the rules are read-only, or what happened meanwhile.
 * @csspart meta - Who last changed the rules and when.
 * @csspart error - A failed load or save, with its way forward.
 * @csspart button - Every button.
 */
export class LoginSecuritySettingsElement extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    getLoginSecurity: loginSecuritySchema,
    updateLoginSecurity: loginSecuritySchema,
  };
  static override styles = [...DeskguardElement.styles, formStyles, styles];
  static override properties = states('data', 'draft', 'notice');

  private data: LoginSecurity | undefined;
  /** The settings as edited; `undefined` while nothing is. */
  private draft: LoginSecuritySettings | undefined;
  private notice: Message | undefined;

  readonly #saving = new AdapterCall<LoginSecurity>(this);
  readonly #loading = new Loader(this, {
    starting: () => this.#saving.clear(),
    load: (adapter, _, signal) => adapter.getLoginSecurity({ signal }),
    loaded: (rules) => {
      this.data = rules;
    },
  });
  readonly #writeKey = new WriteKey();

  /** Loads the rules again; unsaved changes are kept. */
  async reload(): Promise<void> {
    await this.#loading.reload();
  }

  get #settings(): LoginSecuritySettings | undefined {
    return this.draft ?? this.data?.settings;
  }

  #set(change: Partial<LoginSecuritySettings>): void {
    this.draft = { ...this.#settings!, ...change };
    this.notice = undefined;
    this.#saving.clear();
  }

  async #save(): Promise<void> {
    const data = this.data;
    const settings = this.draft;
    if (!data || !settings || Object.keys(checkLoginSecuritySettings(settings)).length) return;
    const input = { settings, version: data.version };
    const idempotencyKey = this.#writeKey.for(input);
    const result = await this.#saving.run((adapter, signal) =>
      adapter.updateLoginSecurity(input, { signal, idempotencyKey }),
    );
    if (!result) return;
    if (result.ok) {
      this.#writeKey.clear();
      this.data = result.value;
      this.draft = undefined;
      this.notice = () => msg('Saved.');
      emit(this, new LoginSecurityChangeEvent({ rules: result.value }));
    } else if (result.current) {
      // Their rules, with the settings this admin changed made again on top, for saving again.
      const mine = Object.entries(settings).filter(
        ([field, value]) => JSON.stringify(value) !== JSON.stringify(data.settings[field as Field]),
      );
      this.#saving.clear();
      this.data = result.current;
      this.draft = { ...result.current.settings, ...Object.fromEntries(mine) };
      this.notice = () =>
        msg('Someone else changed the rules while you worked. Your changes are kept: check them, then save again.');
    }
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg('Login security'),
        description: msg(
          'Sets the rules every staff login follows: passwords, lockout, sign-out and two-factor sign-in.',
        ),
        busy: this.#loading.pending || this.#saving.pending,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    const load = () => void this.reload();
    if (this.#loading.error)
      return faultRegion(this.#loading.error, { lead: msg('The login rules could not be loaded.'), retry: load });
    const data = this.data;
    const s = this.#settings;
    if (!data || !s) return html`<p role="status" class="muted">${msg('Loading the login rules…')}</p>`;
    const readOnly = !data.canChange || this.#saving.pending;
    const problems = checkLoginSecuritySettings(s);
    /** Why a setting is refused, in the viewer's language. */
    const why: Partial<Record<Field, string>> = {
      minLength: msg('Passwords need at least 8 characters.'),
      maxLength: msg('Allow at least 64 characters, and no fewer than the minimum, so passphrases fit.'),
      lettersAndNumbers: msg('MINDBODY’s rule: passwords mix letters and numbers. It cannot be turned off.'),
      blockCommon: msg('Common and breached passwords are always refused. It cannot be turned off.'),
    };
    const input = (field: Field, min: number, max: number, off = false) =>
      html`<input
        id=${field}
        type="number"
        inputmode="numeric"
        min=${min}
        max=${max}
        .value=${String(s[field] ?? '')}
        ?disabled=${readOnly || off}
        aria-invalid=${!!problems[field]}
        aria-describedby=${`${field}-why`}
        @change=${(e: Event) => this.#set({ [field]: (e.target as HTMLInputElement).valueAsNumber })}
      />`;
    const number = (field: Field, label: string, protects: string, min: number, max: number) =>
      this.#setting(field, problems, why, protects, label, input(field, min, max));
    const check = (field: Field, label: string, protects: string) =>
      this.#setting(
        field,
        problems,
        why,
        protects,
        label,
        html`<input
          id=${field}
          type="checkbox"
          .checked=${!!s[field]}
          ?disabled=${readOnly}
          aria-invalid=${!!problems[field]}
          aria-describedby=${`${field}-why`}
          @change=${(e: Event) => this.#set({ [field]: (e.target as HTMLInputElement).checked })}
        />`,
        true,
      );
    const when =
      data.updatedAt && data.updatedBy
        ? msg(str`Last changed by ${data.updatedBy.name} on ${formatWhen(localeOf(this), new Date(data.updatedAt))}.`)
        : msg('Never changed: these are the standard rules.');
    return html`
      ${
        data.canChange
          ? nothing
          : html`<p part="notice" class="notice">
              ${msg('Your permission group does not allow changing security settings. Ask an owner or admin if it needs to change.')}
            </p>`
      }
      <div part="form" class="form">
        <fieldset>
          <legend>${msg('Passwords')}</legend>
          ${number('minLength', msg('Fewest characters'), msg('Short passwords are guessed sooner.'), 8, 128)}
          ${number('maxLength', msg('Most characters allowed'), msg('Long passphrases are easy to remember and hard to guess.'), 64, 1024)}
          ${check('lettersAndNumbers', msg('Mix letters and numbers'), msg('Rules out passwords made of one kind of character.'))}
          ${check('blockCommon', msg('Refuse common and breached passwords'), msg('The passwords attackers try first.'))}
          ${number('rememberLast', msg('Earlier passwords that may not come back'), msg('Stops someone returning to a password that leaked.'), 0, 24)}
        </fieldset>
        <fieldset>
          <legend>${msg('Sign-in')}</legend>
          ${number('lockoutAttempts', msg('Failed sign-ins that lock a login'), msg('Stops guessing one password after another.'), 3, 10)}
          ${number('lockoutMinutes', msg('Minutes a login stays locked'), msg('Long enough to make guessing slow; it unlocks by itself.'), 5, 1440)}
          ${this.#setting(
            'idleSignOutMinutes',
            problems,
            why,
            msg('Protects a desk left signed in. Staff are warned a minute before.'),
            msg('Sign out after minutes without activity'),
            html`<span class="row">
              ${input('idleSignOutMinutes', 5, 720, s.idleSignOutMinutes === null)}
              <label class="row">
                <input
                  type="checkbox"
                  .checked=${s.idleSignOutMinutes === null}
                  ?disabled=${readOnly}
                  @change=${(e: Event) => this.#set({ idleSignOutMinutes: (e.target as HTMLInputElement).checked ? null : 30 })}
                />
                ${msg('Never')}
              </label>
            </span>`,
          )}
        </fieldset>
        <fieldset aria-describedby="twoFactor-why">
          <legend>${msg('Two-factor sign-in required for')}</legend>
          <p id="twoFactor-why" class="muted">
            ${msg('A stolen password alone is not enough: members of these groups also enter a code from an authenticator app.')}
          </p>
          ${data.groups.map(
            (g) =>
              html`<label part="setting" class="row">
                <input
                  type="checkbox"
                  .checked=${s.twoFactorGroups.includes(g.id)}
                  ?disabled=${readOnly}
                  @change=${(e: Event) =>
                    this.#set({
                      twoFactorGroups: (e.target as HTMLInputElement).checked
                        ? [...s.twoFactorGroups, g.id]
                        : s.twoFactorGroups.filter((id) => id !== g.id),
                    })}
                />
                <span dir="auto">${g.name}</span>
              </label>`,
          )}
        </fieldset>
      </div>
      <p part="meta" class="muted">${when}</p>
      ${this.notice ? html`<p part="notice" class="notice" role="status">${textOf(this.notice)}</p>` : nothing}
      ${
        this.#saving.error
          ? faultRegion(this.#saving.error, {
              lead: msg('The rules were not saved.'),
              activity: 'saving',
              retry: () => void this.#save(),
              reload: load,
            })
          : nothing
      }
      ${
        this.draft && !readOnly
          ? html`<div class="actions">
              <button
                part="button"
                type="button"
                class="primary"
                ?disabled=${Object.keys(problems).length > 0}
                @click=${() => void this.#save()}
              >
                ${msg('Save rules')}
              </button>
              <button part="button" type="button" @click=${() => this.#discard()}>${msg('Discard changes')}</button>
            </div>`
          : this.#saving.pending
            ? html`<p role="status" class="muted">${msg('Saving…')}</p>`
            : nothing
      }
    `;
  }

  #setting(
    field: Field,
    problems: Partial<Record<Field, string>>,
    why: Partial<Record<Field, string>>,
    protects: string,
    label: string,
    control: TemplateResult,
    inline = false,
  ): TemplateResult {
    const problem = problems[field] && (why[field] ?? msg('Choose a value in the range shown.'));
    return html`<div part="setting" class=${inline ? 'setting inline' : 'setting'}>
      <label for=${field}>${label}</label>
      ${control}
      <p id=${`${field}-why`} class=${problem ? 'field-error' : 'muted'}>${problem || protects}</p>
    </div>`;
  }

  /** Drops the unsaved rules: the business's rules as the backend last answered them. */
  #discard(): void {
    this.draft = undefined;
    this.#saving.clear();
  }
}

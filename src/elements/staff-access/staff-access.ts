import { html, nothing, type TemplateResult } from 'lit';
import { AdapterCall, type AnswerChecks, allInOrder } from '../../internal/adapter-call.js';
import { Loader } from '../../internal/loader.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import { factsStyles } from '../../internal/facts-styles.js';
import { emit } from '../../core/events.js';
import { faultRegion, refusalRegion } from '../../internal/fault-region.js';
import { count, formatWhen, localeOf, msg, str } from '../../internal/localize.js';
import { WriteKey } from '../../internal/write-key.js';
import { foldForSearch } from '../../policy/fold.js';
import type {
  LoginSecuritySettings,
  PermissionGroupInfo,
  StaffAccess,
  StaffAccessAction,
  StaffAccessChange,
} from '../../core/types.js';
import { checkPassword, DEFAULT_LOGIN_SECURITY, type PasswordProblem } from '../../policy/passwords.js';
import { StaffAccessChangeEvent } from './events.js';
import { styles } from './staff-access.styles.js';
import { loginSecuritySchema, permissionGroupsSchema, staffAccessSchema } from '../../adapters/schemas.js';

/** What staff type while they choose: kept whatever the backend answers. */
interface Draft {
  groupId: string;
  username: string;
  password: string;
  confirmName: string;
}

const EMPTY: Draft = { groupId: '', username: '', password: '', confirmName: '' };

/**
 * MINDBODY's login security for one staff member: their login (active, locked until
 * when, or none), username, permission group, locations, last sign-in and two-factor
 * state, and what can be done about them. What takes something away asks first;
 * deactivating lists everything that will happen and asks for the person's name: the
 * login is deleted, the group removed, every location unassigned, the place on the
 * contact-visibility override list lost, the contact details kept. Reactivating asks for
 * new login details and gives nothing else back. A login the backend finds shared with
 * other staff is flagged with what to do; the owner's generic "owner" login is offered
 * a name of its own.
 *
 * @summary One staff member's access, from unlocking a login to deactivating a former employee.
 * @tag staff-access
 *
 * @fires {StaffAccessChangeEvent} staff-access-change - The access changed; `detail` has the `action` and the `access` as saved.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the element shows.
 * @csspart person - Whose access it is: their name and the login's status.
 * @csspart status - The login's status, a badge: active, locked, or none.
 * @csspart facts - Username, group, locations, last sign-in, two-factor, contacts.
 * @csspart notice - A shared login, the owner's generic login, what an action did, or why the viewer may not see it.
 * @csspart confirm - What an action will do, before it does it.
 * @csspart error - A failed load or change, with its way forward.
 * @csspart button - Every button.
 */
export class StaffAccessElement extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    getStaffAccess: staffAccessSchema,
    changeStaffAccess: staffAccessSchema,
    getLoginSecurity: loginSecuritySchema,
    getPermissionGroups: permissionGroupsSchema,
  };
  static override styles = [...DeskguardElement.styles, factsStyles, styles];
  /** The groups' names, the login rules and the override list it shows, changed elsewhere on the page; or the same person's access. */
  static override refreshOn: readonly string[] = [
    'permission-groups-change',
    'login-security-change',
    'overrides-saved',
    'staff-access-change',
  ];
  static override properties = {
    staffId: { attribute: 'staff-id' },
    ...states('access', 'groups', 'confirming', 'draft', 'done'),
  };

  /** The staff member whose access is shown. */
  staffId = '';

  private access: StaffAccess | undefined;
  private groups: PermissionGroupInfo[] = [];
  /** The action waiting for a confirmation. */
  private confirming: StaffAccessAction | undefined;
  private draft: Draft = EMPTY;
  /** What the last change did, said once. */
  private done = '';
  readonly #saving = new AdapterCall<StaffAccess>(this);
  readonly #loading = new Loader(this, {
    args: () => [this.staffId] as const,
    ready: ([id]) => !!id,
    starting: () => this.#saving.clear(),
    load: (adapter, [id], signal) =>
      allInOrder([
        adapter.getStaffAccess(id!, { signal }),
        adapter.getPermissionGroups({ signal }),
        adapter.getLoginSecurity({ signal }),
      ]),
    loaded: ([access, groups, rules]) => {
      this.groups = groups.groups;
      this.#rules = rules.settings;
      // The same person again (a reload after a refusal): what staff typed stays.
      this.#show(access, this.access?.staff.id === access.staff.id);
    },
  });
  readonly #writeKey = new WriteKey();
  /** The last change asked for: the one a failed change's "Try again" sends again. */
  #asked: StaffAccessAction | undefined;
  /** The business's login rules, for live feedback on a new password (the backend has the final word). */
  #rules: LoginSecuritySettings = DEFAULT_LOGIN_SECURITY;

  /** Loads the access again. */
  async reload(): Promise<void> {
    await this.#loading.reload();
  }

  /** Shows `access`; the draft starts again unless `keep` (then only a group no longer offered goes). */
  #show(access: StaffAccess, keep = false): void {
    this.access = access;
    const groupId = access.group?.id ?? '';
    const typed = this.draft;
    const chosen = this.confirming === 'change-group' && this.groups.some((g) => g.id === typed.groupId);
    this.draft = keep ? { ...typed, groupId: chosen ? typed.groupId : groupId } : { ...EMPTY, groupId };
  }

  #set(change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
  }

  async #act(action: StaffAccessAction): Promise<void> {
    const access = this.access;
    if (!access || this.#saving.pending) return;
    const { groupId, username, password, confirmName } = this.draft;
    const input: StaffAccessChange = { staffId: access.staff.id, version: access.version, action };
    if (action === 'change-group') input.groupId = groupId || null;
    if (action === 'rename-login' || action === 'reactivate') input.username = username;
    if (action === 'reactivate') input.password = password;
    if (action === 'deactivate') input.confirmName = confirmName;
    this.done = '';
    this.#asked = action;
    const result = await this.#saving.run((adapter, signal) =>
      adapter.changeStaffAccess(input, { signal, idempotencyKey: this.#writeKey.for(input) }),
    );
    if (!result) return;
    if (!result.ok) {
      // Someone else changed this access: show theirs, ask again with it in view.
      if (result.current) this.access = result.current;
      return;
    }
    this.#writeKey.clear();
    this.confirming = undefined;
    this.#show(result.value);
    this.done = this.#doneText(action, result.value);
    emit(this, new StaffAccessChangeEvent({ action, access: result.value }));
  }

  #doneText(action: StaffAccessAction, a: StaffAccess): string {
    const name = a.staff.name;
    return {
      unlock: msg(str`${name} can sign in again.`),
      'sign-out-everywhere': msg(str`${name} is signed out on every device.`),
      'reset-two-factor': msg(str`${name} sets up two-factor sign-in again at their next sign-in.`),
      'change-group': msg(str`${name} is in ${a.group?.name ?? msg('no group')} now.`),
      'rename-login': msg(str`The login is called ${a.username ?? ''} now.`),
      deactivate: msg(str`${name} is deactivated. Their contact details are kept.`),
      reactivate: msg(str`${name} can sign in as ${a.username ?? ''}. They have no group yet: choose one.`),
    }[action];
  }

  #when(iso: string | null): string {
    return iso ? formatWhen(localeOf(this), new Date(iso)) : msg('Never');
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg('Staff access'),
        description: msg('One staff member’s login, group and locations, and what to do when they leave.'),
        busy: this.#loading.pending || this.#saving.pending,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    const error = this.#loading.error;
    if (!this.staffId) return html`<p class="muted">${msg('Choose a staff member to see their access.')}</p>`;
    if (error?.kind === 'forbidden')
      return refusalRegion(
        msg(
          'Your permission group does not include managing other staff members’ logins. Ask an owner or admin if you need it.',
        ),
        () => void this.reload(),
      );
    if (error)
      return faultRegion(error, {
        lead: msg('The staff member’s access could not be loaded.'),
        retry: () => void this.reload(),
      });
    const a = this.access;
    if (!a) return html`<p role="status" class="muted">${msg('Loading…')}</p>`;
    const name = a.staff.name;
    const status =
      a.status === 'active'
        ? msg('Active: can sign in.')
        : a.status === 'locked'
          ? msg(str`Locked after failed sign-ins, until ${this.#when(a.lockedUntil)}.`)
          : msg('No login: cannot sign in.');
    const owner = a.staff.role === 'owner';
    const saveError = this.#saving.error;
    const fields = saveError?.fieldErrors ?? {};
    return html`
      <p part="person" class="person">
        <span class="name" dir="auto">${name}</span>
        <span part="status" class="status" data-status=${a.status}>${status}</span>
      </p>
      ${
        a.sharedWith.length
          ? html`<div part="notice" class="notice">
              ${msg(
                str`This login is shared with ${a.sharedWith.map((p) => p.name).join(', ')}. The business cannot tell who signed in, talked to clients or made sales: give each of them a login of their own, then change this login's password.`,
              )}
            </div>`
          : nothing
      }
      ${
        owner && a.username?.toLowerCase() === 'owner' && a.canManage
          ? html`<form
              part="notice"
              class="notice"
              @submit=${(e: Event) => {
                e.preventDefault();
                void this.#act('rename-login');
              }}
            >
              <p>
                ${msg('The owner’s login bypasses every permission: give it a name of its own instead of “owner”.')}
              </p>
              ${this.#field('username', msg('New username'), fields)}
              <button part="button" type="submit">${msg('Rename login')}</button>
            </form>`
          : nothing
      }
      <div class="facts">
        <dl part="facts">
          <dt>${msg('Username')}</dt>
          <dd>${a.username ?? '—'}</dd>
          <dt>${msg('Permission group')}</dt>
          <dd>
            ${owner ? msg('None: the owner’s login is not subject to permissions') : (a.group?.name ?? msg('None'))}
          </dd>
          <dt>${msg('Locations')}</dt>
          <dd>${a.locations.map((l) => l.name).join(', ') || msg('None')}</dd>
          ${
            // Without a login there is no last sign-in to tell: their sign-ins while they had one are in the Entry Logs.
            a.status === 'no-login'
              ? nothing
              : html`<dt>${msg('Last sign-in')}</dt>
                  <dd>${this.#when(a.lastSignInAt)}</dd>
                  <dt>${msg('Two-factor sign-in')}</dt>
                  <dd>${a.twoFactor ? msg('Set up') : msg('Not set up')}</dd>`
          }
          <dt>${msg('Clients’ contacts')}</dt>
          <dd>${a.onOverrideList ? msg('Sees them: on the override list') : msg('As their role allows')}</dd>
        </dl>
      </div>
      ${
        owner && !a.canManage
          ? html`<p part="notice" class="notice">${msg('Only the owner changes the owner’s login.')}</p>`
          : nothing
      }
      ${a.canManage && !owner ? this.#renderActions(a, fields) : nothing}
      ${
        saveError
          ? faultRegion(saveError, {
              lead: msg(str`${name}’s access was not changed.`),
              activity: 'saving',
              retry: () => this.#asked && void this.#act(this.#asked),
              reload: () => void this.reload(),
            })
          : nothing
      }
      <p role="status" part="notice" class="muted">${this.done}</p>
    `;
  }

  #field(key: 'username' | 'password' | 'confirmName', label: string, fields: Record<string, string>): TemplateResult {
    const problem = fields[key];
    return html`<label>
        ${label}
        <input
          type=${key === 'password' ? 'password' : 'text'}
          autocomplete=${key === 'password' ? 'new-password' : 'off'}
          .value=${this.draft[key]}
          aria-invalid=${!!problem}
          aria-describedby=${key === 'password' ? 'password-error password-rules' : `${key}-error`}
          @input=${(e: Event) => this.#set({ [key]: (e.target as HTMLInputElement).value })}
        />
      </label>
      <p id="${key}-error" class="field-error">${problem ?? nothing}</p>`;
  }

  #renderActions(a: StaffAccess, fields: Record<string, string>): TemplateResult {
    const button = (action: StaffAccessAction, label: string, danger = false) =>
      html`<button
        part="button"
        type="button"
        class=${danger ? 'leave' : ''}
        aria-expanded=${action === 'unlock' ? nothing : this.confirming === action}
        @click=${() => {
          this.#saving.clear();
          if (action === 'unlock') void this.#act(action);
          else this.confirming = action;
        }}
      >
        ${label}
      </button>`;
    if (a.status === 'no-login')
      return html`<div class="actions">${button('reactivate', msg('Reactivate…'))}</div>
        ${this.#renderConfirm(a, fields)}`;
    return html`
      <div class="actions">
        ${a.status === 'locked' ? button('unlock', msg('Unlock')) : nothing}
        ${button('sign-out-everywhere', msg('Sign out everywhere…'))}
        ${a.twoFactor ? button('reset-two-factor', msg('Reset two-factor…')) : nothing}
        ${button('change-group', msg('Change group…'))} ${button('deactivate', msg('Deactivate…'), true)}
      </div>
      ${this.#renderConfirm(a, fields)}
    `;
  }

  #renderConfirm(a: StaffAccess, fields: Record<string, string>): TemplateResult | typeof nothing {
    const action = this.confirming;
    if (!action) return nothing;
    const name = a.staff.name;
    const group = a.group?.name ?? msg('no group');
    let lead: string;
    let body: TemplateResult | typeof nothing = nothing;
    let go: string;
    let ready = true;
    switch (action) {
      case 'sign-out-everywhere':
        lead = msg(str`Sign ${name} out on every device? They can sign in again with their login.`);
        go = msg('Sign out everywhere');
        break;
      case 'reset-two-factor':
        lead = msg(str`Reset ${name}’s two-factor sign-in? They set it up again at their next sign-in.`);
        go = msg('Reset two-factor');
        break;
      case 'change-group':
        lead = msg(str`Move ${name} out of ${group}? They gain and lose what the two groups differ by.`);
        body = html`<label>
            ${msg('Permission group')}
            <select @change=${(e: Event) => this.#set({ groupId: (e.target as HTMLSelectElement).value })}>
              ${this.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === this.draft.groupId}>${g.name}</option>`)}
              <option value="" ?selected=${!this.draft.groupId}>${msg('None')}</option>
            </select>
          </label>
          <p class="field-error">${fields['changes'] ?? nothing}</p>`;
        go = msg('Change group');
        ready &&= this.draft.groupId !== (a.group?.id ?? '');
        break;
      case 'deactivate':
        lead = msg(str`Deactivate ${name}? This is what happens:`);
        body = html`<ul>
            <li>${msg('Their login is deleted: they can no longer sign in.')}</li>
            <li>${msg(str`They leave their permission group (${group}).`)}</li>
            <li>
              ${msg(str`They are unassigned from every location (${a.locations.map((l) => l.name).join(', ') || msg('None')}).`)}
            </li>
            ${a.onOverrideList ? html`<li>${msg('They leave the list of staff who see clients’ contacts.')}</li>` : nothing}
            <li>${msg('Their contact details are kept, for the Phone Book report.')}</li>
            <li>${msg('Reactivating them later needs new login details and gives none of this back.')}</li>
          </ul>
          ${this.#field('confirmName', msg(str`Type ${name} to confirm`), fields)}`;
        go = msg(str`Deactivate ${name}`);
        // The backend's rule for the typed name: case and accents aside, spaces around it too.
        ready &&= foldForSearch(this.draft.confirmName.trim()) === foldForSearch(name.trim());
        break;
      default:
        lead = msg(
          str`Reactivate ${name} with new login details? Nothing else comes back: choose their group and locations afterwards, and put them on the override list again only if they need it.`,
        );
        {
          const { password, username } = this.draft;
          const rules = this.#rules;
          const problems = password
            ? checkPassword(password, rules, { personal: [name, ...name.split(' '), username] })
            : [];
          const says: Partial<Record<PasswordProblem, string>> = {
            'too-short': msg(str`Use at least ${count(this, rules.minLength)} characters.`),
            'too-long': msg(str`Use at most ${count(this, rules.maxLength)} characters.`),
            'letters-and-numbers': msg('Mix letters and numbers.'),
            personal: msg('Leave out their name and username.'),
          };
          body = html`${this.#field('username', msg('Username'), fields)}
            ${this.#field('password', msg('Password'), fields)}
            <ul id="password-rules" aria-live="polite">
              ${problems.map((p) => html`<li>${says[p] ?? p}</li>`)}
            </ul>`;
          ready = username.trim().length > 2 && !!password && !problems.length;
        }
        go = msg('Reactivate');
    }
    return html`<form
      part="confirm"
      class="confirm"
      aria-label=${lead}
      @submit=${(e: Event) => {
        e.preventDefault();
        if (ready && !this.#saving.pending) void this.#act(action);
      }}
    >
      <p><strong>${lead}</strong></p>
      ${body}
      <div class="actions">
        <button part="button" type="button" @click=${() => (this.confirming = undefined)}>${msg('Cancel')}</button>
        <button
          part="button"
          type="submit"
          class=${action === 'deactivate' ? 'danger' : 'primary'}
          ?disabled=${!ready}
          aria-disabled=${this.#saving.pending}
        >
          ${go}
        </button>
      </div>
    </form>`;
  }
}

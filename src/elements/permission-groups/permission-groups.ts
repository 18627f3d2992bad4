import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { AdapterCall, type AnswerChecks } from '../../internal/adapter-call.js';
import { Loader } from '../../internal/loader.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import { emit } from '../../core/events.js';
import { faultRegion } from '../../internal/fault-region.js';
import { count, msg, plural, str, textOf, type Message } from '../../internal/localize.js';
import { WriteKey } from '../../internal/write-key.js';
import type {
  GroupChange,
  Page,
  PermissionGroupInfo,
  PermissionGroups,
  PermissionInfo,
  StaffMember,
} from '../../core/types.js';
import { PermissionGroupsChangeEvent } from './events.js';
import { formStyles } from '../../internal/form-styles.js';
import { styles } from './permission-groups.styles.js';
import { permissionGroupsSchema, staffPageSchema } from '../../adapters/schemas.js';
import { foldForSearch as fold, groupNameKey } from '../../policy/fold.js';

type Group = PermissionGroupInfo;
/** What a group's permissions grant (`granted`), and for each one granted by others, which (`by`). */
type Grants = { granted: Set<string>; by: Map<string, string[]> };

/** A list as text, in any order, to compare with another. */
const key = (list?: readonly string[] | null) => JSON.stringify(list && [...list].sort());
const addressesOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);
const whose = (p: PermissionInfo) => (p.sensitive === 'client' ? msg('Client data') : msg('Staff data'));

/**
 * MINDBODY's staff permission groups: what each group of staff may do, by section, with
 * the permissions that expose clients' or staff's personal data marked, the ones a
 * granted permission brings with it shown as such, and an optional list of IP addresses
 * the group's members may sign in from. Create, rename, duplicate and delete groups
 * (a group's members move to a group you choose first); every change is reviewed (what
 * is granted, what is taken away, who gains access to what) before it is saved, all or
 * none. Least privilege by default: a new group starts empty, and nobody grants what they
 * do not hold or changes their own group. Read-only, with the reason, for staff who may
 * not administer groups.
 *
 * @summary Staff permission groups: what each group may do, reviewed before it is saved.
 * @tag permission-groups
 *
 * @fires {PermissionGroupsChangeEvent} permission-groups-change - Changes were saved; `detail` has `groups` and `changes`.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the element is for.
 * @csspart groups - The list of groups.
 * @csspart group - A group in the list; the chosen one has `aria-current="true"`.
 * @csspart editor - The chosen group's name, sign-in addresses and permissions.
 * @csspart section - One section of permissions, folded to a line that says how many the group holds; its permissions are drawn when it first opens.
 * @csspart permission - One permission, with its checkbox.
 * @csspart tag - A tag: "Client data", "Staff data", "IP restricted".
 * @csspart notice - Why the groups are read-only, or what happened meanwhile.
 * @csspart review - The changes before they are saved.
 * @csspart error - A failed load or save, with its way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-row-padding - Space above and below each permission (default 4px).
 * @cssprop --dg-color-danger - "Client data" and "Staff data" tags.
 */
export class PermissionGroupsElement extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    getPermissionGroups: permissionGroupsSchema,
    updatePermissionGroups: permissionGroupsSchema,
    listStaff: staffPageSchema,
  };
  static override styles = [...DeskguardElement.styles, formStyles, styles];
  static override properties = states(
    'data',
    'draft',
    'selected',
    'query',
    'reviewing',
    'deleting',
    'notice',
    'members',
    'opened',
  );

  private data: PermissionGroups | undefined;
  /** The groups as edited; `undefined` while nothing is. */
  private draft: Group[] | undefined;
  private selected = '';
  private query = '';
  private reviewing = false;
  /** The group whose deletion is being confirmed. */
  private deleting: string | undefined;
  private notice: Message | undefined;
  /** Where each deleted group's members go. */
  #reassign = new Map<string, string>();
  /** The chosen group's members shown so far. */
  private members: (Page<StaffMember> & { groupId: string }) | undefined;
  /** Staff moved to another group: where to, and their name for the review. */
  #moves = new Map<string, { name: string; to: string }>();
  /** The address lists as typed, by group. */
  #addressText = new Map<string, string>();
  /** The answer's permissions by id, what each grants, and what the viewer holds. */
  #byId = new Map<string, PermissionInfo>();
  #closures = new Map<string, Set<string>>();
  #holds = new Set<string>();
  #grantsOf = new WeakMap<readonly string[], Grants>();
  /** The answer's permissions by section, in the answer's order. */
  #inSection = new Map<string, PermissionInfo[]>();
  /** Each permission's label, description and section, folded for search. */
  #searchTexts = new Map<string, string>();
  /**
   * Counts the updates that may change more than the permission search. A search
   * keystroke changes the query alone: the groups, the group's form, the changes and
   * what each permission's row holds are left as they were, and only which rows show
   * is updated.
   */
  #edition = 0;
  /** The sections staff opened; a search opens every section with a match. */
  private opened = new Set<string>();
  /**
   * The sections whose permissions have been drawn: a section draws them when it first
   * opens and keeps them when it closes, so that a search or a reopening shows and hides
   * rows instead of building them again.
   */
  #drawn = new Set<string>();

  readonly #saving = new AdapterCall<PermissionGroups>(this);
  readonly #loading = new Loader(this, {
    starting: () => this.#saving.clear(),
    load: (adapter, _, signal) => adapter.getPermissionGroups({ signal }),
    loaded: (groups) => this.#take(groups),
  });
  readonly #listing = new AdapterCall(this);
  readonly #writeKey = new WriteKey();

  /** Loads the groups again; unsaved changes are kept. */
  async reload(): Promise<void> {
    await this.#loading.reload();
  }

  /** Shows `groups` as saved, with any unsaved changes made again on top. */
  #take(groups: PermissionGroups): void {
    const changes = this.data ? this.#changes() : [];
    this.#byId = new Map(groups.permissions.map((p) => [p.id, p]));
    this.#inSection = new Map(groups.sections.map((s) => [s.id, []]));
    for (const p of groups.permissions) this.#inSection.get(p.section)?.push(p);
    this.#closures = new Map();
    this.#grantsOf = new WeakMap();
    this.#searchTexts = new Map();
    this.#holds = new Set(groups.viewer.holds);
    this.data = groups;
    this.draft = changes.length ? this.#apply(changes, groups.groups) : undefined;
    if (!this.#groups.some((g) => g.id === this.selected)) this.selected = this.#groups[0]?.id ?? '';
  }

  get #groups(): Group[] {
    return this.draft ?? this.data?.groups ?? [];
  }

  get #readOnly(): boolean {
    return !this.data?.viewer.canAdminister || this.#saving.pending;
  }

  /** What one permission grants, itself and what it implies, once per answer. */
  #closureOf(id: string): Set<string> {
    let all = this.#closures.get(id);
    if (!all) {
      all = new Set([id]);
      this.#closures.set(id, all);
      for (const needed of this.#byId.get(id)?.implies ?? []) for (const x of this.#closureOf(needed)) all.add(x);
    }
    return all;
  }

  /** A permission's label, description and section, folded for search once per load. */
  #searchText(p: PermissionInfo, section: string): string {
    let text = this.#searchTexts.get(p.id);
    if (text === undefined) this.#searchTexts.set(p.id, (text = fold(`${p.label} ${p.description} ${section}`)));
    return text;
  }

  /**
   * What a group's permissions grant, and why each one they bring with them is granted:
   * once per list, not at each search keystroke.
   */
  #grants(ids: readonly string[]): Grants {
    let grants = this.#grantsOf.get(ids);
    if (!grants) {
      const by = new Map<string, string[]>();
      for (const id of ids) for (const x of this.#closureOf(id)) if (x !== id) by.set(x, [...(by.get(x) ?? []), id]);
      this.#grantsOf.set(ids, (grants = { granted: this.#closure(ids), by }));
    }
    return grants;
  }

  /** Everything `ids` grant, what they imply included. */
  #closure(ids: readonly string[]): Set<string> {
    return new Set(ids.flatMap((id) => [...this.#closureOf(id)]));
  }

  #edit(id: string, change: Partial<Group>): void {
    this.draft = this.#groups.map((g) => (g.id === id ? { ...g, ...change } : g));
    this.notice = undefined;
    this.reviewing = false;
    this.#saving.clear();
  }

  /** The saved groups changed into the edited ones: creations first, deletions last. */
  #changes(): GroupChange[] {
    const before = new Map(this.data!.groups.map((g) => [g.id, g]));
    const changes: GroupChange[] = [];
    const deletions: GroupChange[] = [];
    for (const g of this.#groups) {
      const old = before.get(g.id);
      before.delete(g.id);
      // A group nobody edited is the saved one itself: nothing to compare.
      if (old === g) continue;
      if (!old) changes.unshift({ kind: 'create', group: { id: g.id, name: g.name, permissions: g.permissions } });
      else if (old.name !== g.name) changes.push({ kind: 'rename', groupId: g.id, name: g.name });
      if (old && key(old.permissions) !== key(g.permissions))
        changes.push({ kind: 'set-permissions', groupId: g.id, permissions: g.permissions });
      if (key(old?.allowedAddresses) !== key(g.allowedAddresses))
        changes.push({ kind: 'restrict', groupId: g.id, allowedAddresses: g.allowedAddresses });
    }
    for (const id of before.keys()) deletions.push({ kind: 'delete', groupId: id, reassignTo: this.#reassign.get(id) });
    for (const [staffId, { to }] of this.#moves) changes.push({ kind: 'move', staffId, groupId: to });
    return [...changes, ...deletions];
  }

  /** `changes` made to `groups`, as the backend makes them (a change to a group now gone is dropped). */
  #apply(changes: GroupChange[], groups: Group[]): Group[] {
    let out = groups.map((g) => ({ ...g }));
    for (const c of changes) {
      if (c.kind === 'create')
        out.push({ ...c.group, permissions: [...c.group.permissions], allowedAddresses: null, memberCount: 0 });
      else if (c.kind === 'delete') out = out.filter((g) => g.id !== c.groupId);
      else if (c.kind !== 'move') {
        const group = out.find((g) => g.id === c.groupId);
        if (group && c.kind === 'rename') group.name = c.name;
        if (group && c.kind === 'set-permissions') group.permissions = [...c.permissions];
        if (group && c.kind === 'restrict') group.allowedAddresses = c.allowedAddresses && [...c.allowedAddresses];
      }
    }
    return out;
  }

  #create(from?: Group): void {
    const id = `group-${crypto.randomUUID()}`;
    const name = from ? msg(str`Copy of ${from.name}`) : msg('New group');
    let unique = name;
    for (let n = 2; this.#groups.some((g) => fold(g.name) === fold(unique)); n++) unique = `${name} ${n}`;
    this.draft = [
      ...this.#groups,
      {
        id,
        name: unique,
        permissions: from ? [...from.permissions] : [],
        allowedAddresses: from?.allowedAddresses ?? null,
        memberCount: 0,
      },
    ];
    this.selected = id;
    this.reviewing = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#name')?.select());
  }

  /** Loads the chosen group's members, the next 20 after those shown. */
  async #listMembers(groupId: string): Promise<void> {
    const shown = this.members?.groupId === groupId ? this.members.items : [];
    const result = await this.#listing.run((adapter, signal) =>
      adapter.listStaff({ groupId, offset: shown.length, limit: 20 }, { signal }),
    );
    if (result?.ok) this.members = { ...result.value, items: [...shown, ...result.value.items], groupId };
  }

  #move(member: StaffMember, from: string, to: string): void {
    if (to === from) this.#moves.delete(member.id);
    else this.#moves.set(member.id, { name: member.name, to });
    this.reviewing = false;
    this.requestUpdate();
  }

  get #reassignTo(): string | undefined {
    return this.renderRoot.querySelector('select')?.value;
  }

  #delete(group: Group): void {
    const to = this.#reassignTo;
    if (to) this.#reassign.set(group.id, to);
    this.draft = this.#groups.filter((g) => g.id !== group.id);
    this.deleting = undefined;
    this.selected = to ?? this.#groups[0]?.id ?? '';
    this.reviewing = false;
  }

  #toggle(group: Group, id: string, on: boolean): void {
    this.#edit(group.id, { permissions: on ? [...group.permissions, id] : group.permissions.filter((p) => p !== id) });
  }

  #restrict(group: Group, text: string | null): void {
    if (text === null) this.#addressText.delete(group.id);
    else this.#addressText.set(group.id, text);
    this.#edit(group.id, { allowedAddresses: text === null ? null : addressesOf(text) });
  }

  /** What is wrong with the edited groups, if anything: a save would be refused. */
  get #problem(): string | undefined {
    // Whether each address is one is the backend's to say (`isAddressRange` in the policy module).
    const names = new Set<string>();
    for (const g of this.#groups) {
      if (!g.name.trim()) return msg(str`A group needs a name.`);
      // Names compare as the backend compares them: case, accents and spacing aside.
      const name = groupNameKey(g.name);
      if (names.has(name)) return msg(str`Two groups are called ${g.name.trim()}: give each a name of its own.`);
      names.add(name);
      if (g.allowedAddresses?.length === 0) return msg(str`${g.name}: list at least one address to sign in from.`);
    }
    return undefined;
  }

  async #openReview(): Promise<void> {
    this.reviewing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="review"]')?.focus();
  }

  async #save(): Promise<void> {
    const changes = this.#changes();
    const data = this.data;
    if (!data || !changes.length || this.#problem) return;
    const input = { changes, version: data.version };
    const idempotencyKey = this.#writeKey.for(input);
    const result = await this.#saving.run((adapter, signal) =>
      adapter.updatePermissionGroups(input, { signal, idempotencyKey }),
    );
    if (!result) return;
    if (result.ok) {
      this.#writeKey.clear();
      this.draft = undefined;
      this.#take(result.value);
      this.reviewing = false;
      this.#reassign.clear();
      this.#moves.clear();
      this.members = undefined;
      this.notice = msg('Saved.');
      emit(this, new PermissionGroupsChangeEvent({ groups: result.value, changes }));
    } else if (result.current) {
      this.#saving.clear();
      this.#take(result.current);
      this.notice = () =>
        msg(
          'Someone else changed the groups while you worked. Your changes are kept on top of theirs: review them, then save again.',
        );
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // An update asked for without a property (a call settling, the language switched)
    // has an empty `changed`, and counts too.
    if (changed.size !== 1 || !changed.has('query')) this.#edition++;
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg('Permission groups'),
        description: msg(
          'Decides what each group of staff may do: grant few permissions up front and add more when needed.',
        ),
        busy: this.#loading.pending || this.#saving.pending,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    const error = this.#loading.error;
    const load = () => void this.reload();
    if (error) return faultRegion(error, { lead: msg('Permission groups could not be loaded.'), retry: load });
    const data = this.data;
    if (!data) return html`<p role="status" class="muted">${msg('Loading permission groups…')}</p>`;
    const group = this.#groups.find((g) => g.id === this.selected);
    return html`
      ${
        data.viewer.canAdminister
          ? nothing
          : html`<p part="notice" class="notice">
              ${msg('You can see the groups but not change them: that needs the “Administer permission groups” permission.')}
            </p>`
      }
      <div class="layout">
        <div class="side">${guard([this.#edition], () => this.#renderSide())}</div>
        ${group ? this.#renderEditor(group, data) : html`<p class="muted">${msg('No groups yet.')}</p>`}
      </div>
      ${this.notice ? html`<p part="notice" class="notice" role="status">${textOf(this.notice)}</p>` : nothing}
      ${guard([this.#edition], () => this.#renderChanges(data))}
    `;
  }

  /** The groups to choose from, and "New group". */
  #renderSide(): TemplateResult {
    return html`<ul part="groups" aria-label=${msg('Groups')}>
        ${this.#groups.map(
          (g) =>
            html`<li>
              <button
                part="group"
                type="button"
                aria-current=${g.id === this.selected}
                @click=${() => this.#choose(g.id)}
              >
                <span class="name" dir="auto">${g.name}</span>
                <span class="muted"
                  >${plural(this, g.memberCount, msg('=0:No members|one:# member|other:# members'))}</span
                >
                ${g.allowedAddresses ? html`<span part="tag" class="tag">${msg('IP restricted')}</span>` : nothing}
              </button>
            </li>`,
        )}
      </ul>
      ${this.#readOnly ? nothing : html`<button part="button" type="button" @click=${() => this.#create()}>${msg('New group')}</button>`}`;
  }

  /** The unsaved changes: the footer that offers their review, or the review itself. */
  #renderChanges(data: PermissionGroups): TemplateResult {
    const changes = this.#changes();
    // Only edits can make a problem: with none, the names are not compared.
    const problem = changes.length ? this.#problem : undefined;
    return html`
      ${
        changes.length && !this.reviewing
          ? html`<div class="actions footer">
              <button
                part="button"
                type="button"
                class="primary"
                ?disabled=${!!problem}
                @click=${() => this.#openReview()}
              >
                ${plural(this, changes.length, msg('one:Review # change|other:Review # changes'))}
              </button>
              <button part="button" type="button" @click=${() => this.#discard()}>${msg('Discard changes')}</button>
              <p class="field-error" role="status">${problem ?? ''}</p>
            </div>`
          : nothing
      }
      ${this.reviewing && changes.length ? this.#renderReview(changes, data) : nothing}
    `;
  }

  #renderEditor(group: Group, data: PermissionGroups): TemplateResult {
    const own = group.id === data.viewer.groupId && !data.viewer.owner;
    return html`<div part="editor" class="editor">
      ${guard([this.#edition], () => this.#renderForm(group, own))} ${this.#renderPermissions(group, data, own)}
    </div>`;
  }

  /** The group's name, its actions, members and where they sign in. */
  #renderForm(group: Group, own: boolean): TemplateResult {
    const readOnly = this.#readOnly;
    const others = this.#groups.filter((g) => g.id !== group.id);
    const addresses = this.#addressText.get(group.id) ?? group.allowedAddresses?.join('\n') ?? '';
    return html`
      <label class="field">
        ${msg('Group name')}
        <input
          id="name"
          .value=${group.name}
          ?readonly=${readOnly}
          @change=${(e: Event) => this.#edit(group.id, { name: (e.target as HTMLInputElement).value })}
        />
      </label>
      ${
        readOnly
          ? nothing
          : html`<div class="actions">
              <button part="button" type="button" @click=${() => this.#create(group)}>${msg('Duplicate')}</button>
              <button
                part="button"
                type="button"
                aria-expanded=${this.deleting === group.id}
                @click=${() => (this.deleting = group.id)}
              >
                ${msg('Delete')}
              </button>
            </div>`
      }
      ${
        this.deleting === group.id && !readOnly
          ? html`<div class="notice" role="group" aria-label=${msg(str`Delete ${group.name}`)}>
              ${
                group.memberCount
                  ? html`<label class="field">
                      ${plural(this, group.memberCount, msg('one:Move its # member to|other:Move its # members to'))}
                      <select id="reassign" @change=${() => this.requestUpdate()}>
                        <option value="">${msg('Choose a group')}</option>
                        ${others.map((g) => html`<option value=${g.id}>${g.name}</option>`)}
                      </select>
                    </label>`
                  : nothing
              }
              <div class="actions">
                <button
                  part="button"
                  type="button"
                  class="primary"
                  ?disabled=${!!group.memberCount && !this.#reassignTo}
                  @click=${() => this.#delete(group)}
                >
                  ${msg('Delete group')}
                </button>
                <button part="button" type="button" @click=${() => (this.deleting = undefined)}>
                  ${msg('Cancel')}
                </button>
              </div>
            </div>`
          : nothing
      }
      ${group.memberCount ? this.#renderMembers(group, others, readOnly) : nothing}
      <fieldset class="addresses">
        <legend>${msg('Where members sign in')}</legend>
        <label class="check-row">
          <input
            type="checkbox"
            .checked=${!!group.allowedAddresses}
            ?disabled=${readOnly}
            @change=${(e: Event) => this.#restrict(group, (e.target as HTMLInputElement).checked ? addresses : null)}
          />
          ${msg('Members may sign in only from these IP addresses')}
        </label>
        ${
          group.allowedAddresses
            ? html`<label class="field">
                ${msg('Addresses or ranges, one per line (for example 203.0.113.7 or 203.0.113.0/24)')}
                <textarea
                  rows="3"
                  .value=${addresses}
                  ?disabled=${readOnly}
                  @input=${(e: Event) => this.#restrict(group, (e.target as HTMLTextAreaElement).value)}
                ></textarea>
              </label>`
            : nothing
        }
      </fieldset>
      ${
        own
          ? html`<p part="notice" class="notice">
              ${msg('This is your own group: nobody changes the permissions of their own group.')}
            </p>`
          : nothing
      }
    `;
  }

  /** The permission search and the sections of permissions, ticked as the group holds them. */
  #renderPermissions(group: Group, data: PermissionGroups, own: boolean): TemplateResult {
    const readOnly = this.#readOnly;
    const { granted, by } = this.#grants(group.permissions);
    const q = fold(this.query.trim());
    // Every permission keeps its row and a search hides the rest: a keystroke changes
    // attributes, never rebuilds hundreds of rows.
    const sections = data.sections.map((s) => {
      const items = this.#inSection.get(s.id) ?? [];
      const shown = new Set(items.filter((p) => !q || this.#searchText(p, s.label).includes(q)));
      return { ...s, items, shown };
    });
    const matches = sections.reduce((n, s) => n + s.shown.size, 0);
    return html`
      <input
        type="search"
        aria-label=${msg('Search permissions')}
        placeholder=${msg('Search permissions')}
        .value=${this.query}
        @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
      />
      <p class="muted" role="status">
        ${q ? plural(this, matches, msg('=0:No permissions match.|one:# permission matches.|other:# permissions match.')) : ''}
      </p>
      ${sections.map((s) => {
        if (!s.items.length) return nothing;
        const open = q ? s.shown.size > 0 : this.opened.has(s.id);
        // A folded section draws its permissions when it first opens: the first render
        // draws eight summaries, not hundreds of rows nobody sees.
        if (open) this.#drawn.add(s.id);
        return html`<details
          part="section"
          class="section"
          ?hidden=${!s.shown.size}
          .open=${open}
          @toggle=${(e: Event) => !q && this.#opening(s.id, (e.target as HTMLDetailsElement).open)}
        >
          <summary
            @click=${(e: Event) => {
              // The element opens the section itself, so that its permissions are drawn
              // in the frame it opens in (the browser's own toggle shows it empty first).
              if (q) return;
              e.preventDefault();
              this.#opening(s.id, !open);
            }}
          >
            <span class="chevron" aria-hidden="true"></span>
            <span dir="auto" class="section-name">${s.label}</span>
            <span class="muted">
              ${msg(str`${count(this, s.items.filter((p) => granted.has(p.id)).length)} of ${count(this, s.items.length)} granted`)}
            </span>
          </summary>
          ${
            this.#drawn.has(s.id)
              ? html`<fieldset
                  @change=${({ target }: { target: HTMLInputElement }) => this.#toggle(group, target.value, target.checked)}
                >
                  <legend class="visually-hidden" dir="auto">${s.label}</legend>
                  ${s.items.map(
                    // A search keystroke shows or hides a row and leaves what it holds as it was.
                    (p) =>
                      html`<div part="permission" class="permission" ?hidden=${!s.shown.has(p)}>
                        ${guard([this.#edition], () => this.#renderPermission(p, group, granted, readOnly || own, by))}
                      </div>`,
                  )}
                </fieldset>`
              : nothing
          }
        </details>`;
      })}
    `;
  }

  /** Staff opened or closed a section: it stays so, for every group, until they change it. */
  #opening(section: string, open: boolean): void {
    if (open === this.opened.has(section)) return;
    const opened = new Set(this.opened);
    if (open) opened.add(section);
    else opened.delete(section);
    this.opened = opened;
  }

  #renderMembers(group: Group, others: Group[], readOnly: boolean): TemplateResult {
    const members = this.members?.groupId === group.id ? this.members : undefined;
    const error = this.#listing.error;
    const more = () => void this.#listMembers(group.id);
    return html`<fieldset class="members">
      <legend>${msg('Members')}</legend>
      ${
        members
          ? html`<ul>
              ${members.items.map(
                (m) =>
                  html`<li class="check-row">
                    <span class="name" dir="auto">${m.name}</span>
                    <select
                      aria-label=${msg(str`Group of ${m.name}`)}
                      ?disabled=${readOnly}
                      @change=${(e: Event) => this.#move(m, group.id, (e.target as HTMLSelectElement).value)}
                    >
                      ${[group, ...others].map(
                        (g) =>
                          html`<option value=${g.id} ?selected=${(this.#moves.get(m.id)?.to ?? group.id) === g.id}>
                            ${g.name}
                          </option>`,
                      )}
                    </select>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        error
          ? faultRegion(error, { lead: msg('The members could not be loaded.'), retry: more })
          : !members || members.items.length < members.total
            ? html`<button part="button" type="button" aria-disabled=${this.#listing.pending} @click=${more}>
                ${
                  members
                    ? msg('Show more members')
                    : plural(this, group.memberCount, msg('one:Show the # member|other:Show the # members'))
                }
              </button>`
            : nothing
      }
    </fieldset>`;
  }

  #renderPermission(
    p: PermissionInfo,
    group: Group,
    granted: Set<string>,
    readOnly: boolean,
    implied: Map<string, string[]>,
  ): TemplateResult {
    const direct = group.permissions.includes(p.id);
    const by = direct ? [] : (implied.get(p.id) ?? []);
    const held = this.#holds.has(p.id);
    const id = `p-${p.id}`;
    return html`<input
        id=${id}
        type="checkbox"
        .value=${p.id}
        .checked=${granted.has(p.id)}
        ?disabled=${readOnly || by.length > 0 || (!held && !direct)}
        aria-describedby=${`${id}-d`}
      />
      <label for=${id}>
        <span dir="auto">${p.label}</span>
        ${p.sensitive ? html`<span part="tag" class="tag sensitive">${whose(p)}</span>` : nothing}
      </label>
      <p id=${`${id}-d`} class="muted">
        <span dir="auto">${p.description}</span>
        ${by.length ? msg(str`Included with ${by.map((i) => this.#byId.get(i)?.label ?? i).join(', ')}.`) : nothing}
        ${held || direct ? nothing : msg('You do not hold this permission, so you cannot grant it.')}
      </p>`;
  }

  /** Shows group `id` in the editor; a deletion asked of another group is dropped. */
  #choose(id: string): void {
    this.selected = id;
    this.deleting = undefined;
  }

  /** Drops every unsaved change: the groups as the backend last answered them. */
  #discard(): void {
    this.draft = undefined;
    this.#reassign.clear();
    this.#moves.clear();
    this.notice = undefined;
  }

  /** Back from the review to the editor, the changes kept. */
  #keepEditing(): void {
    this.reviewing = false;
    this.#saving.clear();
  }

  #renderReview(changes: GroupChange[], data: PermissionGroups): TemplateResult {
    const name = (id: string) =>
      this.#groups.find((g) => g.id === id)?.name ?? data.groups.find((g) => g.id === id)?.name ?? id;
    const labels = (ids: string[]) =>
      ids
        .map((id) => {
          const p = this.#byId.get(id);
          return p?.sensitive ? `${p.label} (${whose(p)})` : (p?.label ?? id);
        })
        .join(', ');
    const lines: string[] = [];
    for (const c of changes) {
      const old = data.groups.find(
        (g) => g.id === (c.kind === 'create' ? c.group.id : 'groupId' in c ? c.groupId : ''),
      );
      if (c.kind === 'create') lines.push(msg(str`New group ${c.group.name}.`));
      if (c.kind === 'rename') lines.push(msg(str`${old?.name} is renamed ${c.name}.`));
      if (c.kind === 'create' || c.kind === 'set-permissions') {
        const after = this.#closure(c.kind === 'create' ? c.group.permissions : c.permissions);
        const before = this.#closure(old?.permissions ?? []);
        const gained = [...after].filter((id) => !before.has(id));
        const lost = [...before].filter((id) => !after.has(id));
        const group = name(c.kind === 'create' ? c.group.id : c.groupId);
        if (gained.length) lines.push(msg(str`${group} gains: ${labels(gained)}.`));
        if (gained.length && old?.memberCount)
          lines.push(
            plural(
              this,
              old.memberCount,
              msg('one:# staff member gains that access now.|other:# staff members gain that access now.'),
            ),
          );
        if (lost.length) lines.push(msg(str`${group} loses: ${labels(lost)}.`));
      }
      if (c.kind === 'restrict')
        lines.push(
          c.allowedAddresses
            ? msg(str`${name(c.groupId)} may sign in only from: ${c.allowedAddresses.join(', ')}.`)
            : msg(str`${name(c.groupId)} may sign in from anywhere.`),
        );
      if (c.kind === 'move') lines.push(msg(str`${this.#moves.get(c.staffId)?.name} moves to ${name(c.groupId!)}.`));
      if (c.kind === 'delete')
        lines.push(
          c.reassignTo
            ? msg(str`${old?.name} is deleted; its members move to ${name(c.reassignTo)}.`)
            : msg(str`${old?.name} is deleted.`),
        );
    }
    const saveError = this.#saving.error;
    return html`<section part="review" class="review" tabindex="-1" aria-labelledby="review-heading">
      <div id="review-heading" class="heading" role="heading" aria-level=${Math.min(6, this.headingLevel + 1)}>
        ${msg('Review your changes')}
      </div>
      <ul>
        ${lines.map((line) => html`<li>${line}</li>`)}
      </ul>
      ${
        saveError
          ? faultRegion(saveError, {
              lead: msg('The changes were not saved.'),
              activity: 'saving',
              retry: () => void this.#save(),
              reload: () => void this.reload(),
            })
          : nothing
      }
      <div class="actions">
        <button
          part="button"
          type="button"
          class="primary"
          aria-disabled=${this.#saving.pending}
          @click=${() => void this.#save()}
        >
          ${this.#saving.pending ? msg('Saving…') : msg('Save changes')}
        </button>
        <button part="button" type="button" @click=${() => this.#keepEditing()}>${msg('Keep editing')}</button>
      </div>
    </section>`;
  }
}

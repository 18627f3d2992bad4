import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AdapterCall, type AnswerChecks, allInOrder } from '../../internal/adapter-call.js';
import { Loader } from '../../internal/loader.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import { emit, UpgradeRequestEvent } from '../../core/events.js';
import { errorRegion, faultRegion } from '../../internal/fault-region.js';
import { moveIndex } from '../../internal/list-keys.js';
import { count, type Message, msg, plural, textOf, str } from '../../internal/localize.js';
import { WriteKey } from '../../internal/write-key.js';
import type {
  Location,
  MaskingSettings,
  Page,
  Role,
  StaffFilter,
  StaffMember,
  Viewer,
  VisibilityOverrides,
} from '../../core/types.js';
import { ROLES } from '../../core/types.js';
import { isAdminRole, maySetSecurity, planSupportsMasking } from '../../policy/policy.js';
import type { MaskingChangeEvent } from '../masking-settings/events.js';
import { OverridePicksChangeEvent, OverridesSavedEvent } from './events.js';
import { pagerButtons, turnPage } from '../../internal/pager.js';
import { diffPicks, PicksDraft, type PicksDiff } from './picks.js';
import { styles } from './staff-override-list.styles.js';
import {
  locationsSchema,
  maskingSettingsSchema,
  overridesSchema,
  staffIdListSchema,
  staffPageSchema,
  viewerSchema,
} from '../../adapters/schemas.js';

const PAGE_SIZE = 50;
/** How long typing pauses before the name filter asks the server. */
const TYPING_PAUSE_MS = 200;
/** How many names a conflict message lists before it says "and N more". */
const NAMED_IN_CONFLICT = 10;

/** What another admin saved while this admin was picking: their list, its changes, and the names found for them. */
interface OtherSave {
  overrides: VisibilityOverrides;
  changes: PicksDiff;
  names: Map<string, string>;
  /** The names are being fetched: the list says how many until then. */
  naming?: boolean;
}

function roleName(role: Role): string {
  return { owner: msg('Owner'), admin: msg('Admin'), manager: msg('Manager'), staff: msg('Staff') }[role];
}

/**
 * The MioSalon "Data Visibility Override Control for Staff": the staff members who
 * still see customer phone numbers and email addresses while masking is on. Lists
 * staff with login access only, filtered and paged by the backend, so it stays fast
 * at any number of staff. Owners and admins see contacts anyway and are shown as such.
 *
 * The admin's picks are a draft until saved. Saving is version-checked: when another
 * admin saved first, the element keeps the picks, shows what the other admin changed
 * and offers to re-apply or discard. It is read-only for non-admins, while masking is
 * off, and off the Premium plan, and says why.
 *
 * With `<masking-settings>` on the same page it follows masking on and off without a
 * reload: it listens for `masking-change` on its document.
 *
 * @summary Pick the staff who still see customer contacts while masking is on.
 * @tag staff-override-list
 *
 * @fires {OverridePicksChangeEvent} override-picks-change - The picks changed; `detail.pending` counts unsaved changes.
 * @fires {OverridesSavedEvent} overrides-saved - The override list was saved; `detail.overrides` is what the server stored.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the list does and who is in it.
 * @csspart notice - Why the list is read-only (masking off, plan, role).
 * @csspart filters - The name, role and location filters.
 * @csspart filter - Each filter control.
 * @csspart count - How many staff match the filters (announced politely).
 * @csspart bulk - The select-all, clear-all and select-none buttons.
 * @csspart list - The list of staff (a multi-select listbox with one tab stop).
 * @csspart option - One staff member in the list.
 * @csspart status - A staff member's contact access ("Sees contacts", "Always sees contacts").
 * @csspart pager - Page position and the previous and next buttons.
 * @csspart pending - How many changes are unsaved (announced politely).
 * @csspart error - A failed load or save, or another admin's save, with the way forward.
 * @csspart button - Every button.
 *
 * @cssprop --dg-list-max-height - Height of the list before it scrolls (default 24rem).
 * @cssprop --dg-row-padding - Space above and below each row's content: the list's density (default 8px).
 * @cssprop --dg-color-accent - Picked check boxes, primary buttons.
 * @cssprop --dg-color-surface-subtle - The active row.
 */
export class StaffOverrideListElement extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = {
    getViewer: viewerSchema,
    getMaskingSettings: maskingSettingsSchema,
    getVisibilityOverrides: overridesSchema,
    updateVisibilityOverrides: overridesSchema,
    listLocations: locationsSchema,
    listStaff: staffPageSchema,
    listStaffIds: staffIdListSchema,
  };
  static override styles = [...DeskguardElement.styles, styles];
  /** Someone's access changed on the same page (a deactivation takes them off the list with their login). */
  static override refreshOn: readonly string[] = ['staff-access-change'];
  static override properties = {
    warnOnUnload: { type: Boolean, attribute: 'warn-on-unload' },
    ...states('viewer', 'masking', 'locations', 'filter', 'offset', 'page', 'active', 'otherSave', 'announcement'),
  };

  /** Ask the browser to confirm leaving the page while changes are unsaved (`beforeunload`). */
  warnOnUnload = false;

  private viewer: Viewer | undefined;
  private masking: MaskingSettings | undefined;
  private locations: Location[] = [];
  private filter: StaffFilter = {};
  private offset = 0;
  private page: Page<StaffMember> | undefined;
  private active = 0;
  /** What another admin saved while this admin was picking, with the names it could find. */
  private otherSave: OtherSave | undefined;
  private announcement: Message = '';

  /** The picks, against the saved list they started from. */
  readonly #draft = new PicksDraft(this);
  readonly #loading = new Loader(this, {
    // The page of staff loads beside the rest, on its own call: paging reloads it alone.
    starting: () => void this.#loadPage(),
    load: (adapter, _, signal) =>
      allInOrder([
        adapter.getViewer({ signal }),
        adapter.getMaskingSettings({ signal }),
        adapter.getVisibilityOverrides({ signal }),
        adapter.listLocations({ signal }),
      ]),
    loaded: ([viewer, masking, overrides, locations]) => {
      this.viewer = viewer;
      this.masking = masking;
      this.locations = locations;
      this.#receive(overrides);
    },
  });
  readonly #listing = new AdapterCall(this);
  readonly #bulk = new AdapterCall(this);
  readonly #naming = new AdapterCall(this);
  readonly #saving = new AdapterCall<VisibilityOverrides>(this);
  readonly #writeKey = new WriteKey();
  #typing: ReturnType<typeof setTimeout> | undefined;
  /** The last "all matching" action, which the list's error region retries when it failed. */
  #lastBulk: boolean | undefined;

  /** Whether picks are waiting to be saved: check it before the host navigates away. */
  get hasUnsavedChanges(): boolean {
    return this.#draft.pending > 0;
  }

  /** Loads everything again; unsaved picks are kept. */
  async reload(): Promise<void> {
    await this.#loading.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ownerDocument.addEventListener('masking-change', this.#onMaskingChange);
    window.addEventListener('beforeunload', this.#onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('masking-change', this.#onMaskingChange);
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
    clearTimeout(this.#typing);
  }

  readonly #onMaskingChange = (event: Event): void => {
    this.masking = (event as MaskingChangeEvent).detail.settings;
  };

  readonly #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.warnOnUnload && this.hasUnsavedChanges) event.preventDefault();
  };

  /** Another adapter (or none): nothing asked of the one before still counts; the loader asks the new one. */
  protected override adapterChanged(): void {
    for (const call of [this.#loading, this.#listing, this.#bulk, this.#naming, this.#saving]) call.abort();
  }

  /** Why the list cannot be changed, or undefined when it can. */
  get #readOnlyReason(): string | undefined {
    const masking = this.masking;
    if (!this.viewer || !masking) return msg('Loading…');
    if (!planSupportsMasking(masking.plan)) {
      return msg(
        'Masking is available on the Premium plan only, so every staff member sees customer contacts and this list has no effect.',
      );
    }
    if (!masking.enabled) {
      return msg(
        'Masking is off, so every staff member sees customer contacts and this list has no effect. Turn masking on to use it.',
      );
    }
    if (!maySetSecurity(this.viewer)) {
      return msg(
        'Your permission group does not allow changing this list. Ask an owner or admin if someone needs to be added.',
      );
    }
    return undefined;
  }

  /** Takes the saved list from the server without losing unsaved picks. */
  #receive(server: VisibilityOverrides): void {
    const base = this.#draft.base;
    if (!base || this.#draft.pending === 0) this.#draft.reset(server);
    else if (server.version !== base.version) void this.#showOtherSave(server);
  }

  /** Loads the current page of staff for the filter. */
  async #loadPage(): Promise<void> {
    this.#bulk.clear();
    const query = { ...this.filter, offset: this.offset, limit: PAGE_SIZE };
    const result = await this.#listing.run((adapter, signal) => adapter.listStaff(query, { signal }));
    if (!result?.ok) return;
    const page = (this.page = result.value);
    this.active = Math.min(this.active, Math.max(0, page.items.length - 1));
    this.announcement = () => this.#countText(page.total);
  }

  #setFilter(change: StaffFilter): void {
    this.filter = { ...this.filter, ...change };
    this.#goToPage(0);
  }

  #onSearchInput(event: Event): void {
    const search = (event.target as HTMLInputElement).value;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => this.#setFilter({ search }), TYPING_PAUSE_MS);
  }

  #goToPage(offset: number): void {
    this.offset = offset;
    this.active = 0;
    void this.#loadPage();
  }

  #setPicks(picks: ReadonlySet<string>): void {
    const { added, removed } = this.#draft.set(picks);
    emit(
      this,
      new OverridePicksChangeEvent({ staffIds: [...picks], added, removed, pending: added.length + removed.length }),
    );
  }

  #toggle(member: StaffMember | undefined): void {
    if (!member || isAdminRole(member.role) || this.#readOnlyReason || this.#saving.pending) return;
    this.#setPicks(this.#draft.with([member.id], !this.#draft.picks.has(member.id)));
  }

  /** Adds or removes every pickable staff member matching the filter, fetched as ids from the backend. */
  async #pickAllMatching(pick: boolean): Promise<void> {
    if (this.#bulk.pending || this.#readOnlyReason) return;
    this.#lastBulk = pick;
    this.#listing.clear();
    const filter = this.filter;
    const result = await this.#bulk.run((adapter, signal) => adapter.listStaffIds(filter, { signal }));
    if (!result?.ok) return;
    const ids = result.value;
    this.#setPicks(this.#draft.with(ids, pick));
    const n = ids.length;
    this.announcement = () =>
      pick ? msg(str`Picked ${count(this, n)} matching staff.`) : msg(str`Cleared ${count(this, n)} matching staff.`);
  }

  async #save(): Promise<void> {
    const base = this.#draft.base;
    if (!base || this.#saving.pending || this.#readOnlyReason || !this.hasUnsavedChanges) return;
    this.otherSave = undefined;
    const input = { staffIds: [...this.#draft.picks], version: base.version };
    const idempotencyKey = this.#writeKey.for(input);
    const result = await this.#saving.run((adapter, signal) =>
      adapter.updateVisibilityOverrides(input, { signal, idempotencyKey }),
    );
    if (!result) return;
    if (result.ok) {
      this.#writeKey.clear();
      this.#draft.reset(result.value);
      this.#setPicks(this.#draft.picks);
      this.announcement = () => msg('Changes saved.');
      emit(this, new OverridesSavedEvent(result.value));
    } else if (result.current) {
      // Another admin saved first: that is not a fault but a choice to make, shown in place.
      this.#saving.clear();
      void this.#showOtherSave(result.current);
    }
  }

  /** Shows what another admin saved meanwhile, naming the people they added or removed. */
  async #showOtherSave(overrides: VisibilityOverrides): Promise<void> {
    const changes = diffPicks(this.#draft.base?.staffIds ?? [], new Set(overrides.staffIds));
    const names = new Map<string, string>();
    const ids = [...changes.added, ...changes.removed].slice(0, NAMED_IN_CONFLICT);
    this.otherSave = { overrides, changes, names, naming: ids.length > 0 };
    if (!ids.length) return;
    // The message counts the changes whatever happens; the names are a courtesy.
    const result = await this.#naming.run(
      (adapter, signal) => adapter.listStaff({ ids, limit: ids.length }, { signal }),
      {
        quiet: true,
      },
    );
    if (result?.ok) for (const member of result.value.items) names.set(member.id, member.name);
    if (this.otherSave?.overrides === overrides) this.otherSave = { overrides, changes, names, naming: false };
  }

  #reapply(): void {
    const theirs = this.otherSave?.overrides;
    if (!theirs || !this.#draft.base) return;
    this.otherSave = undefined;
    this.#draft.rebase(theirs);
    this.#setPicks(this.#draft.picks);
    void this.#save();
  }

  #discard(): void {
    const server = this.otherSave?.overrides ?? this.#draft.base;
    if (!server) return;
    this.otherSave = undefined;
    this.#saving.clear();
    this.#draft.reset(server);
    this.#setPicks(this.#draft.picks);
    this.announcement = () => msg('Your changes were discarded.');
  }

  /** The ways forward from a fault: `retry` repeats what failed; a reload keeps the picks. */
  #waysForward(retry: () => void): { retry(): void; reload(): void } {
    return {
      retry,
      reload: () => {
        for (const call of [this.#saving, this.#listing, this.#bulk]) call.clear();
        void this.reload();
      },
    };
  }

  /** A click on a row (one listener for the list, not one per row): the row becomes active and toggles. */
  #onListClick(event: MouseEvent): void {
    const row = (event.target as Element).closest('[role="option"]');
    if (!row) return;
    // The list's element children are its rows, in the page's order.
    this.active = [...(event.currentTarget as HTMLElement).children].indexOf(row);
    this.#toggle(this.page?.items[this.active]);
  }

  #onListKeyDown(event: KeyboardEvent): void {
    const items = this.page?.items ?? [];
    const page = this.page;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      this.#toggle(items[this.active]);
      return;
    }
    const offset = page && turnPage(event.key, page, PAGE_SIZE, this.matches(':dir(rtl)'));
    if (offset != null) {
      event.preventDefault();
      this.#goToPage(offset);
    }
    if (offset !== undefined) return;
    const next = moveIndex(event.key, this.active, items.length);
    if (next === undefined) return;
    event.preventDefault();
    this.active = next;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('active' as keyof StaffOverrideListElement)) this.#keepActiveInView();
  }

  /** Keeps the active row in view while the list has focus (never scrolls the host page otherwise). */
  #keepActiveInView(): void {
    const list = this.renderRoot.querySelector('[role="listbox"]');
    if (list && list === this.shadowRoot?.activeElement) {
      list.querySelector(`#o${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  #countText(total: number): string {
    return plural(this, total, msg('=0:No staff match.|one:# staff member matches.|other:# staff members match.'));
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg('Data visibility override'),
        description: msg(
          'Staff you pick here still see customer phone numbers and email addresses while masking is on. Only staff with login access are listed: to add someone who is missing, give them login access in their staff profile first.',
        ),
        busy: this.#loading.pending || this.#saving.pending,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    // Before the first page arrives, a failed page is the whole element's failure.
    const loadError = this.#loading.error ?? (this.page ? undefined : this.#listing.error);
    if (loadError) {
      return faultRegion(loadError, {
        lead: msg('The staff list could not be loaded.'),
        ...this.#waysForward(() => void this.reload()),
      });
    }
    if (!this.viewer || !this.masking || !this.#draft.base || !this.page) {
      return html`<p role="status" class="muted">${msg('Loading staff…')}</p>`;
    }
    const readOnly = this.#readOnlyReason;
    const bulkFailed = !!this.#bulk.error;
    const listError = this.#bulk.error ?? this.#listing.error;
    return html`
      ${readOnly ? this.#renderNotice(readOnly) : nothing} ${this.#renderFilters()}
      <p id="count" part="count" class="muted" role="status">${textOf(this.announcement)}</p>
      ${readOnly ? nothing : this.#renderBulk()}
      ${
        listError
          ? faultRegion(listError, {
              lead: bulkFailed
                ? msg('The matching staff could not be fetched.')
                : msg('This page of staff could not be loaded.'),
              ...this.#waysForward(() => void (bulkFailed ? this.#pickAllMatching(this.#lastBulk!) : this.#loadPage())),
            })
          : nothing
      }
      ${this.#renderList(this.page, !!readOnly)} ${this.#renderPager(this.page)}
      ${readOnly && !this.hasUnsavedChanges ? nothing : this.#renderFooter()}
    `;
  }

  #renderNotice(reason: string): TemplateResult {
    const offPlan = !planSupportsMasking(this.masking!.plan);
    return html`<div part="notice" class="notice">
      <p>${reason}</p>
      ${
        offPlan && maySetSecurity(this.viewer!)
          ? html`<button part="button" type="button" @click=${() => emit(this, new UpgradeRequestEvent('premium'))}>
              ${msg('See plans')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderFilters(): TemplateResult {
    return html`<div part="filters" class="filters" role="search" aria-label=${msg('Filter staff')}>
      <label>
        <span>${msg('Name')}</span>
        <input
          part="filter"
          type="search"
          autocomplete="off"
          spellcheck="false"
          .value=${this.filter.search ?? ''}
          @input=${this.#onSearchInput}
        />
      </label>
      <label>
        <span>${msg('Role')}</span>
        <select
          part="filter"
          .value=${this.filter.role ?? ''}
          @change=${(e: Event) => this.#setFilter({ role: ((e.target as HTMLSelectElement).value as Role) || undefined })}
        >
          <option value="">${msg('All roles')}</option>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${this.filter.role === r}>${roleName(r)}</option>`)}
        </select>
      </label>
      <label>
        <span>${msg('Location')}</span>
        <select
          part="filter"
          .value=${this.filter.locationId ?? ''}
          @change=${(e: Event) => this.#setFilter({ locationId: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="">${msg('All locations')}</option>
          ${this.locations.map(
            (l) => html`<option value=${l.id} ?selected=${this.filter.locationId === l.id}>${l.name}</option>`,
          )}
        </select>
      </label>
    </div>`;
  }

  #renderBulk(): TemplateResult {
    const busy = this.#bulk.pending || this.#saving.pending;
    return html`<div part="bulk" class="actions">
      <button part="button" type="button" ?disabled=${busy} @click=${() => this.#pickAllMatching(true)}>
        ${msg('Pick all matching')}
      </button>
      <button part="button" type="button" ?disabled=${busy} @click=${() => this.#pickAllMatching(false)}>
        ${msg('Clear all matching')}
      </button>
      <button
        part="button"
        type="button"
        ?disabled=${busy || this.#draft.picks.size === 0}
        @click=${() => this.#setPicks(new Set())}
      >
        ${msg('Pick none')}
      </button>
    </div> `;
  }

  #renderList(page: Page<StaffMember>, readOnly: boolean): TemplateResult {
    if (page.items.length === 0) {
      const filtered = !!(this.filter.search || this.filter.role || this.filter.locationId);
      return html`<div part="notice" class="empty">
        <p>
          ${
            filtered
              ? msg('No staff with login access match these filters.')
              : msg(
                  'No staff have login access yet. Give staff login access in their staff profile, then pick them here.',
                )
          }
        </p>
        ${
          filtered
            ? html`<button
                part="button"
                type="button"
                @click=${() => this.#setFilter({ search: '', role: undefined, locationId: undefined })}
              >
                ${msg('Clear filters')}
              </button>`
            : nothing
        }
      </div>`;
    }
    const saved = this.#draft.saved;
    return html`<div
      part="list"
      class="list"
      role="listbox"
      tabindex="0"
      aria-multiselectable="true"
      aria-labelledby="heading"
      aria-describedby="count"
      aria-readonly=${readOnly}
      aria-busy=${this.#listing.pending}
      aria-activedescendant="o${this.active}"
      @keydown=${this.#onListKeyDown}
      @click=${this.#onListClick}
    >
      ${page.items.map((member, i) => {
        const always = isAdminRole(member.role);
        const picked = always || this.#draft.picks.has(member.id);
        return html`<div
          id="o${i}"
          part="option"
          role="option"
          class=${i === this.active ? 'active' : ''}
          aria-selected=${picked}
          aria-disabled=${always || readOnly}
        >
          <span class="check" aria-hidden="true"></span>
          <span class="who">
            <span class="name" .textContent=${member.name}></span>
            <span class="muted" .textContent=${`${roleName(member.role)} · ${member.locationName}`}></span>
          </span>
          <span
            part="status"
            class="status"
            .textContent=${this.#statusText(always, picked, saved.has(member.id))}
          ></span>
        </div>`;
      })}
    </div>`;
  }

  #statusText(always: boolean, picked: boolean, saved: boolean): string {
    if (always) return msg('Always sees contacts');
    if (picked && saved) return msg('Sees contacts');
    if (picked) return msg('Will see contacts (unsaved)');
    if (saved) return msg('Will stop seeing contacts (unsaved)');
    return '';
  }

  #renderPager(page: Page<StaffMember>): TemplateResult | typeof nothing {
    if (page.total <= PAGE_SIZE) return nothing;
    const from = page.offset + 1;
    const to = page.offset + page.items.length;
    return html`<div part="pager" class="pager">
      <p class="muted">${msg(str`Showing ${count(this, from)}–${count(this, to)} of ${count(this, page.total)}`)}</p>
      <div class="actions">${pagerButtons(page, PAGE_SIZE, (offset) => this.#goToPage(offset))}</div>
    </div>`;
  }

  #renderFooter(): TemplateResult {
    const pending = this.#draft.pending;
    const saving = this.#saving.pending;
    const blocked = pending === 0 || saving || !!this.#readOnlyReason;
    return html`
      <div class="footer">
        <p part="pending" role="status">
          ${
            saving
              ? msg('Saving…')
              : plural(this, pending, msg('=0:No unsaved changes.|one:# unsaved change.|other:# unsaved changes.'))
          }
        </p>
        <div class="actions">
          <button part="button" type="button" class="primary" ?disabled=${blocked} @click=${this.#save}>
            ${msg('Save')}
          </button>
          <button part="button" type="button" ?disabled=${pending === 0 || saving} @click=${() => this.#discard()}>
            ${msg('Cancel')}
          </button>
        </div>
      </div>
      ${this.otherSave ? this.#renderOtherSave(this.otherSave) : nothing}
      ${
        this.#saving.error
          ? faultRegion(this.#saving.error, {
              lead: msg('Your changes were not saved.'),
              activity: 'saving',
              ...this.#waysForward(() => void this.#save()),
              more: html`<button part="button" type="button" @click=${() => this.#saving.clear()}>
                ${msg('Dismiss')}
              </button>`,
            })
          : nothing
      }
    `;
  }

  #renderOtherSave({ overrides, changes, names, naming }: OtherSave): TemplateResult {
    const { added, removed } = changes;
    const list = (ids: string[]) => {
      const known = ids.map((id) => names.get(id)).filter((n): n is string => !!n);
      const more = ids.length - known.length;
      if (!known.length) return plural(this, ids.length, msg('one:# staff member|other:# staff'));
      return known.join(', ') + (more ? ', ' + msg(str`${count(this, more)} more`) : '');
    };
    const who = overrides.updatedBy?.name ?? msg('Another admin');
    return errorRegion({
      lead: msg(str`${who} saved changes to this list while you were working.`),
      detail: html`<ul aria-busy=${!!naming}>
          ${added.length ? html`<li>${msg('They added:')} ${list(added)}</li>` : nothing}
          ${removed.length ? html`<li>${msg('They removed:')} ${list(removed)}</li>` : nothing}
        </ul>
        <p>${msg('Your changes are kept and not saved yet. Apply them on top of theirs, or discard them.')}</p>`,
      action: { label: msg('Apply my changes and save'), name: 'reapply', run: () => this.#reapply() },
      more: html`<button part="button" type="button" @click=${() => this.#discard()}>
        ${msg('Discard my changes')}
      </button>`,
    });
  }
}

import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdapterController, LatestRequest } from '../../core/adapter-controller.js';
import type { DeskguardAdapter } from '../../core/adapter.js';
import { type AdapterError, toAdapterError } from '../../core/errors.js';
import { emit, UpgradeRequestEvent } from '../../core/events.js';
import { card, noAdapterNotice } from '../../core/card.js';
import { faultRegion, type FaultWays } from '../../core/fault-region.js';
import { moveIndex } from '../../core/list-keys.js';
import { count, type Kept, msg, plural, shown, str, updateWhenLocaleChanges } from '../../core/localize.js';
import { tokens } from '../../core/styles.js';
import { WriteKey } from '../../core/write-key.js';
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
import { canChangeSecuritySettings, isAdminRole, planSupportsMasking } from '../../policy/policy.js';
import type { MaskingChangeEvent } from '../masking-settings/events.js';
import { OverridePicksChangeEvent, OverridesSavedEvent } from './events.js';
import { diffPicks, rebasePicks, type PicksDiff } from './picks.js';
import { styles } from './staff-override-list.styles.js';

const PAGE_SIZE = 50;
/** How long typing pauses before the name filter asks the server. */
const TYPING_PAUSE_MS = 200;
/** How many names a conflict message lists before it says "and N more". */
const NAMED_IN_CONFLICT = 10;

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
 * @cssprop --dg-color-accent - Picked check boxes, primary buttons.
 * @cssprop --dg-color-surface-subtle - The active row.
 */
export class StaffOverrideListElement extends LitElement {
  static override styles = [tokens, styles];

  /** The data adapter; wins over one provided by a `<deskguard-provider>`. */
  @property({ attribute: false }) adapter: DeskguardAdapter | undefined;

  /** The level of the element's heading (1–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Ask the browser to confirm leaving the page while changes are unsaved (`beforeunload`). */
  @property({ type: Boolean, attribute: 'warn-on-unload' }) warnOnUnload = false;

  @state() private viewer: Viewer | undefined;
  @state() private masking: MaskingSettings | undefined;
  @state() private locations: Location[] = [];
  /** The saved list this admin's picks started from. */
  @state() private base: VisibilityOverrides | undefined;
  @state() private picks: ReadonlySet<string> = new Set();
  @state() private filter: StaffFilter = {};
  @state() private offset = 0;
  @state() private page: Page<StaffMember> | undefined;
  @state() private active = 0;
  @state() private loading = false;
  @state() private listLoading = false;
  @state() private bulkBusy = false;
  @state() private saving = false;
  @state() private loadError: AdapterError | undefined;
  @state() private listError: AdapterError | undefined;
  @state() private saveError: AdapterError | undefined;
  /** What another admin saved while this admin was picking, with the names it could find. */
  @state() private theirs:
    { overrides: VisibilityOverrides; changes: PicksDiff; names: Map<string, string> } | undefined;
  @state() private announcement: Kept = '';

  private readonly adapters = new AdapterController(this, (adapter) => this.adapterChanged(adapter));
  private readonly reads = new LatestRequest();
  private readonly lists = new LatestRequest();
  private readonly bulk = new LatestRequest();
  private readonly writes = new LatestRequest();
  private readonly writeKey = new WriteKey();
  private typing: ReturnType<typeof setTimeout> | undefined;
  /** What the list's error region retries: the page, or the last "all matching" action. */
  private retryBulk: (() => void) | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Whether picks are waiting to be saved: check it before the host navigates away. */
  get hasUnsavedChanges(): boolean {
    return this.pendingCount > 0;
  }

  /** Loads everything again; unsaved picks are kept. */
  async reload(): Promise<void> {
    await this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ownerDocument.addEventListener('masking-change', this.onMaskingChange);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    // Creating the first number formatter loads locale data (over 10 ms on a slow machine):
    // do it in a task of its own while the staff load, not in the task that renders them.
    setTimeout(() => this.isConnected && count(this, 0));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('masking-change', this.onMaskingChange);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    clearTimeout(this.typing);
  }

  private readonly onMaskingChange = (event: Event): void => {
    this.masking = (event as MaskingChangeEvent).detail.settings;
  };

  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.warnOnUnload && this.hasUnsavedChanges) event.preventDefault();
  };

  private adapterChanged(adapter: DeskguardAdapter | undefined): void {
    for (const request of [this.reads, this.lists, this.bulk, this.writes]) request.abort();
    this.saving = this.bulkBusy = this.listLoading = this.loading = false;
    if (adapter) void this.load();
  }

  private memo:
    { base?: VisibilityOverrides; picks: ReadonlySet<string>; saved: Set<string>; diff: PicksDiff } | undefined;

  /** The saved list as a set and the unsaved changes, worked out once per change of either. */
  private get draft(): { saved: Set<string>; diff: PicksDiff } {
    const { base, picks } = this;
    let memo = this.memo;
    if (!memo || memo.base !== base || memo.picks !== picks) {
      const saved = new Set(base?.staffIds);
      memo = this.memo = { base, picks, saved, diff: diffPicks(saved, picks) };
    }
    return memo;
  }

  private get pendingCount(): number {
    const { added, removed } = this.draft.diff;
    return this.base ? added.length + removed.length : 0;
  }

  /** Why the list cannot be changed, or undefined when it can. */
  private get readOnlyReason(): string | undefined {
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
    if (!canChangeSecuritySettings(this.viewer.role)) {
      return msg('Only owners and admins can change this list. Ask one of them if someone needs to be added.');
    }
    return undefined;
  }

  private async load(): Promise<void> {
    const adapter = this.adapters.adapter;
    if (!adapter) return;
    const signal = this.reads.next();
    this.loading = true;
    this.loadError = undefined;
    try {
      const [viewer, masking, overrides, locations] = await Promise.all([
        adapter.getViewer({ signal }),
        adapter.getMaskingSettings({ signal }),
        adapter.getVisibilityOverrides({ signal }),
        adapter.listLocations({ signal }),
        this.loadPage(),
      ]);
      if (signal.aborted) return;
      Object.assign(this, { viewer, masking, locations });
      this.receive(overrides);
    } catch (error) {
      const failure = toAdapterError(error);
      if (!signal.aborted && failure.kind !== 'aborted') this.loadError = failure;
    } finally {
      if (!signal.aborted) this.loading = false;
    }
  }

  /** Takes the saved list from the server without losing unsaved picks. */
  private receive(server: VisibilityOverrides): void {
    if (!this.base || this.pendingCount === 0) {
      this.base = server;
      this.picks = new Set(server.staffIds);
    } else if (server.version !== this.base.version) {
      void this.showTheirs(server);
    }
  }

  /** Loads the current page of staff for the filter; rejects on failure so a first load can report it. */
  private async loadPage(): Promise<void> {
    const adapter = this.adapters.adapter;
    if (!adapter) return;
    const signal = this.lists.next();
    this.listLoading = true;
    this.listError = undefined;
    try {
      const page = await adapter.listStaff({ ...this.filter, offset: this.offset, limit: PAGE_SIZE }, { signal });
      if (signal.aborted) return;
      this.page = page;
      this.active = Math.min(this.active, Math.max(0, page.items.length - 1));
      this.announcement = () => this.countText(page.total);
    } catch (error) {
      const failure = toAdapterError(error);
      if (signal.aborted || failure.kind === 'aborted') return;
      // Before the first page the whole element reports it; after, the list does.
      if (!this.page) throw failure;
      this.listError = failure;
      this.retryBulk = undefined;
    } finally {
      if (!signal.aborted) this.listLoading = false;
    }
  }

  private refreshPage(): void {
    void this.loadPage().catch((error: unknown) => (this.listError = toAdapterError(error)));
  }

  private setFilter(change: StaffFilter): void {
    this.filter = { ...this.filter, ...change };
    this.goToPage(0);
  }

  private onSearchInput(event: Event): void {
    const search = (event.target as HTMLInputElement).value;
    clearTimeout(this.typing);
    this.typing = setTimeout(() => this.setFilter({ search }), TYPING_PAUSE_MS);
  }

  private goToPage(offset: number): void {
    this.offset = offset;
    this.active = 0;
    this.refreshPage();
  }

  private setPicks(picks: ReadonlySet<string>): void {
    this.picks = picks;
    const { added, removed } = this.draft.diff;
    emit(
      this,
      new OverridePicksChangeEvent({ staffIds: [...picks], added, removed, pending: added.length + removed.length }),
    );
  }

  private toggle(member: StaffMember | undefined): void {
    if (!member || isAdminRole(member.role) || this.readOnlyReason || this.saving) return;
    const next = new Set(this.picks);
    if (!next.delete(member.id)) next.add(member.id);
    this.setPicks(next);
  }

  /** Adds or removes every pickable staff member matching the filter, fetched as ids from the backend. */
  private async pickAllMatching(pick: boolean): Promise<void> {
    const adapter = this.adapters.adapter;
    if (!adapter || this.bulkBusy || this.readOnlyReason) return;
    const signal = this.bulk.next();
    this.bulkBusy = true;
    this.listError = undefined;
    try {
      const ids = await adapter.listStaffIds(this.filter, { signal });
      if (signal.aborted) return;
      const next = new Set(this.picks);
      for (const id of ids) {
        if (pick) next.add(id);
        else next.delete(id);
      }
      this.setPicks(next);
      const n = ids.length;
      this.announcement = () =>
        pick ? msg(str`Picked ${count(this, n)} matching staff.`) : msg(str`Cleared ${count(this, n)} matching staff.`);
    } catch (error) {
      const failure = toAdapterError(error);
      if (!signal.aborted && failure.kind !== 'aborted') {
        this.listError = failure;
        this.retryBulk = () => void this.pickAllMatching(pick);
      }
    } finally {
      if (!signal.aborted) this.bulkBusy = false;
    }
  }

  private async save(): Promise<void> {
    const adapter = this.adapters.adapter;
    const base = this.base;
    if (!adapter || !base || this.saving || this.readOnlyReason || !this.hasUnsavedChanges) return;
    const signal = this.writes.next();
    this.saving = true;
    this.saveError = undefined;
    this.theirs = undefined;
    try {
      const input = { staffIds: [...this.picks], version: base.version };
      const saved = await adapter.updateVisibilityOverrides(input, {
        signal,
        idempotencyKey: this.writeKey.for(input),
      });
      if (signal.aborted) return;
      this.writeKey.clear();
      this.base = saved;
      this.setPicks(new Set(saved.staffIds));
      this.announcement = () => msg('Changes saved.');
      emit(this, new OverridesSavedEvent(saved));
    } catch (error) {
      const failure = toAdapterError(error);
      if (signal.aborted || failure.kind === 'aborted') return;
      if (failure.kind === 'conflict' && failure.current) {
        void this.showTheirs(failure.current as VisibilityOverrides);
      } else {
        this.saveError = failure;
      }
    } finally {
      if (!signal.aborted) this.saving = false;
    }
  }

  /** Shows what another admin saved meanwhile, naming the people they added or removed. */
  private async showTheirs(overrides: VisibilityOverrides): Promise<void> {
    const changes = diffPicks(this.base?.staffIds ?? [], new Set(overrides.staffIds));
    const names = new Map<string, string>();
    this.theirs = { overrides, changes, names };
    const ids = [...changes.added, ...changes.removed].slice(0, NAMED_IN_CONFLICT);
    const adapter = this.adapters.adapter;
    if (!ids.length || !adapter) return;
    try {
      const page = await adapter.listStaff({ ids, limit: ids.length });
      for (const member of page.items) names.set(member.id, member.name);
      if (this.theirs?.overrides === overrides) this.theirs = { overrides, changes, names };
    } catch {
      // The message still counts the changes; the names are a courtesy.
    }
  }

  private reapply(): void {
    const theirs = this.theirs?.overrides;
    if (!theirs || !this.base) return;
    const picks = rebasePicks(this.base.staffIds, theirs.staffIds, this.picks);
    this.base = theirs;
    this.theirs = undefined;
    this.setPicks(picks);
    void this.save();
  }

  private discard(): void {
    const server = this.theirs?.overrides ?? this.base;
    if (!server) return;
    this.base = server;
    this.theirs = undefined;
    this.saveError = undefined;
    this.setPicks(new Set(server.staffIds));
    this.announcement = () => msg('Your changes were discarded.');
  }

  /** The ways forward from a fault: `retry` repeats what failed; a reload keeps the picks. */
  private ways(retry: () => void): FaultWays {
    return {
      retry,
      reload: () => {
        this.saveError = this.listError = undefined;
        void this.load();
      },
    };
  }

  private onListKeyDown(event: KeyboardEvent): void {
    const items = this.page?.items ?? [];
    const page = this.page;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      this.toggle(items[this.active]);
      return;
    }
    // Page Down and Page Up turn the page, and so do the arrows across the reading direction:
    // → to the next page in a left-to-right page, ← in a right-to-left one, as the pager's buttons sit.
    const rtl = this.matches(':dir(rtl)');
    const step = { PageDown: 1, PageUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    if (page && step) {
      const offset = page.offset + step * PAGE_SIZE;
      if (offset >= 0 && offset < page.total) {
        event.preventDefault();
        this.goToPage(offset);
      }
      return;
    }
    const next = moveIndex(event.key, this.active, items.length);
    if (next === undefined) return;
    event.preventDefault();
    this.active = next;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('active' as keyof StaffOverrideListElement)) this.keepActiveInView();
  }

  /** Keeps the active row in view while the list has focus (never scrolls the host page otherwise). */
  private keepActiveInView(): void {
    const list = this.renderRoot.querySelector('[role="listbox"]');
    if (list && list === this.shadowRoot?.activeElement) {
      list.querySelector(`#o${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private countText(total: number): string {
    return plural(this, total, msg('=0:No staff match.|one:# staff member matches.|other:# staff members match.'));
  }

  protected override render(): TemplateResult {
    return card({
      title: msg('Data visibility override'),
      headingLevel: this.headingLevel,
      description: msg(
        'Staff you pick here still see customer phone numbers and email addresses while masking is on. Only staff with login access are listed: to add someone who is missing, give them login access in their staff profile first.',
      ),
      busy: this.loading || this.saving,
      body: this.renderBody(),
    });
  }

  private renderBody(): TemplateResult {
    if (!this.adapters.adapter) return noAdapterNotice();
    if (this.loadError) {
      return faultRegion(
        this.loadError,
        'loading',
        msg('The staff list could not be loaded.'),
        this.ways(() => void this.load()),
      );
    }
    if (!this.viewer || !this.masking || !this.base || !this.page) {
      return html`<p role="status" class="muted">${msg('Loading staff…')}</p>`;
    }
    const readOnly = this.readOnlyReason;
    return html`
      ${readOnly ? this.renderNotice(readOnly) : nothing} ${this.renderFilters()}
      <p id="count" part="count" class="muted" role="status">${shown(this.announcement)}</p>
      ${readOnly ? nothing : this.renderBulk()}
      ${
        this.listError
          ? faultRegion(
              this.listError,
              'loading',
              this.retryBulk
                ? msg('The matching staff could not be fetched.')
                : msg('This page of staff could not be loaded.'),
              this.ways(this.retryBulk ?? (() => this.refreshPage())),
            )
          : nothing
      }
      ${this.renderList(this.page, !!readOnly)} ${this.renderPager(this.page)}
      ${readOnly && !this.hasUnsavedChanges ? nothing : this.renderFooter()}
    `;
  }

  private renderNotice(reason: string): TemplateResult {
    const offPlan = !planSupportsMasking(this.masking!.plan);
    return html`<div part="notice" class="notice">
      <p>${reason}</p>
      ${
        offPlan && canChangeSecuritySettings(this.viewer!.role)
          ? html`<button part="button" type="button" @click=${() => emit(this, new UpgradeRequestEvent('premium'))}>
              ${msg('See plans')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderFilters(): TemplateResult {
    return html`<div part="filters" class="filters" role="search" aria-label=${msg('Filter staff')}>
      <label>
        <span>${msg('Name')}</span>
        <input
          part="filter"
          type="search"
          autocomplete="off"
          spellcheck="false"
          .value=${this.filter.search ?? ''}
          @input=${this.onSearchInput}
        />
      </label>
      <label>
        <span>${msg('Role')}</span>
        <select
          part="filter"
          .value=${this.filter.role ?? ''}
          @change=${(e: Event) => this.setFilter({ role: ((e.target as HTMLSelectElement).value as Role) || undefined })}
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
          @change=${(e: Event) => this.setFilter({ locationId: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="">${msg('All locations')}</option>
          ${this.locations.map(
            (l) => html`<option value=${l.id} ?selected=${this.filter.locationId === l.id}>${l.name}</option>`,
          )}
        </select>
      </label>
    </div>`;
  }

  private renderBulk(): TemplateResult {
    const busy = this.bulkBusy || this.saving;
    return html`<div part="bulk" class="actions">
      <button part="button" type="button" ?disabled=${busy} @click=${() => this.pickAllMatching(true)}>
        ${msg('Pick all matching')}
      </button>
      <button part="button" type="button" ?disabled=${busy} @click=${() => this.pickAllMatching(false)}>
        ${msg('Clear all matching')}
      </button>
      <button
        part="button"
        type="button"
        ?disabled=${busy || this.picks.size === 0}
        @click=${() => this.setPicks(new Set())}
      >
        ${msg('Pick none')}
      </button>
    </div> `;
  }

  private renderList(page: Page<StaffMember>, readOnly: boolean): TemplateResult {
    if (page.items.length === 0) {
      const filtered = !!(this.filter.search || this.filter.role || this.filter.locationId);
      return html`<div part="notice" class="notice">
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
                @click=${() => this.setFilter({ search: '', role: undefined, locationId: undefined })}
              >
                ${msg('Clear filters')}
              </button>`
            : nothing
        }
      </div>`;
    }
    const saved = this.draft.saved;
    return html`<div
      part="list"
      class="list"
      role="listbox"
      tabindex="0"
      aria-multiselectable="true"
      aria-labelledby="heading"
      aria-describedby="count"
      aria-readonly=${readOnly}
      aria-busy=${this.listLoading}
      aria-activedescendant="o${this.active}"
      @keydown=${this.onListKeyDown}
    >
      ${page.items.map((member, i) => {
        const always = isAdminRole(member.role);
        const picked = always || this.picks.has(member.id);
        return html`<div
          id="o${i}"
          part="option"
          role="option"
          class=${i === this.active ? 'active' : ''}
          aria-selected=${picked}
          aria-disabled=${always || readOnly}
          @click=${() => {
            this.active = i;
            this.toggle(member);
          }}
        >
          <span class="check" aria-hidden="true"></span>
          <span class="who">
            <span class="name">${member.name}</span>
            <span class="muted">${roleName(member.role)} · ${member.locationName}</span>
          </span>
          <span part="status" class="status">${this.statusText(always, picked, saved.has(member.id))}</span>
        </div>`;
      })}
    </div>`;
  }

  private statusText(always: boolean, picked: boolean, saved: boolean): string {
    if (always) return msg('Always sees contacts');
    if (picked && saved) return msg('Sees contacts');
    if (picked) return msg('Will see contacts (unsaved)');
    if (saved) return msg('Will stop seeing contacts (unsaved)');
    return '';
  }

  private renderPager(page: Page<StaffMember>): TemplateResult | typeof nothing {
    if (page.total <= PAGE_SIZE) return nothing;
    const from = page.offset + 1;
    const to = page.offset + page.items.length;
    return html`<div part="pager" class="pager">
      <p class="muted">${msg(str`Showing ${count(this, from)}–${count(this, to)} of ${count(this, page.total)}`)}</p>
      <div class="actions">
        <button
          part="button"
          type="button"
          ?disabled=${page.offset === 0}
          @click=${() => this.goToPage(Math.max(0, page.offset - PAGE_SIZE))}
        >
          ${msg('Previous page')}
        </button>
        <button
          part="button"
          type="button"
          ?disabled=${to >= page.total}
          @click=${() => this.goToPage(page.offset + PAGE_SIZE)}
        >
          ${msg('Next page')}
        </button>
      </div>
    </div>`;
  }

  private renderFooter(): TemplateResult {
    const pending = this.pendingCount;
    const blocked = pending === 0 || this.saving || !!this.readOnlyReason;
    return html`
      <div class="footer">
        <p part="pending" role="status">
          ${
            this.saving
              ? msg('Saving…')
              : plural(this, pending, msg('=0:No unsaved changes.|one:# unsaved change.|other:# unsaved changes.'))
          }
        </p>
        <div class="actions">
          <button part="button" type="button" class="primary" ?disabled=${blocked} @click=${this.save}>
            ${msg('Save')}
          </button>
          <button part="button" type="button" ?disabled=${pending === 0 || this.saving} @click=${() => this.discard()}>
            ${msg('Cancel')}
          </button>
        </div>
      </div>
      ${this.theirs ? this.renderTheirs(this.theirs) : nothing}
      ${
        this.saveError
          ? faultRegion(
              this.saveError,
              'saving',
              msg('Your changes were not saved.'),
              this.ways(() => void this.save()),
              html`<button part="button" type="button" @click=${() => (this.saveError = undefined)}>
                ${msg('Dismiss')}
              </button>`,
            )
          : nothing
      }
    `;
  }

  private renderTheirs({ overrides, changes, names }: NonNullable<typeof this.theirs>): TemplateResult {
    const { added, removed } = changes;
    const list = (ids: string[]) => {
      const known = ids.map((id) => names.get(id)).filter((n): n is string => !!n);
      const more = ids.length - known.length;
      if (!known.length) return plural(this, ids.length, msg('one:# staff member|other:# staff'));
      return known.join(', ') + (more ? ', ' + msg(str`${count(this, more)} more`) : '');
    };
    const who = overrides.updatedBy?.name ?? msg('Another admin');
    return html`<div part="error" class="error" role="alert">
      <p><strong>${msg(str`${who} saved changes to this list while you were working.`)}</strong></p>
      <ul>
        ${added.length ? html`<li>${msg('They added:')} ${list(added)}</li>` : nothing}
        ${removed.length ? html`<li>${msg('They removed:')} ${list(removed)}</li>` : nothing}
      </ul>
      <p>${msg('Your changes are kept and not saved yet. Apply them on top of theirs, or discard them.')}</p>
      <div class="actions">
        <button part="button" type="button" class="primary" data-action="reapply" @click=${() => this.reapply()}>
          ${msg('Apply my changes and save')}
        </button>
        <button part="button" type="button" @click=${() => this.discard()}>${msg('Discard my changes')}</button>
      </div>
    </div>`;
  }
}

/**
 * A reference implementation of the adapter contract's rules over in-memory data.
 * The in-memory adapter calls it directly and the MSW mock backend serves it over
 * HTTP, so both enforce exactly the same rules. Pure TypeScript: runs in Node too.
 */
import { AdapterError } from '../core/errors.js';
import type {
  AlertContext,
  AlertResolutionInput,
  AlertResolutionResult,
  Client,
  ClientAlert,
  ClientAlerts,
  ClientQuery,
  ContactLog,
  ContactLogEntry,
  EntryFlag,
  EntryLogEntry,
  EntryLogPage,
  EntryLogQuery,
  ContactLogQuery,
  ContactLogSortField,
  CursorPage,
  ReportExport,
  ReportReplay,
  ReplayColumn,
  SensitiveReport,
  StaffActivityEntry,
  StaffActivityPage,
  StaffActivityQuery,
  AuditEvent,
  StaffAccess,
  StaffAccessChange,
  DeclineInput,
  GiftCardReservation,
  Location,
  MaskingSettings,
  GroupChange,
  LoginSecurity,
  LoginSecuritySettings,
  Page,
  PermissionGroups,
  PersonRef,
  Plan,
  StaffFilter,
  StaffMember,
  StaffQuery,
  VerificationQuery,
  VerificationRequest,
  VerificationSortField,
  VerifyInput,
  Viewer,
  VisibilityOverrides,
} from '../core/types.js';
import { arrivalsAlertFires, arrivalsInWindow, balanceAlertFires, isThresholdAlert } from '../domain/alert-rules.js';
import { looksLikeBankCard } from '../domain/giftcard-id.js';
import { toCsv } from '../domain/csv.js';
import { foldForSearch } from '../domain/fold.js';
import {
  canSeeContacts,
  contactForViewer,
  contactKeyForViewer,
  emailsMatch,
  isAdminRole,
  maskingInEffect,
  planSupportsMasking,
} from '../policy/policy.js';
import {
  ADMINISTER_GROUPS,
  applyGroupChange,
  can,
  checkGroupChange,
  DEFAULT_CATALOGUE,
  PERMISSION_SECTIONS,
  permissionsOf,
  type PermissionCatalogue,
  ROLE_GROUPS,
  type GroupsState,
} from '../policy/permissions.js';
import { checkLoginSecuritySettings, checkPassword, DEFAULT_LOGIN_SECURITY } from '../policy/passwords.js';
import { compareIds, SortedIndex, sortById } from './sorted-index.js';
import {
  ALERT_ACTIONS,
  MAX_REASON_LENGTH,
  type BackendData,
  type ClientRecord,
  type StaffRecord,
  type VerificationRecord,
} from './data.js';

export interface MemoryBackendOptions {
  /** The clock, epoch milliseconds; `Date.now` by default. */
  now?: () => number;
  /** The permissions groups grant: the kit's, or with a host's own added (`new PermissionCatalogue([...])`). */
  catalogue?: PermissionCatalogue;
  /** The common-password check for new passwords (`isCommonPassword` of `deskguard/passwords.js`); none by default. */
  isCommonPassword?: (password: string) => boolean;
}

const MAX_PAGE = 500;

/** How names and addresses are ordered: case and accents aside, numbers by value. */
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** What `listVerificationRequests` may sort by. */
export const VERIFICATION_SORT_FIELDS: readonly VerificationSortField[] = [
  'requestedAt',
  'nameEntered',
  'submittedEmail',
  'client',
  'status',
];

/** What `listContactLogs` may sort by. */
export const CONTACT_LOG_SORT_FIELDS: readonly ContactLogSortField[] = ['at', 'client', 'staff', 'subtype', 'action'];

const ALERT_KINDS = ['red', 'yellow', 'account-balance', 'arrivals'];
const ACTIONS = ['ignore', 'sign-in', 'reject'];
const ALERT_CONTEXTS = ['profile', 'booking', 'sign-in'];

/** A field error for each query value outside its allowed ones. */
function valuesOutside<Q extends object>(
  query: Q,
  allowed: Partial<Record<keyof Q, readonly string[]>>,
  fieldErrors: Record<string, string> = {},
): Record<string, string> {
  for (const [name, values] of Object.entries(allowed) as [keyof Q & string, readonly string[]][]) {
    const value = query[name];
    if (value !== undefined && !values.includes(String(value))) fieldErrors[name] = `One of ${values.join(', ')}`;
  }
  return fieldErrors;
}

/** A contact log's alert in words, as staff saw it: its text, or its figures against its limit. */
export function alertInWords(alert: ClientAlert): string {
  switch (alert.kind) {
    case 'account-balance':
      return `Balance ${(alert.balanceMinor / 100).toFixed(2)} ${alert.currency}, threshold ${(alert.thresholdMinor / 100).toFixed(2)}`;
    case 'arrivals':
      return `${alert.arrivals} arrivals in ${alert.windowHours} h, limit ${alert.maxArrivals}`;
    default:
      return alert.text;
  }
}

export { foldForSearch };

/** Up to how many requests in a date range are put in order directly rather than found by a walk. */
const ARRANGE_AT_MOST = 20_000;

/**
 * A report's rows, oldest first, in the order asked: by time (as they are, or reversed),
 * or by a person's name as search folds it, ties by id.
 */
function inOrder<T extends { id: string }>(
  rows: T[],
  direction: 'asc' | 'desc' | undefined,
  name?: (row: T) => string,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  if (!name) return sign < 0 ? rows.reverse() : rows;
  const keyed = rows.map((row) => [foldForSearch(name(row)), row] as const);
  keyed.sort(([a, x], [b, y]) => (a < b ? -sign : a > b ? sign : compareIds(x.id, y.id)));
  return keyed.map(([, row]) => row);
}

function pageOf<T>(all: T[], offset = 0, limit = 50): Page<T> {
  const safeOffset = Math.max(0, Math.trunc(offset));
  const safeLimit = Math.min(MAX_PAGE, Math.max(1, Math.trunc(limit)));
  return {
    items: all.slice(safeOffset, safeOffset + safeLimit),
    total: all.length,
    offset: safeOffset,
    limit: safeLimit,
  };
}

/** Changes some fields of a stored record; a misspelt field or a value of the wrong type does not compile. */
function update<T extends object>(record: T, change: Partial<T>): void {
  Object.assign(record, change);
}

/** A staff member's permission group: their own, else their role's default; the owner is in none. */
export function groupOf(staff: StaffRecord): string | null {
  if (staff.role === 'owner') return null;
  return staff.groupId !== undefined ? staff.groupId : ROLE_GROUPS[staff.role];
}

const GROUP_CHANGE_KINDS = new Set(['create', 'rename', 'set-permissions', 'restrict', 'delete', 'move']);
const strings = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Whether a change from the wire has the shape its kind needs (the rules are checked after). */
function isGroupChange(value: unknown): value is GroupChange {
  const c = value as Record<string, unknown> | null;
  if (!c || typeof c !== 'object' || !GROUP_CHANGE_KINDS.has(c['kind'] as string)) return false;
  const group = c['group'] as Record<string, unknown> | undefined;
  switch (c['kind']) {
    case 'create':
      return typeof group?.['id'] === 'string' && typeof group['name'] === 'string' && strings(group['permissions']);
    case 'rename':
      return typeof c['groupId'] === 'string' && typeof c['name'] === 'string';
    case 'set-permissions':
      return typeof c['groupId'] === 'string' && strings(c['permissions']);
    case 'restrict':
      return typeof c['groupId'] === 'string' && (c['allowedAddresses'] === null || strings(c['allowedAddresses']));
    case 'delete':
      return typeof c['groupId'] === 'string' && (c['reassignTo'] === undefined || typeof c['reassignTo'] === 'string');
    default:
      return typeof c['staffId'] === 'string' && (c['groupId'] === null || typeof c['groupId'] === 'string');
  }
}

function ref(staff: StaffRecord): PersonRef {
  return { id: staff.id, name: staff.name };
}

export class MemoryBackend {
  readonly data: BackendData;
  private readonly now: () => number;
  private readonly catalogue: PermissionCatalogue;
  private readonly replays = new Map<string, unknown>();
  /** When each staff member last looked at a client's alerts, by where: what a contact log calls "shown". */
  private readonly alertsShown = new Map<string, string>();
  private readonly isCommonPassword: ((password: string) => boolean) | undefined;
  /** Audit events of some actions in time order, by name, for the list and length they were made of. */
  private readonly ordered = new Map<
    string,
    { of: AuditEvent[]; count: number; sorted: AuditEvent[]; mended: number }
  >();
  /** Rows made from those events, by name (see `rowsOf`). */
  private readonly rowCache = new Map<string, unknown>();
  /** A time zone's offset from UTC in minutes, by hour since the epoch. */
  private offsets: { zone: string; byHour: Map<number, number> } = { zone: '', byHour: new Map() };
  /** Where each signed-in staff member is: what their audit events record as context. */
  private readonly sessions = new Map<string, AuditEvent['context']>();
  /** The contact logs by time, for the array and length it was made of. */
  private byTime: { of: ContactLog[]; count: number; sorted: ContactLog[] } | undefined;
  /** The sorted link requests by field, and the counts by status, for the list they were built from. */
  private indexed: {
    list: VerificationRecord[] | undefined;
    length: number;
    byId: VerificationRecord[] | undefined;
    indexes: Map<string, SortedIndex<VerificationRecord>>;
    counts: Map<string, number> | undefined;
  } = { list: undefined, length: 0, byId: undefined, indexes: new Map(), counts: undefined };

  constructor(data: BackendData, options: MemoryBackendOptions = {}) {
    this.data = data;
    this.now = options.now ?? Date.now;
    this.catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
    this.isCommonPassword = options.isCommonPassword;
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  /**
   * A staff member signs in from an address (the host's own sign-in calls this): recorded
   * as `staff.signed_in`, and the address goes with everything they do until the next
   * sign-in. Someone without login access is refused, and the attempt recorded.
   */
  signIn(staffId: string, context: { ip: string; userAgent?: string }): Viewer {
    const staff = this.staffMember(staffId);
    const session = { ...context, sessionId: `session-${this.data.auditEvents.length + 1}` };
    if (!staff.hasLoginAccess) {
      this.audit(staff, 'staff.sign_in_failed', null, {}, undefined, session, 'failure');
      throw new AdapterError('unauthorized', { message: 'This staff member has no login' });
    }
    this.sessions.set(staff.id, session);
    if (staff.login) {
      staff.login.lastSignInAt = this.isoNow();
      staff.login.sessions += 1;
    }
    this.audit(staff, 'staff.signed_in', null, {});
    return this.getViewer(staff.id);
  }

  /** The signed-in staff member; `unauthorized` when unknown or without login access. */
  private signedIn(viewerId: string): StaffRecord {
    const staff = this.data.staff.find((s) => s.id === viewerId);
    if (!staff?.hasLoginAccess) throw new AdapterError('unauthorized', { message: 'Sign in to continue' });
    return staff;
  }

  /**
   * Staff as the permission rules see them; with `only`, that one person: what one person
   * may do needs nobody else, and a business may have hundreds of thousands of staff.
   */
  private groupsState(only?: StaffRecord): GroupsState {
    return {
      groups: this.data.permissionGroups.groups,
      staff: (only ? [only] : this.data.staff).map((s) => ({
        id: s.id,
        owner: s.role === 'owner',
        groupId: groupOf(s),
      })),
    };
  }

  /** The viewer, when their group grants `permission` (the owner always may); otherwise `forbidden` with `message`. */
  private requirePermission(viewer: StaffRecord, permission: string, message: string): StaffRecord {
    if (!can(this.groupsState(viewer), viewer.id, permission, this.catalogue))
      throw new AdapterError('forbidden', { message });
    return viewer;
  }

  private mayChangeSettings(viewer: StaffRecord): void {
    this.requirePermission(
      viewer,
      'manager-tools.security-settings',
      'Only owners and admins can change security settings',
    );
  }

  /**
   * The Security Verification report, and verifying or declining from it, is for staff
   * whose group grants it: linking a login opens a client's account to whoever holds it.
   */
  private mayOpenVerificationReport(viewer: StaffRecord): StaffRecord {
    return this.requirePermission(
      viewer,
      'reports.security-verification',
      'Your permission group does not include the Security Verification report',
    );
  }

  private requirePremium(): void {
    if (!planSupportsMasking(this.data.business.plan)) {
      throw new AdapterError('plan-required', {
        requiredPlan: 'premium',
        message: 'Masking needs the premium plan',
      });
    }
  }

  /** Replays the first result of a non-idempotent write with the same key. */
  private once<T>(scope: string, key: string | undefined, write: () => T): T {
    if (!key) return write();
    const id = `${scope}:${key}`;
    if (this.replays.has(id)) return structuredClone(this.replays.get(id)) as T;
    const result = write();
    this.replays.set(id, structuredClone(result));
    return result;
  }

  private viewerSeesContacts(viewer: StaffRecord): boolean {
    return canSeeContacts({
      viewer,
      masking: { enabled: this.data.masking.enabled, plan: this.data.business.plan },
      overrides: this.data.overrides.staffIds,
    });
  }

  getViewer(viewerId: string): Viewer {
    const staff = this.signedIn(viewerId);
    const { id, name, plan } = this.data.business;
    return {
      id: staff.id,
      name: staff.name,
      role: staff.role,
      businessId: id,
      businessName: name,
      plan,
      canSeeContacts: this.viewerSeesContacts(staff),
      permissions: this.holds(staff),
    };
  }

  getMaskingSettings(viewerId: string): MaskingSettings {
    this.signedIn(viewerId);
    const { masking, business } = this.data;
    return {
      enabled: masking.enabled,
      plan: business.plan,
      effective: maskingInEffect({ enabled: masking.enabled, plan: business.plan }),
      version: masking.version,
      updatedAt: masking.updatedAt,
      updatedBy: masking.updatedBy ? { ...masking.updatedBy } : null,
    };
  }

  private conflict(current: unknown, message: string): AdapterError {
    return new AdapterError('conflict', { current, message });
  }

  updateMaskingSettings(
    viewerId: string,
    input: { enabled: boolean; version: number },
    idempotencyKey?: string,
  ): MaskingSettings {
    const viewer = this.signedIn(viewerId);
    this.mayChangeSettings(viewer);
    this.requirePremium();
    return this.once(`masking:${viewerId}`, idempotencyKey, () => {
      if (typeof input.enabled !== 'boolean')
        throw new AdapterError('validation', { fieldErrors: { enabled: 'Must be true or false' } });
      const { masking } = this.data;
      if (input.version !== masking.version) {
        throw this.conflict(this.getMaskingSettings(viewerId), 'The setting was changed by someone else');
      }
      this.audit(viewer, 'masking.changed', null, { enabled: { old: masking.enabled, new: input.enabled } });
      update(masking, {
        enabled: input.enabled,
        version: masking.version + 1,
        updatedAt: this.isoNow(),
        updatedBy: ref(viewer),
      });
      return this.getMaskingSettings(viewerId);
    });
  }

  /** Every permission a staff member holds, implied ones included; every one for the owner. */
  private holds(staff: StaffRecord): string[] {
    const held = permissionsOf(this.groupsState(staff), staff.id, this.catalogue);
    return held === 'all' ? this.catalogue.permissions.map((p) => p.id) : [...held];
  }

  getPermissionGroups(viewerId: string): PermissionGroups {
    const viewer = this.signedIn(viewerId);
    const state = this.groupsState();
    const members = new Map<string, number>();
    for (const s of this.data.staff) {
      const group = s.hasLoginAccess ? groupOf(s) : null;
      if (group) members.set(group, (members.get(group) ?? 0) + 1);
    }
    const held = permissionsOf(state, viewerId, this.catalogue);
    const all = this.catalogue.permissions;
    const sections: { id: string; label: string }[] = PERMISSION_SECTIONS.map((section) => ({ ...section }));
    // A host's own sections follow the kit's, named by their ids.
    for (const { section } of all)
      if (!sections.some((s) => s.id === section)) sections.push({ id: section, label: section });
    const { version, updatedAt, updatedBy } = this.data.permissionGroups;
    return {
      sections,
      permissions: all.map((p) => ({
        id: p.id,
        section: p.section,
        label: p.label,
        description: p.description,
        sensitive: p.sensitive ?? null,
        implies: [...(p.implies ?? [])],
      })),
      groups: state.groups.map((g) => ({
        id: g.id,
        name: g.name,
        permissions: [...g.permissions],
        allowedAddresses: g.allowedAddresses ? [...g.allowedAddresses] : null,
        memberCount: members.get(g.id) ?? 0,
      })),
      viewer: {
        groupId: groupOf(viewer),
        owner: viewer.role === 'owner',
        canAdminister: held === 'all' || held.has(ADMINISTER_GROUPS),
        holds: this.holds(viewer),
      },
      version,
      updatedAt,
      updatedBy: updatedBy ? { ...updatedBy } : null,
    };
  }

  /**
   * Makes a list of changes to the groups, all or none, each checked by the rules of
   * change (`checkGroupChange`) on the groups as the ones before it left them.
   * `forbidden` for a viewer who may not administer groups; `validation` naming the
   * rule for a change the rules refuse; `conflict` on a stale version.
   */
  updatePermissionGroups(
    viewerId: string,
    input: { changes: GroupChange[]; version: number },
    idempotencyKey?: string,
  ): PermissionGroups {
    const viewer = this.signedIn(viewerId);
    return this.once(`groups:${viewerId}`, idempotencyKey, () => {
      const record = this.data.permissionGroups;
      const { changes } = input;
      if (!Array.isArray(changes) || !changes.length || !changes.every(isGroupChange))
        throw new AdapterError('validation', {
          fieldErrors: { changes: 'List the changes to make, each of a known kind' },
        });
      if (input.version !== record.version)
        throw this.conflict(this.getPermissionGroups(viewerId), 'The permission groups were changed by someone else');
      let state = this.groupsState();
      for (const change of changes) {
        const problems = checkGroupChange(state, viewer.id, change, this.catalogue);
        if (problems.some((p) => p.code === 'not-allowed'))
          throw new AdapterError('forbidden', { message: problems[0]!.message });
        if (problems.length) {
          const described = problems.map((p) => p.message + (p.permissions ? ` (${p.permissions.join(', ')})` : ''));
          throw new AdapterError('validation', {
            message: described.join('. '),
            fieldErrors: { changes: described.join('. ') },
          });
        }
        state = applyGroupChange(state, change);
      }
      const groupIds = new Map(state.staff.map((s) => [s.id, s.groupId]));
      for (const staff of this.data.staff) {
        const groupId = groupIds.get(staff.id) ?? null;
        if (staff.role !== 'owner' && groupId !== groupOf(staff)) staff.groupId = groupId;
      }
      this.audit(viewer, 'permission_group.changed', null, {
        groups: { old: record.groups, new: state.groups },
      });
      update(record, {
        groups: state.groups.map((g) => structuredClone(g)),
        version: record.version + 1,
        updatedAt: this.isoNow(),
        updatedBy: ref(viewer),
      });
      return this.getPermissionGroups(viewerId);
    });
  }

  /** Records what a staff member did, for the activity reports. */
  private audit(
    viewer: StaffRecord,
    action: string,
    target: StaffRecord | null,
    changes: AuditEvent['changes'],
    metadata?: AuditEvent['metadata'],
    session = this.sessions.get(viewer.id),
    outcome: AuditEvent['outcome'] = 'success',
  ): void {
    this.data.auditEvents.push({
      id: `audit-${this.data.auditEvents.length + 1}`,
      occurredAt: this.isoNow(),
      action,
      outcome,
      actor: { type: 'staff', id: viewer.id, name: viewer.name, role: viewer.role },
      targets: target ? [{ type: 'staff', id: target.id, name: target.name }] : [],
      context: { ...session, locationId: viewer.locationId },
      changes: structuredClone(changes),
      reason: null,
      ...(metadata && { metadata: structuredClone(metadata) }),
    });
  }

  /**
   * Records that a viewer opened (its first page, with these filters) or exported a report
   * of sensitive data, and whether contacts were hidden from them: what the Staff Activity
   * report reads and replays. A replay records the masking it showed and what it replayed.
   */
  private reportAccess(
    viewerId: string,
    report: SensitiveReport,
    filters: object,
    exported?: { format: string; rows: number },
    replay?: { of: string; masked: boolean },
  ): void {
    const viewer = this.signedIn(viewerId);
    // As a URL would carry them: text and numbers.
    const defined = Object.fromEntries(
      Object.entries(filters)
        .filter(([key, value]) => value !== undefined && key !== 'cursor' && key !== 'offset' && key !== 'limit')
        .map(([key, value]) => [key, typeof value === 'boolean' ? String(value) : value]),
    );
    const masked = replay ? replay.masked : !this.viewerSeesContacts(viewer);
    this.audit(
      viewer,
      exported ? 'report.exported' : 'report.viewed',
      null,
      {},
      {
        report,
        filters: defined,
        masked,
        ...exported,
        ...(replay && { replayOf: replay.of }),
      },
    );
  }

  /** The staff member whose access is asked for; `not-found` for an id the business has no staff member with. */
  private staffMember(staffId: string): StaffRecord {
    const staff = this.data.staff.find((s) => s.id === staffId);
    if (!staff) throw new AdapterError('not-found', { message: 'No staff member with this id' });
    return staff;
  }

  private mayManageLogins(viewer: StaffRecord): boolean {
    return can(this.groupsState(viewer), viewer.id, 'manager-tools.manage-staff-logins', this.catalogue);
  }

  getStaffAccess(viewerId: string, staffId: string): StaffAccess {
    const viewer = this.signedIn(viewerId);
    const staff = this.staffMember(staffId);
    const canManage = this.mayManageLogins(viewer);
    if (!canManage && viewer.id !== staff.id)
      throw new AdapterError('forbidden', {
        message: 'Your permission group does not include managing other staff members’ logins',
      });
    const login = this.loginOf(staff);
    const locked = !!login?.lockedUntil && login.lockedUntil > this.isoNow();
    const groupId = staff.hasLoginAccess ? groupOf(staff) : null;
    const group = this.data.permissionGroups.groups.find((g) => g.id === groupId);
    const location = this.data.locations.find((l) => l.id === staff.locationId);
    return {
      staff: { id: staff.id, name: staff.name, role: staff.role },
      status: !login ? 'no-login' : locked ? 'locked' : 'active',
      username: login?.username ?? null,
      lockedUntil: locked ? login!.lockedUntil : null,
      lastSignInAt: login?.lastSignInAt ?? null,
      twoFactor: login?.twoFactor ?? false,
      group: group ? { id: group.id, name: group.name } : null,
      locations: location ? [{ ...location }] : [],
      onOverrideList: this.data.overrides.staffIds.includes(staff.id),
      // The backend sees what a browser cannot: other staff signing in with the same username.
      sharedWith: login
        ? this.data.staff
            .filter(
              (s) =>
                s !== staff && s.hasLoginAccess && s.login?.username.toLowerCase() === login.username.toLowerCase(),
            )
            .map(ref)
        : [],
      canManage,
      version: staff.accessVersion ?? 1,
    };
  }

  changeStaffAccess(viewerId: string, input: StaffAccessChange, idempotencyKey?: string): StaffAccess {
    const viewer = this.signedIn(viewerId);
    return this.once(`access:${viewerId}`, idempotencyKey, () => {
      const staff = this.staffMember(input.staffId);
      if (!this.mayManageLogins(viewer))
        throw new AdapterError('forbidden', {
          message: 'Your permission group does not include managing other staff members’ logins',
        });
      if ((staff.accessVersion ?? 1) !== input.version)
        throw this.conflict(
          this.getStaffAccess(viewerId, staff.id),
          'This staff member’s access was changed by someone else',
        );
      const invalid = (field: string, message: string) =>
        new AdapterError('validation', { message, fieldErrors: { [field]: message } });
      const before = this.getStaffAccess(viewerId, staff.id);
      const login = this.loginOf(staff);
      const needsLogin = () => {
        if (!login) throw invalid('action', 'This staff member has no login');
        return login;
      };
      const changes: AuditEvent['changes'] = {};
      switch (input.action) {
        case 'unlock':
          needsLogin().lockedUntil = null;
          changes['lockedUntil'] = { old: before.lockedUntil, new: null };
          break;
        case 'sign-out-everywhere':
          changes['sessions'] = { old: needsLogin().sessions, new: 0 };
          login!.sessions = 0;
          break;
        case 'reset-two-factor':
          needsLogin().twoFactor = false;
          changes['twoFactor'] = { old: before.twoFactor, new: false };
          break;
        case 'rename-login': {
          const username = (input.username ?? '').trim();
          needsLogin();
          if (username.length < 3) throw invalid('username', 'A username needs at least 3 characters');
          if (/^owner$/i.test(username))
            throw invalid('username', 'Choose a name of your own, not the generic “owner”');
          if (this.usernameTaken(username, staff))
            throw invalid('username', 'Someone else signs in with this username');
          changes['username'] = { old: login!.username, new: username };
          login!.username = username;
          break;
        }
        case 'change-group': {
          if (staff.role === 'owner') throw invalid('groupId', 'The owner’s login is in no group');
          // Through the rules of change, as the permission groups editor would make it.
          this.updatePermissionGroups(viewerId, {
            changes: [{ kind: 'move', staffId: staff.id, groupId: input.groupId ?? null }],
            version: this.data.permissionGroups.version,
          });
          changes['group'] = { old: before.group?.id ?? null, new: input.groupId ?? null };
          break;
        }
        case 'deactivate': {
          if (staff.id === viewer.id) throw invalid('action', 'You cannot deactivate yourself');
          if (staff.role === 'owner') throw invalid('action', 'The owner cannot be deactivated');
          if (!staff.hasLoginAccess && !staff.login)
            throw invalid('action', 'This staff member is already deactivated');
          const typed = foldForSearch((input.confirmName ?? '').trim());
          if (typed !== foldForSearch(staff.name))
            throw invalid('confirmName', 'Type the staff member’s name as it is shown');
          changes['login'] = { old: before.username, new: null };
          changes['group'] = { old: before.group?.id ?? null, new: null };
          changes['locations'] = { old: before.locations.map((l) => l.id), new: [] };
          changes['onOverrideList'] = { old: before.onOverrideList, new: false };
          staff.hasLoginAccess = false;
          delete staff.login;
          staff.groupId = null;
          staff.locationId = '';
          // Losing access to the business loses the override with it, for good: a reactivated
          // person must be put back on the list by someone who means it.
          const { overrides } = this.data;
          if (overrides.staffIds.includes(staff.id))
            update(overrides, {
              staffIds: overrides.staffIds.filter((id) => id !== staff.id),
              version: overrides.version + 1,
              updatedAt: this.isoNow(),
              updatedBy: ref(viewer),
            });
          break;
        }
        case 'reactivate': {
          if (staff.hasLoginAccess) throw invalid('action', 'This staff member already has a login');
          const username = (input.username ?? '').trim();
          if (username.length < 3) throw invalid('username', 'A username needs at least 3 characters');
          if (this.usernameTaken(username, staff))
            throw invalid('username', 'Someone else signs in with this username');
          const problems = checkPassword(input.password ?? '', this.data.loginSecurity.settings, {
            isCommon: this.isCommonPassword,
            personal: [staff.name, ...staff.name.split(/\s+/), username],
          });
          if (problems.length) throw invalid('password', `The password breaks the login rules: ${problems.join(', ')}`);
          // New login details, and nothing else: no group, no location, no place on the override list.
          staff.hasLoginAccess = true;
          staff.login = { username, lockedUntil: null, lastSignInAt: null, twoFactor: false, sessions: 0 };
          staff.groupId = null;
          changes['login'] = { old: null, new: username };
          break;
        }
        default:
          throw invalid('action', 'Not an action on staff access');
      }
      staff.accessVersion = (staff.accessVersion ?? 1) + 1;
      const names: Record<string, string> = {
        unlock: 'staff.unlocked',
        'sign-out-everywhere': 'staff.signed_out_everywhere',
        'reset-two-factor': 'staff.two_factor_reset',
        'rename-login': 'staff.login_renamed',
        'change-group': 'permission_group.member_changed',
        deactivate: 'staff.deactivated',
        reactivate: 'staff.reactivated',
      };
      this.audit(viewer, names[input.action]!, staff, changes);
      return this.getStaffAccess(viewerId, staff.id);
    });
  }

  /** The login of a staff member with login access; one seeded without details gets them on first use. */
  private loginOf(staff: StaffRecord): StaffRecord['login'] {
    if (!staff.hasLoginAccess) return undefined;
    staff.login ??= { username: staff.id, lockedUntil: null, lastSignInAt: null, twoFactor: false, sessions: 0 };
    return staff.login;
  }

  private usernameTaken(username: string, except: StaffRecord): boolean {
    return this.data.staff.some(
      (s) => s !== except && s.hasLoginAccess && s.login?.username.toLowerCase() === username.toLowerCase(),
    );
  }

  getLoginSecurity(viewerId: string): LoginSecurity {
    const viewer = this.signedIn(viewerId);
    const { settings, version, updatedAt, updatedBy } = this.data.loginSecurity;
    return {
      settings: structuredClone(settings),
      groups: this.data.permissionGroups.groups.map((g) => ({ id: g.id, name: g.name })),
      canChange: can(this.groupsState(viewer), viewer.id, 'manager-tools.security-settings', this.catalogue),
      version,
      updatedAt,
      updatedBy: updatedBy ? { ...updatedBy } : null,
    };
  }

  /**
   * Saves the login rules: `forbidden` without "Change security settings"; `validation`
   * by field for anything weaker than the seed's rules or a group that does not exist;
   * `conflict` with the current rules on a stale version.
   */
  updateLoginSecurity(
    viewerId: string,
    input: { settings: LoginSecuritySettings; version: number },
    idempotencyKey?: string,
  ): LoginSecurity {
    const viewer = this.signedIn(viewerId);
    this.mayChangeSettings(viewer);
    return this.once(`login-security:${viewerId}`, idempotencyKey, () => {
      const settings = input.settings ?? ({} as LoginSecuritySettings);
      const fieldErrors: Record<string, string> = { ...checkLoginSecuritySettings(settings) };
      const groups = new Set(this.data.permissionGroups.groups.map((g) => g.id));
      if (!fieldErrors['twoFactorGroups'] && settings.twoFactorGroups.some((g) => !groups.has(g)))
        fieldErrors['twoFactorGroups'] = 'Choose permission groups that exist';
      if (Object.keys(fieldErrors).length) throw new AdapterError('validation', { fieldErrors });
      const record = this.data.loginSecurity;
      if (input.version !== record.version)
        throw this.conflict(this.getLoginSecurity(viewerId), 'The login rules were changed by someone else');
      // Only the rules' own fields are kept, whatever else the body held.
      const kept = Object.fromEntries(
        Object.keys(DEFAULT_LOGIN_SECURITY).map((field) => [field, settings[field as keyof LoginSecuritySettings]]),
      ) as unknown as LoginSecuritySettings;
      const next = { ...kept, twoFactorGroups: [...new Set(settings.twoFactorGroups)] };
      this.audit(viewer, 'login_security.changed', null, { settings: { old: record.settings, new: next } });
      update(record, {
        settings: next,
        version: record.version + 1,
        updatedAt: this.isoNow(),
        updatedBy: ref(viewer),
      });
      return this.getLoginSecurity(viewerId);
    });
  }

  /** A plan change keeps the stored masking choice; it applies again on premium. */
  changePlan(plan: Plan): void {
    this.data.business.plan = plan;
  }

  listLocations(viewerId: string): Location[] {
    this.signedIn(viewerId);
    return this.data.locations.map((l) => ({ ...l }));
  }

  /** Staff with login access matching a filter, in name order. */
  private staffMatching(query: StaffQuery): StaffRecord[] {
    const search = foldForSearch(query.search?.trim() ?? '');
    const ids = query.ids ? new Set(query.ids) : undefined;
    return this.data.staff.filter(
      (s) =>
        s.hasLoginAccess &&
        (!ids || ids.has(s.id)) &&
        (!query.role || s.role === query.role) &&
        (!query.locationId || s.locationId === query.locationId) &&
        (!query.groupId || groupOf(s) === query.groupId) &&
        (!search || foldForSearch(s.name).includes(search)),
    );
  }

  listStaff(viewerId: string, query: StaffQuery): Page<StaffMember> {
    this.signedIn(viewerId);
    const overrides = new Set(this.data.overrides.staffIds);
    const locations = new Map(this.data.locations.map((l) => [l.id, l.name]));
    const matching = this.staffMatching(query);
    const page = pageOf(matching, query.offset, query.limit);
    return {
      ...page,
      items: page.items.map((s) => ({
        id: s.id,
        name: s.name,
        role: s.role,
        locationId: s.locationId,
        locationName: locations.get(s.locationId) ?? '',
        contactAccess: isAdminRole(s.role) ? 'always' : overrides.has(s.id) ? 'override' : 'masked',
      })),
    };
  }

  listStaffIds(viewerId: string, filter: StaffFilter): string[] {
    this.signedIn(viewerId);
    const { search, role, locationId } = filter;
    return this.staffMatching({ search, role, locationId })
      .filter((s) => !isAdminRole(s.role))
      .map((s) => s.id);
  }

  getVisibilityOverrides(viewerId: string): VisibilityOverrides {
    this.signedIn(viewerId);
    const { overrides } = this.data;
    return {
      staffIds: [...overrides.staffIds],
      version: overrides.version,
      updatedAt: overrides.updatedAt,
      updatedBy: overrides.updatedBy ? { ...overrides.updatedBy } : null,
    };
  }

  updateVisibilityOverrides(
    viewerId: string,
    input: { staffIds: string[]; version: number },
    idempotencyKey?: string,
  ): VisibilityOverrides {
    const viewer = this.signedIn(viewerId);
    this.mayChangeSettings(viewer);
    this.requirePremium();
    return this.once(`overrides:${viewerId}`, idempotencyKey, () => {
      const eligible = new Set(
        this.data.staff.filter((s) => s.hasLoginAccess && !isAdminRole(s.role)).map((s) => s.id),
      );
      const invalid = (Array.isArray(input.staffIds) ? input.staffIds : [null]).filter(
        (id) => typeof id !== 'string' || !eligible.has(id),
      );
      if (invalid.length) {
        throw new AdapterError('validation', {
          fieldErrors: { staffIds: 'Only staff with login access who are not admins can be granted visibility' },
        });
      }
      const { overrides } = this.data;
      if (input.version !== overrides.version) {
        throw this.conflict(this.getVisibilityOverrides(viewerId), 'The list was changed by someone else');
      }
      this.audit(viewer, 'override_list.changed', null, {
        staffIds: { old: overrides.staffIds, new: [...new Set(input.staffIds)] },
      });
      update(overrides, {
        staffIds: [...new Set(input.staffIds)],
        version: overrides.version + 1,
        updatedAt: this.isoNow(),
        updatedBy: ref(viewer),
      });
      return this.getVisibilityOverrides(viewerId);
    });
  }

  private clientView(client: ClientRecord, visible: boolean): Client {
    return {
      id: client.id,
      name: client.name,
      phone: contactForViewer(client.phone, 'phone', visible),
      email: contactForViewer(client.email, 'email', visible),
      balanceMinor: client.balanceMinor,
      currency: this.data.business.currency,
    };
  }

  listClients(viewerId: string, query: ClientQuery): Page<Client> {
    const visible = this.viewerSeesContacts(this.signedIn(viewerId));
    const search = foldForSearch(query.search?.trim() ?? '');
    const matching = this.data.clients.filter((c) => !search || foldForSearch(c.name).includes(search));
    const page = pageOf(matching, query.offset, query.limit);
    return { ...page, items: page.items.map((c) => this.clientView(c, visible)) };
  }

  private client(clientId: string): ClientRecord {
    const client = this.data.clients.find((c) => c.id === clientId);
    if (!client) throw new AdapterError('not-found', { message: 'No such client' });
    return client;
  }

  /** The alerts that apply to a client in a context; threshold alerts apply on sign-in. */
  private alertsFor(client: ClientRecord, context: AlertContext): ClientAlert[] {
    const s = this.data.alertSettings;
    const alerts: ClientAlert[] = [];
    for (const kind of ['red', 'yellow'] as const) {
      const text = kind === 'red' ? client.redAlert : client.yellowAlert;
      if (!text) continue;
      const settings = s[kind];
      alerts.push({
        id: `${client.id}:${kind}`,
        kind,
        text,
        reasonRequired: settings.reasonToIgnore,
        writesContactLog: settings.writeContactLog,
      });
    }
    if (context !== 'sign-in') return alerts;
    const { accountBalance: bal, arrivals: arr } = s;
    if (bal.enabled && balanceAlertFires(client.balanceMinor, bal.thresholdMinor)) {
      alerts.push({
        id: `${client.id}:account-balance`,
        kind: 'account-balance',
        balanceMinor: client.balanceMinor,
        thresholdMinor: bal.thresholdMinor,
        currency: this.data.business.currency,
        reasonRequired: bal.reasonToSignIn,
        writesContactLog: bal.writeContactLog,
      });
    }
    const now = this.now();
    if (arr.enabled && arrivalsAlertFires(client.arrivals, now, arr.maxArrivals, arr.windowHours)) {
      alerts.push({
        id: `${client.id}:arrivals`,
        kind: 'arrivals',
        arrivals: arrivalsInWindow(client.arrivals, now, arr.windowHours) + 1,
        maxArrivals: arr.maxArrivals,
        windowHours: arr.windowHours,
        reasonRequired: arr.reasonToSignIn,
        writesContactLog: arr.writeContactLog,
      });
    }
    return alerts;
  }

  getClientAlerts(viewerId: string, clientId: string, context: AlertContext): ClientAlerts {
    const visible = this.viewerSeesContacts(this.signedIn(viewerId));
    const client = this.client(clientId);
    this.alertsShown.set(`${viewerId} ${clientId} ${context}`, this.isoNow());
    return { client: this.clientView(client, visible), context, alerts: this.alertsFor(client, context) };
  }

  resolveClientAlerts(viewerId: string, input: AlertResolutionInput, idempotencyKey?: string): AlertResolutionResult {
    const viewer = this.signedIn(viewerId);
    return this.once(`alerts:${viewerId}`, idempotencyKey, () => {
      const client = this.client(input.clientId);
      const current = this.alertsFor(client, input.context);
      const alerts = new Map(current.map((a) => [a.id, a]));
      // Staff decided on the alerts they saw. If those changed (an alert was added, edited
      // away or no longer fires), the decision is stale: answer the current alerts instead.
      const resolved = new Set((input.resolutions ?? []).map((r) => r.alertId));
      const rejecting = (input.resolutions ?? []).some((r) => r.action === 'reject');
      const unseen = current.filter((a) => !resolved.has(a.id) && (!rejecting || isThresholdAlert(a.kind)));
      if ([...resolved].some((id) => !alerts.has(id)) || unseen.length) {
        throw new AdapterError('conflict', {
          message: 'The alerts changed',
          current: this.getClientAlerts(viewerId, input.clientId, input.context),
        });
      }
      const fieldErrors: Record<string, string> = {};
      for (const r of input.resolutions ?? []) {
        const alert = alerts.get(r.alertId)!;
        const reason = typeof r.reason === 'string' ? r.reason.trim() : '';
        if (!ALERT_ACTIONS[isThresholdAlert(alert.kind) ? 'threshold' : 'text'].includes(r.action))
          fieldErrors[r.alertId] = 'This action does not apply to this alert';
        else if (alert.reasonRequired && r.action !== 'reject' && !reason)
          fieldErrors[r.alertId] = 'A reason is required';
        else if (reason.length > MAX_REASON_LENGTH)
          fieldErrors[r.alertId] = `A reason can be at most ${MAX_REASON_LENGTH} characters`;
      }
      if (!input.resolutions?.length) fieldErrors['resolutions'] = 'Nothing to resolve';
      if (Object.keys(fieldErrors).length) throw new AdapterError('validation', { fieldErrors });
      const at = this.isoNow();
      const shownAt = this.alertsShown.get(`${viewerId} ${client.id} ${input.context}`) ?? at;
      const logs: ContactLog[] = [];
      for (const r of input.resolutions) {
        const alert = alerts.get(r.alertId)!;
        if (!alert.writesContactLog) continue;
        logs.push({
          id: `log-${this.data.contactLogs.length + logs.length + 1}`,
          type: 'client-alert',
          subtype: alert.kind,
          clientId: client.id,
          alertId: alert.id,
          alertKind: alert.kind,
          // Made afresh by alertsFor(): the alert as it is now, kept as it was.
          alert,
          context: input.context,
          action: r.action,
          reason: r.reason?.trim() || null,
          staff: ref(viewer),
          locationId: viewer.locationId,
          shownAt,
          at,
        });
      }
      if (input.resolutions.some((r) => r.action === 'sign-in')) client.arrivals.push(this.now());
      this.data.contactLogs.push(...logs);
      return { resolvedAt: at, contactLogs: logs };
    });
  }

  private requestView(record: VerificationRecord, visible: boolean): VerificationRequest {
    const client = this.data.clients.find((c) => c.id === record.clientId);
    const profileEmail = client?.email ?? null;
    return {
      id: record.id,
      requestedAt: record.requestedAt,
      nameEntered: record.nameEntered,
      submittedEmail: contactForViewer(record.submittedEmail, 'email', visible) ?? { value: '', masked: false },
      client: { id: record.clientId, name: client?.name ?? '' },
      profileEmail: contactForViewer(profileEmail, 'email', visible),
      emailMatch: profileEmail
        ? emailsMatch(profileEmail, record.submittedEmail)
          ? 'match'
          : 'mismatch'
        : 'no-profile-email',
      status: record.status,
      version: record.version,
      handledBy: record.handledBy ? { ...record.handledBy } : null,
      handledAt: record.handledAt,
      approvalEmailSent: record.approvalEmailSent,
    };
  }

  /** The Contact Logs report: what clients' alerts said, and how and why staff answered them. */
  private mayOpenContactLogs(viewer: StaffRecord): StaffRecord {
    return this.requirePermission(
      viewer,
      'reports.contact-logs',
      'Your permission group does not include the Contact Logs report',
    );
  }

  /** How many logs a query matches, and those from `start` to `end` in its order, as the viewer may see them. */
  private contactLogEntries(
    viewerId: string,
    query: ContactLogQuery,
  ): { total: number; entries: (start?: number, end?: number) => ContactLogEntry[] } {
    return this.contactLogRows(this.viewerSeesContacts(this.mayOpenContactLogs(this.signedIn(viewerId))), query);
  }

  /** How many logs a query matches, and those from `start` to `end` in its order, contacts shown or not. */
  private contactLogRows(
    visible: boolean,
    query: ContactLogQuery,
  ): { total: number; entries: (start?: number, end?: number) => ContactLogEntry[] } {
    const fieldErrors: Record<string, string> = {};
    const field = query.sort ?? 'at';
    if (!CONTACT_LOG_SORT_FIELDS.includes(field))
      fieldErrors['sort'] = `Sort by one of ${CONTACT_LOG_SORT_FIELDS.join(', ')}`;
    valuesOutside(
      query,
      { type: ['client-alert'], subtype: ALERT_KINDS, action: ACTIONS, context: ALERT_CONTEXTS },
      fieldErrors,
    );
    if (Object.keys(fieldErrors).length) throw new AdapterError('validation', { fieldErrors });

    const clients = new Map(this.data.clients.map((c) => [c.id, c]));
    const locations = new Map(this.data.locations.map((l) => [l.id, l.name]));
    // People and places by id, or by name in any case and without accents.
    const named = (wanted: string | undefined) => {
      const folded = wanted && foldForSearch(wanted);
      return (id: string, name: string | undefined) => !wanted || wanted === id || folded === foldForSearch(name ?? '');
    };
    const [staff, client, location] = [named(query.staff), named(query.client), named(query.location)];
    const direction = query.direction === 'asc' ? 1 : -1;
    let ordered: ContactLog[];
    if (field === 'at') {
      // Logs are only ever added: the order by time is kept until there are more.
      ordered = this.logsByTime();
      if (direction < 0) ordered = [...ordered].reverse();
    } else {
      const key = (log: ContactLog): string =>
        field === 'client'
          ? foldForSearch(clients.get(log.clientId)?.name ?? '')
          : field === 'staff'
            ? foldForSearch(log.staff.name)
            : log[field];
      const keyed = this.data.contactLogs.map((log) => [key(log), log] as const);
      keyed.sort(([a, x], [b, y]) => (a < b ? -direction : a > b ? direction : compareIds(x.id, y.id)));
      ordered = keyed.map(([, log]) => log);
    }
    const logs = ordered.filter(
      (log) =>
        (!query.subtype || log.subtype === query.subtype) &&
        (!query.action || log.action === query.action) &&
        (!query.context || log.context === query.context) &&
        (!query.from || log.at >= query.from) &&
        (!query.to || log.at < query.to) &&
        staff(log.staff.id, log.staff.name) &&
        client(log.clientId, clients.get(log.clientId)?.name) &&
        location(log.locationId, locations.get(log.locationId)),
    );
    return {
      total: logs.length,
      entries: (start = 0, end = logs.length) =>
        logs.slice(start, end).map((log) => {
          const known = clients.get(log.clientId);
          return {
            ...structuredClone(log),
            client: known
              ? this.clientView(known, visible)
              : {
                  id: log.clientId,
                  name: '',
                  phone: null,
                  email: null,
                  balanceMinor: 0,
                  currency: this.data.business.currency,
                },
            locationName: locations.get(log.locationId) ?? '',
            // A log written by a client alert is the record of what happened: nobody edits or deletes it.
            editable: false,
          };
        }),
    };
  }

  /** Every contact log by the time it was answered, then by id; rebuilt only when logs were added. */
  private logsByTime(): ContactLog[] {
    const logs = this.data.contactLogs;
    if (this.byTime?.count !== logs.length || this.byTime.of !== logs) {
      const sorted = [...logs].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : compareIds(x.id, y.id)));
      this.byTime = { of: logs, count: logs.length, sorted };
    }
    return this.byTime.sorted;
  }

  /** The actions that are entries: a sign-in, a failed one, a lock-out, by staff or a client. */
  static readonly ENTRY_ACTIONS: Record<string, EntryLogEntry['outcome']> = {
    'staff.signed_in': 'success',
    'staff.sign_in_failed': 'failure',
    'staff.locked_out': 'locked-out',
    'client.signed_in': 'success',
    'client.sign_in_failed': 'failure',
  };

  /**
   * The audit events of some actions, oldest first (then by id). Events are only ever
   * added: those added since the last call join the end, and the order is mended only
   * when one is older than the last (a sort of nearly sorted events is quick).
   */
  private inTimeOrder(name: string, wanted: (event: AuditEvent) => boolean): AuditEvent[] {
    const events = this.data.auditEvents;
    let kept = this.ordered.get(name);
    if (kept?.of !== events || kept.count > events.length) kept = { of: events, count: 0, sorted: [], mended: 0 };
    const { sorted } = kept;
    let mend = false;
    for (let i = kept.count; i < events.length; i++) {
      const event = events[i]!;
      if (!wanted(event)) continue;
      const last = sorted.at(-1);
      if (
        last &&
        (event.occurredAt < last.occurredAt ||
          (event.occurredAt === last.occurredAt && compareIds(event.id, last.id) < 0))
      )
        mend = true;
      sorted.push(event);
    }
    if (mend)
      sorted.sort((a, b) =>
        a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : compareIds(a.id, b.id),
      );
    this.ordered.set(name, { of: events, count: events.length, sorted, mended: kept.mended + (mend ? 1 : 0) });
    return sorted;
  }

  /**
   * Rows made from the events `inTimeOrder(name)` gave, kept while the staff are as they
   * were (`key`). With `append`, rows for events added at the end are made and appended;
   * otherwise, and after any other change, all are made again.
   */
  private rowsOf<T>(
    name: string,
    events: AuditEvent[],
    key: string,
    make: (events: AuditEvent[]) => T[],
    append: boolean,
  ): T[] {
    const mended = this.ordered.get(name)?.mended ?? 0;
    const kept = this.rowCache.get(name) as
      { events: AuditEvent[]; count: number; mended: number; key: string; rows: T[] } | undefined;
    const same = kept?.events === events && kept.mended === mended && kept.key === key;
    if (kept && same && kept.count === events.length) return kept.rows;
    if (kept && same && append && kept.count < events.length) {
      kept.rows.push(...make(events.slice(kept.count)));
      kept.count = events.length;
      return kept.rows;
    }
    const rows = make(events);
    this.rowCache.set(name, { events, count: events.length, mended, key, rows });
    return rows;
  }

  /** What of the staff the activity reports' rows depend on: who has a login, and their shifts. */
  private staffKey(): string {
    return this.data.staff
      .map((s) => (s.hasLoginAccess ? (s.shift ? `${s.shift.opens}-${s.shift.closes}` : '') : 'x'))
      .join();
  }

  /** The time of day of an instant in a time zone, `HH:MM`, by the zone's offset in that hour (kept per hour). */
  private localTime(iso: string, timeZone: string): string {
    if (this.offsets.zone !== timeZone) this.offsets = { zone: timeZone, byHour: new Map() };
    const ms = Date.parse(iso);
    const hour = Math.floor(ms / 3_600_000);
    let offset = this.offsets.byHour.get(hour);
    if (offset === undefined) {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-GB', {
          timeZone,
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          hourCycle: 'h23',
        })
          .formatToParts(hour * 3_600_000)
          .map((p) => [p.type, Number(p.value)]),
      );
      const local = Date.UTC(parts['year']!, parts['month']! - 1, parts['day'], parts['hour'], parts['minute']);
      offset = (local - hour * 3_600_000) / 60_000;
      this.offsets.byHour.set(hour, offset);
    }
    const minutes = (((Math.floor(ms / 60_000) + offset) % 1440) + 1440) % 1440;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }

  /** Every entry, oldest first, with its flags: outside opening hours or the person's shift, no login now, an address new to the person. */
  private entries(): EntryLogEntry[] {
    const hours = this.data.business.hours ?? { opens: '00:00', closes: '24:00', timeZone: 'UTC' };
    const events = this.inTimeOrder('entries', (e) => !!MemoryBackend.ENTRY_ACTIONS[e.action]);
    const key = `${hours.opens} ${hours.closes} ${hours.timeZone} ${this.staffKey()}`;
    // Whether an address is new depends on every earlier sign-in: a new one makes them all again.
    return this.rowsOf('entries', events, key, (all) => this.entryRows(all, hours), false);
  }

  private entryRows(events: AuditEvent[], hours: { opens: string; closes: string; timeZone: string }): EntryLogEntry[] {
    const staff = new Map(this.data.staff.map((s) => [s.id, s]));
    const seen = new Map<string, Set<string>>();
    const out: EntryLogEntry[] = [];
    for (const event of events) {
      const outcome = MemoryBackend.ENTRY_ACTIONS[event.action]!;
      const ip = event.context.ip ?? '';
      const flags: EntryFlag[] = [];
      const time = this.localTime(event.occurredAt, hours.timeZone);
      if (time < hours.opens || time >= hours.closes) flags.push('outside-hours');
      const member = event.actor.type === 'staff' ? staff.get(event.actor.id) : undefined;
      if (member?.shift && (time < member.shift.opens || time >= member.shift.closes)) flags.push('outside-shift');
      if (event.actor.type === 'staff' && !member?.hasLoginAccess) flags.push('no-login');
      const known = seen.get(event.actor.id) ?? new Set<string>();
      if (known.size && !known.has(ip)) flags.push('new-ip');
      if (outcome === 'success') seen.set(event.actor.id, known.add(ip));
      out.push({
        id: event.id,
        at: event.occurredAt,
        person: {
          type: event.actor.type === 'client' ? 'client' : 'staff',
          id: event.actor.id,
          name: event.actor.name,
        },
        outcome,
        ip,
        userAgent: event.context.userAgent ?? null,
        flags,
      });
    }
    return out;
  }

  private entryLogEntries(viewerId: string, query: EntryLogQuery): EntryLogEntry[] {
    this.requirePermission(
      this.signedIn(viewerId),
      'reports.entry-logs',
      'Your permission group does not include the Entry Logs report',
    );
    return this.entryLogRows(query);
  }

  /** The entries a query matches, in its order. */
  private entryLogRows(query: EntryLogQuery): EntryLogEntry[] {
    const fieldErrors = valuesOutside(query, {
      kind: ['staff', 'client'],
      outcome: ['success', 'failure', 'locked-out'],
      flag: ['outside-hours', 'outside-shift', 'no-login', 'new-ip'],
      sort: ['at', 'person'],
    });
    if (Object.keys(fieldErrors).length) throw new AdapterError('validation', { fieldErrors });
    const wanted = query.person && foldForSearch(query.person);
    const entries = this.entries().filter(
      (e) =>
        (!query.kind || e.person.type === query.kind) &&
        (!wanted || e.person.id === query.person || foldForSearch(e.person.name) === wanted) &&
        (!query.outcome || e.outcome === query.outcome) &&
        (!query.ip || e.ip === query.ip) &&
        (!query.flag || e.flags.includes(query.flag)) &&
        (!query.from || e.at >= query.from) &&
        (!query.to || e.at < query.to),
    );
    return inOrder(entries, query.direction, query.sort === 'person' ? (e) => e.person.name : undefined);
  }

  listEntryLogs(viewerId: string, query: EntryLogQuery): EntryLogPage {
    const entries = this.entryLogEntries(viewerId, query);
    const page = this.cursorPage(entries.length, query, (start, end) => entries.slice(start, end));
    if (!query.cursor) this.reportAccess(viewerId, 'entry-logs', query);
    return { ...page, ...this.retention() };
  }

  /** How long the business keeps audit events, and the oldest it has. */
  private retention(): { retentionDays: number; oldestAt: string | null } {
    const oldest = this.data.auditEvents.reduce<string | null>(
      (o, e) => (o === null || e.occurredAt < o ? e.occurredAt : o),
      null,
    );
    return { retentionDays: this.data.business.retentionDays ?? 365, oldestAt: oldest };
  }

  exportEntryLogs(viewerId: string, query: EntryLogQuery, format: 'csv' | 'json'): ReportExport {
    return this.reportFile(
      viewerId,
      'entry-logs',
      query,
      format,
      () => this.entryLogEntries(viewerId, { ...query, cursor: undefined, limit: undefined }),
      ['At', 'Kind', 'Person', 'Outcome', 'IP address', 'User agent', 'Flags'],
      (e) => [e.at, e.person.type, e.person.name, e.outcome, e.ip, e.userAgent ?? '', e.flags.join(' ')],
    );
  }

  /** The Staff Activity report needs both it and the Entry Logs report, as MINDBODY's does. */
  private mayOpenStaffActivity(viewerId: string): StaffRecord {
    const viewer = this.signedIn(viewerId);
    const message = 'Your permission group does not include both the Entry Logs and the Staff Activity reports';
    this.requirePermission(viewer, 'reports.entry-logs', message);
    return this.requirePermission(viewer, 'reports.staff-activity', message);
  }

  /** Every opening or export of a sensitive report, oldest first, with who, where, the filters and the masking. */
  private accesses(): StaffActivityEntry[] {
    const events = this.inTimeOrder('accesses', (e) => e.action === 'report.viewed' || e.action === 'report.exported');
    return this.rowsOf('accesses', events, this.staffKey(), (added) => this.accessRows(added), true);
  }

  private accessRows(events: AuditEvent[]): StaffActivityEntry[] {
    const staff = new Map(this.data.staff.map((s) => [s.id, s]));
    const out: StaffActivityEntry[] = [];
    for (const event of events) {
      const meta = event.metadata ?? {};
      out.push({
        id: event.id,
        at: event.occurredAt,
        staff: { id: event.actor.id, name: event.actor.name, former: !staff.get(event.actor.id)?.hasLoginAccess },
        report: meta['report'] as SensitiveReport,
        ip: event.context.ip ?? '',
        // Shared with the record: the answers clone what they hand out.
        filters: (meta['filters'] ?? {}) as Record<string, string | number>,
        export:
          event.action === 'report.exported'
            ? { format: meta['format'] === 'json' ? 'json' : 'csv', rows: Number(meta['rows'] ?? 0) }
            : null,
        masked: meta['masked'] === true,
      });
    }
    return out;
  }

  /** The accesses a query matches, in its order. */
  private staffActivityRows(query: StaffActivityQuery): StaffActivityEntry[] {
    const fieldErrors = valuesOutside(query, {
      report: ['security-verification', 'contact-logs', 'entry-logs', 'staff-activity'],
      sort: ['at', 'staff'],
    });
    if (Object.keys(fieldErrors).length) throw new AdapterError('validation', { fieldErrors });
    // When each former staff member was last deactivated: "before deactivation" is before that.
    const deactivated = new Map<string, string>();
    for (const e of this.data.auditEvents)
      if (e.action === 'staff.deactivated' && e.targets[0]) deactivated.set(e.targets[0].id, e.occurredAt);
    const wanted = query.staff && foldForSearch(query.staff);
    const exported = query.exported === undefined ? undefined : String(query.exported) === 'true';
    const former = String(query.former) === 'true';
    const rows = this.accesses().filter(
      (a) =>
        (!wanted || a.staff.id === query.staff || foldForSearch(a.staff.name) === wanted) &&
        (!query.report || a.report === query.report) &&
        (exported === undefined || !!a.export === exported) &&
        (!query.ip || a.ip === query.ip) &&
        (!former || (a.staff.former && a.at < (deactivated.get(a.staff.id) ?? '\uffff'))) &&
        (!query.from || a.at >= query.from) &&
        (!query.to || a.at < query.to),
    );
    return inOrder(rows, query.direction, query.sort === 'staff' ? (a) => a.staff.name : undefined);
  }

  /**
   * The Staff Activity report: who opened or exported a sensitive report, when, from
   * where, with which filters; `forbidden` without both the Entry Logs and the Staff
   * Activity reports. Opening it is recorded too.
   */
  listStaffActivity(viewerId: string, query: StaffActivityQuery): StaffActivityPage {
    this.mayOpenStaffActivity(viewerId);
    const rows = this.staffActivityRows(query);
    const page = this.cursorPage(rows.length, query, (start, end) => structuredClone(rows.slice(start, end)));
    if (!query.cursor) this.reportAccess(viewerId, 'staff-activity', query);
    return { ...page, ...this.retention() };
  }

  exportStaffActivity(viewerId: string, query: StaffActivityQuery, format: 'csv' | 'json'): ReportExport {
    this.mayOpenStaffActivity(viewerId);
    return this.reportFile(
      viewerId,
      'staff-activity',
      query,
      format,
      () => this.staffActivityRows({ ...query, cursor: undefined, limit: undefined }),
      ['At', 'Staff', 'Report', 'IP address', 'Filters', 'Exported', 'Rows'],
      (a) => [
        a.at,
        a.staff.name,
        a.report,
        a.ip,
        new URLSearchParams(Object.entries(a.filters).map(([k, v]) => [k, String(v)])).toString(),
        a.export?.format ?? '',
        a.export ? String(a.export.rows) : '',
      ],
    );
  }

  /**
   * "View": the report of one access run again with the filters and order it was run
   * with, on today's records, with the masking it was seen with, or the current viewer's
   * where that hides more. Replaying is itself recorded as an opening of that report.
   */
  replayStaffActivity(viewerId: string, accessId: string, page: { cursor?: string; limit?: number }): ReportReplay {
    const viewer = this.mayOpenStaffActivity(viewerId);
    const access = this.accesses().find((a) => a.id === accessId);
    if (!access) throw new AdapterError('not-found', { message: 'No such report access' });
    const masked = access.masked || !this.viewerSeesContacts(viewer);
    const filters = access.filters as Record<string, never>;
    const contact = (c: { value: string } | null | undefined) => c?.value ?? '';
    const sliced = <T>(columns: ReplayColumn[], rows: T[], cells: (row: T) => string[]) => ({
      columns,
      ...this.cursorPage(rows.length, page, (start, end) => rows.slice(start, end).map(cells)),
    });
    let replay: Omit<ReportReplay, 'access' | 'masked'>;
    if (access.report === 'security-verification') {
      const { limit } = pageOf([], 0, page.limit);
      const offset = this.cursorOffset(page.cursor);
      const found = this.verificationPage(!masked, { ...filters, offset, limit });
      replay = {
        columns: ['at', 'client', 'email', 'status'],
        items: found.items.map((r) => [r.requestedAt, r.client.name, contact(r.submittedEmail), r.status]),
        total: found.total,
        next: offset + limit < found.total ? `o${offset + limit}` : null,
        previous: offset > 0 ? `o${Math.max(0, offset - limit)}` : null,
      };
    } else if (access.report === 'contact-logs') {
      const found = this.contactLogRows(!masked, filters);
      replay = sliced(
        ['at', 'client', 'phone', 'email', 'alert', 'action', 'reason', 'staff'],
        found.entries(),
        (l) => [
          l.at,
          l.client.name,
          contact(l.client.phone),
          contact(l.client.email),
          l.subtype,
          l.action,
          l.reason ?? '',
          l.staff.name,
        ],
      );
    } else if (access.report === 'entry-logs') {
      replay = sliced(['at', 'person', 'outcome', 'ip', 'flags'], this.entryLogRows(filters), (e) => [
        e.at,
        e.person.name,
        e.outcome,
        e.ip,
        e.flags.join(' '),
      ]);
    } else {
      replay = sliced(['at', 'staff', 'report', 'ip', 'exported'], this.staffActivityRows(filters), (a) => [
        a.at,
        a.staff.name,
        a.report,
        a.ip,
        a.export ? `${a.export.format} (${a.export.rows})` : '',
      ]);
    }
    if (!page.cursor) this.reportAccess(viewerId, access.report, access.filters, undefined, { of: access.id, masked });
    return { ...replay, access: structuredClone(access), masked };
  }

  /**
   * A report's rows as the file the viewer exports, recorded as `report.exported`: JSON as
   * the list answers them, or CSV with `header` and a `row` per entry, every cell safe.
   */
  private reportFile<T>(
    viewerId: string,
    report: SensitiveReport,
    query: object,
    format: 'csv' | 'json',
    read: () => T[],
    header: string[],
    row: (entry: T) => string[],
  ): ReportExport {
    if (format !== 'csv' && format !== 'json')
      throw new AdapterError('validation', { fieldErrors: { format: 'One of csv, json' } });
    const entries = read();
    this.reportAccess(viewerId, report, query, { format, rows: entries.length });
    const filename = `${report}-${this.isoNow().slice(0, 10)}.${format}`;
    return format === 'json'
      ? { filename, contentType: 'application/json', content: JSON.stringify(entries, null, 2), rows: entries.length }
      : { filename, contentType: 'text/csv', content: toCsv([header, ...entries.map(row)]), rows: entries.length };
  }

  /**
   * The page a cursor points at (the first without one), with the count and opaque cursors
   * beside it: here a cursor is where its page starts.
   */
  private cursorPage<T>(
    total: number,
    query: { cursor?: string; limit?: number },
    slice: (start: number, end: number) => T[],
  ): CursorPage<T> {
    const { limit } = pageOf([], 0, query.limit);
    const offset = this.cursorOffset(query.cursor);
    return {
      items: slice(offset, offset + limit),
      total,
      next: offset + limit < total ? `o${offset + limit}` : null,
      previous: offset > 0 ? `o${Math.max(0, offset - limit)}` : null,
    };
  }

  /** Where a page starts, from a cursor this backend gave. */
  private cursorOffset(cursor: string | undefined): number {
    if (!cursor) return 0;
    const start = /^o(\d+)$/.exec(cursor);
    if (!start) throw new AdapterError('validation', { fieldErrors: { cursor: 'Not a cursor this report gave' } });
    return Number(start[1]);
  }

  listContactLogs(viewerId: string, query: ContactLogQuery): CursorPage<ContactLogEntry> {
    const { total, entries } = this.contactLogEntries(viewerId, query);
    if (!query.cursor) this.reportAccess(viewerId, 'contact-logs', query);
    return this.cursorPage(total, query, entries);
  }

  exportContactLogs(viewerId: string, query: ContactLogQuery, format: 'csv' | 'json'): ReportExport {
    return this.reportFile(
      viewerId,
      'contact-logs',
      query,
      format,
      () => this.contactLogEntries(viewerId, { ...query, cursor: undefined, limit: undefined }).entries(),
      [
        'Answered at',
        'Shown at',
        'Client',
        'Phone',
        'Email',
        'Type',
        'Alert',
        'Alert text',
        'Where',
        'Location',
        'Action',
        'Reason',
        'Staff',
      ],
      (e) => [
        e.at,
        e.shownAt,
        e.client.name,
        e.client.phone?.value ?? '',
        e.client.email?.value ?? '',
        e.type,
        e.subtype,
        alertInWords(e.alert),
        e.context,
        e.locationName,
        e.action,
        e.reason ?? '',
        e.staff.name,
      ],
    );
  }

  listVerificationRequests(viewerId: string, query: VerificationQuery): Page<VerificationRequest> {
    const visible = this.viewerSeesContacts(this.mayOpenVerificationReport(this.signedIn(viewerId)));
    const page = this.verificationPage(visible, query);
    if (!page.offset) this.reportAccess(viewerId, 'security-verification', query);
    return page;
  }

  exportVerificationRequests(viewerId: string, query: VerificationQuery, format: 'csv' | 'json'): ReportExport {
    const visible = this.viewerSeesContacts(this.mayOpenVerificationReport(this.signedIn(viewerId)));
    return this.reportFile(
      viewerId,
      'security-verification',
      { ...query, offset: undefined, limit: undefined },
      format,
      () => {
        // Page by page, in the list's order, to the end.
        const items: VerificationRequest[] = [];
        for (let total = 1; items.length < total;) {
          const page = this.verificationPage(visible, { ...query, offset: items.length, limit: MAX_PAGE });
          if (!page.items.length) break;
          items.push(...page.items);
          total = page.total;
        }
        return items;
      },
      ['Requested', 'Name entered', 'Email entered', 'Client', 'Email match', 'Status', 'Handled by', 'Handled at'],
      (r) => [
        r.requestedAt,
        r.nameEntered,
        r.submittedEmail.value,
        r.client.name,
        r.emailMatch,
        r.status,
        r.handledBy?.name ?? '',
        r.handledAt ?? '',
      ],
    );
  }

  /** A page of link requests, contacts shown or not. */
  private verificationPage(visible: boolean, query: VerificationQuery): Page<VerificationRequest> {
    const field = query.sort ?? 'requestedAt';
    if (!VERIFICATION_SORT_FIELDS.includes(field)) {
      throw new AdapterError('validation', {
        fieldErrors: { sort: `Sort by one of ${VERIFICATION_SORT_FIELDS.join(', ')}` },
      });
    }
    const direction = query.direction === 'asc' ? 1 : -1;
    const { offset, limit } = pageOf([], query.offset, query.limit);
    const index = this.requestIndex(field, visible);
    let items: VerificationRecord[];
    let total: number;
    if (query.from || query.to) {
      // A date range is a slice of the date index, which also gives the count. Few
      // requests in it: put them in the sort's order. Many: walk the sort's index, which
      // stops at the end of the page now that the count is known. Timestamps are ISO 8601
      // in UTC, so they compare as text.
      const from = query.from ? new Date(Date.parse(query.from)).toISOString() : '';
      const to = query.to ? new Date(Date.parse(query.to)).toISOString() : '\uffff';
      const dated = this.requestIndex('requestedAt', visible)
        .range(from, to)
        .filter((r) => !query.status || r.status === query.status);
      total = dated.length;
      if (field === 'requestedAt') {
        const ordered = direction === 1 ? dated : dated.reverse();
        items = ordered.slice(offset, offset + limit);
      } else if (dated.length <= ARRANGE_AT_MOST) {
        items = index.arrange(dated, direction).slice(offset, offset + limit);
      } else {
        const keep = (r: VerificationRecord) =>
          (!query.status || r.status === query.status) && r.requestedAt >= from && r.requestedAt <= to;
        ({ items } = index.page(direction, keep, offset, limit, total));
      }
    } else {
      const keep = (r: VerificationRecord) => !query.status || r.status === query.status;
      // The count is known, so a page stops where it ends.
      ({ items, total } = index.page(direction, keep, offset, limit, this.requestCount(query.status)));
    }
    return { items: items.map((r) => this.requestView(r, visible)), total, offset, limit };
  }

  /**
   * The link requests in order by a field, as this viewer may order them: contacts by
   * what the viewer receives (the policy's rule), never by the raw value. Built on first
   * use and kept until the requests change.
   */
  private requestIndex(field: VerificationSortField, visible: boolean): SortedIndex<VerificationRecord> {
    const requests = this.data.verificationRequests;
    if (this.indexed.list !== requests || this.indexed.length !== requests.length) {
      this.indexed = {
        list: requests,
        length: requests.length,
        byId: undefined,
        indexes: new Map(),
        counts: undefined,
      };
    }
    const name = `${field}:${field === 'submittedEmail' && !visible ? 'masked' : 'raw'}`;
    let index = this.indexed.indexes.get(name);
    if (!index) {
      const names = new Map(this.data.clients.map((c) => [c.id, c.name]));
      const key = (r: VerificationRecord): string =>
        field === 'client'
          ? (names.get(r.clientId) ?? '')
          : field === 'submittedEmail'
            ? contactKeyForViewer(r.submittedEmail, 'email', visible)
            : r[field];
      const byId = (this.indexed.byId ??= sortById(requests));
      // Timestamps and statuses order as text; people's names and addresses as the collator does.
      const plain = field === 'requestedAt' || field === 'status';
      index = new SortedIndex(byId, key, plain ? compareIds : COLLATOR.compare);
      this.indexed.indexes.set(name, index);
    }
    return index;
  }

  /** How many link requests have a status (all of them without one). */
  private requestCount(status: VerificationQuery['status']): number {
    // Called after requestIndex(), which drops the counts when the requests changed.
    const counts = (this.indexed.counts ??= new Map());
    if (!counts.size)
      for (const r of this.data.verificationRequests) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return status ? (counts.get(status) ?? 0) : this.data.verificationRequests.length;
  }

  /** Applies `change` to a pending request at the expected version, once per idempotency key. */
  private actOnRequest(
    viewerId: string,
    scope: string,
    input: { id: string; version: number },
    idempotencyKey: string | undefined,
    change: (record: VerificationRecord, viewer: StaffRecord) => void,
  ): VerificationRequest {
    const viewer = this.mayOpenVerificationReport(this.signedIn(viewerId));
    const visible = this.viewerSeesContacts(viewer);
    return this.once(`${scope}:${viewerId}`, idempotencyKey, () => {
      const record = this.data.verificationRequests.find((r) => r.id === input.id);
      if (!record) throw new AdapterError('not-found', { message: 'No such request' });
      if (record.version !== input.version || record.status !== 'pending') {
        throw this.conflict(this.requestView(record, visible), 'This request was already handled');
      }
      change(record, viewer);
      // The status changed: its order and the counts by status are out of date.
      this.indexed.indexes.delete('status:raw');
      this.indexed.counts = undefined;
      return this.requestView(record, visible);
    });
  }

  verifyRequest(viewerId: string, input: VerifyInput, idempotencyKey?: string): VerificationRequest {
    return this.actOnRequest(viewerId, 'verify', input, idempotencyKey, (record, viewer) => {
      if (this.requestView(record, true).emailMatch !== 'match' && input.acknowledgeMismatch !== true) {
        throw new AdapterError('validation', {
          fieldErrors: { acknowledgeMismatch: 'The emails do not match: verifying needs an explicit confirmation' },
        });
      }
      const at = this.isoNow();
      const approvalEmailSent = input.sendApprovalEmail === true;
      update(record, {
        status: 'verified',
        version: record.version + 1,
        handledBy: ref(viewer),
        handledAt: at,
        approvalEmailSent,
      });
      if (approvalEmailSent)
        this.data.outbox.push({ to: record.submittedEmail, template: 'security-verification-approved', at });
    });
  }

  declineRequest(viewerId: string, input: DeclineInput, idempotencyKey?: string): VerificationRequest {
    return this.actOnRequest(viewerId, 'decline', input, idempotencyKey, (record, viewer) => {
      update(record, {
        status: 'declined',
        version: record.version + 1,
        handledBy: ref(viewer),
        handledAt: this.isoNow(),
      });
    });
  }

  reserveGiftCardId(viewerId: string, input: { number: string }, idempotencyKey?: string): GiftCardReservation {
    const viewer = this.signedIn(viewerId);
    return this.once(`giftcard:${viewerId}`, idempotencyKey, () => {
      if (typeof input.number !== 'string' || !/^\d{8,19}$/.test(input.number)) {
        throw new AdapterError('validation', {
          fieldErrors: { number: 'A gift card number has 8 to 19 digits' },
        });
      }
      if (looksLikeBankCard(input.number)) {
        throw new AdapterError('validation', {
          fieldErrors: { number: 'This looks like a bank card number, not a gift card number' },
        });
      }
      if (this.data.giftCards.some((g) => g.number === input.number)) {
        throw new AdapterError('conflict', { message: 'This number is already in use' });
      }
      const reservation = { number: input.number, reservedAt: this.isoNow(), reservedBy: ref(viewer) };
      this.data.giftCards.push(reservation);
      return { ...reservation, reservedBy: { ...reservation.reservedBy } };
    });
  }
}

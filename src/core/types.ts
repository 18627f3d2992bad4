/**
 * Domain types shared by the adapter contract, the elements, the reference
 * backend and the mock backend. Plain data only: everything here survives JSON.
 */

/** The four MioSalon plans. Masking exists on `premium` only. */
export type Plan = 'lite' | 'lite-plus' | 'standard' | 'premium';
export const PLANS: readonly Plan[] = ['lite', 'lite-plus', 'standard', 'premium'];

/** Owners and admins always see contacts and alone may change security settings. */
export type Role = 'owner' | 'admin' | 'manager' | 'staff';
export const ROLES: readonly Role[] = ['owner', 'admin', 'manager', 'staff'];

/** An ISO 8601 timestamp in UTC, as sent over the wire. */
export type IsoDateTime = string;

/** A person referred to by another record (who changed a setting, who handled a request). */
export interface PersonRef {
  id: string;
  name: string;
}

/** The signed-in user the elements render for. */
export interface Viewer {
  id: string;
  name: string;
  role: Role;
  businessId: string;
  businessName: string;
  plan: Plan;
  /** Whether this viewer may see client phone numbers and email addresses right now. */
  canSeeContacts: boolean;
  /**
   * Every permission the viewer holds through their permission group, implied ones
   * included (every one for the owner): what the elements ask before they offer a change.
   */
  permissions: string[];
}

/**
 * A phone number or email address as a viewer receives it. When `masked` is true,
 * `value` is the masked form and the raw value never reached the browser.
 */
export interface ContactValue {
  value: string;
  masked: boolean;
}

/** The MioSalon "Masking Customer Contacts" setting. */
export interface MaskingSettings {
  /** The stored choice: "Mask customer phone numbers and email addresses for all staff". */
  enabled: boolean;
  /** The business's plan. */
  plan: Plan;
  /** Whether masking applies right now: the stored choice on a premium plan. */
  effective: boolean;
  /** Optimistic-concurrency version: send it back on writes. */
  version: number;
  /** When the stored choice was last changed, or null if it is still the default. */
  updatedAt: IsoDateTime | null;
  updatedBy: PersonRef | null;
}

export interface Location {
  id: string;
  name: string;
}

/** How a staff member relates to client contacts. */
export type ContactAccess = 'always' | 'override' | 'masked';

/** A staff member with login access (the only ones the override list may show). */
export interface StaffMember {
  id: string;
  name: string;
  role: Role;
  locationId: string;
  locationName: string;
  /** `always` for owners and admins, `override` when on the override list, else `masked`. */
  contactAccess: ContactAccess;
}

/** "Data Visibility Override Control for Staff": who still sees contacts while masking is on. */
export interface VisibilityOverrides {
  staffIds: string[];
  version: number;
  updatedAt: IsoDateTime | null;
  updatedBy: PersonRef | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** A filter over staff with login access. */
export interface StaffFilter {
  /** Part of the name, matched without regard to case or accents. */
  search?: string;
  role?: Role;
  locationId?: string;
}

export interface StaffQuery extends StaffFilter {
  /** Only these staff (ids contain no commas). */
  ids?: string[];
  /** Only the members of this permission group. */
  groupId?: string;
  offset?: number;
  limit?: number;
}

export interface Client {
  id: string;
  name: string;
  phone: ContactValue | null;
  email: ContactValue | null;
  /** What the client owes, in minor units of `currency` (positive means debt). */
  balanceMinor: number;
  currency: string;
}

export interface ClientQuery {
  search?: string;
  offset?: number;
  limit?: number;
}

/** Where a client alert is shown. Threshold alerts apply on the sign-in screen. */
export type AlertContext = 'profile' | 'booking' | 'sign-in';

export type AlertKind = 'red' | 'yellow' | 'account-balance' | 'arrivals';

/** The action staff take on an alert. Red and yellow alerts are ignored; threshold alerts are signed in or rejected. */
export type AlertAction = 'ignore' | 'sign-in' | 'reject';

interface AlertBase {
  id: string;
  kind: AlertKind;
  /** A written reason is required for `ignore` (red/yellow) or `sign-in` (thresholds). */
  reasonRequired: boolean;
  /** The resolution is written as a contact log. */
  writesContactLog: boolean;
}

export interface TextAlert extends AlertBase {
  kind: 'red' | 'yellow';
  /** Free text written by staff: render as text, never as markup. */
  text: string;
}

export interface BalanceAlert extends AlertBase {
  kind: 'account-balance';
  balanceMinor: number;
  thresholdMinor: number;
  currency: string;
}

export interface ArrivalsAlert extends AlertBase {
  kind: 'arrivals';
  arrivals: number;
  maxArrivals: number;
  windowHours: number;
}

export type ClientAlert = TextAlert | BalanceAlert | ArrivalsAlert;

export interface ClientAlerts {
  client: Client;
  context: AlertContext;
  alerts: ClientAlert[];
}

export interface AlertResolutionInput {
  clientId: string;
  context: AlertContext;
  resolutions: { alertId: string; action: AlertAction; reason?: string }[];
}

/**
 * A contact log written by a client alert: who answered which alert, how and why, where
 * and when. MINDBODY's system type "Client alert", its subtype the alert's kind. Logs
 * written by alerts are never edited or deleted.
 */
export interface ContactLog {
  id: string;
  type: 'client-alert';
  /** The alert's kind: red, yellow, account balance, arrivals in threshold. */
  subtype: AlertKind;
  clientId: string;
  alertId: string;
  /** The same as `subtype`. */
  alertKind: AlertKind;
  /** The alert as staff saw it: its text, or its balance and threshold, or its arrivals and limits, and its settings. */
  alert: ClientAlert;
  /** Where staff met it: the client's profile, a booking or sign-in. */
  context: AlertContext;
  action: AlertAction;
  reason: string | null;
  staff: PersonRef;
  /** The location of the staff member who answered. */
  locationId: string;
  /** When the alert was put in front of the staff member (their last look at the client's alerts there). */
  shownAt: IsoDateTime;
  /** When they answered it. */
  at: IsoDateTime;
}

/** What the contact log report may sort by. */
export type ContactLogSortField = 'at' | 'client' | 'staff' | 'subtype' | 'action';

/** Which contact logs: every field narrows; people and locations by id or by name (any case). */
export interface ContactLogFilter {
  type?: 'client-alert';
  subtype?: AlertKind;
  action?: AlertAction;
  context?: AlertContext;
  /** A staff member's id, or their name. */
  staff?: string;
  /** A client's id, or their name. */
  client?: string;
  /** A location's id, or its name. */
  location?: string;
  /** Answered at or after (ISO 8601). */
  from?: IsoDateTime;
  /** Answered before (ISO 8601). */
  to?: IsoDateTime;
}

export interface ContactLogQuery extends ContactLogFilter {
  sort?: ContactLogSortField;
  direction?: 'asc' | 'desc';
  /** Where to start: a page's `next` or `previous`; the first page without. */
  cursor?: string;
  limit?: number;
}

/** A contact log as the report shows it: with the client's name and contacts as the viewer may see them, and the location's name. */
export interface ContactLogEntry extends ContactLog {
  client: Client;
  locationName: string;
  /** Whether the viewer may edit or delete the log: never for a log a client alert wrote. */
  editable: boolean;
}

/** A page the backend cut: the count of everything that matches, and opaque cursors to the pages beside it. */
export interface CursorPage<T> {
  items: T[];
  total: number;
  next: string | null;
  previous: string | null;
}

/** A report's rows as a file the backend made for the viewer: masked as they see it, safe to open in a spreadsheet. */
export interface ReportExport {
  filename: string;
  contentType: 'text/csv' | 'application/json';
  content: string;
  rows: number;
}

export interface AlertResolutionResult {
  resolvedAt: IsoDateTime;
  contactLogs: ContactLog[];
}

export type VerificationStatus = 'pending' | 'verified' | 'declined';

/** Whether the submitted email matches the profile's, decided by the backend. */
export type EmailMatch = 'match' | 'mismatch' | 'no-profile-email';

export interface VerificationRequest {
  id: string;
  requestedAt: IsoDateTime;
  /** The name as the person typed it when creating the consumer account. */
  nameEntered: string;
  /** The email the person gave, masked like a contact unless the viewer may see contacts (on a match it is the client's). */
  submittedEmail: ContactValue;
  client: PersonRef;
  /** The claimed profile's email, masked unless the viewer may see contacts. */
  profileEmail: ContactValue | null;
  emailMatch: EmailMatch;
  status: VerificationStatus;
  version: number;
  handledBy: PersonRef | null;
  handledAt: IsoDateTime | null;
  approvalEmailSent: boolean;
}

export type VerificationSortField = 'requestedAt' | 'nameEntered' | 'submittedEmail' | 'client' | 'status';

export interface VerificationQuery {
  status?: VerificationStatus;
  from?: IsoDateTime;
  to?: IsoDateTime;
  sort?: VerificationSortField;
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface VerifyInput {
  id: string;
  version: number;
  sendApprovalEmail: boolean;
  /** Must be true to verify a request whose emails do not match. */
  acknowledgeMismatch?: boolean;
}

export interface DeclineInput {
  id: string;
  version: number;
}

export interface GiftCardReservation {
  number: string;
  reservedAt: IsoDateTime;
  reservedBy: PersonRef;
}

/** A permission group: what its members may do. */
export interface PermissionGroup {
  id: string;
  name: string;
  /** The permissions granted, as listed (what they imply is granted too). */
  permissions: readonly string[];
  /** Where its members may sign in from (IP addresses or CIDR ranges); `null` or absent: anywhere. */
  allowedAddresses?: readonly string[] | null;
}

export interface GroupMember {
  id: string;
  /** The owner's login is not subject to permissions, and nobody edits it. */
  owner?: boolean;
  groupId: string | null;
}

/** A change to permission groups or to who is in them. */
export type GroupChange =
  | { kind: 'create'; group: PermissionGroup }
  | { kind: 'rename'; groupId: string; name: string }
  | { kind: 'set-permissions'; groupId: string; permissions: readonly string[] }
  | { kind: 'restrict'; groupId: string; allowedAddresses: readonly string[] | null }
  | { kind: 'delete'; groupId: string; reassignTo?: string }
  | { kind: 'move'; staffId: string; groupId: string | null };

/** A permission as the editor shows it, in the viewer's language. */
export interface PermissionInfo {
  id: string;
  section: string;
  label: string;
  description: string;
  /** Whose personal data it exposes, if anyone's. */
  sensitive: 'client' | 'staff' | null;
  /** Permissions it cannot work without: granting it grants them too. */
  implies: string[];
}

export interface PermissionGroupInfo {
  id: string;
  name: string;
  permissions: string[];
  allowedAddresses: string[] | null;
  memberCount: number;
}

/** The permission catalogue, the groups, and what the viewer may do with them. */
export interface PermissionGroups {
  sections: { id: string; label: string }[];
  permissions: PermissionInfo[];
  groups: PermissionGroupInfo[];
  viewer: {
    /** The viewer's group; `null` for the owner, whose login no permission binds, or for staff without a group. */
    groupId: string | null;
    owner: boolean;
    /** Whether the viewer may change groups ("administer permission groups"). */
    canAdminister: boolean;
    /** Every permission the viewer holds, implied ones included: the most they may grant. */
    holds: string[];
  };
  version: number;
  updatedAt: IsoDateTime | null;
  updatedBy: PersonRef | null;
}

/** The business's login rules; nothing weaker than the seed's (`checkLoginSecuritySettings` in `deskguard/policy.js`). */
export interface LoginSecuritySettings {
  /** Fewest characters in a password: at least 8. */
  minLength: number;
  /** Most characters a password may have: at least 64, so passphrases fit. */
  maxLength: number;
  /** Whether a password must hold both letters and numbers (MINDBODY's rule). */
  lettersAndNumbers: boolean;
  /** Whether common and breached passwords are refused. */
  blockCommon: boolean;
  /** How many of a person's last passwords may not be used again (0: no rule). */
  rememberLast: number;
  /** Failed sign-ins in a row that lock a login (MINDBODY: 6). */
  lockoutAttempts: number;
  /** How long a locked login stays locked, in minutes (MINDBODY: 30). */
  lockoutMinutes: number;
  /** Minutes without activity after which staff are signed out, with a warning first; `null`: never. */
  idleSignOutMinutes: number | null;
  /** The permission groups whose members must sign in with an authenticator app as well. */
  twoFactorGroups: string[];
}

/** The login rules as the backend keeps them, with what the viewer may do. */
export interface LoginSecurity {
  settings: LoginSecuritySettings;
  /** The permission groups, to choose who must use two-factor sign-in. */
  groups: { id: string; name: string }[];
  /** Whether the viewer may change the rules ("Change security settings"). */
  canChange: boolean;
  version: number;
  updatedAt: IsoDateTime | null;
  updatedBy: PersonRef | null;
}

/** What can be done to a staff member's access from `<staff-access>`. */
export type StaffAccessAction =
  'unlock' | 'sign-out-everywhere' | 'reset-two-factor' | 'change-group' | 'rename-login' | 'deactivate' | 'reactivate';

/** One staff member's access: their login, group, locations and whether they see contacts. */
export interface StaffAccess {
  staff: { id: string; name: string; role: Role };
  /** `no-login`: a former staff member, or one never given a login. */
  status: 'active' | 'locked' | 'no-login';
  username: string | null;
  lockedUntil: IsoDateTime | null;
  lastSignInAt: IsoDateTime | null;
  twoFactor: boolean;
  group: { id: string; name: string } | null;
  locations: Location[];
  /** On the contact-visibility override list. */
  onOverrideList: boolean;
  /** Others who sign in with the same username: each needs a login of their own. */
  sharedWith: PersonRef[];
  /** Whether the viewer may change this access ("Manage other staff members' logins"). */
  canManage: boolean;
  version: number;
}

export interface StaffAccessChange {
  staffId: string;
  version: number;
  action: StaffAccessAction;
  /** `change-group`: the new group, or `null` for none. */
  groupId?: string | null;
  /** `rename-login` and `reactivate`: the new username. */
  username?: string;
  /** `reactivate`: the new password, checked by the business's login rules. */
  password?: string;
  /** `deactivate`: the staff member's name, typed as a deliberate step. */
  confirmName?: string;
}

/**
 * One thing that happened, as audit logs record it (WorkOS, GitHub, Okta): who did what
 * to whom, when, from where, with what outcome and which values changed.
 */
export interface AuditEvent {
  id: string;
  occurredAt: IsoDateTime;
  /** e.g. `staff.deactivated`, `staff.unlocked`, `permission_group.changed`, `report.viewed`. */
  action: string;
  outcome: 'success' | 'failure';
  actor: { type: 'staff' | 'client' | 'system' | 'support'; id: string; name: string; role?: Role };
  targets: { type: string; id: string; name: string }[];
  context: { ip?: string; userAgent?: string; locationId?: string; sessionId?: string };
  /** Values before and after, by field. */
  changes: Record<string, { old: unknown; new: unknown }>;
  reason: string | null;
  /** What else the action was about: a report's name, the filters it was run with, an export's format and rows. */
  metadata?: Record<string, unknown>;
}

/**
 * What an entry log flags for a look: a sign-in outside opening hours, outside the
 * person's own shift, by someone without a login now, or from an address new to them.
 */
export type EntryFlag = 'outside-hours' | 'outside-shift' | 'no-login' | 'new-ip';

/** One sign-in, failed sign-in or lock-out, as the Entry Logs report shows it. */
export interface EntryLogEntry {
  id: string;
  at: IsoDateTime;
  person: { type: 'staff' | 'client'; id: string; name: string };
  outcome: 'success' | 'failure' | 'locked-out';
  ip: string;
  userAgent: string | null;
  flags: EntryFlag[];
}

export interface EntryLogFilter {
  kind?: 'staff' | 'client';
  /** A person's id, or their name. */
  person?: string;
  outcome?: EntryLogEntry['outcome'];
  ip?: string;
  flag?: EntryFlag;
  from?: IsoDateTime;
  to?: IsoDateTime;
}

export interface EntryLogQuery extends EntryLogFilter {
  sort?: 'at' | 'person';
  direction?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

/** A page of entry logs, with how long the business keeps them and the oldest it has. */
export interface EntryLogPage extends CursorPage<EntryLogEntry> {
  retentionDays: number;
  oldestAt: IsoDateTime | null;
}

/** The reports whose opening and exporting is recorded: they show client or staff data. */
export type SensitiveReport = 'security-verification' | 'contact-logs' | 'entry-logs' | 'staff-activity';

/** One time a staff member opened or exported a sensitive report, as the Staff Activity report shows it. */
export interface StaffActivityEntry {
  /** The audit event's id: what `replayStaffActivity` takes. */
  id: string;
  at: IsoDateTime;
  /** Who; `former` when they have no login now. */
  staff: { id: string; name: string; former: boolean };
  report: SensitiveReport;
  /** Where they were; empty when the backend did not know. */
  ip: string;
  /** The filters and order they ran it with, by the report's own query names. */
  filters: Record<string, string | number>;
  /** Set when they exported: the file's format and how many rows it had. */
  export: { format: 'csv' | 'json'; rows: number } | null;
  /** Whether clients' contact details were hidden from them then. */
  masked: boolean;
}

export interface StaffActivityFilter {
  /** A staff member's id, or their name. */
  staff?: string;
  report?: SensitiveReport;
  /** Only exports (`true`), or only views (`false`). */
  exported?: boolean;
  ip?: string;
  /** Only staff with no login now, and only what they did before they were deactivated. */
  former?: boolean;
  from?: IsoDateTime;
  to?: IsoDateTime;
}

export interface StaffActivityQuery extends StaffActivityFilter {
  sort?: 'at' | 'staff';
  direction?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

/** A page of report accesses, with how long the business keeps them and the oldest it has. */
export interface StaffActivityPage extends CursorPage<StaffActivityEntry> {
  retentionDays: number;
  oldestAt: IsoDateTime | null;
}

/** A column of a replayed report; dates (`at`) are ISO 8601, every other cell is text as shown. */
export type ReplayColumn =
  | 'at'
  | 'client'
  | 'phone'
  | 'email'
  | 'status'
  | 'alert'
  | 'action'
  | 'reason'
  | 'staff'
  | 'person'
  | 'outcome'
  | 'ip'
  | 'flags'
  | 'report'
  | 'exported';

/**
 * A report run again as someone ran it: their filters and order, today's records, and
 * their masking, or the current viewer's where that hides more. A page of rows of cells,
 * one per column.
 */
export interface ReportReplay extends CursorPage<string[]> {
  access: StaffActivityEntry;
  columns: ReplayColumn[];
  /** Whether contact details are hidden in these rows. */
  masked: boolean;
}

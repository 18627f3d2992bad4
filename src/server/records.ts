/**
 * The records a backend keeps, as `deskguard/server` reads and writes them through a
 * `Storage`. Raw contact values live here and only here: the server's rooms mask them
 * for each viewer before anything is answered.
 */
import type {
  AlertAction,
  AuditEvent,
  ContactLog,
  EntryFlag,
  GiftCardReservation,
  IsoDateTime,
  Location,
  LoginSecuritySettings,
  PermissionGroup,
  PersonRef,
  Plan,
  Role,
  VerificationStatus,
} from '../core/types.js';

export interface LoginRecord {
  username: string;
  lockedUntil: IsoDateTime | null;
  lastSignInAt: IsoDateTime | null;
  twoFactor: boolean;
  /** Sessions signed in now; signing out everywhere ends them. */
  sessions: number;
  /** Failed sign-ins in a row since the last success or unlock. */
  failures?: number;
  /** The password as `hashPassword` of `deskguard/server` keeps it; absent: none set (no sign-in by password). */
  passwordHash?: string;
  /** When the password was last set. */
  passwordChangedAt?: IsoDateTime | null;
  /** Hashes of earlier passwords, newest first, for the login rules' `rememberLast`. */
  passwordHistory?: string[];
  /**
   * When every session of this login was last ended (signing out everywhere): a session
   * or identity signed in at or before it is refused.
   */
  sessionsEndedAt?: IsoDateTime | null;
}

export interface StaffRecord {
  id: string;
  name: string;
  role: Role;
  locationId: string;
  /** Staff without login access cannot sign in and never appear in the override list. */
  hasLoginAccess: boolean;
  /**
   * The staff member's permission group; `null` for none. Absent: the default group of
   * their role (`ROLE_GROUPS`). The owner's login is in no group.
   */
  groupId?: string | null;
  /** The staff member's login, when they have one. */
  login?: LoginRecord;
  /** Changes to this staff member's access: what `If-Match` compares. */
  accessVersion?: number;
  /** The hours they work, every day, in the business's time zone: a sign-in outside them is flagged. */
  shift?: { opens: string; closes: string };
  /** When they were last deactivated: what "before deactivation" in the Staff Activity report means. */
  deactivatedAt?: IsoDateTime | null;
}

export interface ClientRecord {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** Positive when the client owes money, in minor units. */
  balanceMinor: number;
  redAlert: string | null;
  yellowAlert: string | null;
  /** Earlier arrivals, epoch milliseconds. */
  arrivals: number[];
}

export interface AlertSettings {
  red: { reasonToIgnore: boolean; writeContactLog: boolean };
  yellow: { reasonToIgnore: boolean; writeContactLog: boolean };
  accountBalance: { enabled: boolean; thresholdMinor: number; reasonToSignIn: boolean; writeContactLog: boolean };
  arrivals: {
    enabled: boolean;
    maxArrivals: number;
    windowHours: number;
    reasonToSignIn: boolean;
    writeContactLog: boolean;
  };
}

export interface VerificationRecord {
  id: string;
  requestedAt: IsoDateTime;
  nameEntered: string;
  submittedEmail: string;
  clientId: string;
  status: VerificationStatus;
  version: number;
  handledBy: PersonRef | null;
  handledAt: IsoDateTime | null;
  approvalEmailSent: boolean;
}

export interface Versioned {
  version: number;
  updatedAt: IsoDateTime | null;
  updatedBy: PersonRef | null;
}

export interface BusinessRecord {
  id: string;
  name: string;
  plan: Plan;
  currency: string;
  /** Opening hours, every day, in the business's time zone: a sign-in outside them is flagged. */
  hours?: { opens: string; closes: string; timeZone: string };
  /** How long audit events are kept, in days. */
  retentionDays?: number;
}

export type MaskingRecord = Versioned & { enabled: boolean };
export type OverridesRecord = Versioned & { staffIds: string[] };
export type GroupsRecord = Versioned & { groups: PermissionGroup[] };
export type LoginSecurityRecord = Versioned & { settings: LoginSecuritySettings };

/** A session of `deskguard/server`'s own sign-in: the token's hash, never the token. */
export interface SessionRecord {
  id: string;
  /** SHA-256 of the bearer token, hex. */
  tokenHash: string;
  staffId: string;
  createdAt: IsoDateTime;
  /** When it ended (signed out, signed out everywhere, deactivated); `null` while it lasts. */
  endedAt: IsoDateTime | null;
  ip: string | null;
  userAgent: string | null;
}

/** A write's answer, kept under its Idempotency-Key for the viewer who sent it. */
export interface IdempotencyRecord {
  /** The viewer's staff id and the key. */
  viewerId: string;
  key: string;
  /** `METHOD /path` of the write. */
  endpoint: string;
  /** SHA-256 of the method, path, If-Match and body: a key sent again with anything else is refused. */
  fingerprint: string;
  status: number;
  body: string;
  /** Whether the viewer saw contacts when the answer was made: a replay never shows more than they see now. */
  seesContacts: boolean;
  at: IsoDateTime;
}

/** A contact log as stored: the client's name when it was written, for ordering and filtering by it. */
export type ContactLogRecord = ContactLog & { clientName?: string };

/** An entry's flags decided when it happened (`entryFlags`), kept in its audit event's metadata. */
export interface EntryMetadata {
  flags: Exclude<EntryFlag, 'no-login'>[];
}

/** Everything the memory storage keeps, and what the mock's seed makes. */
export interface BackendData {
  business: BusinessRecord;
  masking: MaskingRecord;
  overrides: OverridesRecord;
  permissionGroups: GroupsRecord;
  loginSecurity: LoginSecurityRecord;
  locations: Location[];
  staff: StaffRecord[];
  clients: ClientRecord[];
  alertSettings: AlertSettings;
  verificationRequests: VerificationRecord[];
  giftCards: GiftCardReservation[];
  contactLogs: ContactLogRecord[];
  /** What staff did to settings, lists, groups and access, oldest first. Only ever appended to. */
  auditEvents: AuditEvent[];
  /** Emails sent by the backend ("Security Verification Approved"), newest last. */
  outbox: { to: string; template: 'security-verification-approved'; at: IsoDateTime }[];
  /** Sessions of the server's own sign-in. */
  sessions?: SessionRecord[];
}

export const ALERT_ACTIONS: Record<'text' | 'threshold', readonly AlertAction[]> = {
  text: ['ignore'],
  threshold: ['sign-in', 'reject'],
};

export { MAX_REASON_LENGTH } from '../policy/alert-rules.js';

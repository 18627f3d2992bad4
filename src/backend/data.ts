/** The records a backend keeps. Raw contact values live here and only here. */
import type {
  AlertAction,
  AuditEvent,
  ContactLog,
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
  login?: {
    username: string;
    lockedUntil: IsoDateTime | null;
    lastSignInAt: IsoDateTime | null;
    twoFactor: boolean;
    /** Sessions signed in now; signing out everywhere ends them. */
    sessions: number;
  };
  /** Changes to this staff member's access: what `If-Match` compares. */
  accessVersion?: number;
  /** The hours they work, every day, in the business's time zone: a sign-in outside them is flagged. */
  shift?: { opens: string; closes: string };
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

export interface BackendData {
  business: {
    id: string;
    name: string;
    plan: Plan;
    currency: string;
    /** Opening hours, every day, in the business's time zone: a sign-in outside them is flagged. */
    hours?: { opens: string; closes: string; timeZone: string };
    /** How long audit events are kept, in days. */
    retentionDays?: number;
  };
  masking: Versioned & { enabled: boolean };
  overrides: Versioned & { staffIds: string[] };
  permissionGroups: Versioned & { groups: PermissionGroup[] };
  loginSecurity: Versioned & { settings: LoginSecuritySettings };
  locations: Location[];
  staff: StaffRecord[];
  clients: ClientRecord[];
  alertSettings: AlertSettings;
  verificationRequests: VerificationRecord[];
  giftCards: GiftCardReservation[];
  contactLogs: ContactLog[];
  /** What staff did to settings, lists, groups and access, oldest first. */
  auditEvents: AuditEvent[];
  /** Emails sent by the backend ("Security Verification Approved"), newest last. */
  outbox: { to: string; template: 'security-verification-approved'; at: IsoDateTime }[];
}

export const ALERT_ACTIONS: Record<'text' | 'threshold', readonly AlertAction[]> = {
  text: ['ignore'],
  threshold: ['sign-in', 'reject'],
};

export { MAX_REASON_LENGTH } from '../domain/alert-rules.js';

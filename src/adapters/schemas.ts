/** Response shapes of the REST contract (docs/rest-contract.md), checked at run time. */
import { ROLES, PLANS } from '../core/types.js';
import type {
  AlertResolutionResult,
  Client,
  ClientAlerts,
  ContactLogEntry,
  EntryLogPage,
  ReportReplay,
  StaffActivityPage,
  CursorPage,
  ReportExport,
  GiftCardReservation,
  Location,
  MaskingSettings,
  LoginSecurity,
  Page,
  PermissionGroups,
  StaffAccess,
  StaffMember,
  VerificationRequest,
  Viewer,
  VisibilityOverrides,
} from '../core/types.js';
import { array, boolean, integer, literal, nullable, object, record, string, union, type Check } from './validate.js';

const role = literal(ROLES);
const plan = literal(PLANS);
const personRef = object({ id: string, name: string });
const contactValue = object({ value: string, masked: boolean });

export const viewerSchema: Check<Viewer> = object({
  id: string,
  name: string,
  role,
  businessId: string,
  businessName: string,
  plan,
  canSeeContacts: boolean,
  permissions: array(string),
});

export const maskingSettingsSchema: Check<MaskingSettings> = object({
  enabled: boolean,
  plan,
  effective: boolean,
  version: integer,
  updatedAt: nullable(string),
  updatedBy: nullable(personRef),
});

export const locationsSchema: Check<Location[]> = array(object({ id: string, name: string }));

/* @__NO_SIDE_EFFECTS__ */
function page<T>(item: Check<T>): Check<Page<T>> {
  return object({ items: array(item), total: integer, offset: integer, limit: integer });
}

export const staffPageSchema: Check<Page<StaffMember>> = page(
  object({
    id: string,
    name: string,
    role,
    locationId: string,
    locationName: string,
    contactAccess: literal(['always', 'override', 'masked']),
  }),
);

/** `listStaffIds()`'s answer: the ids alone. */
export const staffIdListSchema: Check<string[]> = array(string);
export const staffIdsSchema: Check<{ ids: string[] }> = object({ ids: staffIdListSchema });

export const overridesSchema: Check<VisibilityOverrides> = object({
  staffIds: array(string),
  version: integer,
  updatedAt: nullable(string),
  updatedBy: nullable(personRef),
});

const client: Check<Client> = object({
  id: string,
  name: string,
  phone: nullable(contactValue),
  email: nullable(contactValue),
  balanceMinor: integer,
  currency: string,
});

export const clientPageSchema: Check<Page<Client>> = page(client);

const alertBase = { id: string, reasonRequired: boolean, writesContactLog: boolean };
const alertKind = literal(['red', 'yellow', 'account-balance', 'arrivals']);
const action = literal(['ignore', 'sign-in', 'reject']);

const context = literal(['profile', 'booking', 'sign-in']);
const clientAlert = union('kind', {
  red: object({ ...alertBase, kind: literal(['red']), text: string }),
  yellow: object({ ...alertBase, kind: literal(['yellow']), text: string }),
  'account-balance': object({
    ...alertBase,
    kind: literal(['account-balance']),
    balanceMinor: integer,
    thresholdMinor: integer,
    currency: string,
  }),
  arrivals: object({
    ...alertBase,
    kind: literal(['arrivals']),
    arrivals: integer,
    maxArrivals: integer,
    windowHours: integer,
  }),
});

export const clientAlertsSchema: Check<ClientAlerts> = object({
  client,
  context,
  alerts: array(clientAlert),
});

const contactLog = {
  id: string,
  type: literal(['client-alert']),
  subtype: alertKind,
  clientId: string,
  alertId: string,
  alertKind,
  alert: clientAlert,
  context,
  action,
  reason: nullable(string),
  staff: personRef,
  locationId: string,
  shownAt: string,
  at: string,
};

export const alertResolutionSchema: Check<AlertResolutionResult> = object({
  resolvedAt: string,
  contactLogs: array(object(contactLog)),
});

/** A page the backend cut by cursor, and what else the report's page carries. */
/* @__NO_SIDE_EFFECTS__ */
function cursorPage<T>(item: Check<T>) {
  return { items: array(item), total: integer, next: nullable(string), previous: nullable(string) };
}

export const contactLogPageSchema: Check<CursorPage<ContactLogEntry>> = object(
  cursorPage(object({ ...contactLog, client, locationName: string, editable: boolean })),
);

export const reportExportSchema: Check<ReportExport> = object({
  filename: string,
  contentType: literal(['text/csv', 'application/json']),
  content: string,
  rows: integer,
});

export const verificationRequestSchema: Check<VerificationRequest> = object({
  id: string,
  requestedAt: string,
  nameEntered: string,
  submittedEmail: contactValue,
  client: personRef,
  profileEmail: nullable(contactValue),
  emailMatch: literal(['match', 'mismatch', 'no-profile-email']),
  status: literal(['pending', 'verified', 'declined']),
  version: integer,
  handledBy: nullable(personRef),
  handledAt: nullable(string),
  approvalEmailSent: boolean,
});

export const verificationPageSchema: Check<Page<VerificationRequest>> = page(verificationRequestSchema);

export const giftCardReservationSchema: Check<GiftCardReservation> = object({
  number: string,
  reservedAt: string,
  reservedBy: personRef,
});

export const permissionGroupsSchema: Check<PermissionGroups> = object({
  sections: array(object({ id: string, label: string })),
  permissions: array(
    object({
      id: string,
      section: string,
      label: string,
      description: string,
      sensitive: nullable(literal(['client', 'staff'])),
      implies: array(string),
    }),
  ),
  groups: array(
    object({
      id: string,
      name: string,
      permissions: array(string),
      allowedAddresses: nullable(array(string)),
      memberCount: integer,
    }),
  ),
  viewer: object({ groupId: nullable(string), owner: boolean, canAdminister: boolean, holds: array(string) }),
  version: integer,
  updatedAt: nullable(string),
  updatedBy: nullable(personRef),
});

export const loginSecuritySchema: Check<LoginSecurity> = object({
  settings: object({
    minLength: integer,
    maxLength: integer,
    lettersAndNumbers: boolean,
    blockCommon: boolean,
    rememberLast: integer,
    lockoutAttempts: integer,
    lockoutMinutes: integer,
    idleSignOutMinutes: nullable(integer),
    twoFactorGroups: array(string),
  }),
  groups: array(object({ id: string, name: string })),
  canChange: boolean,
  version: integer,
  updatedAt: nullable(string),
  updatedBy: nullable(personRef),
});

/** The error body every non-2xx response carries (when it carries one). */
export const errorBodySchema = object({
  error: object({
    code: string,
    message: nullable(string),
    fields: nullable(record(string)),
    current: (v: unknown) => v,
    currentVersion: nullable(integer),
    requiredPlan: nullable(plan),
  }),
});

export const staffAccessSchema: Check<StaffAccess> = object({
  staff: object({ id: string, name: string, role }),
  status: literal(['active', 'locked', 'no-login']),
  username: nullable(string),
  lockedUntil: nullable(string),
  lastSignInAt: nullable(string),
  twoFactor: boolean,
  group: nullable(object({ id: string, name: string })),
  locations: array(object({ id: string, name: string })),
  onOverrideList: boolean,
  sharedWith: array(personRef),
  canManage: boolean,
  version: integer,
});

export const entryLogPageSchema: Check<EntryLogPage> = object({
  ...cursorPage(
    object({
      id: string,
      at: string,
      person: object({ type: literal(['staff', 'client']), id: string, name: string }),
      outcome: literal(['success', 'failure', 'locked-out']),
      ip: string,
      userAgent: nullable(string),
      flags: array(literal(['outside-hours', 'outside-shift', 'no-login', 'new-ip'])),
    }),
  ),
  retentionDays: integer,
  oldestAt: nullable(string),
});

const staffActivityEntry = object({
  id: string,
  at: string,
  staff: object({ id: string, name: string, former: boolean }),
  report: literal(['security-verification', 'contact-logs', 'entry-logs', 'staff-activity']),
  ip: string,
  filters: record<string | number>((v) => (typeof v === 'number' ? integer(v) : string(v))),
  export: nullable(object({ format: literal(['csv', 'json']), rows: integer })),
  masked: boolean,
});

export const staffActivityPageSchema: Check<StaffActivityPage> = object({
  ...cursorPage(staffActivityEntry),
  retentionDays: integer,
  oldestAt: nullable(string),
});

export const reportReplaySchema: Check<ReportReplay> = object({
  ...cursorPage(array(string)),
  access: staffActivityEntry,
  columns: array(
    literal([
      'at',
      'client',
      'phone',
      'email',
      'status',
      'alert',
      'action',
      'reason',
      'staff',
      'person',
      'outcome',
      'ip',
      'flags',
      'report',
      'exported',
    ]),
  ),
  masked: boolean,
});

import type {
  AlertContext,
  AlertResolutionInput,
  AlertResolutionResult,
  Client,
  ClientAlerts,
  ClientQuery,
  ContactLogEntry,
  ContactLogQuery,
  CursorPage,
  EntryLogPage,
  EntryLogQuery,
  ReportReplay,
  StaffActivityPage,
  StaffActivityQuery,
  DeclineInput,
  GiftCardReservation,
  GroupChange,
  Location,
  LoginSecurity,
  LoginSecuritySettings,
  MaskingSettings,
  Page,
  PermissionGroups,
  ReportExport,
  StaffAccess,
  StaffAccessChange,
  StaffFilter,
  StaffMember,
  StaffQuery,
  VerificationQuery,
  VerificationRequest,
  VerifyInput,
  Viewer,
  VisibilityOverrides,
} from './types.js';

/** Options every adapter call takes. */
export interface CallOptions {
  /** Aborts the call; an aborted call rejects with an AdapterError of kind `aborted`. */
  signal?: AbortSignal;
}

/** Options of non-idempotent writes: the same key on a retry must not write twice. */
export interface WriteOptions extends CallOptions {
  idempotencyKey?: string;
}

/**
 * The one contract between the elements and a backend. Every element reads and
 * writes only through it. Every method rejects with an `AdapterError`.
 *
 * Writes to versioned records (`version` in the input) are optimistic: when the
 * server's version differs, the call rejects with kind `conflict` and the current
 * record in `error.current`.
 */
export interface DeskguardAdapter {
  /** The signed-in user, with their role, business and plan. */
  getViewer(options?: CallOptions): Promise<Viewer>;

  getMaskingSettings(options?: CallOptions): Promise<MaskingSettings>;
  /**
   * Owner/admin only (`forbidden` otherwise); premium only (`plan-required` otherwise).
   * With an idempotency key, a retry of a save that did land answers that save again
   * instead of a conflict with the viewer's own change.
   */
  updateMaskingSettings(input: { enabled: boolean; version: number }, options?: WriteOptions): Promise<MaskingSettings>;

  listLocations(options?: CallOptions): Promise<Location[]>;
  /** Staff with login access only: staff without it never appear. */
  listStaff(query: StaffQuery, options?: CallOptions): Promise<Page<StaffMember>>;
  /**
   * The ids of every staff member matching the filter who can be put on the override
   * list (login access, not an owner or admin), for "select all matching".
   */
  listStaffIds(filter: StaffFilter, options?: CallOptions): Promise<string[]>;
  getVisibilityOverrides(options?: CallOptions): Promise<VisibilityOverrides>;
  /** Versioned and, with an idempotency key, safe to retry, like `updateMaskingSettings`. */
  updateVisibilityOverrides(
    input: { staffIds: string[]; version: number },
    options?: WriteOptions,
  ): Promise<VisibilityOverrides>;

  /** Clients with contacts masked for a viewer who may not see them. */
  listClients(query: ClientQuery, options?: CallOptions): Promise<Page<Client>>;
  /** The alerts that apply to a client in a context, with the client (contacts per policy). */
  getClientAlerts(clientId: string, context: AlertContext, options?: CallOptions): Promise<ClientAlerts>;
  /** Records how staff handled alerts; writes contact logs where the alert settings say so. */
  resolveClientAlerts(input: AlertResolutionInput, options?: WriteOptions): Promise<AlertResolutionResult>;

  /**
   * The contact logs the filter matches, a page at a time (`forbidden` without the
   * Contact Logs report), clients' contacts masked for a viewer who may not see them;
   * `validation` by field for a filter or cursor the backend cannot read.
   */
  listContactLogs(query: ContactLogQuery, options?: CallOptions): Promise<CursorPage<ContactLogEntry>>;
  /** Every contact log the filter matches, as a CSV or JSON file masked for the viewer, cells safe for spreadsheets. */
  exportContactLogs(query: ContactLogQuery, format: 'csv' | 'json', options?: CallOptions): Promise<ReportExport>;

  listVerificationRequests(query: VerificationQuery, options?: CallOptions): Promise<Page<VerificationRequest>>;
  /**
   * Every request the filter matches (no paging), as a CSV or JSON file: emails masked as
   * the viewer sees them, cells safe for spreadsheets; recorded as `report.exported`.
   */
  exportVerificationRequests(
    query: VerificationQuery,
    format: 'csv' | 'json',
    options?: CallOptions,
  ): Promise<ReportExport>;
  verifyRequest(input: VerifyInput, options?: WriteOptions): Promise<VerificationRequest>;
  declineRequest(input: DeclineInput, options?: WriteOptions): Promise<VerificationRequest>;

  /** Reserves a gift card number; rejects with `conflict` when it is already taken. */
  reserveGiftCardId(input: { number: string }, options?: WriteOptions): Promise<GiftCardReservation>;

  /** The permission catalogue, the groups with their member counts, and what the viewer may do with them. */
  getPermissionGroups(options?: CallOptions): Promise<PermissionGroups>;
  /**
   * Makes changes to the groups, all or none, by the rules of change (`checkGroupChange`
   * in `deskguard/policy.js`): `forbidden` for a viewer who may not administer groups,
   * `validation` naming the rule a change breaks, `conflict` with the current groups on
   * a stale version. Versioned and, with an idempotency key, safe to retry.
   */
  updatePermissionGroups(
    input: { changes: GroupChange[]; version: number },
    options?: WriteOptions,
  ): Promise<PermissionGroups>;

  /** The business's login rules, the groups to require two-factor sign-in of, and whether the viewer may change them. */
  getLoginSecurity(options?: CallOptions): Promise<LoginSecurity>;
  /**
   * Saves the login rules: `forbidden` without "Change security settings", `validation`
   * by field for anything weaker than the seed's rules, `conflict` with the current
   * rules on a stale version. Versioned and, with an idempotency key, safe to retry.
   */
  updateLoginSecurity(
    input: { settings: LoginSecuritySettings; version: number },
    options?: WriteOptions,
  ): Promise<LoginSecurity>;

  /** One staff member's access (`forbidden` without "Manage other staff members' logins", unless it is the viewer's own). */
  getStaffAccess(staffId: string, options?: CallOptions): Promise<StaffAccess>;
  /**
   * Changes it: unlock, sign out everywhere, reset two-factor, change group (by the rules
   * of change), rename the login, deactivate (the name typed to confirm; the login, group,
   * locations and override-list place go, contact details stay) or reactivate (a new
   * username and password; nothing else comes back). `validation` by field, `conflict`
   * with the current access on a stale version; with an idempotency key, safe to retry.
   */
  changeStaffAccess(input: StaffAccessChange, options?: WriteOptions): Promise<StaffAccess>;

  /**
   * The Entry Logs report: sign-ins, failed ones and lock-outs of staff and clients,
   * flagged (outside opening hours, by someone without a login now, from a new address);
   * `forbidden` without the Entry Logs report.
   */
  listEntryLogs(query: EntryLogQuery, options?: CallOptions): Promise<EntryLogPage>;
  /** Every entry the filter matches, as a CSV or JSON file, cells safe for spreadsheets. */
  exportEntryLogs(query: EntryLogQuery, format: 'csv' | 'json', options?: CallOptions): Promise<ReportExport>;

  /**
   * The Staff Activity report: each opening or export of a sensitive report, by whom,
   * when, from where, with which filters and masking; `forbidden` without both the Entry
   * Logs and the Staff Activity reports.
   */
  listStaffActivity(query: StaffActivityQuery, options?: CallOptions): Promise<StaffActivityPage>;
  /** Every access the filter matches, as a CSV or JSON file, cells safe for spreadsheets. */
  exportStaffActivity(query: StaffActivityQuery, format: 'csv' | 'json', options?: CallOptions): Promise<ReportExport>;
  /**
   * "View": a page of the report one access opened, run again with its filters and the
   * masking it was seen with (or the viewer's own, where that hides more); `not-found`
   * for an access the backend does not have.
   */
  replayStaffActivity(
    accessId: string,
    page: { cursor?: string; limit?: number },
    options?: CallOptions,
  ): Promise<ReportReplay>;
}

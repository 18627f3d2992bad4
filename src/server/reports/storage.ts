import type {
  AlertAction,
  AlertContext,
  AlertKind,
  AuditEvent,
  EntryFlag,
  EntryLogEntry,
  SensitiveReport,
} from '../../core/types.js';
import type { ClientRecord, ContactLogRecord } from '../records.js';

/**
 * Where a row stands in a report's order: its sort key and id. Keys are text compared
 * by code point (ISO times, names folded by `foldForSearch`), so every storage orders
 * rows alike; ties go by id, in the sort's direction.
 */
export interface Position {
  key: string;
  id: string;
}

/** Which rows of a report's order a page holds: the first `limit`, or those just after or just before a position. */
export interface Window {
  after?: Position;
  before?: Position;
  limit: number;
  /** Whether the answer needs `total`: an export's later pages do not, and a storage may skip counting (`total` is then -1). */
  count?: boolean;
}

/** A page of rows in the report's order, each with its position, how many rows match in all, and whether more lie beyond the page (in the direction it was read). */
export interface WindowPage<T> {
  items: { row: T; position: Position }[];
  total: number;
  more: boolean;
}

/** Every report's filters name a person or place by id, or by name compared as `foldForSearch` folds it. */
export interface Named {
  id: string;
  /** The wanted name, folded. */
  folded: string;
}

export interface ContactLogSearch {
  type?: 'client-alert';
  subtype?: AlertKind;
  action?: AlertAction;
  context?: AlertContext;
  staff?: Named;
  client?: Named;
  location?: Named;
  from?: string;
  to?: string;
  /** `at`, or a name (the client's when the log was written, the staff member's) folded, or `subtype`, `action`. */
  sort: 'at' | 'client' | 'staff' | 'subtype' | 'action';
  direction: 'asc' | 'desc';
}

export interface ContactLogRow {
  log: ContactLogRecord;
  client: ClientRecord | undefined;
  locationName: string;
}

export interface EntrySearch {
  kind?: 'staff' | 'client';
  person?: Named;
  outcome?: EntryLogEntry['outcome'];
  ip?: string;
  flag?: EntryFlag;
  from?: string;
  to?: string;
  sort: 'at' | 'person';
  direction: 'asc' | 'desc';
}

export interface EntryRow {
  event: AuditEvent;
  /** Whether a staff member without login access now signed in after their last deactivation: the entry's `no-login` flag. */
  noLoginNow: boolean;
}

export interface AccessSearch {
  staff?: Named;
  report?: SensitiveReport;
  exported?: boolean;
  ip?: string;
  /** Staff with no login now, and only what they did before their last deactivation. */
  former?: boolean;
  from?: string;
  to?: string;
  sort: 'at' | 'staff';
  direction: 'asc' | 'desc';
}

export interface AccessRow {
  event: AuditEvent;
  /** Whether the staff member has no login now. */
  former: boolean;
}

/** The audit actions that are entries: sign-ins, failed ones and lock-outs, by staff or a client. */
export const ENTRY_ACTIONS: Record<string, EntryLogEntry['outcome']> = {
  'staff.signed_in': 'success',
  'staff.sign_in_failed': 'failure',
  'staff.locked_out': 'locked-out',
  'client.signed_in': 'success',
  'client.sign_in_failed': 'failure',
};

/** The audit actions that are accesses to a sensitive report. */
export const ACCESS_ACTIONS = ['report.viewed', 'report.exported'] as const;

/** What the reports room needs of storage: the three cursor reports, each a window on its order. */
export interface ReportsStorage {
  contactLogs(search: ContactLogSearch, window: Window): Promise<WindowPage<ContactLogRow>>;
  entries(search: EntrySearch, window: Window): Promise<WindowPage<EntryRow>>;
  accesses(search: AccessSearch, window: Window): Promise<WindowPage<AccessRow>>;
}

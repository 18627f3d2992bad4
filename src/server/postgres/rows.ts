/**
 * Records as `PostgresStorage` writes them: the record itself (JSON) and the columns its
 * queries order and filter by, derived here in one place for every write and the bulk load.
 */
import type { AuditEvent } from '../../core/types.js';
import { foldForSearch } from '../../policy/fold.js';
import { contactKeyForViewer } from '../../policy/policy.js';
import { usernameKey, usernameSkeleton } from '../../policy/sign-in.js';
import { groupOf } from '../context.js';
import type { ClientRecord, ContactLogRecord, StaffRecord, VerificationRecord } from '../records.js';

export const STAFF_COLUMNS = [
  'business_id',
  'id',
  'name_key',
  'role',
  'location_id',
  'has_login_access',
  'group_id',
  'username_key',
  'username_skeleton',
  'access_version',
  'deactivated_at',
  'record',
] as const;

export function staffRow(business: string, s: StaffRecord): unknown[] {
  const username = s.hasLoginAccess ? (s.login?.username ?? s.id) : null;
  // The group is kept as the rules see it: their own, or their role's default.
  const record: StaffRecord = { ...s, groupId: groupOf(s) };
  return [
    business,
    s.id,
    foldForSearch(s.name),
    s.role,
    s.locationId,
    s.hasLoginAccess,
    groupOf(s),
    username === null ? null : usernameKey(username),
    username === null ? null : usernameSkeleton(username),
    s.accessVersion ?? 1,
    s.deactivatedAt ?? null,
    JSON.stringify(record),
  ];
}

export const CLIENT_COLUMNS = ['business_id', 'id', 'name_key', 'record'] as const;

export function clientRow(business: string, c: ClientRecord): unknown[] {
  return [business, c.id, foldForSearch(c.name), JSON.stringify(c)];
}

export const REQUEST_COLUMNS = [
  'business_id',
  'id',
  'requested_at',
  'name_key',
  'email_raw_key',
  'email_mask_key',
  'client_id',
  'client_name_key',
  'status',
  'version',
  'record',
] as const;

export function requestRow(business: string, r: VerificationRecord, clientName: string): unknown[] {
  return [
    business,
    r.id,
    r.requestedAt,
    foldForSearch(r.nameEntered),
    foldForSearch(contactKeyForViewer(r.submittedEmail, 'email', true)),
    // What a masked viewer receives, and so all they may be ordered by.
    foldForSearch(contactKeyForViewer(r.submittedEmail, 'email', false)),
    r.clientId,
    foldForSearch(clientName),
    r.status,
    r.version,
    JSON.stringify(r),
  ];
}

export const LOG_COLUMNS = [
  'business_id',
  'id',
  'at',
  'type',
  'subtype',
  'action',
  'context',
  'client_id',
  'client_name_key',
  'staff_id',
  'staff_name_key',
  'location_id',
  'record',
] as const;

export function logRow(business: string, log: ContactLogRecord, id = log.id): unknown[] {
  return [
    business,
    id,
    log.at,
    log.type,
    log.subtype,
    log.action,
    log.context,
    log.clientId,
    foldForSearch(log.clientName ?? ''),
    log.staff.id,
    foldForSearch(log.staff.name),
    log.locationId,
    JSON.stringify({ ...log, id }),
  ];
}

export const EVENT_COLUMNS = [
  'business_id',
  'id',
  'occurred_at',
  'action',
  'actor_type',
  'actor_id',
  'actor_name_key',
  'ip',
  'report',
  'fingerprint',
  'flags',
  'record',
] as const;

export function eventRow(business: string, e: AuditEvent, id = e.id): unknown[] {
  const meta = e.metadata ?? {};
  return [
    business,
    id,
    e.occurredAt,
    e.action,
    e.actor.type,
    e.actor.id,
    foldForSearch(e.actor.name),
    e.context.ip ?? null,
    typeof meta['report'] === 'string' ? meta['report'] : null,
    typeof meta['fingerprint'] === 'string' ? meta['fingerprint'] : null,
    Array.isArray(meta['flags']) ? ` ${(meta['flags'] as string[]).join(' ')} ` : null,
    JSON.stringify({ ...e, id }),
  ];
}

/** `$n, $n+1, …` for `count` parameters from `from`. */
export function placeholders(count: number, from = 1): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}

/**
 * The counters a business keeps (`deskguard.counts`): how many rows a report has without
 * filters, and with one filter of few values (a contact log's subtype, an entry's outcome,
 * an access's report), so that those counts are read, not counted.
 */
export const COUNTERS = {
  requests: 'requests',
  requestsOf: (status: string) => `requests:${status}`,
  contactLogs: 'contact_logs',
  entries: 'entries',
  accesses: 'accesses',
  /** One filter of few values: `contact_logs:subtype:red`. */
  facet: (report: string, field: string, value: string) => `${report}:${field}:${value}`,
} as const;

/** The filters of few values each report keeps a counter for. */
export const FACETS = {
  contact_logs: ['type', 'subtype', 'action', 'context'],
  entries: ['kind', 'outcome'],
  accesses: ['report', 'exported'],
} as const;

/** The counters a contact log adds to. */
export function logCounters(log: ContactLogRecord): string[] {
  return [COUNTERS.contactLogs, ...FACETS.contact_logs.map((f) => COUNTERS.facet('contact_logs', f, String(log[f])))];
}

const ENTRY_OUTCOMES: Record<string, string> = {
  'staff.signed_in': 'success',
  'staff.sign_in_failed': 'failure',
  'staff.locked_out': 'locked-out',
  'client.signed_in': 'success',
  'client.sign_in_failed': 'failure',
};

/** The counters an audit event adds to, if any. */
export function eventCounters(e: Pick<AuditEvent, 'action' | 'actor' | 'metadata'>): string[] {
  const outcome = ENTRY_OUTCOMES[e.action];
  if (outcome)
    return [
      COUNTERS.entries,
      COUNTERS.facet('entries', 'kind', e.actor.type === 'client' ? 'client' : 'staff'),
      COUNTERS.facet('entries', 'outcome', outcome),
    ];
  if (e.action === 'report.viewed' || e.action === 'report.exported')
    return [
      COUNTERS.accesses,
      COUNTERS.facet('accesses', 'report', String(e.metadata?.['report'] ?? '')),
      COUNTERS.facet('accesses', 'exported', String(e.action === 'report.exported')),
    ];
  return [];
}

/**
 * The counter that answers a search's count, if one does: the report's own when nothing
 * filters it, a facet's when one filter of few values alone does; else none (count the rows).
 */
export function counterFor(
  report: keyof typeof FACETS,
  search: Record<string, unknown>,
  filters: readonly string[],
): string | undefined {
  const set = filters.filter((f) => search[f] !== undefined);
  if (!set.length) return report;
  if (set.length === 1 && (FACETS[report] as readonly string[]).includes(set[0]!))
    return COUNTERS.facet(report, set[0]!, String(search[set[0]!]));
  return undefined;
}

/**
 * Records as `PostgresStorage` writes them: the record itself (JSON) and the columns its
 * queries order and filter by, derived here in one place for every write and the bulk load.
 */
import type { AuditEvent } from '../../core/types.js';
import { foldForSearch } from '../../domain/fold.js';
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
    JSON.stringify({ ...e, id }),
  ];
}

/** `$n, $n+1, …` for `count` parameters from `from`. */
export function placeholders(count: number, from = 1): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}

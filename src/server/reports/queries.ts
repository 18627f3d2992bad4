/**
 * Each report's query, read from URL parameters in one place: the list, its export and a
 * replay of a recorded opening all read it here, so they cannot differ. Every value is
 * checked (`422` naming each field otherwise); the filters come back as the canonical
 * text a URL carries, which is what an opening records and a replay runs again.
 */
import type { SensitiveReport, VerificationSortField } from '../../core/types.js';
import { foldForSearch } from '../../policy/fold.js';
import { QueryReader } from '../http.js';
import type { RequestSearch } from '../verification/storage.js';
import type { AccessSearch, ContactLogSearch, EntrySearch, Named } from './storage.js';

/** The most rows a page holds; a larger `limit` is read as this. */
export const MAX_PAGE = 500;
/** The rows a page holds without a `limit`. */
export const DEFAULT_PAGE = 50;

export interface ReportQuery<S> {
  search: S;
  /** The filters and order, as text a URL carries: what an opening records. */
  filters: Record<string, string>;
  limit: number;
}

const DIRECTIONS = ['asc', 'desc'] as const;

function named(value: string | undefined): Named | undefined {
  return value === undefined ? undefined : { id: value, folded: foldForSearch(value.trim()) };
}

/** The defined values of a search as the text a URL carries, in a stable order. */
function canonical(values: Record<string, string | number | boolean | Named | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'object' ? value.id : String(value);
  }
  return out;
}

function paging(q: QueryReader): number {
  return q.integer('limit', 1, MAX_PAGE, true) ?? DEFAULT_PAGE;
}

export function contactLogQuery(params: URLSearchParams): ReportQuery<ContactLogSearch> {
  const q = new QueryReader(params);
  const search: ContactLogSearch = {
    type: q.oneOf('type', ['client-alert'] as const),
    subtype: q.oneOf('subtype', ['red', 'yellow', 'account-balance', 'arrivals'] as const),
    action: q.oneOf('action', ['ignore', 'sign-in', 'reject'] as const),
    context: q.oneOf('context', ['profile', 'booking', 'sign-in'] as const),
    staff: named(q.text('staff')),
    client: named(q.text('client')),
    location: named(q.text('location')),
    from: q.instant('from'),
    to: q.instant('to'),
    sort: q.oneOf('sort', ['at', 'client', 'staff', 'subtype', 'action'] as const) ?? 'at',
    direction: q.oneOf('direction', DIRECTIONS) ?? 'desc',
  };
  const limit = paging(q);
  q.done();
  return { search, filters: canonical({ ...search }), limit };
}

export function entryLogQuery(params: URLSearchParams): ReportQuery<EntrySearch> {
  const q = new QueryReader(params);
  const search: EntrySearch = {
    kind: q.oneOf('kind', ['staff', 'client'] as const),
    person: named(q.text('person')),
    outcome: q.oneOf('outcome', ['success', 'failure', 'locked-out'] as const),
    ip: q.text('ip'),
    flag: q.oneOf('flag', ['outside-hours', 'outside-shift', 'no-login', 'new-ip'] as const),
    from: q.instant('from'),
    to: q.instant('to'),
    sort: q.oneOf('sort', ['at', 'person'] as const) ?? 'at',
    direction: q.oneOf('direction', DIRECTIONS) ?? 'desc',
  };
  const limit = paging(q);
  q.done();
  return { search, filters: canonical({ ...search }), limit };
}

export const SENSITIVE_REPORTS: readonly SensitiveReport[] = [
  'security-verification',
  'contact-logs',
  'entry-logs',
  'staff-activity',
];

export function staffActivityQuery(params: URLSearchParams): ReportQuery<AccessSearch> {
  const q = new QueryReader(params);
  const search: AccessSearch = {
    staff: named(q.text('staff')),
    report: q.oneOf('report', SENSITIVE_REPORTS),
    exported: q.flag('exported'),
    ip: q.text('ip'),
    former: q.flag('former') || undefined,
    from: q.instant('from'),
    to: q.instant('to'),
    sort: q.oneOf('sort', ['at', 'staff'] as const) ?? 'at',
    direction: q.oneOf('direction', DIRECTIONS) ?? 'desc',
  };
  const limit = paging(q);
  q.done();
  return { search, filters: canonical({ ...search }), limit };
}

export const VERIFICATION_SORT_FIELDS: readonly VerificationSortField[] = [
  'requestedAt',
  'nameEntered',
  'submittedEmail',
  'client',
  'status',
];

/** The verification report's query; it pages by `offset` (masking is the viewer's, added by the room). */
export function verificationQuery(
  params: URLSearchParams,
): ReportQuery<Omit<RequestSearch, 'masked'>> & { offset: number } {
  const q = new QueryReader(params);
  const search = {
    status: q.oneOf('status', ['pending', 'verified', 'declined'] as const),
    from: q.instant('from'),
    to: q.instant('to'),
    sort: q.oneOf('sort', VERIFICATION_SORT_FIELDS) ?? 'requestedAt',
    direction: q.oneOf('direction', DIRECTIONS) ?? 'desc',
  };
  const limit = paging(q);
  const offset = q.integer('offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  q.done();
  return { search, filters: canonical(search), limit, offset };
}

/** The export's format. */
export function exportFormat(params: URLSearchParams): 'csv' | 'json' {
  const q = new QueryReader(params);
  const format = q.oneOf('format', ['csv', 'json'] as const);
  if (!format) q.errors['format'] ??= 'One of csv, json';
  q.done();
  return format!;
}

/** The cursor a request pages with, if any. */
export function cursorParam(params: URLSearchParams): string | undefined {
  const q = new QueryReader(params);
  const cursor = q.text('cursor');
  q.done();
  return cursor;
}

/** A page's `limit` alone (for a replay, whose filters are the recorded ones). */
export function limitParam(params: URLSearchParams): number {
  const q = new QueryReader(params);
  const limit = paging(q);
  q.done();
  return limit;
}

/**
 * The Contact Logs, Entry Logs and Staff Activity reports: each list, its export and the
 * Staff Activity report's "View" replay, all through one query reader, one permission
 * check and one path to rows (`cursorPage`, `everyRow`), so that no path skips the record
 * of who saw what.
 */
import type {
  CursorPage,
  EntryLogPage,
  ReplayColumn,
  ReportReplay,
  SensitiveReport,
  StaffActivityEntry,
  StaffActivityPage,
} from '../../core/types.js';
import type { RequestContext } from '../context.js';
import { notFound } from '../http.js';
import type { Route } from '../router.js';
import { exportFile, MAX_EXPORT_ROWS } from './export.js';
import { cursorPage, everyRow, recordAccess } from './paging.js';
import {
  contactLogQuery,
  cursorParam,
  entryLogQuery,
  exportFormat,
  limitParam,
  SENSITIVE_REPORTS,
  staffActivityQuery,
  type ReportQuery,
} from './queries.js';
import {
  ACCESS_COLUMNS,
  accessCells,
  accessEntry,
  CONTACT_LOG_COLUMNS,
  contactLogCells,
  contactLogEntry,
  ENTRY_LOG_COLUMNS,
  entryLogCells,
  entryLogEntry,
  filtersForViewer,
} from './rows.js';
import type { AccessSearch, ContactLogSearch, EntrySearch, Window, WindowPage } from './storage.js';
import { replayRows } from './replay.js';

/** What each report needs of a viewer's permission group, and the refusal's words. */
export const REPORT_PERMISSIONS: Record<SensitiveReport, { needs: string[]; message: string }> = {
  'security-verification': {
    needs: ['reports.security-verification'],
    message: 'Your permission group does not include the Security Verification report',
  },
  'contact-logs': {
    needs: ['reports.contact-logs'],
    message: 'Your permission group does not include the Contact Logs report',
  },
  'entry-logs': {
    needs: ['reports.entry-logs'],
    message: 'Your permission group does not include the Entry Logs report',
  },
  // As MINDBODY's: the Staff Activity report goes with the Entry Logs report.
  'staff-activity': {
    needs: ['reports.entry-logs', 'reports.staff-activity'],
    message: 'Your permission group does not include both the Entry Logs and the Staff Activity reports',
  },
};

export function mayOpen(ctx: RequestContext, report: SensitiveReport) {
  const { needs, message } = REPORT_PERMISSIONS[report];
  return ctx.require(needs, message);
}

/** One cursor report: how to read its query and its rows, and how a row is answered. */
interface CursorReport<S, R, E> {
  report: SensitiveReport;
  query: (params: URLSearchParams) => ReportQuery<S>;
  read: (ctx: RequestContext, search: S, window: Window) => Promise<WindowPage<R>>;
  view: (ctx: RequestContext, row: R, visible: boolean, currency: string) => E;
  header: string[];
  cells: (entry: E) => string[];
}

const CONTACT_LOGS: CursorReport<
  ContactLogSearch,
  Parameters<typeof contactLogEntry>[0],
  ReturnType<typeof contactLogEntry>
> = {
  report: 'contact-logs',
  query: contactLogQuery,
  read: (ctx, search, window) => ctx.storage.reports.contactLogs(search, window),
  view: (_ctx, row, visible, currency) => contactLogEntry(row, visible, currency),
  header: CONTACT_LOG_COLUMNS,
  cells: contactLogCells,
};

const ENTRY_LOGS: CursorReport<EntrySearch, Parameters<typeof entryLogEntry>[0], ReturnType<typeof entryLogEntry>> = {
  report: 'entry-logs',
  query: entryLogQuery,
  read: (ctx, search, window) => ctx.storage.reports.entries(search, window),
  view: (_ctx, row) => entryLogEntry(row),
  header: ENTRY_LOG_COLUMNS,
  cells: entryLogCells,
};

const STAFF_ACTIVITY: CursorReport<AccessSearch, Parameters<typeof accessEntry>[0], StaffActivityEntry> = {
  report: 'staff-activity',
  query: staffActivityQuery,
  read: (ctx, search, window) => ctx.storage.reports.accesses(search, window),
  view: (_ctx, row, visible) => accessEntry(row, visible),
  header: ACCESS_COLUMNS,
  cells: accessCells,
};

async function listOf<S, R, E>(ctx: RequestContext, spec: CursorReport<S, R, E>): Promise<CursorPage<E>> {
  await mayOpen(ctx, spec.report);
  const params = ctx.url.searchParams;
  const { search, filters, limit } = spec.query(params);
  const cursor = cursorParam(params);
  const visible = await ctx.seesContacts();
  const { currency } = await ctx.storage.masking.business();
  return cursorPage(ctx, {
    scope: spec.report,
    filters,
    masked: !visible,
    cursor,
    limit,
    read: (window) => spec.read(ctx, search, window),
    open: () => recordAccess(ctx, { report: spec.report, filters, masked: !visible }),
    view: (row) => spec.view(ctx, row, visible, currency),
  });
}

async function exportOf<S, R, E>(ctx: RequestContext, spec: CursorReport<S, R, E>) {
  await mayOpen(ctx, spec.report);
  const params = ctx.url.searchParams;
  const format = exportFormat(params);
  const { search, filters } = spec.query(params);
  const visible = await ctx.seesContacts();
  const { currency } = await ctx.storage.masking.business();
  const rows = await everyRow((window) => spec.read(ctx, search, window), MAX_EXPORT_ROWS);
  return exportFile(ctx, {
    report: spec.report,
    filters,
    masked: !visible,
    format,
    entries: rows.map((row) => spec.view(ctx, row, visible, currency)),
    header: spec.header,
    cells: spec.cells,
  });
}

/** How long the business keeps audit events, and the oldest it has. */
async function retention(ctx: RequestContext): Promise<{ retentionDays: number; oldestAt: string | null }> {
  const business = await ctx.storage.masking.business();
  return { retentionDays: business.retentionDays ?? 365, oldestAt: await ctx.storage.audit.oldest() };
}

/**
 * "View": the report of one access run again with the filters and order it was run
 * with, on today's records. It needs the Staff Activity report and the replayed report's
 * own permission; contacts are masked if they were for the staff member then, or are for
 * the viewer now. Replaying is itself recorded as an opening of the replayed report, and
 * its later pages are tied to that record.
 */
async function replay(ctx: RequestContext): Promise<ReportReplay> {
  await mayOpen(ctx, 'staff-activity');
  const id = ctx.params['id']!;
  const event = await ctx.storage.audit.event(id);
  if (!event || (event.action !== 'report.viewed' && event.action !== 'report.exported'))
    throw notFound('No such report access');
  const visible = await ctx.seesContacts();
  const target = await ctx.storage.access.staff(event.actor.id);
  const access = accessEntry({ event, former: !target?.hasLoginAccess }, visible);
  // An event stored without one of the reports (an import, say) is no access to replay.
  if (!SENSITIVE_REPORTS.includes(access.report)) throw notFound('No such report access');
  await mayOpen(ctx, access.report);
  const masked = access.masked || !visible;
  const params = ctx.url.searchParams;
  const cursor = cursorParam(params);
  const limit = limitParam(params);
  const recorded = (event.metadata?.['filters'] ?? {}) as Record<string, string | number>;
  const filters = new URLSearchParams(Object.entries(recorded).map(([k, v]) => [k, String(v)]));
  const rows = replayRows(ctx, access.report, filters, masked);
  const page = await cursorPage(ctx, {
    scope: `replay:${id}`,
    filters: {},
    masked,
    cursor,
    limit,
    read: rows.read,
    open: () =>
      recordAccess(ctx, {
        report: access.report,
        filters: Object.fromEntries(filters),
        masked,
        replayOf: id,
      }),
    view: rows.cells,
  });
  return {
    ...page,
    columns: rows.columns as ReplayColumn[],
    access: { ...access, filters: filtersForViewer(recorded, visible) },
    masked,
  };
}

export const routes: Route[] = [
  {
    method: 'GET',
    path: '/contact-logs',
    handler: (ctx) => listOf(ctx, CONTACT_LOGS),
  },
  { method: 'GET', path: '/contact-logs/export', handler: (ctx) => exportOf(ctx, CONTACT_LOGS) },
  {
    method: 'GET',
    path: '/entry-logs',
    handler: async (ctx): Promise<EntryLogPage> => ({ ...(await listOf(ctx, ENTRY_LOGS)), ...(await retention(ctx)) }),
  },
  { method: 'GET', path: '/entry-logs/export', handler: (ctx) => exportOf(ctx, ENTRY_LOGS) },
  {
    method: 'GET',
    path: '/staff-activity',
    handler: async (ctx): Promise<StaffActivityPage> => ({
      ...(await listOf(ctx, STAFF_ACTIVITY)),
      ...(await retention(ctx)),
    }),
  },
  { method: 'GET', path: '/staff-activity/export', handler: (ctx) => exportOf(ctx, STAFF_ACTIVITY) },
  { method: 'GET', path: '/staff-activity/:id/replay', handler: replay },
];

export { CONTACT_LOGS, ENTRY_LOGS, STAFF_ACTIVITY };

/** The rows of a replayed report, as text cells per column: what "View" shows. */
import type { SensitiveReport } from '../../core/types.js';
import { contactKeyForViewer } from '../../policy/policy.js';
import type { RequestContext } from '../context.js';
import { contactLogQuery, entryLogQuery, staffActivityQuery, verificationQuery } from './queries.js';
import { accessEntry, contactLogEntry, entryLogEntry } from './rows.js';
import type { Position, Window, WindowPage } from './storage.js';

export interface ReplayRows<R> {
  columns: string[];
  read: (window: Window) => Promise<WindowPage<R>>;
  cells: (row: R) => string[];
}

/** A report read by offset as a window: positions are row numbers, which only the signed cursor carries. */
function byOffset<R>(
  read: (offset: number, limit: number) => Promise<{ items: R[]; total: number }>,
): (window: Window) => Promise<WindowPage<R>> {
  return async (window) => {
    const end = window.before ? Number(window.before.id) : undefined;
    const start = window.after ? Number(window.after.id) + 1 : end !== undefined ? Math.max(0, end - window.limit) : 0;
    const limit = end !== undefined ? end - start : window.limit;
    const { items, total } = await read(start, limit);
    const position = (i: number): Position => ({ key: '', id: String(start + i) });
    return {
      items: items.map((row, i) => ({ row, position: position(i) })),
      total,
      more: window.before ? start > 0 : start + items.length < total,
    };
  };
}

/** Rows of one kind, as a replay of any kind holds them. */
function replayOf<R>(columns: string[], read: (window: Window) => Promise<WindowPage<R>>, cells: (row: R) => string[]) {
  return { columns, read, cells } as ReplayRows<unknown>;
}

/** The replayed report's rows with the recorded `filters`, contacts masked when `masked`. */
export function replayRows(
  ctx: RequestContext,
  report: SensitiveReport,
  filters: URLSearchParams,
  masked: boolean,
): ReplayRows<unknown> {
  const contact = (c: { value: string } | null | undefined) => c?.value ?? '';
  const { reports, verification } = ctx.storage;
  switch (report) {
    case 'security-verification': {
      const { search } = verificationQuery(filters);
      return replayOf(
        ['at', 'client', 'email', 'status'],
        byOffset((offset, limit) => verification.requestPage({ ...search, masked }, offset, limit)),
        ({ request, client }) => [
          request.requestedAt,
          client?.name ?? '',
          contactKeyForViewer(request.submittedEmail, 'email', !masked),
          request.status,
        ],
      );
    }
    case 'contact-logs': {
      const { search } = contactLogQuery(filters);
      return replayOf(
        ['at', 'client', 'phone', 'email', 'alert', 'action', 'reason', 'staff'],
        (window) => reports.contactLogs(search, window),
        (row) => {
          const l = contactLogEntry(row, !masked, '');
          return [
            l.at,
            l.client.name,
            contact(l.client.phone),
            contact(l.client.email),
            l.subtype,
            l.action,
            l.reason ?? '',
            l.staff.name,
          ];
        },
      );
    }
    case 'entry-logs': {
      const { search } = entryLogQuery(filters);
      return replayOf(
        ['at', 'person', 'outcome', 'ip', 'flags'],
        (window) => reports.entries(search, window),
        (row) => {
          const e = entryLogEntry(row);
          return [e.at, e.person.name, e.outcome, e.ip, e.flags.join(' ')];
        },
      );
    }
    case 'staff-activity': {
      const { search } = staffActivityQuery(filters);
      return replayOf(
        ['at', 'staff', 'report', 'ip', 'exported'],
        (window) => reports.accesses(search, window),
        (row) => {
          const a = accessEntry(row, !masked);
          return [a.at, a.staff.name, a.report, a.ip, a.export ? `${a.export.format} (${a.export.rows})` : ''];
        },
      );
    }
  }
}

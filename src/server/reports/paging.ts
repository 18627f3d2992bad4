/**
 * How every report row reaches a viewer: a first page records the opening (who, when,
 * from where, with which filters and masking), and every later page is tied to that
 * opening by a cursor the server signed for that viewer, that report, those filters and
 * that order. A cursor forged or altered is `422`; another viewer's is `403`; a cursor of
 * other filters is `422`. There is no way to rows that skips the record.
 */
import { AdapterError } from '../../core/errors.js';
import type { AuditEvent, CursorPage, SensitiveReport } from '../../core/types.js';
import { base64url, fromBase64url } from '../crypto.js';
import { RequestContext } from '../context.js';
import { invalid } from '../http.js';
import type { Storage } from '../storage.js';
import type { Position, Window, WindowPage } from './storage.js';

/** What a cursor holds, signed. */
interface CursorState {
  /** The report (or `replay:<access id>`) it pages. */
  scope: string;
  viewerId: string;
  /** The filters and order it pages, as `RequestContext.fingerprint` makes them. */
  fingerprint: string;
  /** The recorded opening the pages belong to. */
  accessId: string;
  direction: 'after' | 'before';
  position: Position;
  issuedAt: number;
}

/** How long a cursor can be used: a day, as long as an Idempotency-Key is kept. */
const CURSOR_LIFETIME = 86_400_000;

const notOurs = () => invalid({ cursor: 'Not a cursor this report gave: open the report again' });

async function issue(ctx: RequestContext, state: CursorState): Promise<string> {
  const payload = base64url(
    new TextEncoder().encode(
      JSON.stringify([
        state.scope,
        state.viewerId,
        state.fingerprint,
        state.accessId,
        state.direction,
        state.position.key,
        state.position.id,
        state.issuedAt,
      ]),
    ),
  );
  return `${payload}.${await ctx.core.signer.sign(payload)}`;
}

async function read(
  ctx: RequestContext,
  cursor: string,
  expected: { scope: string; viewerId: string; fingerprint: string },
): Promise<CursorState> {
  const [payload = '', signature = '', ...rest] = cursor.split('.');
  if (rest.length || !(await ctx.core.signer.verify(payload, signature))) throw notOurs();
  let fields: unknown;
  try {
    fields = JSON.parse(new TextDecoder().decode(fromBase64url(payload) ?? new Uint8Array()));
  } catch {
    throw notOurs();
  }
  if (!Array.isArray(fields) || fields.length !== 8) throw notOurs();
  const [scope, viewerId, fingerprint, accessId, direction, key, id, issuedAt] = fields as [
    string,
    string,
    string,
    string,
    'after' | 'before',
    string,
    string,
    number,
  ];
  if (viewerId !== expected.viewerId)
    throw new AdapterError('forbidden', { message: 'This cursor was given to someone else: open the report yourself' });
  if (scope !== expected.scope || fingerprint !== expected.fingerprint)
    throw invalid({ cursor: 'This cursor pages other filters or another order: open the report again' });
  if (ctx.now() - issuedAt > CURSOR_LIFETIME || issuedAt > ctx.now() + 60_000)
    throw invalid({ cursor: 'This cursor has expired: open the report again' });
  return { scope, viewerId, fingerprint, accessId, direction, position: { key, id }, issuedAt };
}

/**
 * What ties a later page to an opening: the report, its filters and order, and whether
 * contacts were masked. A viewer whose masking changed meanwhile opens the report anew,
 * so the record says what they saw.
 */
export function accessFingerprint(scope: string, filters: Record<string, string | number>, masked: boolean) {
  return RequestContext.fingerprint(scope, { ...filters, '(masked)': String(masked) });
}

export interface ReportAccess {
  report: SensitiveReport;
  /** The filters and order as a URL carries them (no cursor, offset or limit). */
  filters: Record<string, string | number>;
  /** Whether contacts are hidden in what the viewer receives. */
  masked: boolean;
  /** The access a replay replays. */
  replayOf?: string;
  export?: { format: 'csv' | 'json'; rows: number };
}

/** Records that the viewer opened (or exported) a report: what the Staff Activity report reads. */
export async function recordAccess(
  ctx: RequestContext,
  access: ReportAccess,
  tx: Storage = ctx.storage,
): Promise<AuditEvent> {
  const fingerprint = await accessFingerprint(access.report, access.filters, access.masked);
  const event = await ctx.audit(tx, access.export ? 'report.exported' : 'report.viewed', {
    metadata: {
      report: access.report,
      filters: access.filters,
      masked: access.masked,
      fingerprint,
      ...access.export,
      ...(access.replayOf && { replayOf: access.replayOf }),
    },
  });
  await ctx.announce();
  return event;
}

/**
 * One page of a cursor report: the first (recording the opening) or the one a cursor
 * points at (tied to the opening it came from), with the cursors to the pages beside it.
 */
export async function cursorPage<T, U>(
  ctx: RequestContext,
  options: {
    /** What the cursor pages: the report, or `replay:<access id>`. */
    scope: string;
    /** The filters and order the cursor is bound to. */
    filters: Record<string, string | number>;
    /** Whether contacts are masked for the viewer: a cursor pages only what was opened that way. */
    masked: boolean;
    cursor: string | undefined;
    limit: number;
    read: (window: Window) => Promise<WindowPage<T>>;
    /** Records the opening, for a first page. */
    open: () => Promise<AuditEvent>;
    view: (row: T) => U;
  },
): Promise<CursorPage<U>> {
  const viewer = await ctx.viewer();
  const fingerprint = await accessFingerprint(options.scope, options.filters, options.masked);
  const state = options.cursor
    ? await read(ctx, options.cursor, { scope: options.scope, viewerId: viewer.id, fingerprint })
    : undefined;
  const window: Window = { limit: options.limit };
  if (state?.direction === 'after') window.after = state.position;
  if (state?.direction === 'before') window.before = state.position;
  const page = await options.read(window);
  // The rows go out only once their opening is on record.
  const accessId = state?.accessId ?? (await options.open()).id;
  const cursor = (direction: 'after' | 'before', position: Position) =>
    issue(ctx, {
      scope: options.scope,
      viewerId: viewer.id,
      fingerprint,
      accessId,
      direction,
      position,
      issuedAt: ctx.now(),
    });
  const first = page.items[0]?.position;
  const last = page.items.at(-1)?.position;
  const backwards = window.before !== undefined;
  const forwardMore = backwards ? true : page.more;
  const backwardMore = backwards ? page.more : window.after !== undefined;
  return {
    items: page.items.map(({ row }) => options.view(row)),
    total: page.total,
    next: last && forwardMore ? await cursor('after', last) : null,
    previous: first && backwardMore ? await cursor('before', first) : null,
  };
}

/** Reads pages of `size` rows until none is left: a whole report, for an export. Only the first page is counted. */
export async function everyRow<T>(
  read: (window: Window) => Promise<WindowPage<T>>,
  atMost: number,
  size = 2_000,
): Promise<T[]> {
  const rows: T[] = [];
  let after: Position | undefined;
  for (;;) {
    const page = await read({ limit: size, count: !after, ...(after && { after }) });
    if (!after && page.total > atMost)
      throw invalid(
        { filters: `Narrow the filters: an export holds at most ${atMost.toLocaleString('en')} rows` },
        `This export would hold ${page.total.toLocaleString('en')} rows, more than ${atMost.toLocaleString('en')}`,
      );
    rows.push(...page.items.map((i) => i.row));
    after = page.items.at(-1)?.position;
    if (!page.more || !after) return rows;
  }
}

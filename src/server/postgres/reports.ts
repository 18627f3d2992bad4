/**
 * `PostgresStorage`'s audit log and the three cursor reports: each a keyset window on an
 * index (`(key, id) > (…)` in the order's direction), so a page costs its rows, whatever
 * page it is.
 */
import type { AuditEvent } from '../../core/types.js';
import type { AuditStorage } from '../audit/storage.js';
import type { ClientRecord, ContactLogRecord } from '../records.js';
import {
  ACCESS_ACTIONS,
  ENTRY_ACTIONS,
  type AccessRow,
  type AccessSearch,
  type ContactLogRow,
  type ContactLogSearch,
  type EntryRow,
  type EntrySearch,
  type Named,
  type Position,
  type ReportsStorage,
  type Window,
  type WindowPage,
} from '../reports/storage.js';
import { Part } from './people.js';
import { counterFor, EVENT_COLUMNS, eventCounters, eventRow, placeholders } from './rows.js';

const ENTRY_LIST = Object.keys(ENTRY_ACTIONS)
  .map((a) => `'${a}'`)
  .join(', ');
const ACCESS_LIST = ACCESS_ACTIONS.map((a) => `'${a}'`).join(', ');

/** A query's `WHERE`, built clause by clause with its parameters (the business's is `$1`). */
class Where {
  readonly clauses: string[];
  readonly params: unknown[] = [];

  constructor(first: string) {
    this.clauses = [first];
  }

  /** Adds a clause whose `$` is the next parameter, for `value`. */
  add(clause: (n: string) => string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause(`$${this.params.length + 1}`));
    return this;
  }

  /** Adds a person or place by id, or by folded name. */
  named(idColumn: string, keyColumn: string, named: Named | undefined): this {
    if (!named) return this;
    this.params.push(named.id, named.folded);
    const n = this.params.length + 1;
    const clause = `(${idColumn} = $${n - 1} OR ${keyColumn} = $${n})`;
    this.clauses.push(clause);
    // The same rows, counted as two index scans that need no table: by id, then by name but not that id.
    this.alone.set(clause, [`${idColumn} = $${n - 1}`, `${keyColumn} = $${n} AND ${idColumn} <> $${n - 1}`]);
    return this;
  }

  /** For a clause by id or name, its two halves, each of which an index answers alone. */
  readonly alone = new Map<string, [string, string]>();

  /** The count of rows as one statement: two counts, for one filter by id or name alone; else one. */
  countSql(from: string): string {
    const [base, only, ...rest] = this.clauses;
    const halves = only !== undefined && !rest.length ? this.alone.get(only) : undefined;
    if (!halves) return `SELECT count(*)::int AS total FROM ${from} WHERE ${this.sql}`;
    return `SELECT (SELECT count(*) FROM ${from} WHERE ${base} AND ${halves[0]})::int + (SELECT count(*) FROM ${from} WHERE ${base} AND ${halves[1]})::int AS total`;
  }

  get sql(): string {
    return this.clauses.join(' AND ');
  }
}

export class PostgresReports extends Part implements ReportsStorage, AuditStorage {
  /**
   * A keyset window: `limit` rows after or before a position in the order of `key` (then
   * `id`), in `direction`; rows come back in the report's order, with `more` and the count.
   */
  async #window<R>(
    from: string,
    where: Where,
    columns: string,
    key: string,
    id: string,
    direction: 'asc' | 'desc',
    window: Window,
    /** The counter that is the count (`counterFor`); without one the rows are counted. */
    counter: string | undefined,
  ): Promise<{ rows: (R & { sort_key: string; row_id: string })[]; total: number; more: boolean }> {
    const backwards = !!window.before;
    const ascending = (direction === 'asc') !== backwards;
    const at = window.after ?? window.before;
    const params = [...where.params];
    let seek = '';
    if (at) {
      params.push(at.key, at.id);
      const n = params.length + 1;
      seek = ` AND (${key}, ${id}) ${ascending ? '>' : '<'} ($${n - 1}, $${n})`;
    }
    const order = ascending ? 'ASC' : 'DESC';
    // Without filters the count is kept as rows are added; an export's later pages need none.
    const counted =
      window.count === false
        ? Promise.resolve(-1)
        : counter
          ? this.counter(counter)
          : this.rows<{ total: number }>(where.countSql(from), where.params).then((r) => r[0]!.total);
    const [rows, total] = await Promise.all([
      this.rows<R & { sort_key: string; row_id: string }>(
        `SELECT ${columns}, ${key} AS sort_key, ${id} AS row_id FROM ${from} WHERE ${where.sql}${seek}
         ORDER BY ${key} ${order}, ${id} ${order} LIMIT ${window.limit + 1}`,
        params,
      ),
      counted,
    ]);
    const more = rows.length > window.limit;
    const kept = rows.slice(0, window.limit);
    return { rows: backwards ? kept.reverse() : kept, total, more };
  }

  #page<R, T>(
    found: { rows: (R & { sort_key: string; row_id: string })[]; total: number; more: boolean },
    row: (r: R) => T,
  ): WindowPage<T> {
    return {
      items: found.rows.map((r) => ({ row: row(r), position: { key: r.sort_key, id: r.row_id } as Position })),
      total: found.total,
      more: found.more,
    };
  }

  async contactLogs(search: ContactLogSearch, window: Window): Promise<WindowPage<ContactLogRow>> {
    const where = new Where('l.business_id = $1');
    if (search.type) where.add((n) => `l.type = ${n}`, search.type);
    if (search.subtype) where.add((n) => `l.subtype = ${n}`, search.subtype);
    if (search.action) where.add((n) => `l.action = ${n}`, search.action);
    if (search.context) where.add((n) => `l.context = ${n}`, search.context);
    if (search.from) where.add((n) => `l.at >= ${n}`, search.from);
    if (search.to) where.add((n) => `l.at < ${n}`, search.to);
    where.named('l.staff_id', 'l.staff_name_key', search.staff);
    where.named('l.client_id', 'l.client_name_key', search.client);
    where.named('l.location_id', 'o.name_key', search.location);
    const key = {
      at: 'l.at',
      client: 'l.client_name_key',
      staff: 'l.staff_name_key',
      subtype: 'l.subtype',
      action: 'l.action',
    }[search.sort];
    const found = await this.#window<{
      record: ContactLogRecord;
      client: ClientRecord | null;
      location_name: string | null;
    }>(
      `deskguard.contact_logs l
       LEFT JOIN deskguard.clients c ON c.business_id = l.business_id AND c.id = l.client_id
       LEFT JOIN deskguard.locations o ON o.business_id = l.business_id AND o.id = l.location_id`,
      where,
      'l.record, c.record AS client, o.name AS location_name',
      key,
      'l.id',
      search.direction,
      window,
      counterFor('contact_logs', search as unknown as Record<string, unknown>, [
        'type',
        'subtype',
        'action',
        'context',
        'staff',
        'client',
        'location',
        'from',
        'to',
      ]),
    );
    return this.#page(found, (r) => ({
      log: r.record,
      client: r.client ?? undefined,
      locationName: r.location_name ?? '',
    }));
  }

  async entries(search: EntrySearch, window: Window): Promise<WindowPage<EntryRow>> {
    const where = new Where(`e.business_id = $1 AND e.action IN (${ENTRY_LIST})`);
    // Signed in while they had no login: after their last deactivation (ever, if none is recorded).
    const noLogin = `(e.actor_type = 'staff' AND NOT COALESCE(s.has_login_access, false) AND e.occurred_at >= COALESCE(s.deactivated_at, ''))`;
    if (search.kind)
      where.add((n) => (search.kind === 'client' ? `e.actor_type = ${n}` : `e.actor_type <> ${n}`), 'client');
    where.named('e.actor_id', 'e.actor_name_key', search.person);
    if (search.outcome)
      where.add(
        (n) => `e.action = ANY(${n}::text[])`,
        Object.entries(ENTRY_ACTIONS)
          .filter(([, outcome]) => outcome === search.outcome)
          .map(([action]) => action),
      );
    if (search.ip) where.add((n) => `e.ip = ${n}`, search.ip);
    if (search.flag === 'no-login') where.clauses.push(noLogin);
    // A literal, one of three: what lets the planner use the flag's own index.
    else if (search.flag) where.clauses.push(`e.flags LIKE '% ${search.flag} %'`);
    if (search.from) where.add((n) => `e.occurred_at >= ${n}`, search.from);
    if (search.to) where.add((n) => `e.occurred_at < ${n}`, search.to);
    const found = await this.#window<{ record: AuditEvent; no_login: boolean }>(
      `deskguard.audit_events e LEFT JOIN deskguard.staff s ON s.business_id = e.business_id AND s.id = e.actor_id`,
      where,
      `e.record, ${noLogin} AS no_login`,
      search.sort === 'person' ? 'e.actor_name_key' : 'e.occurred_at',
      'e.id',
      search.direction,
      window,
      counterFor('entries', search as unknown as Record<string, unknown>, [
        'kind',
        'person',
        'outcome',
        'ip',
        'flag',
        'from',
        'to',
      ]),
    );
    return this.#page(found, (r) => ({ event: r.record, noLoginNow: r.no_login }));
  }

  async accesses(search: AccessSearch, window: Window): Promise<WindowPage<AccessRow>> {
    const where = new Where(`e.business_id = $1 AND e.action IN (${ACCESS_LIST})`);
    const former = `NOT COALESCE(s.has_login_access, false)`;
    where.named('e.actor_id', 'e.actor_name_key', search.staff);
    if (search.report) where.add((n) => `e.report = ${n}`, search.report);
    if (search.exported !== undefined)
      where.add((n) => `e.action = ${n}`, search.exported ? 'report.exported' : 'report.viewed');
    if (search.ip) where.add((n) => `e.ip = ${n}`, search.ip);
    if (search.former) where.clauses.push(`${former} AND e.occurred_at < COALESCE(s.deactivated_at, '\uffff')`);
    if (search.from) where.add((n) => `e.occurred_at >= ${n}`, search.from);
    if (search.to) where.add((n) => `e.occurred_at < ${n}`, search.to);
    const found = await this.#window<{ record: AuditEvent; former: boolean }>(
      `deskguard.audit_events e LEFT JOIN deskguard.staff s ON s.business_id = e.business_id AND s.id = e.actor_id`,
      where,
      `e.record, ${former} AS former`,
      search.sort === 'staff' ? 'e.actor_name_key' : 'e.occurred_at',
      'e.id',
      search.direction,
      window,
      counterFor('accesses', search as unknown as Record<string, unknown>, [
        'staff',
        'report',
        'exported',
        'ip',
        'former',
        'from',
        'to',
      ]),
    );
    return this.#page(found, (r) => ({ event: r.record, former: r.former }));
  }

  async append(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent> {
    const id = await this.nextId('audit', 'deskguard.audit_event_ids');
    const stored = { ...event, id } as AuditEvent;
    const row = eventRow(this.businessId, stored);
    await this.rows(
      `INSERT INTO deskguard.audit_events (${EVENT_COLUMNS.join(', ')}) VALUES (${placeholders(row.length - 1)}, $${row.length}::text::jsonb)`,
      row.slice(1),
    );
    for (const counter of eventCounters(stored)) await this.count(counter, 1);
    return stored;
  }

  async event(id: string): Promise<AuditEvent | undefined> {
    const [row] = await this.rows<{ record: AuditEvent }>(
      'SELECT record FROM deskguard.audit_events WHERE business_id = $1 AND id = $2',
      [id],
    );
    return row?.record;
  }

  async latestAccess(actorId: string, report: string, fingerprint: string, since: string) {
    const [row] = await this.rows<{ record: AuditEvent }>(
      `SELECT record FROM deskguard.audit_events WHERE business_id = $1 AND action = 'report.viewed'
       AND actor_id = $2 AND report = $3 AND fingerprint = $4 AND occurred_at >= $5
       ORDER BY occurred_at DESC, id DESC LIMIT 1`,
      [actorId, report, fingerprint, since],
    );
    return row?.record;
  }

  async signedInFrom(personId: string, ip: string): Promise<boolean> {
    const rows = await this.rows(
      `SELECT 1 FROM deskguard.audit_events WHERE business_id = $1 AND action IN ('staff.signed_in', 'client.signed_in')
       AND actor_id = $2 AND ip = $3 LIMIT 1`,
      [personId, ip],
    );
    return rows.length > 0;
  }

  async oldest(): Promise<string | null> {
    const [row] = await this.rows<{ oldest: string | null }>(
      'SELECT min(occurred_at) AS oldest FROM deskguard.audit_events WHERE business_id = $1',
    );
    return row?.oldest ?? null;
  }
}

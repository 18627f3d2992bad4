/**
 * The memory storage's audit log and the three cursor reports over it and the contact
 * logs. Events and logs are only ever added, so each report's rows in time order are kept
 * between answers and only what was added since is put in its place.
 */
import type { AuditEvent, ContactLog } from '../../core/types.js';
import { foldForSearch } from '../../policy/fold.js';
import type { AuditStorage } from '../audit/storage.js';
import { flagHistory } from '../audit/entries.js';
import type { EntryMetadata, StaffRecord } from '../records.js';
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
import { compareText, orderBy, windowOf, type MemoryState } from './state.js';

const isEntry = (e: AuditEvent) => e.action in ENTRY_ACTIONS;
const isAccess = (e: AuditEvent) => (ACCESS_ACTIONS as readonly string[]).includes(e.action);
const byTime = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  compareText(a.at, b.at) || compareText(a.id, b.id);

/** A list kept in time order as it grows: what was added since the last look joins it, and the order is mended only when something older arrived. */
class TimeOrder<T> {
  #of: T[] | undefined;
  #seen = 0;
  #sorted: T[] = [];

  constructor(
    private readonly wanted: (item: T) => boolean,
    private readonly time: (item: T) => { at: string; id: string },
  ) {}

  of(list: T[]): T[] {
    if (this.#of !== list || this.#seen > list.length) {
      this.#of = list;
      this.#seen = 0;
      this.#sorted = [];
    }
    let mend = false;
    for (let i = this.#seen; i < list.length; i++) {
      const item = list[i]!;
      if (!this.wanted(item)) continue;
      const last = this.#sorted.at(-1);
      if (last && byTime(this.time(item), this.time(last)) < 0) mend = true;
      this.#sorted.push(item);
    }
    this.#seen = list.length;
    if (mend) this.#sorted.sort((a, b) => byTime(this.time(a), this.time(b)));
    return this.#sorted;
  }
}

/** Whether a person or place matches a filter by id or by folded name. */
function matches(named: Named | undefined, id: string, name: string | undefined): boolean {
  return !named || named.id === id || named.folded === foldForSearch(name ?? '');
}

export class MemoryReports implements ReportsStorage, AuditStorage {
  readonly #logs = new TimeOrder<ContactLog>(
    () => true,
    (l) => ({ at: l.at, id: l.id }),
  );
  readonly #entries = new TimeOrder<AuditEvent>(isEntry, (e) => ({ at: e.occurredAt, id: e.id }));
  readonly #accesses = new TimeOrder<AuditEvent>(isAccess, (e) => ({ at: e.occurredAt, id: e.id }));
  /** The addresses each person signed in from, for the events up to `seen`. */
  #addresses = { of: undefined as AuditEvent[] | undefined, seen: 0, by: new Map<string, Set<string>>() };

  /** Rows in the order of a sort other than time, ascending, kept while no row is added. */
  readonly #orders = new Map<string, { of: unknown[]; count: number; rows: unknown[] }>();

  constructor(private readonly state: MemoryState) {}

  /** `rows` (in time order) in the ascending order of their positions: as they are by time, else sorted and kept. */
  #sorted<T>(name: string, rows: T[], position: (row: T) => Position): T[] {
    if (name.endsWith(' at')) return rows;
    const kept = this.#orders.get(name);
    if (kept?.of === rows && kept.count === rows.length) return kept.rows as T[];
    const sorted = orderBy([...rows], position, 1);
    this.#orders.set(name, { of: rows, count: rows.length, rows: sorted });
    return sorted;
  }

  #staff(): Map<string, StaffRecord> {
    return new Map(this.state.data.staff.map((s) => [s.id, s]));
  }

  async contactLogs(search: ContactLogSearch, window: Window): Promise<WindowPage<ContactLogRow>> {
    const { data } = this.state;
    const clients = new Map(data.clients.map((c) => [c.id, c]));
    const locations = new Map(data.locations.map((l) => [l.id, l.name]));
    const sign = search.direction === 'asc' ? 1 : -1;
    const clientName = (log: ContactLog & { clientName?: string }) =>
      log.clientName ?? clients.get(log.clientId)?.name ?? '';
    const position = (log: ContactLog & { clientName?: string }): Position => ({
      key:
        search.sort === 'at'
          ? log.at
          : search.sort === 'client'
            ? foldForSearch(clientName(log))
            : search.sort === 'staff'
              ? foldForSearch(log.staff.name)
              : log[search.sort],
      id: log.id,
    });
    const all = this.#sorted(`logs ${search.sort}`, this.#logs.of(data.contactLogs), position);
    const ordered = (sign < 0 ? [...all].reverse() : all).filter(
      (log) =>
        (!search.type || log.type === search.type) &&
        (!search.subtype || log.subtype === search.subtype) &&
        (!search.action || log.action === search.action) &&
        (!search.context || log.context === search.context) &&
        (!search.from || log.at >= search.from) &&
        (!search.to || log.at < search.to) &&
        matches(search.staff, log.staff.id, log.staff.name) &&
        matches(search.client, log.clientId, clientName(log)) &&
        matches(search.location, log.locationId, locations.get(log.locationId)),
    );
    const page = windowOf(ordered, position, sign, window);
    return {
      ...page,
      items: page.items.map(({ row, position }) => ({
        row: {
          log: structuredClone(row),
          client: structuredClone(clients.get(row.clientId)),
          locationName: locations.get(row.locationId) ?? '',
        },
        position,
      })),
    };
  }

  /** Entry events, with the flags of any added without them decided as of when they happened. */
  #entryEvents(): AuditEvent[] {
    const events = this.#entries.of(this.state.data.auditEvents);
    if (events.some((e) => !(e.metadata as EntryMetadata | undefined)?.flags))
      flagHistory(this.state.data.auditEvents, this.state.data.business, this.#staff(), isEntry);
    return events;
  }

  async entries(search: EntrySearch, window: Window): Promise<WindowPage<EntryRow>> {
    const staff = this.#staff();
    // Signed in while they had no login: after their last deactivation (ever, if none is recorded).
    const noLogin = (e: AuditEvent) => {
      const person = staff.get(e.actor.id);
      return e.actor.type === 'staff' && !person?.hasLoginAccess && e.occurredAt >= (person?.deactivatedAt ?? '');
    };
    const sign = search.direction === 'asc' ? 1 : -1;
    const position = (e: AuditEvent): Position => ({
      key: search.sort === 'person' ? foldForSearch(e.actor.name) : e.occurredAt,
      id: e.id,
    });
    const all = this.#sorted(`entries ${search.sort}`, this.#entryEvents(), position);
    const ordered = (sign < 0 ? [...all].reverse() : all).filter((e) => {
      const flags = (e.metadata as EntryMetadata | undefined)?.flags ?? [];
      return (
        (!search.kind || (e.actor.type === 'client' ? 'client' : 'staff') === search.kind) &&
        matches(search.person, e.actor.id, e.actor.name) &&
        (!search.outcome || ENTRY_ACTIONS[e.action] === search.outcome) &&
        (!search.ip || e.context.ip === search.ip) &&
        (!search.flag || (search.flag === 'no-login' ? noLogin(e) : (flags as string[]).includes(search.flag))) &&
        (!search.from || e.occurredAt >= search.from) &&
        (!search.to || e.occurredAt < search.to)
      );
    });
    const page = windowOf(ordered, position, sign, window);
    return {
      ...page,
      items: page.items.map(({ row, position }) => ({
        row: { event: structuredClone(row), noLoginNow: noLogin(row) },
        position,
      })),
    };
  }

  async accesses(search: AccessSearch, window: Window): Promise<WindowPage<AccessRow>> {
    const staff = this.#staff();
    const former = (e: AuditEvent) => !staff.get(e.actor.id)?.hasLoginAccess;
    const sign = search.direction === 'asc' ? 1 : -1;
    const position = (e: AuditEvent): Position => ({
      key: search.sort === 'staff' ? foldForSearch(e.actor.name) : e.occurredAt,
      id: e.id,
    });
    const all = this.#sorted(`accesses ${search.sort}`, this.#accesses.of(this.state.data.auditEvents), position);
    const ordered = (sign < 0 ? [...all].reverse() : all).filter((e) => {
      const meta = e.metadata ?? {};
      return (
        matches(search.staff, e.actor.id, e.actor.name) &&
        (!search.report || meta['report'] === search.report) &&
        (search.exported === undefined || (e.action === 'report.exported') === search.exported) &&
        (!search.ip || e.context.ip === search.ip) &&
        (!search.former || (former(e) && e.occurredAt < (staff.get(e.actor.id)?.deactivatedAt ?? '\uffff'))) &&
        (!search.from || e.occurredAt >= search.from) &&
        (!search.to || e.occurredAt < search.to)
      );
    });
    const page = windowOf(ordered, position, sign, window);
    return {
      ...page,
      items: page.items.map(({ row, position }) => ({
        row: { event: structuredClone(row), former: former(row) },
        position,
      })),
    };
  }

  async append(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent> {
    const events = this.state.data.auditEvents;
    // The storage names the event: an id in `event` (a copy of another's, say) is not kept.
    const stored = { ...structuredClone(event), id: `audit-${events.length + 1}` } as AuditEvent;
    this.state.append(events, stored);
    return structuredClone(stored);
  }

  async event(id: string): Promise<AuditEvent | undefined> {
    const found = this.state.data.auditEvents.find((e) => e.id === id);
    return found && structuredClone(found);
  }

  async latestAccess(actorId: string, report: string, fingerprint: string, since: string) {
    const events = this.state.data.auditEvents;
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!;
      if (
        e.action === 'report.viewed' &&
        e.actor.id === actorId &&
        e.occurredAt >= since &&
        e.metadata?.['report'] === report &&
        e.metadata['fingerprint'] === fingerprint
      )
        return structuredClone(e);
    }
    return undefined;
  }

  async signedInFrom(personId: string, ip: string): Promise<boolean> {
    const events = this.state.data.auditEvents;
    const known = this.#addresses;
    if (known.of !== events || known.seen > events.length) this.#addresses = { of: events, seen: 0, by: new Map() };
    const { by } = this.#addresses;
    for (let i = this.#addresses.seen; i < events.length; i++) {
      const e = events[i]!;
      if (!e.action.endsWith('.signed_in') || !e.context.ip) continue;
      const seen = by.get(e.actor.id) ?? new Set<string>();
      by.set(e.actor.id, seen.add(e.context.ip));
    }
    this.#addresses.seen = events.length;
    return by.get(personId)?.has(ip) ?? false;
  }

  async oldest(): Promise<string | null> {
    let oldest: string | null = null;
    for (const e of this.state.data.auditEvents) if (oldest === null || e.occurredAt < oldest) oldest = e.occurredAt;
    return oldest;
  }
}

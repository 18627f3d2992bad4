/** The memory storage's front-desk records: clients' alerts, link requests, gift cards and kept answers. */
import type { GiftCardReservation } from '../../core/types.js';
import { foldForSearch } from '../../policy/fold.js';
import { contactKeyForViewer } from '../../policy/policy.js';
import type { AlertsStorage, ShownKey } from '../alerts/storage.js';
import type { GiftCardStorage } from '../giftcards/storage.js';
import type {
  AlertSettings,
  ClientRecord,
  ContactLogRecord,
  IdempotencyRecord,
  VerificationRecord,
} from '../records.js';
import type { IdempotencyStorage } from '../storage.js';
import type { RequestSearch, VerificationStorage } from '../verification/storage.js';
import { SortedIndex, sortById } from './sorted-index.js';
import { compareText, type MemoryState } from './state.js';

export class MemoryAlerts implements AlertsStorage {
  readonly #shown = new Map<string, string>();

  constructor(private readonly state: MemoryState) {}

  async client(id: string): Promise<ClientRecord | undefined> {
    const found = this.state.data.clients.find((c) => c.id === id);
    return found && structuredClone(found);
  }

  async alertSettings(): Promise<AlertSettings> {
    return structuredClone(this.state.data.alertSettings);
  }

  async markShown(key: ShownKey, at: string): Promise<void> {
    this.#shown.set(`${key.viewerId} ${key.clientId} ${key.context}`, at);
  }

  async shownAt(key: ShownKey): Promise<string | undefined> {
    return this.#shown.get(`${key.viewerId} ${key.clientId} ${key.context}`);
  }

  async saveResolution(
    logs: Omit<ContactLogRecord, 'id'>[],
    arrival: { clientId: string; at: number } | null,
  ): Promise<ContactLogRecord[]> {
    const all = this.state.data.contactLogs;
    const written = logs.map((log, i): ContactLogRecord => ({
      id: `log-${all.length + i + 1}`,
      ...structuredClone(log),
    }));
    this.state.append(all, ...written);
    const client = arrival && this.state.data.clients.find((c) => c.id === arrival.clientId);
    if (client) this.state.append(client.arrivals, arrival.at);
    return structuredClone(written);
  }
}

export class MemoryGiftCards implements GiftCardStorage {
  constructor(private readonly state: MemoryState) {}

  async reserve(reservation: GiftCardReservation): Promise<boolean> {
    const cards = this.state.data.giftCards;
    if (cards.some((g) => g.number === reservation.number)) return false;
    this.state.append(cards, structuredClone(reservation));
    return true;
  }
}

export class MemoryIdempotency implements IdempotencyStorage {
  readonly #kept = new Map<string, IdempotencyRecord>();

  constructor(private readonly state: MemoryState) {}

  async find(viewerId: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.#kept.get(`${viewerId}\n${key}`);
  }

  async save(record: IdempotencyRecord): Promise<boolean> {
    const id = `${record.viewerId}\n${record.key}`;
    if (this.#kept.has(id)) return false;
    this.#kept.set(id, { ...record });
    this.state.undo(() => this.#kept.delete(id));
    return true;
  }
}

/**
 * Link requests in order by each field, as a database index keeps them: by what the
 * viewer receives (a masked viewer's emails by their masks), names folded, ties by id.
 * Built on first use and kept until the requests change.
 */
export class MemoryVerification implements VerificationStorage {
  #indexed: {
    list: VerificationRecord[] | undefined;
    length: number;
    byId: VerificationRecord[] | undefined;
    indexes: Map<string, SortedIndex<VerificationRecord>>;
    counts: Map<string, number> | undefined;
  } = { list: undefined, length: 0, byId: undefined, indexes: new Map(), counts: undefined };

  constructor(private readonly state: MemoryState) {}

  #clients(): Map<string, ClientRecord> {
    return new Map(this.state.data.clients.map((c) => [c.id, c]));
  }

  #index(field: RequestSearch['sort'], masked: boolean): SortedIndex<VerificationRecord> {
    const requests = this.state.data.verificationRequests;
    if (this.#indexed.list !== requests || this.#indexed.length !== requests.length)
      this.#indexed = {
        list: requests,
        length: requests.length,
        byId: undefined,
        indexes: new Map(),
        counts: undefined,
      };
    const name = `${field}:${field === 'submittedEmail' && masked ? 'masked' : 'raw'}`;
    let index = this.#indexed.indexes.get(name);
    if (!index) {
      const names = new Map(this.state.data.clients.map((c) => [c.id, foldForSearch(c.name)]));
      const key = (r: VerificationRecord): string =>
        field === 'client'
          ? (names.get(r.clientId) ?? '')
          : field === 'submittedEmail'
            ? foldForSearch(contactKeyForViewer(r.submittedEmail, 'email', !masked))
            : field === 'nameEntered'
              ? foldForSearch(r.nameEntered)
              : r[field];
      const byId = (this.#indexed.byId ??= sortById(requests));
      index = new SortedIndex(byId, key, compareText);
      this.#indexed.indexes.set(name, index);
    }
    return index;
  }

  #count(status: RequestSearch['status']): number {
    const counts = (this.#indexed.counts ??= new Map());
    if (!counts.size)
      for (const r of this.state.data.verificationRequests) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return status ? (counts.get(status) ?? 0) : this.state.data.verificationRequests.length;
  }

  async requestPage(search: RequestSearch, offset: number, limit: number) {
    const direction = search.direction === 'asc' ? 1 : -1;
    const index = this.#index(search.sort, search.masked);
    let items: VerificationRecord[];
    let total: number;
    if (search.from || search.to) {
      // A date range is a slice of the date index, which also gives the count; then the
      // sort's order of that slice. Timestamps are ISO 8601 in UTC: they compare as text.
      const from = search.from ?? '';
      const to = search.to ?? '\uffff';
      const dated = this.#index('requestedAt', search.masked)
        .range(from, to)
        .filter((r) => r.requestedAt < to && (!search.status || r.status === search.status));
      total = dated.length;
      const ordered =
        search.sort === 'requestedAt' ? (direction === 1 ? dated : dated.reverse()) : index.arrange(dated, direction);
      items = ordered.slice(offset, offset + limit);
    } else {
      const keep = (r: VerificationRecord) => !search.status || r.status === search.status;
      ({ items, total } = index.page(direction, keep, offset, limit, this.#count(search.status)));
    }
    const clients = this.#clients();
    return {
      items: items.map((r) => ({ request: structuredClone(r), client: structuredClone(clients.get(r.clientId)) })),
      total,
    };
  }

  async request(id: string) {
    const request = this.state.data.verificationRequests.find((r) => r.id === id);
    if (!request) return undefined;
    const client = this.state.data.clients.find((c) => c.id === request.clientId);
    return { request: structuredClone(request), client: client && structuredClone(client) };
  }

  async saveRequest(next: VerificationRecord, expectedVersion: number): Promise<boolean> {
    const request = this.state.data.verificationRequests.find((r) => r.id === next.id);
    if (!request || request.version !== expectedVersion) return false;
    this.state.replace(request, next);
    // The status changed: its order and the counts by status are out of date, now and if undone.
    const stale = () => {
      this.#indexed.indexes.delete('status:raw');
      this.#indexed.counts = undefined;
    };
    stale();
    this.state.undo(stale);
    return true;
  }

  async sendEmail(message: { to: string; template: 'security-verification-approved'; at: string }): Promise<void> {
    this.state.append(this.state.data.outbox, message);
  }
}

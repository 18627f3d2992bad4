/** `PostgresStorage`'s front-desk records: clients' alerts, link requests, gift cards and kept answers. */
import type { GiftCardReservation } from '../../core/types.js';
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
import { Part } from './people.js';
import { COUNTERS, LOG_COLUMNS, logCounters, logRow, placeholders, requestRow } from './rows.js';

export class PostgresAlerts extends Part implements AlertsStorage {
  async client(id: string): Promise<ClientRecord | undefined> {
    const [row] = await this.rows<{ record: ClientRecord }>(
      'SELECT record FROM deskguard.clients WHERE business_id = $1 AND id = $2',
      [id],
    );
    return row?.record;
  }

  alertSettings = () => this.setting<AlertSettings>('alert_settings');

  async markShown(key: ShownKey, at: string): Promise<void> {
    await this.rows(
      `INSERT INTO deskguard.alerts_shown (business_id, viewer_id, client_id, context, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (business_id, viewer_id, client_id, context) DO UPDATE SET at = EXCLUDED.at`,
      [key.viewerId, key.clientId, key.context, at],
    );
  }

  async shownAt(key: ShownKey): Promise<string | undefined> {
    const [row] = await this.rows<{ at: string }>(
      'SELECT at FROM deskguard.alerts_shown WHERE business_id = $1 AND viewer_id = $2 AND client_id = $3 AND context = $4',
      [key.viewerId, key.clientId, key.context],
    );
    return row?.at;
  }

  async saveResolution(
    logs: Omit<ContactLogRecord, 'id'>[],
    arrival: { clientId: string; at: number } | null,
  ): Promise<ContactLogRecord[]> {
    const written: ContactLogRecord[] = [];
    for (const log of logs) {
      const id = await this.nextId('log', 'deskguard.contact_log_ids');
      const row = logRow(this.businessId, { ...log, id }, id);
      await this.rows(
        `INSERT INTO deskguard.contact_logs (${LOG_COLUMNS.join(', ')}) VALUES (${placeholders(row.length - 1)}, $${row.length}::text::jsonb)`,
        row.slice(1),
      );
      written.push({ ...log, id });
      for (const counter of logCounters({ ...log, id })) await this.count(counter, 1);
    }
    if (arrival)
      await this.rows(
        `UPDATE deskguard.clients SET record = jsonb_set(record, '{arrivals}', (record->'arrivals') || $3::text::jsonb)
         WHERE business_id = $1 AND id = $2`,
        [arrival.clientId, JSON.stringify([arrival.at])],
      );
    return written;
  }
}

export class PostgresGiftCards extends Part implements GiftCardStorage {
  async reserve(reservation: GiftCardReservation): Promise<boolean> {
    const saved = await this.rows(
      `INSERT INTO deskguard.gift_cards (business_id, number, record) VALUES ($1, $2, $3::text::jsonb)
       ON CONFLICT (business_id, number) DO NOTHING RETURNING 1`,
      [reservation.number, JSON.stringify(reservation)],
    );
    return saved.length === 1;
  }
}

export class PostgresIdempotency extends Part implements IdempotencyStorage {
  async find(viewerId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const [row] = await this.rows<{ record: IdempotencyRecord }>(
      'SELECT record FROM deskguard.idempotency WHERE business_id = $1 AND viewer_id = $2 AND key = $3',
      [viewerId, key],
    );
    return row?.record;
  }

  async save(record: IdempotencyRecord): Promise<boolean> {
    const saved = await this.rows(
      `INSERT INTO deskguard.idempotency (business_id, viewer_id, key, at, record) VALUES ($1, $2, $3, $4, $5::text::jsonb)
       ON CONFLICT (business_id, viewer_id, key) DO NOTHING RETURNING 1`,
      [record.viewerId, record.key, record.at, JSON.stringify(record)],
    );
    return saved.length === 1;
  }
}

/** The column a link request list is ordered by: what the viewer receives, never a hidden value. */
function sortColumn(search: RequestSearch): string {
  switch (search.sort) {
    case 'nameEntered':
      return 'r.name_key';
    case 'submittedEmail':
      return search.masked ? 'r.email_mask_key' : 'r.email_raw_key';
    case 'client':
      return 'r.client_name_key';
    case 'status':
      return 'r.status';
    default:
      return 'r.requested_at';
  }
}

export class PostgresVerification extends Part implements VerificationStorage {
  async requestPage(search: RequestSearch, offset: number, limit: number) {
    const params: unknown[] = [];
    const clauses = ['r.business_id = $1'];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(clause(`$${params.length + 1}`));
    };
    if (search.status) add((n) => `r.status = ${n}`, search.status);
    if (search.from) add((n) => `r.requested_at >= ${n}`, search.from);
    if (search.to) add((n) => `r.requested_at < ${n}`, search.to);
    const where = clauses.join(' AND ');
    const direction = search.direction === 'asc' ? 'ASC' : 'DESC';
    const n = params.length + 2;
    // Without dates, the count is kept as the requests change.
    const counted =
      search.from || search.to
        ? this.rows<{ total: number }>(
            `SELECT count(*)::int AS total FROM deskguard.verification_requests r WHERE ${where}`,
            params,
          ).then((rows) => rows[0]!.total)
        : this.counter(search.status ? COUNTERS.requestsOf(search.status) : COUNTERS.requests);
    const [items, total] = await Promise.all([
      this.rows<{ request: VerificationRecord; client: ClientRecord | null }>(
        `SELECT r.record AS request, c.record AS client FROM deskguard.verification_requests r
         LEFT JOIN deskguard.clients c ON c.business_id = r.business_id AND c.id = r.client_id
         WHERE ${where} ORDER BY ${sortColumn(search)} ${direction}, r.id ${direction} OFFSET $${n} LIMIT $${n + 1}`,
        [...params, offset, limit],
      ),
      counted,
    ]);
    return { items: items.map((r) => ({ request: r.request, client: r.client ?? undefined })), total };
  }

  async request(id: string) {
    const [row] = await this.rows<{ request: VerificationRecord; client: ClientRecord | null }>(
      `SELECT r.record AS request, c.record AS client FROM deskguard.verification_requests r
       LEFT JOIN deskguard.clients c ON c.business_id = r.business_id AND c.id = r.client_id
       WHERE r.business_id = $1 AND r.id = $2`,
      [id],
    );
    return row && { request: row.request, client: row.client ?? undefined };
  }

  async saveRequest(next: VerificationRecord, expectedVersion: number): Promise<boolean> {
    const [before] = await this.rows<{ status: string }>(
      'SELECT status FROM deskguard.verification_requests WHERE business_id = $1 AND id = $2',
      [next.id],
    );
    const [client] = await this.rows<{ name: string }>(
      `SELECT record->>'name' AS name FROM deskguard.clients WHERE business_id = $1 AND id = $2`,
      [next.clientId],
    );
    const row = requestRow(this.businessId, next, client?.name ?? '');
    const saved = await this.rows(
      `UPDATE deskguard.verification_requests SET status = $3, version = $4, record = $5::text::jsonb
       WHERE business_id = $1 AND id = $2 AND version = $6 RETURNING 1`,
      [next.id, row[8], row[9], row[10], expectedVersion],
    );
    if (saved.length === 1 && before && before.status !== next.status) {
      await this.count(COUNTERS.requestsOf(before.status), -1);
      await this.count(COUNTERS.requestsOf(next.status), 1);
    }
    return saved.length === 1;
  }

  async sendEmail(message: { to: string; template: 'security-verification-approved'; at: string }): Promise<void> {
    await this.rows('INSERT INTO deskguard.outbox (business_id, record) VALUES ($1, $2::text::jsonb)', [
      JSON.stringify(message),
    ]);
  }
}

/**
 * Loads a business's records (a seed, an import from another system) into the schema in
 * one transaction, by `COPY` where the driver can and by multi-row `INSERT` where not.
 */
import { foldForSearch } from '../../policy/fold.js';
import { settleHistory } from '../audit/entries.js';
import type { BackendData } from '../records.js';
import type { SqlClient } from './client.js';
import {
  COUNTERS,
  eventCounters,
  logCounters,
  CLIENT_COLUMNS,
  clientRow,
  EVENT_COLUMNS,
  eventRow,
  LOG_COLUMNS,
  logRow,
  placeholders,
  REQUEST_COLUMNS,
  requestRow,
  STAFF_COLUMNS,
  staffRow,
} from './rows.js';

/** Columns `COPY` and `INSERT` take as JSON. */
const JSON_COLUMNS = new Set(['record']);

async function insert(db: SqlClient, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) {
  if (!rows.length) return;
  if (db.copy) {
    // In chunks: a million rows are more text than one string may hold.
    for (let i = 0; i < rows.length; i += 50_000)
      await db.copy(`deskguard.${table}`, columns, rows.slice(i, i + 50_000));
    return;
  }
  const casts = columns.map((c) => (JSON_COLUMNS.has(c) ? '::text::jsonb' : ''));
  const per = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk
      .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}${casts[c]}`).join(', ')})`)
      .join(', ');
    await db.query(`INSERT INTO deskguard.${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
}

/**
 * Stores `data` as the records of business `businessId`, which must not have any yet (the
 * audit log is append-only: a business is loaded once). Entries are flagged as of when they
 * happened, as the memory storage does.
 */
export async function loadBusiness(
  db: SqlClient,
  businessId: string,
  data: BackendData,
  options: {
    /**
     * Whether to store `data.clients` (their names still order the link requests and
     * contact logs): `false` when the host's own tables keep `deskguard.clients` (see
     * examples/server/host-tables/).
     */
    clients?: boolean;
  } = {},
): Promise<void> {
  settleHistory(data);
  const clients = new Map(data.clients.map((c) => [c.id, c.name]));
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO deskguard.business (business_id, record) VALUES ($1, $2::text::jsonb)', [
      businessId,
      JSON.stringify(data.business),
    ]);
    const settings: [string, { version: number }][] = [
      ['masking', data.masking],
      ['overrides', data.overrides],
      ['permission_groups', data.permissionGroups],
      ['login_security', data.loginSecurity],
      ['alert_settings', { ...data.alertSettings, version: 1 }],
    ];
    for (const [name, record] of settings)
      await tx.query(
        `INSERT INTO deskguard.settings (business_id, name, version, record) VALUES (${placeholders(3)}, $4::text::jsonb)`,
        [businessId, name, record.version, JSON.stringify(record)],
      );
    await insert(
      tx,
      'locations',
      ['business_id', 'id', 'ord', 'name', 'name_key'],
      data.locations.map((l, i) => [businessId, l.id, i, l.name, foldForSearch(l.name)]),
    );
    await insert(
      tx,
      'staff',
      STAFF_COLUMNS,
      data.staff.map((s) => staffRow(businessId, s)),
    );
    if (options.clients !== false)
      await insert(
        tx,
        'clients',
        CLIENT_COLUMNS,
        data.clients.map((c) => clientRow(businessId, c)),
      );
    await insert(
      tx,
      'verification_requests',
      REQUEST_COLUMNS,
      data.verificationRequests.map((r) => requestRow(businessId, r, clients.get(r.clientId) ?? '')),
    );
    await insert(
      tx,
      'gift_cards',
      ['business_id', 'number', 'record'],
      data.giftCards.map((g) => [businessId, g.number, JSON.stringify(g)]),
    );
    await insert(
      tx,
      'contact_logs',
      LOG_COLUMNS,
      data.contactLogs.map((l) =>
        logRow(businessId, { ...l, clientName: l.clientName ?? clients.get(l.clientId) ?? '' }),
      ),
    );
    await insert(
      tx,
      'audit_events',
      EVENT_COLUMNS,
      data.auditEvents.map((e) => eventRow(businessId, e)),
    );
    const counts: Record<string, number> = { [COUNTERS.requests]: data.verificationRequests.length };
    const add = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
    for (const r of data.verificationRequests) add(COUNTERS.requestsOf(r.status));
    for (const l of data.contactLogs) logCounters(l).forEach(add);
    for (const e of data.auditEvents) eventCounters(e).forEach(add);
    await insert(
      tx,
      'counts',
      ['business_id', 'name', 'n'],
      Object.entries(counts).map(([name, n]) => [businessId, name, n]),
    );
    for (const session of data.sessions ?? [])
      await tx.query(
        `INSERT INTO deskguard.sessions (business_id, id, token_hash, staff_id, ended_at, record) VALUES (${placeholders(5)}, $6::text::jsonb)`,
        [businessId, session.id, session.tokenHash, session.staffId, session.endedAt, JSON.stringify(session)],
      );
  });
}

/**
 * The schema `PostgresStorage` keeps its records in (Postgres 15 and on, and PGlite), as
 * migrations applied in order once each. Every table is keyed by business first: one
 * business's rows never need another's, so a host can partition or shard by `business_id`
 * (Citus: `create_distributed_table(…, 'business_id')`), and no transaction spans two.
 *
 * What a masked viewer sees is ordered and filtered by stored keys with their own indexes
 * (`email_mask_key`), never by a hidden value. Names are ordered by keys folded as
 * `foldForSearch` folds them, in the "C" collation (code points), as the memory storage
 * orders them. Times are ISO 8601 text in UTC, which order as they read. The audit log
 * refuses every update and delete.
 */
import type { SqlClient } from './client.js';

const ENTRY_ACTIONS = `('staff.signed_in', 'staff.sign_in_failed', 'staff.locked_out', 'client.signed_in', 'client.sign_in_failed')`;
const ACCESS_ACTIONS = `('report.viewed', 'report.exported')`;

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE deskguard.business (
    business_id text COLLATE "C" PRIMARY KEY,
    record jsonb NOT NULL
  );
  -- Each business's versioned settings: masking, overrides, permission_groups, login_security, alert_settings.
  CREATE TABLE deskguard.settings (
    business_id text COLLATE "C" NOT NULL,
    name text COLLATE "C" NOT NULL,
    version integer NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, name)
  );
  CREATE TABLE deskguard.locations (
    business_id text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    ord integer NOT NULL,
    name text NOT NULL,
    name_key text COLLATE "C" NOT NULL,
    PRIMARY KEY (business_id, id)
  );
  CREATE INDEX locations_by_name ON deskguard.locations (business_id, name_key);
  CREATE TABLE deskguard.staff (
    business_id text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    name_key text COLLATE "C" NOT NULL,
    role text NOT NULL,
    location_id text COLLATE "C" NOT NULL,
    has_login_access boolean NOT NULL,
    group_id text COLLATE "C",
    username_key text COLLATE "C",
    username_skeleton text COLLATE "C",
    access_version integer NOT NULL,
    deactivated_at text COLLATE "C",
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, id)
  );
  CREATE INDEX staff_by_name ON deskguard.staff (business_id, name_key, id) WHERE has_login_access;
  CREATE INDEX staff_by_username ON deskguard.staff (business_id, username_key) WHERE has_login_access;
  CREATE INDEX staff_by_skeleton ON deskguard.staff (business_id, username_skeleton) WHERE has_login_access;
  CREATE INDEX staff_by_group ON deskguard.staff (business_id, group_id);
  CREATE TABLE deskguard.clients (
    business_id text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    name_key text COLLATE "C" NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, id)
  );
  CREATE INDEX clients_by_name ON deskguard.clients (business_id, name_key, id);
  CREATE TABLE deskguard.verification_requests (
    business_id text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    requested_at text COLLATE "C" NOT NULL,
    name_key text COLLATE "C" NOT NULL,
    email_raw_key text COLLATE "C" NOT NULL,
    email_mask_key text COLLATE "C" NOT NULL,
    client_id text COLLATE "C" NOT NULL,
    client_name_key text COLLATE "C" NOT NULL,
    status text COLLATE "C" NOT NULL,
    version integer NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, id)
  );
  CREATE INDEX requests_by_time ON deskguard.verification_requests (business_id, requested_at, id);
  CREATE INDEX requests_by_status_time ON deskguard.verification_requests (business_id, status, requested_at, id);
  CREATE INDEX requests_by_name ON deskguard.verification_requests (business_id, name_key, id);
  CREATE INDEX requests_by_raw_email ON deskguard.verification_requests (business_id, email_raw_key, id);
  CREATE INDEX requests_by_masked_email ON deskguard.verification_requests (business_id, email_mask_key, id);
  CREATE INDEX requests_by_client ON deskguard.verification_requests (business_id, client_name_key, id);
  CREATE INDEX requests_by_status ON deskguard.verification_requests (business_id, status, id);
  CREATE TABLE deskguard.gift_cards (
    business_id text COLLATE "C" NOT NULL,
    number text COLLATE "C" NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, number)
  );
  CREATE SEQUENCE deskguard.contact_log_ids;
  CREATE TABLE deskguard.contact_logs (
    business_id text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    at text COLLATE "C" NOT NULL,
    type text COLLATE "C" NOT NULL,
    subtype text COLLATE "C" NOT NULL,
    action text COLLATE "C" NOT NULL,
    context text COLLATE "C" NOT NULL,
    client_id text COLLATE "C" NOT NULL,
    client_name_key text COLLATE "C" NOT NULL,
    staff_id text COLLATE "C" NOT NULL,
    staff_name_key text COLLATE "C" NOT NULL,
    location_id text COLLATE "C" NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, id)
  );
  CREATE INDEX logs_by_time ON deskguard.contact_logs (business_id, at, id);
  CREATE INDEX logs_by_client ON deskguard.contact_logs (business_id, client_name_key, id);
  CREATE INDEX logs_by_staff ON deskguard.contact_logs (business_id, staff_name_key, id);
  CREATE INDEX logs_by_subtype ON deskguard.contact_logs (business_id, subtype, id);
  CREATE INDEX logs_by_action ON deskguard.contact_logs (business_id, action, id);
  CREATE INDEX logs_of_client ON deskguard.contact_logs (business_id, client_id, at, id);
  CREATE INDEX logs_of_staff ON deskguard.contact_logs (business_id, staff_id, at, id);
  CREATE SEQUENCE deskguard.audit_event_ids;
  CREATE TABLE deskguard.audit_events (
    business_id text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    occurred_at text COLLATE "C" NOT NULL,
    action text COLLATE "C" NOT NULL,
    actor_type text COLLATE "C" NOT NULL,
    actor_id text COLLATE "C" NOT NULL,
    actor_name_key text COLLATE "C" NOT NULL,
    ip text COLLATE "C",
    report text COLLATE "C",
    fingerprint text COLLATE "C",
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, id)
  );
  CREATE INDEX entries_by_time ON deskguard.audit_events (business_id, occurred_at, id) WHERE action IN ${ENTRY_ACTIONS};
  CREATE INDEX entries_by_person ON deskguard.audit_events (business_id, actor_name_key, id) WHERE action IN ${ENTRY_ACTIONS};
  CREATE INDEX entries_of_person ON deskguard.audit_events (business_id, actor_id, occurred_at, id) WHERE action IN ${ENTRY_ACTIONS};
  CREATE INDEX accesses_by_time ON deskguard.audit_events (business_id, occurred_at, id) WHERE action IN ${ACCESS_ACTIONS};
  CREATE INDEX accesses_by_staff ON deskguard.audit_events (business_id, actor_name_key, id) WHERE action IN ${ACCESS_ACTIONS};
  CREATE INDEX accesses_of_staff ON deskguard.audit_events (business_id, actor_id, occurred_at, id) WHERE action IN ${ACCESS_ACTIONS};
  CREATE INDEX openings ON deskguard.audit_events (business_id, actor_id, report, fingerprint, occurred_at) WHERE action = 'report.viewed';
  CREATE INDEX sign_in_addresses ON deskguard.audit_events (business_id, actor_id, ip) WHERE action IN ('staff.signed_in', 'client.signed_in');
  CREATE INDEX events_by_time ON deskguard.audit_events (business_id, occurred_at);
  -- The audit log is only ever appended to: no path updates or deletes an event.
  CREATE FUNCTION deskguard.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'deskguard.audit_events is append-only'; END $$;
  CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON deskguard.audit_events
    FOR EACH ROW EXECUTE FUNCTION deskguard.append_only();
  CREATE TABLE deskguard.sessions (
    business_id text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    token_hash text COLLATE "C" NOT NULL UNIQUE,
    staff_id text COLLATE "C" NOT NULL,
    ended_at text COLLATE "C",
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, id)
  );
  CREATE INDEX sessions_of_staff ON deskguard.sessions (business_id, staff_id) WHERE ended_at IS NULL;
  CREATE TABLE deskguard.idempotency (
    business_id text COLLATE "C" NOT NULL,
    viewer_id text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL,
    at text COLLATE "C" NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, viewer_id, key)
  );
  CREATE TABLE deskguard.alerts_shown (
    business_id text COLLATE "C" NOT NULL,
    viewer_id text COLLATE "C" NOT NULL,
    client_id text COLLATE "C" NOT NULL,
    context text COLLATE "C" NOT NULL,
    at text COLLATE "C" NOT NULL,
    PRIMARY KEY (business_id, viewer_id, client_id, context)
  );
  CREATE SEQUENCE deskguard.outbox_ids;
  CREATE TABLE deskguard.outbox (
    business_id text COLLATE "C" NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('deskguard.outbox_ids'),
    record jsonb NOT NULL,
    PRIMARY KEY (business_id, seq)
  );
  `,
  // 2: the flags of an entry as a column with an index per flag, and the counters of what
  // the reports count (rows.ts, COUNTERS), both filled from the rows already stored.
  `
  ALTER TABLE deskguard.audit_events ADD COLUMN flags text COLLATE "C";
  COMMENT ON COLUMN deskguard.audit_events.flags IS 'An entry''s flags as it happened, space-separated with a space at each end ('' new-ip '').';
  ALTER TABLE deskguard.audit_events DISABLE TRIGGER audit_events_append_only;
  UPDATE deskguard.audit_events SET flags = ' ' || coalesce(
      (SELECT string_agg(f, ' ' ORDER BY n) FROM jsonb_array_elements_text(record->'metadata'->'flags') WITH ORDINALITY AS t(f, n)),
      '') || ' '
    WHERE jsonb_typeof(record->'metadata'->'flags') = 'array';
  ALTER TABLE deskguard.audit_events ENABLE TRIGGER audit_events_append_only;
  CREATE INDEX entries_outside_hours ON deskguard.audit_events (business_id, occurred_at, id) WHERE action IN ${ENTRY_ACTIONS} AND flags LIKE '% outside-hours %';
  CREATE INDEX entries_outside_shift ON deskguard.audit_events (business_id, occurred_at, id) WHERE action IN ${ENTRY_ACTIONS} AND flags LIKE '% outside-shift %';
  CREATE INDEX entries_new_ip ON deskguard.audit_events (business_id, occurred_at, id) WHERE action IN ${ENTRY_ACTIONS} AND flags LIKE '% new-ip %';
  -- How many rows each business has of what a report counts unfiltered or by one facet, kept with every write.
  CREATE TABLE deskguard.counts (
    business_id text COLLATE "C" NOT NULL,
    name text COLLATE "C" NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (business_id, name)
  );
  INSERT INTO deskguard.counts (business_id, name, n)
    SELECT business_id, name, count(*) FROM (
      SELECT business_id, 'requests' AS name FROM deskguard.verification_requests
      UNION ALL SELECT business_id, 'requests:' || status FROM deskguard.verification_requests
      UNION ALL SELECT business_id, 'contact_logs' FROM deskguard.contact_logs
      UNION ALL SELECT business_id, 'contact_logs:type:' || type FROM deskguard.contact_logs
      UNION ALL SELECT business_id, 'contact_logs:subtype:' || subtype FROM deskguard.contact_logs
      UNION ALL SELECT business_id, 'contact_logs:action:' || action FROM deskguard.contact_logs
      UNION ALL SELECT business_id, 'contact_logs:context:' || context FROM deskguard.contact_logs
      UNION ALL SELECT business_id, 'entries' FROM deskguard.audit_events WHERE action IN ${ENTRY_ACTIONS}
      UNION ALL SELECT business_id, 'entries:kind:' || CASE actor_type WHEN 'client' THEN 'client' ELSE 'staff' END
        FROM deskguard.audit_events WHERE action IN ${ENTRY_ACTIONS}
      UNION ALL SELECT business_id, 'entries:outcome:' || CASE
          WHEN action IN ('staff.signed_in', 'client.signed_in') THEN 'success'
          WHEN action = 'staff.locked_out' THEN 'locked-out' ELSE 'failure' END
        FROM deskguard.audit_events WHERE action IN ${ENTRY_ACTIONS}
      UNION ALL SELECT business_id, 'accesses' FROM deskguard.audit_events WHERE action IN ${ACCESS_ACTIONS}
      UNION ALL SELECT business_id, 'accesses:report:' || coalesce(report, '') FROM deskguard.audit_events WHERE action IN ${ACCESS_ACTIONS}
      UNION ALL SELECT business_id, 'accesses:exported:' || (action = 'report.exported')::text
        FROM deskguard.audit_events WHERE action IN ${ACCESS_ACTIONS}
    ) AS counted GROUP BY business_id, name;
  `,
];

/**
 * Applies every migration not applied yet, in order, each in its own transaction under an
 * advisory lock, so that two servers starting at once apply each once. Running it again
 * is a no-op. `to` stops after that version (a database as an older release left it).
 */
export async function migrate(client: SqlClient, options: { to?: number } = {}): Promise<number> {
  await client.query('CREATE SCHEMA IF NOT EXISTS deskguard');
  await client.query(
    'CREATE TABLE IF NOT EXISTS deskguard.migrations (version integer PRIMARY KEY, applied_at text NOT NULL)',
  );
  let applied = 0;
  for (const [index, sql] of MIGRATIONS.entries()) {
    const version = index + 1;
    if (options.to !== undefined && version > options.to) break;
    applied += await client.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('deskguard.migrations'))`);
      const done = await tx.query('SELECT 1 FROM deskguard.migrations WHERE version = $1', [version]);
      if (done.rows.length) return 0;
      for (const statement of statements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO deskguard.migrations (version, applied_at) VALUES ($1, $2)', [
        version,
        new Date().toISOString(),
      ]);
      return 1;
    });
  }
  return applied;
}

/** SQL text's statements, one at a time, for drivers that take one a query (a function body's `$$ … $$` kept whole). */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--')) continue;
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && line.trim().endsWith(';')) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

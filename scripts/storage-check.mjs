/**
 * Three storages, one contract, the same answers: deskguard/server over memory, over
 * Postgres embedded (PGlite) and over a PostgreSQL server (DESKGUARD_PG_URL, which
 * `.ci/run` starts; without it this check says so and fails). For each: the contract kit
 * passes; the same reads answer the same as in memory; the masking oracle (a masked viewer
 * cannot tell the seeded world from one where every hidden contact has another value with
 * the same mask) holds for every sort. For the SQL storages: a dropped connection in the
 * middle of a write leaves nothing half-written; a gift card number or an idempotency key
 * taken twice at once is one success and one clean 409, never a 500; a migration run twice
 * is a no-op; the audit log refuses every update and delete; and a database an older
 * release left upgrades to the same flags and counters as a fresh load. Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

const { runContract, formatReport, WORLDS } = await import('../dist/contract/index.js');
const { startMockServer, createSeedData, CORE_STAFF } = await import('../dist/mocks/server.js');
const { createServer, MemoryStorage } = await import('../dist/server/index.js');
const silent = { onError: () => {} };
const { PostgresStorage, fromPGlite, fromPostgres, loadBusiness, migrate, MIGRATIONS } =
  await import('../dist/server/postgres/index.js');
const { randomToken } = await import('../dist/server/crypto.js');

let passed = 0;
let failed = 0;
function report(ok, name, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? '✓' : '✗'} ${name}${!ok && detail ? `\n      ${detail.split('\n').join('\n      ')}` : ''}`);
}

const CONFIG = { scenario: 'normal', business: 'premium-new' };
const VIEWERS = {
  admin: { Authorization: 'Bearer staff-admin' },
  masked: { Authorization: 'Bearer staff-duty-manager' },
  unprivileged: { Authorization: 'Bearer staff-front-desk' },
  signedOut: { Authorization: 'Bearer nobody' },
};

/** The PostgreSQL server: DESKGUARD_PG_URL's, or a throwaway cluster of this machine's PostgreSQL. */
let url = process.env.DESKGUARD_PG_URL;
let cluster;
if (!url) {
  try {
    [url, cluster] = execFileSync('bash', [`${import.meta.dirname}/postgres-cluster.sh`], { encoding: 'utf8' })
      .trim()
      .split(' ');
  } catch {
    url = undefined;
  }
}
if (cluster)
  process.on('exit', () => execFileSync('bash', [`${import.meta.dirname}/postgres-cluster.sh`, 'stop', cluster]));
const server = url ? postgres(url, { max: 4, onnotice: () => {} }) : undefined;
const STORAGES = {
  memory: undefined,
  'Postgres embedded (PGlite)': fromPGlite(new PGlite()),
  ...(server && { 'a PostgreSQL server': fromPostgres(server) }),
};
if (!server)
  report(
    false,
    'a PostgreSQL server to check: set DESKGUARD_PG_URL, or install PostgreSQL (.ci/run installs it and starts one)',
  );

/** The same reads as each viewer, as text with what may differ between storages left out (cursors, key order). */
async function reads(baseUrl) {
  const paths = [
    // First: every read after these records an opening, which these would list.
    '/staff-activity?report=security-verification&limit=10',
    '/staff-activity?exported=true&limit=10',
    '/viewer',
    '/staff?limit=20',
    '/staff?search=co&limit=20',
    '/clients?limit=20',
    ...['requestedAt', 'nameEntered', 'submittedEmail', 'client', 'status'].flatMap((sort) =>
      ['asc', 'desc'].map((direction) => `/verification-requests?sort=${sort}&direction=${direction}&limit=25`),
    ),
    '/verification-requests?status=pending&from=2026-10-01&to=2026-11-01&limit=25',
    ...['at', 'client', 'staff', 'subtype', 'action'].map(
      (sort) => `/contact-logs?sort=${sort}&direction=asc&limit=10`,
    ),
    '/contact-logs?client=Mark%20Ellison&limit=10',
    '/entry-logs?sort=person&direction=asc&limit=10',
    '/entry-logs?flag=new-ip&limit=10',
    '/contact-logs?subtype=red&limit=10',
    '/entry-logs?outcome=failure&limit=10',

    '/permission-groups',
    '/login-security',
  ];
  const canonical = (value) =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .filter((k) => k !== 'next' && k !== 'previous')
              .sort()
              .map((k) => [k, canonical(value[k])]),
          )
        : value;
  const out = {};
  for (const viewer of ['admin', 'masked'])
    for (const path of paths) {
      const answer = await fetch(`${baseUrl}${path}`, { headers: VIEWERS[viewer] });
      out[`${path} as ${viewer}`] = `${answer.status} ${JSON.stringify(canonical(await answer.json()))}`;
    }
  return out;
}

/** A server over a fresh business of `data` in the storage `database` (or memory). */
async function serverOver(database, data) {
  if (!database) return createServer({ storage: new MemoryStorage(data) });
  const businessId = `check-${randomToken(6)}`;
  await migrate(database);
  await loadBusiness(database, businessId, data);
  return createServer({ storage: new PostgresStorage(database, { businessId }) });
}

/** What a masked viewer receives to every sort of the link requests, in one world. */
async function oracleAnswers(database, world) {
  const data = createSeedData({ business: 'premium-new' });
  WORLDS[world](data);
  const deskguard = await serverOver(database, data);
  const out = [];
  for (const sort of ['requestedAt', 'nameEntered', 'submittedEmail', 'client', 'status'])
    for (const direction of ['asc', 'desc']) {
      const answer = await deskguard.fetch(
        new Request(`http://check/verification-requests?sort=${sort}&direction=${direction}&limit=500`),
        { staffId: CORE_STAFF['duty-manager'].id },
      );
      const page = await answer.json();
      out.push(
        `${sort} ${direction}: ${page.items.map((r) => `${r.id} ${r.submittedEmail.value} ${r.emailMatch}`).join('; ')}`,
      );
    }
  return out.join('\n');
}

let baseline;
for (const [name, database] of Object.entries(STORAGES)) {
  const mock = await startMockServer({ config: CONFIG, database });
  try {
    const result = await runContract({ baseUrl: mock.baseUrl, viewers: VIEWERS, maxPages: 3 });
    report(result.ok, `${name}: the contract kit passes (${result.checks.length} checks)`, formatReport(result));
    mock.mock.configure(CONFIG);
    await mock.mock.ready;
    const answers = await reads(mock.baseUrl);
    if (!baseline) baseline = answers;
    else {
      const differ = Object.keys(baseline).filter((k) => baseline[k] !== answers[k]);
      report(
        !differ.length,
        `${name}: ${Object.keys(answers).length} reads answer as in memory`,
        differ
          .map((k) => `${k}\n  memory: ${baseline[k].slice(0, 300)}\n  here:   ${answers[k].slice(0, 300)}`)
          .join('\n'),
      );
    }
    const [seeded, twinned] = [await oracleAnswers(database, 'seeded'), await oracleAnswers(database, 'twinned')];
    report(
      seeded === twinned,
      `${name}: a masked viewer cannot tell the hidden addresses from their twins, in any sort`,
    );
  } catch (error) {
    report(false, `${name}: checked`, String(error?.stack ?? error));
  } finally {
    await mock.close();
  }
}

/** The SQL storages' faults. */
for (const [name, database] of Object.entries(STORAGES)) {
  if (!database) continue;
  try {
    report((await migrate(database)) === 0, `${name}: a migration run again is a no-op`);
    const data = createSeedData({ business: 'premium-new' });
    const businessId = `faults-${randomToken(6)}`;
    await loadBusiness(database, businessId, data);
    const storage = new PostgresStorage(database, { businessId });
    const as = { staffId: CORE_STAFF.admin.id };
    const deskguard = createServer({ storage, passwords: { iterations: 1_000 }, ...silent });
    const post = (path, body, headers = {}) =>
      deskguard.fetch(
        new Request(`http://check${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }),
        as,
      );

    // Two terminals reserve one number at once: one gets it, the other a clean conflict.
    const number = '739184620588';
    const both = await Promise.all([post('/gift-card-ids', { number }), post('/gift-card-ids', { number })]);
    const statuses = both.map((r) => r.status).sort();
    report(
      statuses.join() === '201,409',
      `${name}: one gift card number reserved twice at once: 201 and 409 (${statuses})`,
    );
    // Two writes with one key at once: one lands, the other answers it again or is a clean conflict.
    const key = { 'Idempotency-Key': 'twice-at-once' };
    const twice = await Promise.all([
      post('/gift-card-ids', { number: '739184620596' }, key),
      post('/gift-card-ids', { number: '739184620596' }, key),
    ]);
    const keyed = twice.map((r) => r.status).sort();
    report(
      keyed[0] === 201 && (keyed[1] === 201 || keyed[1] === 409),
      `${name}: one idempotency key written twice at once: ${keyed} (never a 500)`,
    );

    // A connection dropped in the middle of a deactivation (staff, override list, sessions, audit): nothing stays.
    const target = CORE_STAFF.manager;
    const access = await (await deskguard.fetch(new Request(`http://check/staff/${target.id}/access`), as)).json();
    let statements = 0;
    const dropping = {
      ...storage,
      transaction: (work) =>
        database.transaction(async (client) => {
          const failing = {
            ...client,
            query: async (text, params) => {
              if (++statements === 4) {
                // The server ends this transaction's connection, from another one: what a dropped network does.
                if (database === STORAGES['a PostgreSQL server']) {
                  const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
                  await server`SELECT pg_terminate_backend(${pid})`;
                  // The work goes on once the close has arrived: a statement sent to the closed
                  // connection would throw where no caller can catch it (porsager/postgres#1208).
                  while ((await server`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid}`).length)
                    await new Promise((resolve) => setTimeout(resolve, 20));
                  await new Promise((resolve) => setTimeout(resolve, 50));
                  return client.query(text, params);
                }
                // PGlite has no connection to drop: the statement fails as one on a dropped connection would.
                throw Object.assign(new Error('connection dropped'), { code: '57P01' });
              }
              return client.query(text, params);
            },
          };
          return work(new PostgresStorage(failing, { businessId }));
        }),
    };
    const dropped = createServer({ storage: dropping, passwords: { iterations: 1_000 }, ...silent });
    const answer = await dropped.fetch(
      new Request(`http://check/staff/${target.id}/access`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${access.version}"` },
        body: JSON.stringify({ action: 'deactivate', confirmName: target.name }),
      }),
      as,
    );
    const after = await (await deskguard.fetch(new Request(`http://check/staff/${target.id}/access`), as)).json();
    const overrides = await storage.masking.overrides();
    const events = await storage.reports.accesses({ sort: 'at', direction: 'desc' }, { limit: 1 });
    report(
      answer.status === 500 && after.status === 'active' && overrides.staffIds.includes(target.id) && statements >= 4,
      `${name}: a connection dropped in the middle of a deactivation answers 500 and leaves nothing half-written`,
      `answered ${answer.status}; the login is ${after.status}; on the override list: ${overrides.staffIds.includes(target.id)}; events ${events.total}`,
    );

    // The audit log: no path updates or deletes an event, nor can anyone.
    const refused = await Promise.all(
      [
        `UPDATE deskguard.audit_events SET action = 'x' WHERE business_id = $1`,
        `DELETE FROM deskguard.audit_events WHERE business_id = $1`,
      ].map((sql) =>
        database.query(sql, [businessId]).then(
          () => 'done',
          (error) => String(error.message),
        ),
      ),
    );
    report(
      refused.every((r) => r.includes('append-only')),
      `${name}: the audit log refuses updates and deletes`,
      refused.join('\n'),
    );
  } catch (error) {
    report(false, `${name}: faults checked`, String(error?.stack ?? error));
  }
}

/**
 * A database an older release left (migration 1 only, its rows in place) is brought up to
 * date: its flags and counters are what a fresh load of the same rows keeps.
 */
try {
  const [fresh, older] = [fromPGlite(new PGlite()), fromPGlite(new PGlite())];
  await migrate(fresh);
  await migrate(older, { to: 1 });
  const businessId = `upgrade-${randomToken(6)}`;
  await loadBusiness(fresh, businessId, createSeedData({ business: 'premium-new' }));
  // The same rows, as an older release stored them: no flags column, no counters.
  const tables = (
    await fresh.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'deskguard' AND table_name NOT IN ('migrations', 'counts')`,
    )
  ).rows.map((r) => r.table_name);
  for (const table of tables) {
    const rows = (await fresh.query(`SELECT * FROM deskguard.${table}`)).rows;
    for (const row of rows) {
      delete row.flags;
      const columns = Object.keys(row);
      await older.query(
        `INSERT INTO deskguard.${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => (row[c] !== null && typeof row[c] === 'object' ? JSON.stringify(row[c]) : row[c])),
      );
    }
  }
  const upgraded = await migrate(older);
  const kept = async (db) =>
    JSON.stringify([
      (await db.query('SELECT name, n::int AS n FROM deskguard.counts ORDER BY name')).rows,
      (await db.query(`SELECT id, flags FROM deskguard.audit_events WHERE flags IS NOT NULL ORDER BY id`)).rows,
    ]);
  const [want, got] = [await kept(fresh), await kept(older)];
  report(
    upgraded === MIGRATIONS.length - 1 && want === got && JSON.parse(want)[1].length > 0,
    `a database at migration 1 upgrades to ${MIGRATIONS.length}: the same flags and counters as a fresh load`,
    `applied ${upgraded}\n  fresh:    ${want.slice(0, 400)}\n  upgraded: ${got.slice(0, 400)}`,
  );
} catch (error) {
  report(false, 'a database at migration 1 upgrades', String(error?.stack ?? error));
}

await server?.end({ timeout: 5 });
console.log(`storages: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

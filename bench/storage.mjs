/**
 * The storages at scale (`npm run bench -- --only storage`): 3,000,000 link requests,
 * 1,000,000 contact logs and 1,000,000 audit events, in memory, in Postgres embedded
 * (PGlite, on disk) and in a PostgreSQL server (DESKGUARD_PG_URL, or a throwaway cluster
 * of this machine's PostgreSQL). For each: the seed (COPY for the SQL ones), and each page
 * answer of the server, timed over `runs` runs after one to warm: a first sorted page, a
 * next cursor page, a filter change, and an export of 10,000 rows read in keyset pages.
 * For the SQL storages, EXPLAIN of every statement a measure ran says whether each large
 * table was read through an index.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { createSeedData, CORE_STAFF } = await import('../dist/mocks/index.js');
const { createServer, MemoryStorage } = await import('../dist/server/index.js');
const { PostgresStorage, fromPGlite, fromPostgres, loadBusiness, migrate } =
  await import('../dist/server/postgres/index.js');

export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3_000_000);
export const LOGS = Number(process.env.BENCH_LOGS ?? 1_000_000);
export const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
/** Which storages to measure (BENCH_STORAGES=memory,pglite,server): all three unless told. */
const STORAGES = (process.env.BENCH_STORAGES ?? 'memory,pglite,server').split(',');
const TABLES = ['verification_requests', 'contact_logs', 'audit_events'];

/** mulberry32, as the seed's. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed's business with a million contact logs and audit events, and three million link requests. */
function data() {
  const seeded = createSeedData({ business: 'premium-new', contactLogs: LOGS, auditEvents: EVENTS });
  const random = generator(0xb3c4);
  const statuses = ['pending', 'pending', 'pending', 'verified', 'declined'];
  const names = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Grace', 'Hiro', 'Inés', 'Jonas', 'Kemi', 'Liam'];
  const day = 86_400_000;
  const epoch = Date.parse('2026-11-20T10:00:00Z');
  const requests = new Array(REQUESTS);
  for (let i = 0; i < REQUESTS; i++) {
    const client = seeded.clients[i % seeded.clients.length];
    const first = names[Math.floor(random() * names.length)];
    const status = statuses[Math.floor(random() * statuses.length)];
    const handled = status !== 'pending';
    requests[i] = {
      id: `vr-${i + 1}`,
      requestedAt: new Date(epoch - Math.floor(random() * 365 * day)).toISOString(),
      nameEntered: `${first} ${client.name.split(' ').slice(1).join(' ')}`,
      submittedEmail: `${first.toLowerCase()}.${Math.floor(random() * 1e6)}@example.${['com', 'org', 'net'][i % 3]}`,
      clientId: client.id,
      status,
      version: handled ? 2 : 1,
      handledBy: handled ? { id: CORE_STAFF.admin.id, name: CORE_STAFF.admin.name } : null,
      handledAt: handled ? new Date(epoch - day).toISOString() : null,
      approvalEmailSent: status === 'verified',
    };
  }
  seeded.verificationRequests = requests;
  return seeded;
}

/** A `SqlClient` that remembers the statements it ran, for EXPLAIN. */
function recording(db) {
  const seen = [];
  const wrap = (client) => ({
    query: (text, params) => {
      seen.push({ text, params });
      return client.query(text, params);
    },
    transaction: (work) => client.transaction((tx) => work(wrap(tx))),
    copy: client.copy && ((...args) => client.copy(...args)),
  });
  return { client: wrap(db), seen };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The page answers to time, as requests of the server, each as a viewer. */
function measures(firstLogsPage, exportFrom) {
  const duty = { staffId: CORE_STAFF['duty-manager'].id };
  const admin = { staffId: CORE_STAFF.admin.id };
  return [
    {
      name: 'first sorted page: link requests by email, masked (25 of 3 M)',
      as: duty,
      path: () => '/verification-requests?sort=submittedEmail&direction=asc&limit=25',
    },
    {
      name: 'next cursor page: contact logs by client (25 of 1 M)',
      as: admin,
      path: async (fetchAs) => {
        const first = await (await fetchAs(firstLogsPage, admin)).json();
        return `${firstLogsPage}&cursor=${encodeURIComponent(first.next)}`;
      },
    },
    {
      name: 'filter change: contact logs, red alerts, newest first',
      as: admin,
      path: () => '/contact-logs?subtype=red&sort=at&direction=desc&limit=25',
    },
    {
      name: 'filter change: entry logs, new addresses',
      as: admin,
      path: () => '/entry-logs?flag=new-ip&sort=at&direction=desc&limit=25',
    },
    {
      name: 'filter change: staff activity, one staff member',
      as: admin,
      path: () => `/staff-activity?staff=${CORE_STAFF.manager.id}&sort=at&direction=desc&limit=25`,
    },
    {
      name: 'export of 10,000 contact logs (CSV, read in keyset pages)',
      as: admin,
      path: () => `/contact-logs/export?format=csv&sort=at&direction=desc&from=${encodeURIComponent(exportFrom)}`,
    },
  ];
}

/** EXPLAIN of each statement: whether every large table it read was read through an index. */
async function explain(db, statements) {
  const notes = new Set();
  for (const { text, params } of statements) {
    if (!/^\s*SELECT/i.test(text) || !TABLES.some((t) => text.includes(`deskguard.${t}`))) continue;
    const plan = (await db.query(`EXPLAIN ${text}`, params)).rows.map((r) => Object.values(r)[0]).join('\n');
    for (const table of TABLES) {
      if (!text.includes(`deskguard.${table}`)) continue;
      const seq = new RegExp(`Seq Scan on ${table}`).test(plan);
      const index = [
        ...plan.matchAll(new RegExp(`Index(?: Only)? Scan(?: Backward)? using (\\w+) on ${table}`, 'g')),
      ].map((m) => m[1]);
      notes.add(seq ? `${table}: SEQ SCAN` : `${table}: ${[...new Set(index)].join(', ') || 'bitmap'}`);
    }
  }
  return [...notes].join('; ');
}

async function run(name, storage, recorder, runs, exportFrom) {
  const server = createServer({ storage, onError: (e) => console.error(e) });
  const fetchAs = (path, as) => server.fetch(new Request(`http://bench${path}`), as);
  const rows = [];
  for (const measure of measures('/contact-logs?sort=client&direction=asc&limit=25', exportFrom)) {
    const times = [];
    let statements = [];
    let answered;
    for (let i = 0; i <= runs; i++) {
      const path = await measure.path(fetchAs);
      if (recorder) recorder.seen.length = 0;
      const t = performance.now();
      const answer = await fetchAs(path, measure.as);
      const body = await answer.text();
      if (i > 0) times.push(performance.now() - t);
      if (answer.status !== 200) throw new Error(`${name}: ${path} answered ${answer.status}: ${body.slice(0, 200)}`);
      answered = body;
      if (recorder) statements = [...recorder.seen];
    }
    const rowsAnswered = /"rows":(\d+)/.exec(answered)?.[1];
    rows.push({
      storage: name,
      measure: measure.name,
      median: median(times),
      min: Math.min(...times),
      max: Math.max(...times),
      ...(rowsAnswered && { rows: Number(rowsAnswered) }),
      ...(recorder && { indexes: await explain(recorder.raw, statements) }),
    });
    console.log(
      `  ${name}: ${measure.name}: ${median(times).toFixed(1)} ms median (${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)})`,
    );
  }
  return rows;
}

/** Memory: the records as they are, and each sort's index built on its first page. */
async function measureMemory(source, runs, exportFrom) {
  const rows = [];
  let t = performance.now();
  const memory = new MemoryStorage(structuredClone(source));
  rows.push({ storage: 'memory', measure: 'seed (ms)', median: performance.now() - t });
  t = performance.now();
  await memory.verification.requestPage({ sort: 'submittedEmail', direction: 'asc', masked: true }, 0, 1);
  await memory.reports.contactLogs({ sort: 'client', direction: 'asc' }, { limit: 1 });
  rows.push({
    storage: 'memory',
    measure: 'first answers, building the sorted orders (ms)',
    median: performance.now() - t,
  });
  rows.push(...(await run('memory', memory, undefined, runs, exportFrom)));
  return rows;
}

/** Runs the storage benchmark; resolves to its rows (seed times and page answers). */
export async function storageBench({ runs = 7 } = {}) {
  const rows = [];
  let t = performance.now();
  const source = data();
  const generated = performance.now() - t;
  console.log(
    `storage: ${REQUESTS.toLocaleString('en')} requests, ${LOGS.toLocaleString('en')} logs, ${source.auditEvents.length.toLocaleString('en')} events generated in ${(generated / 1000).toFixed(1)} s`,
  );
  // The newest 10,000 logs start here: the export's window.
  const times = source.contactLogs.map((l) => l.at).sort();
  const exportFrom = times[times.length - 10_000];

  if (STORAGES.includes('memory')) rows.push(...(await measureMemory(source, runs, exportFrom)));
  const databases = STORAGES.filter((s) => s === 'pglite' || s === 'server');
  if (!databases.length) return rows;

  const { PGlite } = await import('@electric-sql/pglite');
  const postgres = (await import('postgres')).default;
  let url = process.env.DESKGUARD_PG_URL;
  let cluster;
  if (!url && databases.includes('server'))
    [url, cluster] = execFileSync('bash', [join(import.meta.dirname, '../scripts/postgres-cluster.sh')], {
      encoding: 'utf8',
    })
      .trim()
      .split(' ');
  const dir = mkdtempSync(join(tmpdir(), 'deskguard-pglite-'));
  const sql = url && postgres(url, { max: 4, onnotice: () => {} });
  const named = {
    ...(databases.includes('pglite') && { 'PGlite (on disk)': fromPGlite(new PGlite(dir)) }),
    ...(databases.includes('server') && { 'PostgreSQL server': fromPostgres(sql) }),
  };
  try {
    for (const [name, raw] of Object.entries(named)) {
      const businessId = `bench-${Date.now().toString(36)}`;
      t = performance.now();
      await migrate(raw);
      await loadBusiness(raw, businessId, structuredClone(source));
      await raw.query('VACUUM ANALYZE');
      rows.push({
        storage: name,
        measure: 'seed by COPY, indexes and VACUUM ANALYZE (ms)',
        median: performance.now() - t,
      });
      console.log(`  ${name}: seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const recorder = recording(raw);
      recorder.raw = raw;
      rows.push(...(await run(name, new PostgresStorage(recorder.client, { businessId }), recorder, runs, exportFrom)));
    }
  } finally {
    await sql?.end();
    rmSync(dir, { recursive: true, force: true });
    if (cluster) execFileSync('bash', [join(import.meta.dirname, '../scripts/postgres-cluster.sh'), 'stop', cluster]);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await storageBench({ runs: Number(process.env.BENCH_RUNS ?? 7) });
  console.table(rows.map((r) => ({ ...r, median: Number(r.median.toFixed(1)) })));
}

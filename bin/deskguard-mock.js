#!/usr/bin/env node
/**
 * The deskguard mock backend as an HTTP server, for QA tools of any kind:
 *   npx deskguard-mock --port 4010 --scenario large --viewer front-desk
 * Needs msw (npm install --save-dev msw).
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string', default: 'normal' },
    viewer: { type: 'string', default: 'admin' },
    business: { type: 'string', default: 'premium-new' },
    latency: { type: 'string', default: '0' },
    'base-path': { type: 'string', default: '/api/deskguard' },
    db: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`deskguard-mock [--port 4010] [--host 127.0.0.1] [--scenario normal] [--viewer admin]
              [--business premium-new] [--latency 0] [--base-path /api/deskguard] [--db <folder>|memory]

--db keeps the records in Postgres, embedded (PGlite, from @electric-sql/pglite): in a folder,
     kept between runs, or in memory. Without it, in plain memory.

Scenarios: normal, slow, offline, timeout, server-error, conflict, malformed, empty, large, hostile.
Viewers: owner, admin, manager, front-desk (a request's "Authorization: Bearer <staff id>" wins).
Businesses: premium-new, premium-existing, downgraded, standard, lite-plus, lite.
Control: GET/POST /__deskguard/config (JSON MockConfig), POST /__deskguard/fault (JSON Fault, {} clears).`);
  process.exit(0);
}

const { startMockServer, SCENARIOS, CORE_STAFF, BUSINESSES } = await import('../dist/mocks/server.js');
const fail = (message) => {
  console.error(`deskguard-mock: ${message}`);
  process.exit(2);
};
if (!(values.scenario in SCENARIOS)) fail(`no scenario "${values.scenario}" (${Object.keys(SCENARIOS).join(', ')})`);
if (!(values.viewer in CORE_STAFF)) fail(`no viewer "${values.viewer}" (${Object.keys(CORE_STAFF).join(', ')})`);
if (!(values.business in BUSINESSES)) fail(`no business "${values.business}" (${Object.keys(BUSINESSES).join(', ')})`);

let database;
if (values.db) {
  const { PGlite } = await import('@electric-sql/pglite').catch(() =>
    fail('--db needs PGlite: npm install --save-dev @electric-sql/pglite'),
  );
  const { fromPGlite } = await import('../dist/server/postgres/index.js');
  database = fromPGlite(new PGlite(values.db === 'memory' ? undefined : values.db));
}

const server = await startMockServer({
  database,
  // A folder keeps its records between runs: the same scenario and business resume them.
  businessId: values.db && values.db !== 'memory' ? `deskguard-mock-${values.scenario}-${values.business}` : undefined,
  port: Number(values.port),
  host: values.host,
  basePath: values['base-path'],
  config: {
    scenario: values.scenario,
    viewer: values.viewer,
    business: values.business,
    latencyMs: Number(values.latency),
  },
});
console.log(
  `deskguard mock backend: ${server.baseUrl} (scenario ${values.scenario}, viewer ${values.viewer}${values.db ? `, Postgres in ${values.db === 'memory' ? 'memory' : values.db}` : ''})`,
);
console.log(`control: ${server.origin}/__deskguard/config`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close().then(() => process.exit(0)));

// deskguard/server over a host's own tables, served by Node's http: the host's schema and
// triggers (schema.sql), its storage (storage.mjs), and a few lines to mount it.
import { createServer as createHttpServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createServer } from 'deskguard/server';
import { toNodeListener } from 'deskguard/server/node';
import { fromPGlite, loadBusiness, migrate, statements } from 'deskguard/server/postgres';
import { createSeedData } from 'deskguard/mocks.js';
import { openSalonStorage } from './storage.mjs';

const db = fromPGlite(new PGlite(process.env.SALON_DB));
await migrate(db);
for (const statement of statements(readFileSync(new URL('./schema.sql', import.meta.url), 'utf8')))
  await db.query(statement);

// The demo's salon: its customers and visits in the host's tables, deskguard's own records beside them.
const seed = createSeedData({ business: 'premium-new' });
const known = await db.query('SELECT 1 FROM deskguard.business WHERE business_id = $1', ['lumen']);
if (!known.rows.length) {
  for (const c of seed.clients) {
    const [first, ...rest] = c.name.split(' ');
    await db.query(
      `INSERT INTO salon.customers (id, first_name, last_name, mobile, email, balance_pence, medical_note, front_desk_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.id, first, rest.join(' '), c.phone, c.email, c.balanceMinor, c.redAlert, c.yellowAlert],
    );
    for (const at of c.arrivals)
      await db.query('INSERT INTO salon.visits (customer_id, arrived_at) VALUES ($1, $2)', [c.id, at]);
  }
  await loadBusiness(db, 'lumen', seed, { clients: false });
}

const deskguard = createServer({ storage: await openSalonStorage(db, 'lumen'), basePath: '/api/deskguard' });
const server = createHttpServer(toNodeListener(deskguard)).listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () =>
  console.log(`deskguard over the salon's own tables: http://127.0.0.1:${server.address().port}/api/deskguard`),
);

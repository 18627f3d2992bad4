/**
 * The demo on a real database: the plain HTML example (examples/html/) against the mock
 * backend keeping its records in Postgres embedded (PGlite, in `.demo/db`, kept between
 * runs), with nothing else installed. `npm run demo`, then open the address it prints.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { getResponse } from 'msw';
import { ROOT } from './elements.mjs';
import { serve } from './serve.mjs';

/** The demo's API: the mock backend with its records in PGlite in `folder`; resumes what the folder holds. */
export async function demoApi(folder) {
  const { DeskguardMock } = await import('../dist/mocks/index.js');
  const { fromPGlite } = await import('../dist/server/postgres/index.js');
  const mock = new DeskguardMock(
    { business: 'premium-existing' },
    { database: fromPGlite(new PGlite(folder)), businessId: 'deskguard-demo' },
  );
  await mock.ready;
  const handlers = mock.handlers('*/api/deskguard');
  return (request) =>
    new URL(request.url).pathname.startsWith('/api/deskguard/') ? getResponse(handlers, request) : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = join(ROOT, '.demo/db');
  const { url } = await serve(ROOT, Number(process.env.PORT ?? 8080), {}, await demoApi(folder));
  console.log(`deskguard demo: ${url}/examples/html/?backend=server`);
  console.log(`Records in Postgres (PGlite) at ${folder}: delete the folder to start again.`);
}

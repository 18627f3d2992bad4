/**
 * The host examples of deskguard/server (examples/server/): Express, Fastify and Hono run
 * as their own processes, and the Next.js route handler under a stand-in for Next's router
 * (it calls the route module's exported method with the request, as Next does). Each
 * signs in an admin, a masked manager and a front-desk login through the server's own
 * `POST /sessions`, and must pass the whole contract kit with their bearer tokens. Prints
 * the lines a host writes for each. Run after `npm run build`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './elements.mjs';

const { runContract, formatReport } = await import('../dist/contract/index.js');
const { DEMO_PASSWORD } = await import('../dist/mocks/index.js');
const { toRequest, writeResponse } = await import('../dist/server/node.js');

const DIR = join(ROOT, 'examples/server');
/** Seeded logins of the three viewers the kit needs. */
const LOGINS = { admin: 'marcus.webb', masked: 'sofia.marin', unprivileged: 'dmitri.varga' };

let passed = 0;
let failed = 0;
function report(ok, name, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? '✓' : '✗'} ${name}${!ok && detail ? `\n      ${detail.split('\n').join('\n      ')}` : ''}`);
}

/** The lines a host writes in a file: not blank, not a comment. */
function linesOf(file) {
  return readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('//') && !line.trim().startsWith('--')).length;
}

/** Starts an example's own process; resolves to its base URL and a way to stop it. */
function start(file) {
  const child = spawn(process.execPath, [join(DIR, file)], { env: { ...process.env, PORT: '0' }, stdio: 'pipe' });
  let output = '';
  return new Promise((ready, failedToStart) => {
    child.stdout.on('data', (data) => {
      output += data;
      const url = /(http:\/\/127\.0\.0\.1:\d+\/api\/deskguard)/.exec(output)?.[1];
      if (url) ready({ baseUrl: url, stop: () => child.kill() });
    });
    child.stderr.on('data', (data) => (output += data));
    child.on('exit', (code) => failedToStart(new Error(`${file} exited with ${code}: ${output}`)));
  });
}

/** Next.js's part: each request under the route's folder goes to the route module's method. */
async function startNext() {
  const route = await import(pathToFileURL(join(DIR, 'next/app/api/deskguard/[...path]/route.mjs')).href);
  const server = createHttpServer(async (req, res) => {
    const handler = route[req.method];
    if (!req.url.startsWith('/api/deskguard/') || !handler) {
      res.statusCode = 404;
      return res.end();
    }
    await writeResponse(await handler(await toRequest(req)), res);
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/api/deskguard`,
    stop: () => server.close(),
  };
}

/** Signs a seeded login in through the example; resolves to its bearer token. */
async function signIn(baseUrl, username) {
  const answer = await fetch(`${baseUrl}/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (answer.status !== 201) throw new Error(`POST /sessions as ${username}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()).token;
}

const EXAMPLES = {
  express: { files: ['express.mjs'], start: () => start('express.mjs') },
  fastify: { files: ['fastify.mjs'], start: () => start('fastify.mjs') },
  hono: { files: ['hono.mjs'], start: () => start('hono.mjs') },
  "a host's own tables (Node http, PGlite)": {
    files: ['host-tables/server.mjs', 'host-tables/storage.mjs', 'host-tables/schema.sql'],
    start: () => start('host-tables/server.mjs'),
  },
  'next.js route handler': {
    files: ['next/lib/deskguard.mjs', 'next/app/api/deskguard/[...path]/route.mjs'],
    start: startNext,
  },
};

for (const [name, example] of Object.entries(EXAMPLES)) {
  let running;
  try {
    running = await example.start();
    const viewers = { signedOut: {} };
    for (const [viewer, username] of Object.entries(LOGINS))
      viewers[viewer] = { Authorization: `Bearer ${await signIn(running.baseUrl, username)}` };
    const result = await runContract({ baseUrl: running.baseUrl, viewers, maxPages: 3 });
    const lines = example.files.map((file) => `${file} ${linesOf(file)}`).join(', ');
    report(
      result.ok,
      `${name}: the contract kit passes (${result.checks.length} checks); a host writes ${lines} lines`,
      formatReport(result),
    );
  } catch (error) {
    report(false, `${name}: the contract kit passes`, String(error?.stack ?? error));
  } finally {
    running?.stop();
  }
}
console.log(`server examples: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

/**
 * The contract kit against the mock server over real HTTP: it must pass against the mock
 * as shipped, and fail, naming the endpoint, against the mock behind a proxy that plants
 * one fault each: a raw email in a masked viewer's client list, a write that ignores its
 * Idempotency-Key, and a write that accepts a stale version. Also: the kit's endpoints
 * are the contract document's and the mock's, and the QA curl example runs against the
 * server. Run after `npm run build`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome-path.mjs';
import { serve } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { CONTRACT_ENDPOINTS, formatReport, runContract } = await import('../dist/contract/index.js');
const { startMockServer } = await import('../dist/mocks/server.js');

let passed = 0;
let failed = 0;
function report(ok, name, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? '✓' : '✗'} ${name}${!ok && detail ? `\n      ${detail.split('\n').join('\n      ')}` : ''}`);
}

// One description: the kit's endpoints, the contract's headings and the mock's routes.
{
  const doc = readFileSync(`${ROOT}docs/rest-contract.md`, 'utf8');
  const documented = new Set();
  for (const [, heading] of doc.matchAll(/^### (.+)$/gm)) {
    for (const [, method, path] of heading.matchAll(/`(GET|PUT|POST|DELETE) ([^`?]+)/g))
      documented.add(`${method} ${path}`);
    // "`POST /verification-requests/{id}/verify` and `.../decline`"
    const tail = /`\.\.\.\/(\w[\w-]*)`/.exec(heading)?.[1];
    const first = /`(GET|PUT|POST) ([^`?]+)\/[\w-]+`/.exec(heading);
    if (tail && first) documented.add(`${first[1]} ${first[2]}/${tail}`);
    // "`GET /visibility-overrides` and `PUT /visibility-overrides`" is covered by the loop.
  }
  const { createServer, MemoryStorage } = await import('../dist/server/index.js');
  const { createSeedData } = await import('../dist/mocks/index.js');
  const routed = new Set(createServer({ storage: new MemoryStorage(createSeedData()) }).endpoints);
  const kit = new Set(CONTRACT_ENDPOINTS);
  const differ = (a, b) => [...a].filter((x) => !b.has(x));
  const problems = [
    ...differ(kit, documented).map((e) => `${e} is checked but not in docs/rest-contract.md`),
    ...differ(documented, kit).map((e) => `${e} is documented but the kit does not know it`),
    ...differ(kit, routed).map((e) => `${e} is checked but deskguard/server does not serve it`),
    ...differ(routed, kit).map((e) => `${e} is served by deskguard/server but the kit does not know it`),
  ];
  report(
    !problems.length,
    `the kit's ${kit.size} endpoints are the contract's and deskguard/server's`,
    problems.join('\n'),
  );
}

const VIEWERS = {
  admin: { Authorization: 'Bearer staff-admin' },
  masked: { Authorization: 'Bearer staff-duty-manager' },
  unprivileged: { Authorization: 'Bearer staff-front-desk' },
  signedOut: { Authorization: 'Bearer nobody' },
};
const CONFIG = { scenario: 'normal', business: 'premium-new' };
const { PGlite } = await import('@electric-sql/pglite');
const { fromPGlite } = await import('../dist/server/postgres/index.js');
/** The mock in memory, and the mock in Postgres (PGlite): the planted faults are planted in front of the latter. */
const memory = await startMockServer({ config: CONFIG });
const server = await startMockServer({ config: CONFIG, database: fromPGlite(new PGlite()) });

/**
 * A proxy in front of the mock that plants one fault: `request` may change a request on
 * its way in (its headers in place, or a new `path` or `body`), `respond` may answer in
 * the backend's stead, and `answer` may change an answer on its way out (`text`, `status`).
 */
async function proxy(plant) {
  const upstream = new URL(server.origin);
  const front = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = { ...req.headers };
    delete headers.host;
    delete headers['content-length'];
    let path = req.url ?? '/';
    let body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
    const changed = (await plant.request?.(req.method, path, headers, body)) ?? {};
    path = changed.path ?? path;
    body = changed.body ?? body;
    const own = await plant.respond?.(req.method, path, headers, body);
    const answer = own ?? (await fetch(new URL(path, upstream), { method: req.method, headers, body }));
    let text = await answer.text();
    let status = answer.status;
    const rewritten = plant.answer?.(req.method, path, headers, text, status);
    if (typeof rewritten === 'string') text = rewritten;
    else if (rewritten) ({ text = text, status = status } = rewritten);
    res.writeHead(status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(text);
  });
  await new Promise((listening) => front.listen(0, '127.0.0.1', listening));
  return {
    baseUrl: `http://127.0.0.1:${front.address().port}/api/deskguard`,
    close: () => new Promise((closed) => front.close(closed)),
  };
}

async function contractAgainst(baseUrl, target = server) {
  target.mock.configure(CONFIG);
  await target.mock.ready;
  return runContract({ baseUrl, viewers: VIEWERS, maxPages: 5 });
}

try {
  for (const [name, target] of [
    ['in memory', memory],
    ['in Postgres (PGlite)', server],
  ]) {
    const clean = await contractAgainst(target.baseUrl, target);
    report(
      clean.ok,
      `the kit passes against the mock server ${name} (${clean.checks.length} checks)`,
      formatReport(clean),
    );
  }

  // A network fault is a dropped connection over HTTP too, not an answer.
  memory.mock.configure({ scenario: 'offline' });
  const offline = await fetch(`${memory.baseUrl}/viewer`).then(
    (answer) => `answered ${answer.status}`,
    (error) => `failed at the network (${error.cause?.code ?? error.message})`,
  );
  report(offline.startsWith('failed at the network'), `the offline scenario drops the connection: ${offline}`);

  // And so it does for a page whose requests a test routes to the mock (routeToMock).
  {
    const { routeToMock } = await import('../dist/mocks/route.js');
    const files = await serve(`${ROOT}examples/html`, 0);
    const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
    try {
      const page = await browser.newPage();
      await routeToMock(page, { scenario: 'offline' });
      await page.goto(`${files.url}/favicon.svg`);
      const routed = await page.evaluate(() =>
        fetch('/api/deskguard/viewer').then(
          (answer) => `answered ${answer.status}`,
          () => 'failed at the network',
        ),
      );
      report(
        routed === 'failed at the network',
        `a routed page's request fails at the network when offline: ${routed}`,
      );
    } finally {
      await browser.close();
      await files.close();
    }
  }

  const PLANTS = {
    'a raw email in the masked viewer’s client list': {
      plant: {
        answer(method, path, headers, text) {
          if (method !== 'GET' || !path.startsWith('/api/deskguard/clients?')) return undefined;
          if (headers.authorization !== VIEWERS.masked.Authorization) return undefined;
          const page = JSON.parse(text);
          const first = page.items.find((c) => c.email?.masked);
          if (!first) return undefined;
          const raw = server.mock.seed.clients.find((c) => c.id === first.id).email;
          first.email = { value: raw, masked: true };
          return JSON.stringify(page);
        },
      },
      expect: /GET \/clients\?.* as masked: the answer holds the raw contact/,
    },
    'a write that ignores its Idempotency-Key': {
      plant: { request: (method, path, headers) => void delete headers['idempotency-key'] },
      expect: /PUT \/masking-settings as admin .*the same Idempotency-Key again\) answered 409/,
    },
    'a write that accepts a stale version': {
      plant: {
        async request(method, path, headers) {
          if (method === 'PUT' && path === '/api/deskguard/masking-settings' && headers['if-match'])
            headers['if-match'] = `"${(await server.mock.store.masking.masking()).version}"`;
        },
      },
      expect: /PUT \/masking-settings as admin answered 200, not 409 or 412 \(conflict\)/,
    },
    // One fault for each rule of every path: each must be caught, by name.
    'a report page answered for a cursor the server never gave': {
      plant: {
        request: (method, path) => (path.includes('cursor=o5') ? { path: path.replace('&cursor=o5', '') } : {}),
      },
      expect: /cursor the server never gave\) answered 200/,
    },
    'an opening of a report left off the record': {
      plant: {
        answer(method, path, headers, text) {
          if (
            !path.startsWith('/api/deskguard/staff-activity?') ||
            headers.authorization !== VIEWERS.admin.Authorization
          )
            return undefined;
          const page = JSON.parse(text);
          if (!Array.isArray(page.items)) return undefined;
          page.items = page.items.filter((a) => !String(a.filters?.staff ?? '').startsWith('deskguard-contract-audit'));
          return JSON.stringify(page);
        },
      },
      expect: /opening of the contact logs is not on record/,
    },
    'a replay of a report the group lacks': {
      plant: {
        request(method, path, headers) {
          if (path.includes('/replay') && headers.authorization === VIEWERS.unprivileged.Authorization)
            headers.authorization = VIEWERS.admin.Authorization;
        },
      },
      expect: /a replay of the contact logs, which the group lacks\) answered 200/,
    },
    'a contact typed as a filter shown raw to a masked auditor': {
      plant: {
        request(method, path, headers) {
          if (
            path.startsWith('/api/deskguard/staff-activity?staff=') &&
            headers.authorization === VIEWERS.unprivileged.Authorization
          )
            headers.authorization = VIEWERS.admin.Authorization;
        },
      },
      expect: /typed as a filter reaches a masked auditor raw/,
    },
    'a common password accepted': {
      plant: {
        request(method, path, headers, body) {
          if (method !== 'POST' || !path.endsWith('/access') || !body?.includes('"password1"')) return {};
          return { body: body.replace('"password1"', '"tulip harbour 9 violin"') };
        },
      },
      expect: /answered 200, not 400 or 422 \(validation\)/,
    },
    'a sign-in that never locks the login': {
      plant: {
        async respond(method, path, headers, body) {
          if (method !== 'POST' || path !== '/api/deskguard/sessions' || !body?.includes('not the password'))
            return undefined;
          return new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'Wrong password' } }), {
            status: 401,
          });
        },
      },
      expect: /the right one answered 201; the login must be locked/,
    },
    'a deletion that promotes its members silently': {
      plant: {
        async respond(method, path, headers, body) {
          if (method !== 'POST' || !path.endsWith('/permission-groups/changes') || !body?.includes('"reassignTo"'))
            return undefined;
          return fetch(new URL('/api/deskguard/permission-groups', server.origin), {
            headers: { authorization: headers.authorization },
          });
        },
      },
      expect: /deleting a group into a stronger one\) answered 200/,
    },
    'an Idempotency-Key sent again with another request answered with the first answer': {
      plant: (() => {
        const kept = new Map();
        return {
          async respond(method, path, headers) {
            const key = headers['idempotency-key'];
            return key && kept.has(key) ? new Response(kept.get(key), { status: 200 }) : undefined;
          },
          answer(method, path, headers, text, status) {
            const key = headers['idempotency-key'];
            if (key && status < 300 && !kept.has(key)) kept.set(key, text);
            return undefined;
          },
        };
      })(),
      expect: /POST \/gift-card-ids as admin answered 200, not 400 or 422/,
    },
    'a malformed date answered with a stack trace': {
      plant: {
        answer(method, path) {
          if (!path.includes('from=not-a-date')) return undefined;
          return {
            status: 500,
            text: JSON.stringify({ error: { code: 'server', message: 'RangeError: Invalid time value' } }),
          };
        },
      },
      expect: /from=not-a-date as admin \(malformed\) answered 500/,
    },
    'a formula after an invisible character left for a spreadsheet to run': {
      plant: {
        answer(method, path, headers, text) {
          if (!path.startsWith('/api/deskguard/contact-logs/export?format=csv')) return undefined;
          const file = JSON.parse(text);
          if (typeof file.content !== 'string') return undefined;
          file.content = file.content.replace(/'(＝|\u200b|\u2060|＋)/g, '$1');
          return JSON.stringify(file);
        },
      },
      expect: /contact-logs\/export\?format=csv: a cell starts a formula/,
    },
    'a next page that repeats a row of the page before': {
      plant: (() => {
        let last;
        return {
          answer(method, path, headers, text, status) {
            if (
              !path.startsWith('/api/deskguard/contact-logs?limit=3') ||
              headers.authorization !== VIEWERS.admin.Authorization ||
              status !== 200
            )
              return undefined;
            const page = JSON.parse(text);
            if (!Array.isArray(page.items)) return undefined;
            const previous = last;
            last = page.items.at(-1);
            if (!path.includes('cursor=') || !previous) return undefined;
            page.items = [previous, ...page.items.slice(1)];
            return JSON.stringify(page);
          },
        };
      })(),
      expect: /walking the pages by cursor repeats a log/,
    },
  };
  for (const [name, { plant, expect }] of Object.entries(PLANTS)) {
    const front = await proxy(plant);
    try {
      const result = await contractAgainst(front.baseUrl);
      const problems = result.checks.flatMap((c) => c.problems);
      const named = problems.find((p) => expect.test(p));
      report(
        !result.ok && !!named,
        `the kit fails against ${name}: ${named ?? '(no such failure)'}`,
        result.ok ? 'every check passed' : `its problems:\n${problems.join('\n')}`,
      );
    } finally {
      await front.close();
    }
  }

  // The CLIs: the mock server from its command, the kit from its command, and curl against it.
  // The mock from its command, on embedded Postgres in memory.
  const child = spawn(process.execPath, [`${ROOT}bin/deskguard-mock.js`, '--port', '0', '--db', 'memory'], {
    stdio: 'pipe',
  });
  try {
    const base = await new Promise((ready, failedToStart) => {
      child.stdout.on('data', (data) => {
        const url = /mock backend: (\S+)/.exec(String(data))?.[1];
        if (url) ready(url);
      });
      child.on('exit', (code) => failedToStart(new Error(`deskguard-mock exited with ${code}`)));
    });
    const cli = (() => {
      try {
        return execFileSync(
          process.execPath,
          [
            `${ROOT}bin/deskguard-contract.js`,
            '--base-url',
            base,
            '--admin',
            'Authorization: Bearer staff-admin',
            '--masked',
            'Authorization: Bearer staff-duty-manager',
            '--unprivileged',
            'Authorization: Bearer staff-front-desk',
            '--signed-out',
            'Authorization: Bearer nobody',
          ],
          { encoding: 'utf8' },
        );
      } catch (error) {
        return `${error.stdout}${error.stderr}`;
      }
    })();
    report(/ passed, 0 failed/.test(cli), 'npx deskguard-contract passes against npx deskguard-mock --db memory', cli);
    const curl = (() => {
      try {
        return execFileSync('bash', [`${ROOT}examples/qa/curl.sh`], {
          encoding: 'utf8',
          env: { ...process.env, BASE: base, CONTROL: `${new URL(base).origin}/__deskguard` },
        });
      } catch (error) {
        return `${error.stdout}${error.stderr}`;
      }
    })();
    report(/^curl QA:/m.test(curl), 'the QA curl example runs against npx deskguard-mock', curl);
  } finally {
    child.kill();
  }
} finally {
  await server.close();
  await memory.close();
}
console.log(`contract: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

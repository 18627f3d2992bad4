/**
 * Builds each host example under examples/ and drives it in Chromium through the flows a
 * front desk runs: turn masking on and see contacts masked for front-desk staff, resolve a
 * client's alerts at sign-in, verify a link request, and sell a gift card with a generated
 * number inside the host's own form, and switch the page to Arabic, right to left.
 * `node scripts/examples-check.mjs [name...]`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome-path.mjs';
import { pack } from './pack.mjs';
import { NPM, run } from './run.mjs';
import { serve } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = {
  // No build step: served from the repository root, the import map reaches dist/ and node_modules/.
  html: { root: ROOT, path: '/examples/html/' },
  // The same page under the strict policy the README documents: no violation may be reported.
  // The mock answers over HTTP from the server, as a host's backend would: its service worker
  // cannot register under Trusted Types, and a real backend needs none.
  'html-csp': { root: ROOT, path: '/examples/html/?backend=server', csp: true },
  // The same page with no mock in it: the test runner routes its API requests to a mock in
  // this process (routeToMock, as QA's Playwright or Puppeteer tests would).
  'html-routed': { root: ROOT, path: '/examples/html/?backend=server', routed: true },
  react: { dir: 'examples/react' },
  vue: { dir: 'examples/vue' },
  svelte: { dir: 'examples/svelte' },
};
// Seeded client with every alert at sign-in, and their raw contacts (what front-desk staff must not see).
const CLIENT = { name: 'Quinn Varga', phone: '7700 910185', email: 'quinn.varga@mail.example.net' };
const STEP_TIMEOUT = 15_000;

/**
 * The strict Content Security Policy the README promises the kit runs under, with the hash
 * of the page's one inline script (its import map).
 */
export function strictPolicy(html) {
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(importMap).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/** Installs and builds a bundled example; resolves to the folder to serve. */
function build(dir) {
  const cwd = fileURLToPath(new URL(`../${dir}/`, import.meta.url));
  // The tarball was packed afresh: install it anew, whatever npm remembers of the last one.
  rmSync(`${cwd}node_modules/deskguard`, { recursive: true, force: true });
  run(NPM, ['install', '--no-audit', '--no-fund', '--loglevel=error'], cwd);
  run(NPM, ['run', 'build'], cwd);
  return `${cwd}dist`;
}

/** Polls `look` every 100 ms until it finds something; throws `what` after STEP_TIMEOUT. */
async function poll(look, what) {
  const end = Date.now() + STEP_TIMEOUT;
  for (;;) {
    const found = await look();
    if (found) return found;
    if (Date.now() > end) throw new Error(what);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The first element matching a (deep, `>>>`) selector, polled: waitForSelector stalls on deep selectors here. */
function find(page, selector) {
  return poll(() => page.$(selector), `Timed out waiting for ${selector}`);
}

async function logHas(page, text) {
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('#event-log li')].some((li) => li.textContent.includes(t)),
    { timeout: STEP_TIMEOUT },
    text,
  );
}

async function deepText(page, selector) {
  const handle = await find(page, selector);
  return handle.evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
}

/** Clicks the enabled button named `name` (its aria-label, else its text) inside `host`. */
async function clickButton(page, host, name) {
  const button = await poll(async () => {
    for (const candidate of await page.$$(`${host} >>> button`)) {
      const ready = await candidate.evaluate(
        (b, wanted) =>
          (b.getAttribute('aria-label') ?? b.textContent).trim() === wanted && !b.disabled && b.ariaDisabled !== 'true',
        name,
      );
      if (ready) return candidate;
    }
    return undefined;
  }, `No button "${name}" in ${host}`);
  await button.click();
}

const FLOWS = {
  async 'masking on: front-desk staff see the client’s contacts masked'(page) {
    const toggle = await find(page, 'masking-settings >>> input[role="switch"]');
    if (await toggle.evaluate((el) => el.checked)) throw new Error('masking should start off in this business');
    await toggle.click();
    await logHas(page, 'masking-change: on');

    await page.select('#viewer', 'staff-front-desk');
    await page.click('#sign-in');
    const contacts = await deepText(page, 'client-alert-dialog >>> dialog[open] [part~="contacts"]');
    if (contacts.includes(CLIENT.phone) || contacts.includes(CLIENT.email))
      throw new Error(`front desk sees raw contacts: ${contacts}`);
    if (!/•|\*/.test(contacts)) throw new Error(`no masked contact shown: ${contacts}`);
  },

  async 'sign-in alerts resolved with reasons: the host learns the outcome'(page) {
    await find(page, 'client-alert-dialog >>> dialog[open] textarea');
    const reasons = await page.$$('client-alert-dialog >>> dialog[open] textarea');
    for (const reason of reasons) await reason.type('Spoke to the client at the desk.');
    await clickButton(page, 'client-alert-dialog', 'Sign in');
    await logHas(page, 'client-alert-outcome: signed-in');
    await page.waitForFunction(() => document.querySelector('#check-in-result')?.textContent === 'Signed in.', {
      timeout: STEP_TIMEOUT,
    });
  },

  async 'a matching link request verified: the report tells the host'(page) {
    await page.select('#viewer', 'staff-owner');
    await find(page, 'verification-report >>> tbody button');
    const verify = await page.$$('verification-report >>> tbody button[aria-label^="Verify request"]');
    if (!verify.length) throw new Error('no Verify button in the report');
    await verify[0].click();
    await logHas(page, 'verification-change: verified');
  },

  async 'a gift card number generated, used and submitted with the host’s form'(page) {
    await clickButton(page, 'giftcard-id-generator', 'Generate random number');
    await clickButton(page, 'giftcard-id-generator', 'Use this number');
    await logHas(page, 'giftcard-id-use: ');
    const used = (await deepText(page, '#event-log li:last-child')).replace(/^.*: /, '');
    if (!/^[789]\d{11}$/.test(used)) throw new Error(`unexpected number ${used}`);
    await page.click('#sale-form button[type="submit"]');
    const sold = await deepText(page, '#sale-result');
    if (sold !== `Sold a 50 gift card, number ${used}.`) throw new Error(`the form sent: ${sold}`);
  },

  async 'the page switched to Arabic: every element speaks it, right to left, and back'(page) {
    const heading = 'masking-settings >>> [part~="heading"]';
    await page.select('#language', 'ar');
    await logHas(page, 'locale: ar');
    await poll(async () => (await deepText(page, heading)) === 'إخفاء جهات اتصال العملاء', 'no Arabic heading');
    const direction = await page.$eval('masking-settings', (el) => getComputedStyle(el).direction);
    if (direction !== 'rtl') throw new Error(`the elements read ${direction}`);
    const report = await deepText(page, 'verification-report >>> [part~="heading"]');
    if (report !== 'التحقق الأمني') throw new Error(`the report says ${report}`);
    await page.select('#language', 'en');
    await poll(async () => (await deepText(page, heading)) === 'Masking customer contacts', 'not back in English');
  },
};

/** The mock backend answering over HTTP, from the built package, with masking off to start as in the example. */
async function mockApi() {
  const { getResponse } = await import('msw');
  const { DeskguardMock } = await import('../dist/mocks/index.js');
  const mock = new DeskguardMock({ business: 'premium-existing' });
  const handlers = mock.handlers('*/api/deskguard');
  return (request) => (new URL(request.url).pathname.startsWith('/api/') ? getResponse(handlers, request) : undefined);
}

/** The import maps of a page: the first `<script type="importmap">` in its text, parsed. */
function importMapOf(text) {
  return JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(text)?.[1] ?? '{}').imports ?? {};
}

/**
 * The README's plain-HTML import map must be complete: the plain example's map, with its
 * paths as an installed package has them, minus the mock's own entries.
 */
function readmeImportMapProblems() {
  const readme = importMapOf(readFileSync(`${ROOT}README.md`, 'utf8'));
  const example = importMapOf(readFileSync(`${ROOT}examples/html/index.html`, 'utf8'));
  const installed = (path) => path.replace('../../dist/', '/node_modules/deskguard/dist/').replace('../../', '/');
  const wanted = Object.fromEntries(
    Object.entries(example)
      .filter(([name]) => name !== 'msw' && name !== 'msw/browser')
      .map(([name, path]) => [name, installed(path)]),
  );
  const problems = [];
  for (const [name, path] of Object.entries(wanted)) {
    if (readme[name] !== path) problems.push(`README import map: "${name}" should be "${path}", is ${readme[name]}`);
  }
  for (const name of Object.keys(readme)) {
    if (!(name in wanted)) problems.push(`README import map: "${name}" is not in examples/html/index.html`);
  }
  return problems;
}

const mapProblems = readmeImportMapProblems();
for (const problem of mapProblems) console.log(`  ✗ ${problem}`);
if (!mapProblems.length) console.log('  ✓ the README import map is the plain example’s, without the mock');

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(EXAMPLES);
if (names.some((name) => EXAMPLES[name]?.dir)) pack();
const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
let passed = 0;
let failed = 0;
try {
  for (const name of names) {
    const example = EXAMPLES[name];
    if (!example) throw new Error(`No example called ${name}`);
    const root = example.dir ? build(example.dir) : example.root;
    if (!existsSync(root)) throw new Error(`${name}: nothing to serve at ${root}`);
    const headers = example.csp
      ? { 'Content-Security-Policy': strictPolicy(readFileSync(`${ROOT}examples/html/index.html`, 'utf8')) }
      : {};
    const server = await serve(root, 0, headers, example.csp ? await mockApi() : undefined);
    const page = await browser.newPage();
    if (example.routed) {
      const { routeToMock } = await import('../dist/mocks/route.js');
      await routeToMock(page, { business: 'premium-existing' });
    }
    const errors = [];
    const violations = [];
    await page.exposeFunction('reportViolation', (text) => violations.push(text));
    await page.evaluateOnNewDocument(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        window.reportViolation(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      ),
    );
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    try {
      await page.goto(`${server.url}${example.path ?? '/'}`, { waitUntil: 'load' });
      for (const [flow, act] of Object.entries(FLOWS)) {
        try {
          await act(page);
          if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
          if (violations.length) throw new Error(`policy violations: ${violations.join(' | ')}`);
          passed++;
          console.log(`  ✓ ${name}: ${flow}`);
        } catch (error) {
          failed++;
          console.log(
            `  ✗ ${name}: ${flow}\n      ${error.message}${errors.length ? `\n      page errors: ${errors.join(' | ')}` : ''}`,
          );
          if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });
          break; // the later flows build on this one
        }
      }
    } finally {
      await page.close();
      await server.close();
    }
  }
} finally {
  await browser.close();
}
failed += mapProblems.length;
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

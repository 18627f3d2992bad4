/**
 * Builds each host example under examples/ and drives it in Chromium through the flows a
 * front desk runs: turn masking on and see contacts masked for front-desk staff, resolve a
 * client's alerts at sign-in, verify a link request, and sell a gift card with a generated
 * number inside the host's own form, and switch the page to Arabic, right to left.
 * `node scripts/examples-check.mjs [name...]`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome-path.mjs';
import { pack } from './pack.mjs';
import { NPM, run } from './run.mjs';
import { demoApi } from './demo.mjs';
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
  // The README's demo (npm run demo): the same page against the mock with its records in
  // Postgres embedded (PGlite), with nothing else installed.
  'html-demo': { root: ROOT, path: '/examples/html/?backend=server', demo: true },
  react: { dir: 'examples/react' },
  vue: { dir: 'examples/vue' },
  svelte: { dir: 'examples/svelte' },
  // Checked bindings come from directives the app copies from the package (npm run prebuild).
  angular: { dir: 'examples/angular' },
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
  // The tarball was packed afresh: install it anew, whatever npm remembers of the last one
  // (a lock left by an earlier run pins the old tarball's checksum).
  rmSync(`${cwd}node_modules/deskguard`, { recursive: true, force: true });
  rmSync(`${cwd}package-lock.json`, { force: true });
  run(NPM, ['install', '--no-audit', '--no-fund', '--loglevel=error'], cwd);
  run(NPM, ['run', 'build'], cwd);
  return `${cwd}dist`;
}

/**
 * Writes `files` into a `wrong/` folder of the example, runs its type checker (`checker`,
 * over `wrong/tsconfig.json`) and expects it to fail saying each of `said`: what the
 * example's set-up must refuse, a host's misspelling or misuse, it refuses.
 */
function checkerRefuses(example, checker, files, said) {
  const cwd = fileURLToPath(new URL(`../examples/${example}/`, import.meta.url));
  const dir = `${cwd}wrong/`;
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(`${dir}${name}`, text);
  try {
    run(NPM, ['exec', '--', checker, '-p', 'wrong/tsconfig.json'], cwd);
  } catch (error) {
    const missed = said.filter((wanted) => !error.message.includes(wanted));
    if (missed.length) throw new Error(`${checker} did not say: ${missed.join('; ')}\n${error.message}`);
    return;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error(`${checker} accepted what it should refuse: ${said.join('; ')}`);
}

/**
 * The Angular directives must make Angular's template checker refuse what the element
 * would ignore: an unknown property and a wrong field of an event's detail.
 */
function angularRefusesWrongBindings() {
  checkerRefuses(
    'angular',
    'ngc',
    {
      'wrong.component.ts': `import { Component } from '@angular/core';
import { DESKGUARD_DIRECTIVES } from '../src/app/deskguard.directives';
@Component({
  selector: 'wrong-bindings',
  imports: [DESKGUARD_DIRECTIVES],
  template: '<masking-settings [warnOnUnload]="true" (masking-change)="seen = $event.detail.enabledd" />',
})
export class WrongBindingsComponent {
  seen: unknown;
}
`,
      'tsconfig.json': JSON.stringify({
        extends: '../tsconfig.json',
        compilerOptions: { noEmit: true },
        files: ['wrong.component.ts'],
      }),
    },
    ["Can't bind to 'warnOnUnload'", "Property 'enabledd' does not exist"],
  );
}

/**
 * The React components must make TypeScript refuse what React would pass through
 * unchecked on a hyphenated tag: a misspelt property and a misspelt event handler.
 */
function reactRefusesMisspelt() {
  checkerRefuses(
    'react',
    'tsc',
    {
      'wrong.tsx': `import { StaffAccess } from 'deskguard/react.js';
export const right = <StaffAccess staffId="staff-manager" onStaffAccessChange={(e) => e.detail.action} />;
export const wrongProperty = <StaffAccess staffIdd="staff-manager" />;
export const wrongEvent = <StaffAccess onStaffAccessChnage={() => undefined} />;
`,
      'tsconfig.json': JSON.stringify({ extends: '../tsconfig.json', include: ['wrong.tsx'] }),
    },
    ["'staffIdd' does not exist", "'onStaffAccessChnage' does not exist"],
  );
}

/** vue-tsc, with the example's `strictTemplates`, refuses a misspelt property and a misspelt event of an element. */
function vueRefusesMisspelt() {
  checkerRefuses(
    'vue',
    'vue-tsc',
    {
      'Wrong.vue': `<script setup lang="ts"></script>
<template>
  <staff-access staff-id="staff-manager" @staff-access-change="(e) => e.detail.action" />
  <staff-access staff-idd="staff-manager" />
  <staff-access @staff-access-chnage="() => undefined" />
</template>
`,
      'tsconfig.json': JSON.stringify({ extends: '../tsconfig.json', include: ['../src/env.d.ts', 'Wrong.vue'] }),
    },
    ["'staffIdd' does not exist", "'onStaffAccessChnage' does not exist"],
  );
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

/** One line per deskguard element on the page: its name, whether its dialog is open, and the text it shows. */
function shownText(page) {
  return page
    .evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.shadowRoot && el.localName !== 'deskguard-provider')
        .map((el) => {
          const open = el.shadowRoot.querySelector('dialog[open]') ? ' (dialog open)' : '';
          const text = el.shadowRoot.textContent.replace(/\s+/g, ' ').trim().slice(0, 300);
          return `${el.localName}${open}: ${text}`;
        }),
    )
    .catch((error) => [`(could not read the page: ${error.message})`]);
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
    // A framework that both listens and subscribes would log the one event twice.
    const logged = await page.$$eval('#event-log li', (items) => items.map((li) => li.textContent.trim()));
    if (logged.filter((text) => text === 'masking-change: on').length !== 1)
      throw new Error(`the host heard one change as: ${logged.join(' | ')}`);

    await page.select('#viewer', 'staff-front-desk');
    // Every element reloads for the new viewer and the page's layout moves while it does:
    // a click at the button's coordinates can land beside it, so the button is clicked itself.
    await page.$eval('#sign-in', (button) => button.click());
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
    await page.$eval('#sale-form button[type="submit"]', (button) => button.click());
    // A host may render its answer after the click returns (Angular without zone.js does).
    const sold = await poll(async () => deepText(page, '#sale-result'), 'the sale was not recorded');
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

  // The six newer elements work together with no host code but a filter the host sets.
  async 'a manager deactivated in <staff-access>: the reports on the page call her former staff'(page) {
    const activity = 'staff-activity-report';
    // The host keeps a report's filter in its URL and sets it back: here, her accesses.
    await page.$eval(activity, (report) => report.setAttribute('query', 'staff:"Elena Sokolova"'));
    await poll(async () => /Elena Sokolova/.test(await deepText(page, `${activity} >>> tbody`)), 'no access of hers');
    if ((await deepText(page, `${activity} >>> tbody`)).includes('Former staff'))
      throw new Error('she is former staff before she left');
    await poll(
      async () => (await deepText(page, 'staff-access >>> [part~="person"]')).includes('Elena Sokolova'),
      'no access shown for her',
    );
    await clickButton(page, 'staff-access', 'Deactivate…');
    const confirm = await find(page, 'staff-access >>> form[part~="confirm"] input');
    await confirm.type('Elena Sokolova');
    await clickButton(page, 'staff-access', 'Deactivate Elena Sokolova');
    await logHas(page, 'staff-access-change: deactivate');
    await poll(
      async () => (await deepText(page, `${activity} >>> tbody`)).includes('Former staff'),
      'the staff activity report still calls her current staff',
    );
    const status = await deepText(page, 'staff-access >>> [part~="status"]');
    if (status !== 'No login: cannot sign in.') throw new Error(`her access says ${status}`);
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
 * The plain-HTML import map of docs/hosts.md must be complete: the plain example's map, with its
 * paths as an installed package has them (the mock, one file with MSW inside, needs none).
 */
function readmeImportMapProblems() {
  const readme = importMapOf(readFileSync(`${ROOT}docs/hosts.md`, 'utf8'));
  const example = importMapOf(readFileSync(`${ROOT}examples/html/index.html`, 'utf8'));
  const installed = (path) => path.replace('../../dist/', '/node_modules/deskguard/dist/').replace('../../', '/');
  const wanted = Object.fromEntries(Object.entries(example).map(([name, path]) => [name, installed(path)]));
  const problems = [];
  for (const [name, path] of Object.entries(wanted)) {
    if (readme[name] !== path)
      problems.push(`docs/hosts.md import map: "${name}" should be "${path}", is ${readme[name]}`);
  }
  for (const name of Object.keys(readme)) {
    if (!(name in wanted)) problems.push(`docs/hosts.md import map: "${name}" is not in examples/html/index.html`);
  }
  return problems;
}

const mapProblems = readmeImportMapProblems();
for (const problem of mapProblems) console.log(`  ✗ ${problem}`);
if (!mapProblems.length) console.log('  ✓ the import map of docs/hosts.md is the plain example’s');

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
    if (name === 'react') {
      reactRefusesMisspelt();
      passed++;
      console.log('  ✓ react: TypeScript refuses a misspelt property and a misspelt event handler');
    }
    if (name === 'vue') {
      vueRefusesMisspelt();
      passed++;
      console.log('  ✓ vue: vue-tsc (strictTemplates) refuses a misspelt property and a misspelt event');
    }
    if (name === 'angular') {
      angularRefusesWrongBindings();
      passed++;
      console.log('  ✓ angular: the template checker refuses a property and an event field the element lacks');
    }
    if (!existsSync(root)) throw new Error(`${name}: nothing to serve at ${root}`);
    const headers = example.csp
      ? { 'Content-Security-Policy': strictPolicy(readFileSync(`${ROOT}examples/html/index.html`, 'utf8')) }
      : {};
    const api = example.csp
      ? await mockApi()
      : example.demo
        ? await demoApi(mkdtempSync(join(tmpdir(), 'deskguard-demo-')))
        : undefined;
    const server = await serve(root, 0, headers, api);
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
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Front-desk staff may not open the reports or another person's access: a 403 there is
      // the backend's answer, which the element shows; any other failed request is an error.
      const url = message.location()?.url ?? '';
      const refusable = /\/(verification-requests|contact-logs|entry-logs|staff-activity|staff\/[^/]+\/access)\b/;
      if (refusable.test(url) && message.text().includes('status of 403')) return;
      errors.push(`${message.text()} ${url}`.trim());
    });
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
          // What each element shows at that moment says whether it waited, failed or went elsewhere.
          for (const line of await shownText(page)) console.log(`      ${line}`);
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

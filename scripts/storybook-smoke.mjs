/**
 * Serves the static Storybook build and opens every story in headless Chromium
 * against the mock backend: each must render its element and finish, its play function
 * included, without an error, and pass axe's WCAG 2.2 AA rules in light and dark; every
 * docs page must show each story in the state it shows alone, after its play function; and the "Masking in effect" page must show a
 * front-desk viewer masked contacts until an admin turns masking off.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome-path.mjs';
import { readElements } from './elements.mjs';
import { serve } from './serve.mjs';
import { deepQuery, listenToStory, storybookIndex } from './storybook-pages.mjs';

const root = resolve(import.meta.dirname, '../storybook-static');
// Every story loads the same preview: its files may be cached.
const server = await serve(root, 0, { 'Cache-Control': 'max-age=3600' });
const base = server.url;
/** Pages open at once, each in a browser context of its own (its own copy of the mock's service worker). */
const AT_ONCE = 2;

const { stories, docs: docsPages } = storybookIndex(root);
const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
const failures = [];

// The elements, not the provider: a story wrapped in a provider would otherwise be read
// as the provider's own shadow root, which holds only a slot (every story the same '').
const TAGS = readElements().elements;
const AXE = readFileSync(resolve(import.meta.dirname, '../node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs in the page: what the first deskguard element under `root` says once it has
 * settled (nothing busy inside it), whitespace folded and digits dropped (times move).
 */
const signatureOf = `async (rootSelector, tags) => {
  // A story a docs page shows in a frame of its own (a modal dialog's): look inside it.
  const at = document.querySelector(rootSelector);
  const frame = at?.querySelector('iframe');
  const root = frame ? frame.contentDocument?.querySelector('#storybook-root') : at;
  const element = root?.querySelector(tags.join(','));
  if (!element) return '(no element)';
  // An element that says nothing is no state to compare.
  if (!(element.shadowRoot ?? element).textContent.trim() && !element.shadowRoot?.querySelector('*'))
    return '(an element with nothing in it)';
  const text = () => {
    const parts = [];
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) parts.push(child.textContent);
        else if (child.nodeType === 1) { if (child.shadowRoot) walk(child.shadowRoot); walk(child); }
      }
    };
    walk(element.shadowRoot ?? element);
    return parts.join(' ').replace(/\\d/g, '').replace(/\\s+/g, ' ').trim();
  };
  const busy = () => !!element.shadowRoot?.querySelector('[aria-busy="true"]');
  const start = performance.now();
  let last = text();
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const now = text();
    if (!busy() && now === last) return now;
    last = now;
    // Still busy: a story of a slow answer, a state that moves on by itself.
    if (performance.now() - start > 5000) return busy() ? '(busy)' : now;
  }
}`;

const contexts = await Promise.all(Array.from({ length: AT_ONCE }, () => browser.createBrowserContext()));

/** Runs `each` over `items`, AT_ONCE at a time, each worker in its own context. */
async function inParallel(items, each) {
  const queue = [...items];
  await Promise.all(
    contexts.map(async (context) => {
      for (let item = queue.shift(); item; item = queue.shift()) await each(item, context);
    }),
  );
}

async function open(id, context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.evaluateOnNewDocument(listenToStory);
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
  await page.evaluate(`window.deepQuery = ${deepQuery}`);
  return { page, errors };
}

/** Each context's story page, kept from one story to the next. */
const pages = new Map();

/**
 * Shows story `id` in `context`'s page: the first by loading the preview, the rest through
 * the preview's channel, as Storybook's own UI moves between stories (a load per story
 * cost most of the run). Each story has a mock backend of its own (`worldOf()` in
 * .storybook/preview.ts), and its loader and decorator set the locale, language and
 * direction, so the story before it leaves nothing behind. With `fresh`, a new load.
 */
async function show(id, context, fresh = false) {
  const kept = pages.get(context);
  if (kept && !fresh) {
    kept.errors.length = 0;
    await kept.page.evaluate((storyId) => {
      window.__dgStory = { finished: false, status: undefined, errors: [] };
      window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
    }, id);
    return kept;
  }
  await kept?.page.close();
  const opened = await open(id, context);
  pages.set(context, opened);
  return opened;
}

/** What each story shows alone once its play function has finished, by id. */
const alone = new Map();

/** Checks one story shown in `page`; throws what is wrong. */
async function checkStory(story, { page, errors }) {
  // The story, its play function included, must finish without an error, and show its
  // element: looked for once it has finished, since until then the page may still hold
  // the story before it.
  await page.waitForFunction(() => window.__dgStory.finished, { timeout: 15_000 });
  await page.waitForFunction(() => window.deepQuery('[part~="base"], [part~="dialog"]'), { timeout: 10_000 });
  const ended = await page.evaluate(() => window.__dgStory);
  if (ended.status !== 'success' || ended.errors.length) {
    throw new Error(`story ended ${ended.status}: ${ended.errors.join('; ')}`);
  }
  if (errors.length) throw new Error(errors.join('; '));
  alone.set(story.id, await page.evaluate(`(${signatureOf})('#storybook-root', ${JSON.stringify(TAGS)})`));
  // Every story is a state a user meets: axe's WCAG 2.2 AA rules, light and dark, once it has settled.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  for (const scheme of ['light', 'dark']) {
    const found = await page.evaluate(async (s) => {
      document.querySelector('#storybook-root').style.setProperty('--dg-color-scheme', s);
      await new Promise(requestAnimationFrame);
      const { violations } = await window.axe.run('#storybook-root', {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`);
    }, scheme);
    if (found.length) throw new Error(`axe, ${scheme}: ${found.join('; ')}`);
  }
  await page.evaluate(() => document.querySelector('#storybook-root').style.removeProperty('--dg-color-scheme'));
}

// A story that fails after another in the same page is tried once more in a load of its
// own: what fails there fails as the story alone does. One that passes only so is named.
const passedOnlyAlone = [];
await inParallel(stories, async (story, context) => {
  try {
    try {
      await checkStory(story, await show(story.id, context));
    } catch {
      await checkStory(story, await show(story.id, context, true));
      passedOnlyAlone.push(story.id);
    }
  } catch (error) {
    failures.push(`${story.id}: ${error.message}`);
  }
});
await Promise.all([...pages.values()].map(({ page }) => page.close()));

// Every docs page shows each story in its own state: as it shows alone.
let compared = 0;
await inParallel(docsPages, async (docs, context) => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/iframe.html?id=${docs.id}&viewMode=docs`, { waitUntil: 'load' });
  // A story still busy when it had played (a slow answer) moves on by itself: no state to compare.
  const ids = stories
    .filter((s) => s.importPath === docs.importPath && s.tags?.includes('autodocs') && alone.has(s.id))
    .map((s) => s.id)
    .filter((id) => alone.get(id) !== '(busy)');
  try {
    for (const id of ids) {
      // The first story is the page's primary one (`#story--<id>--primary`), the rest follow once each.
      const where = await page
        .waitForSelector(`#story--${id}, #story--${id}--primary`, { timeout: 15_000 })
        .then((found) =>
          found.evaluate((e) => {
            // A story in a frame loads when it comes into view.
            e.scrollIntoView();
            return `#${e.id}`;
          }),
        );
      // A story with a play function gets there in steps: look until it shows what it
      // shows alone, or for as long as a story may play.
      let shown;
      for (const end = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 250))) {
        shown = await page.evaluate(`(${signatureOf})('${where}', ${JSON.stringify(TAGS)})`);
        if (shown === alone.get(id) || Date.now() > end) break;
      }
      if (shown !== alone.get(id)) {
        const expected = alone.get(id);
        let at = 0;
        while (at < shown.length && shown[at] === expected[at]) at++;
        const near = (text) => `…${text.slice(Math.max(0, at - 80), at + 220)}`;
        throw new Error(`${id} shows on its docs page:\n  ${near(shown)}\nbut alone:\n  ${near(expected)}`);
      }
      compared++;
    }
    if (errors.length) throw new Error(errors.join('; '));
  } catch (error) {
    failures.push(`docs ${docs.id}: ${error.message}`);
  }
  await page.close();
});

// Masking in effect, end to end through the service worker.
{
  const { page, errors } = await open('pages-masking-in-effect--front-desk', contexts[0]);
  const caption = () =>
    page.evaluate(() =>
      (document.querySelector('demo-client-list')?.shadowRoot?.querySelector('caption')?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  const phones = () =>
    page.evaluate(() =>
      [
        ...(document.querySelector('demo-client-list')?.shadowRoot?.querySelectorAll('tbody td:nth-child(2)') ?? []),
      ].map((td) => td.textContent.trim()),
    );
  try {
    await page.waitForFunction(
      () =>
        document.querySelector('demo-client-list')?.shadowRoot?.querySelector('caption') &&
        window.deepQuery('input[role="switch"]'),
      { timeout: 10_000 },
    );
    if (!(await caption()).includes('contacts masked')) throw new Error(`front desk not masked: ${await caption()}`);
    const masked = (await phones()).filter((p) => p !== 'none');
    if (!masked.length || masked.some((p) => !p.includes('•'))) throw new Error(`unmasked phone shown: ${masked}`);
    await page.evaluate(() => window.deepQuery('input[role="switch"]').click());
    await page.waitForFunction(
      () =>
        document
          .querySelector('demo-client-list')
          ?.shadowRoot?.querySelector('caption')
          ?.textContent.includes('contacts visible'),
      { timeout: 10_000 },
    );
    const visible = (await phones()).filter((p) => p !== 'none');
    if (visible.some((p) => p.includes('•'))) throw new Error(`still masked after turning masking off: ${visible}`);
    if (errors.length) throw new Error(errors.join('; '));
  } catch (error) {
    failures.push(`masking in effect: ${error.message}`);
  }
  await page.close();
}

await browser.close();
await server.close();
if (failures.length) {
  console.error(`Storybook smoke: ${failures.length} failed\n${failures.join('\n')}`);
  process.exit(1);
}
if (passedOnlyAlone.length)
  console.warn(
    `Storybook smoke: ${passedOnlyAlone.length} stories passed only in a load of their own, not after another story: ${passedOnlyAlone.join(', ')}`,
  );
console.log(
  `Storybook smoke: ${stories.length} stories rendered, played and checked with axe in light and dark; ${compared} stories show on their docs pages what they show alone; masking in effect verified end to end.`,
);

/**
 * Visual regression: every story of the static Storybook build, light and dark (the
 * Arabic stories are right to left by their own globals), screenshot in headless
 * Chromium and compared with the baselines in test/visual/ pixel by pixel.
 *
 *     npm run test:visual              compare (after npm run build-storybook)
 *     npm run test:visual -- --update  write the baselines from this machine
 *     npm run test:visual -- masking   only the stories whose id contains "masking"
 *
 * A page's clock starts at one fixed instant and its random numbers come from one seed,
 * motion is reduced and the caret hidden, so the same build draws the same pixels. A
 * story differs when more than MAX_CHANGED pixels change beyond pixelmatch's colour
 * threshold, anti-aliasing aside; the differences are written beside the baselines as
 * `<story>--<theme>.diff.png`. Pixels depend on the browser build and the fonts, so
 * both are pinned by the lockfile (scripts/pinned-browser.mjs: a Chromium shipped in an
 * npm package, fonts from npm and no others) and recorded beside the baselines
 * (fingerprint.json): every machine that installs the lockfile draws the same pixels. A
 * check that cannot compare (another build recorded, a baseline missing) fails.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import { chromeArgs } from './chrome-path.mjs';
import { launchPinned } from './pinned-browser.mjs';
import { serve } from './serve.mjs';
import { deepQuery, listenToStory, storybookIndex } from './storybook-pages.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const STATIC = join(ROOT, 'storybook-static');
const BASELINES = join(ROOT, 'test/visual');
const THEMES = ['light', 'dark'];
const VIEWPORT = { width: 800, height: 600 };
/** Changed pixels a story may have before it counts as changed: a 1 px border moved changes hundreds. */
const MAX_CHANGED = 16;
/** The tallest picture kept: stories of 10,000-character names would otherwise be megabytes. */
const MAX_HEIGHT = 1200;
const PAGES_PER_THEME = 2;
/** The instant every page's clock starts from: the mock's relative times read the same every day. */
const NOW = Date.parse('2026-06-15T09:30:00Z');

const args = process.argv.slice(2);
const update = args.includes('--update');
const only = args.filter((a) => !a.startsWith('--'));

/** Runs in each page before anything else: a fixed clock, seeded randomness, no caret. */
const steady = `(() => {
  const start = ${NOW};
  let origin = Date.now();
  const RealDate = Date;
  class SteadyDate extends RealDate {
    constructor(...args) { super(...(args.length ? args : [start + (RealDate.now() - origin)])); }
    static now() { return start + (RealDate.now() - origin); }
  }
  globalThis.Date = SteadyDate;
  // One stream per source, so that the mock's request ids cannot shift the numbers the kit draws.
  const stream = () => {
    let seed = 0x2f6b1d3;
    const next = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed; };
    next.reset = () => { seed = 0x2f6b1d3; };
    return next;
  };
  const [forMath, forBytes, forUuid] = [stream(), stream(), stream()];
  // Each story starts from the same instant and the same seeds, whichever story came before it.
  window.__dgReset = () => { origin = RealDate.now(); forMath.reset(); forBytes.reset(); forUuid.reset(); };
  Math.random = () => forMath() / 2 ** 32;
  crypto.getRandomValues = (array) => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = forBytes() >>> 24;
    return array;
  };
  crypto.randomUUID = () => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => (forUuid() >>> 28).toString(16)).join('')).join('-');
  addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = '*, ::before, ::after { caret-color: transparent !important; }';
    document.head.append(style);
  });
})()`;

/** Runs in the page: true once no element, shadow roots included, is busy. */
const idle = `!(${deepQuery})('[aria-busy="true"]')`;

/**
 * Shows a story in `page`: the first one by loading the preview, the rest through the
 * preview's channel (a reload per story would cost most of the run). Waits for the story
 * and its play function to finish, for nothing to be busy, then screenshots until two
 * shots 150 ms apart agree (or five tries) and returns the last, at most MAX_HEIGHT tall.
 */
async function shoot(page, id, theme, reload) {
  if (reload) {
    await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`, { waitUntil: 'load' });
  } else {
    await page.evaluate((storyId) => {
      window.__dgStory.finished = false;
      window.__dgReset();
      window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
    }, id);
  }
  await page.waitForFunction(() => window.__dgStory.finished, { timeout: 20_000 });
  // Stories that show a pending state stay busy: after a while, the pending state is the picture.
  // Idle twice, 250 ms apart: a filter typed by a play function loads after a 200 ms pause.
  for (const started = Date.now(); Date.now() - started < 6_000;) {
    await page.waitForFunction(idle, { timeout: 6_000, polling: 50 }).catch(() => {});
    await new Promise((r) => setTimeout(r, 250));
    if (await page.evaluate(idle)) break;
  }
  await page.evaluate(() => document.fonts.ready);
  const picture = async () => {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const clip = { x: 0, y: 0, width: VIEWPORT.width, height: Math.min(Math.max(height, VIEWPORT.height), MAX_HEIGHT) };
    return page.screenshot({ clip, captureBeyondViewport: true });
  };
  let last = await picture();
  for (let tries = 0; tries < 5; tries++) {
    await new Promise((r) => setTimeout(r, 150));
    const now = await picture();
    if (now.equals(last)) return now;
    last = now;
  }
  return last;
}

/** A baseline as small as PNG allows: the screenshots' own compression is quick, not small. */
function pack(png) {
  // Pages are opaque: RGB without alpha, each row's filter chosen for size.
  return PNG.sync.write(PNG.sync.read(png), { colorType: 2, inputHasAlpha: true, deflateLevel: 9, filterType: -1 });
}

/** How many pixels differ between two PNGs, and an image of where (sizes differing count every pixel). */
function compare(expected, actual) {
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) {
    return {
      changed: Math.max(a.width * a.height, b.width * b.height),
      size: `${a.width}×${a.height} → ${b.width}×${b.height}`,
    };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const changed = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  return { changed, diff };
}

const stories = storybookIndex(STATIC).stories.filter((e) => !only.length || only.some((o) => e.id.includes(o)));
// The build's files may be cached: every story loads the same preview.
const server = await serve(STATIC, 0, { 'Cache-Control': 'max-age=3600' });
const { browser, drawnWith: here } = await launchPinned(puppeteer, chromeArgs);
const recordedPath = join(BASELINES, 'fingerprint.json');
const recorded = existsSync(recordedPath) ? JSON.parse(readFileSync(recordedPath, 'utf8')) : undefined;
const comparable = update || (recorded && recorded.browser === here.browser && recorded.fonts === here.fonts);

// The pinned browser and fonts draw every machine's pixels: a difference here is a change of
// the pins (or a broken install), and a check that compares nothing has checked nothing.
if (!comparable) {
  console.error(
    `Visual check: the baselines were drawn by Chromium ${recorded?.browser ?? '(none)'} with fonts ${recorded?.fonts.slice(0, 12) ?? '(none)'}; ` +
      `the pinned browser here is ${here.browser} with fonts ${here.fonts.slice(0, 12)}. Nothing can be compared: ` +
      'after changing the pins, retake the baselines with npm run test:visual -- --update.',
  );
  await browser.close();
  await server.close();
  process.exit(1);
}

mkdirSync(BASELINES, { recursive: true });
for (const old of readdirSync(BASELINES).filter((f) => /\.(diff|actual)\.png$/.test(f))) rmSync(join(BASELINES, old));
const failures = [];
let compared = 0;
let written = 0;

/** Shoots stories from `queue` in one theme, in one page; a story that fails is tried once more in a fresh load. */
async function worker(theme, queue) {
  // Each theme in a context of its own: two pages sharing the mock's service worker can stall each other.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(VIEWPORT);
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.evaluateOnNewDocument(steady);
  await page.evaluateOnNewDocument(listenToStory);
  let reload = true;
  for (let story = queue.shift(); story; story = queue.shift()) {
    const name = `${story.id}--${theme}`;
    const file = join(BASELINES, `${name}.png`);
    try {
      const shot = await shoot(page, story.id, theme, reload).catch(() => shoot(page, story.id, theme, true));
      reload = false;
      if (update) {
        const same = existsSync(file) && compare(readFileSync(file), shot).changed <= MAX_CHANGED;
        if (!same) {
          writeFileSync(file, pack(shot));
          written++;
        }
        continue;
      }
      if (!existsSync(file)) throw new Error('no baseline (npm run test:visual -- --update writes it)');
      const { changed, diff, size } = compare(readFileSync(file), shot);
      compared++;
      if (changed > MAX_CHANGED) {
        if (diff) writeFileSync(join(BASELINES, `${name}.diff.png`), PNG.sync.write(diff));
        writeFileSync(join(BASELINES, `${name}.actual.png`), shot);
        throw new Error(
          size ? `size changed, ${size}` : `${changed} pixels changed (diff in test/visual/${name}.diff.png)`,
        );
      }
    } catch (error) {
      reload = true;
      failures.push(`${name}: ${error.message}`);
    }
  }
  await context.close();
}

// Most of a story's time is waiting (the mock's latency, settling): two pages per theme.
await Promise.all(
  THEMES.flatMap((theme) => {
    const queue = [...stories];
    return Array.from({ length: PAGES_PER_THEME }, () => worker(theme, queue));
  }),
);
await browser.close();
await server.close();

if (update) {
  if (failures.length) {
    console.error(`Visual baselines: ${failures.length} stories could not be drawn\n${failures.join('\n')}`);
    process.exit(1);
  }
  const kept = new Set(stories.flatMap((s) => THEMES.map((t) => `${s.id}--${t}.png`)));
  let removed = 0;
  if (!only.length) {
    for (const file of readdirSync(BASELINES).filter((f) => f.endsWith('.png') && !kept.has(f))) {
      rmSync(join(BASELINES, file));
      removed++;
    }
  }
  writeFileSync(recordedPath, `${JSON.stringify(here, null, 2)}\n`);
  console.log(`Visual baselines: ${written} written, ${removed} removed, ${kept.size - written} unchanged.`);
} else if (failures.length) {
  console.error(
    `Visual check: ${failures.length} of ${stories.length * THEMES.length} screenshots differ\n${failures.join('\n')}`,
  );
  process.exit(1);
} else {
  console.log(
    `Visual check: ${compared} screenshots (${stories.length} stories, light and dark) match their baselines.`,
  );
}

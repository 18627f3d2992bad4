/**
 * Serves the static Storybook build and opens every story in headless Chromium
 * against the mock backend: each must render its element and finish, its play function
 * included, without an error; and
 * the "Masking in effect" page must show a front-desk viewer masked contacts until
 * an admin turns masking off.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome-path.mjs';

const root = resolve(import.meta.dirname, '../storybook-static');
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const server = createServer((req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const stories = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries).filter(
  (e) => e.type === 'story',
);
const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
const failures = [];

/** Runs in the page: the first element matching `selector`, looking through shadow roots. */
const deepQuery = `(selector) => {
  const walk = (root) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const found = walk(el.shadowRoot); if (found) return found; }
    return null;
  };
  return walk(document);
}`;

/**
 * Runs in each story page before Storybook starts: records how the story ended from the
 * preview's channel ("storyFinished" comes after the play function, with its status).
 */
const listenToStory = `(() => {
  window.__dgStory = { finished: false, status: undefined, errors: [] };
  const attach = () => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    if (!channel) return setTimeout(attach, 2);
    channel.on('storyFinished', ({ status }) => Object.assign(window.__dgStory, { finished: true, status }));
    for (const name of ['playFunctionThrewException', 'storyThrewException', 'storyErrored', 'unhandledErrorsWhilePlaying']) {
      channel.on(name, (error) => window.__dgStory.errors.push(name + ': ' + JSON.stringify(error).slice(0, 400)));
    }
  };
  attach();
})()`;

async function open(id) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.evaluateOnNewDocument(listenToStory);
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
  await page.evaluate(`window.deepQuery = ${deepQuery}`);
  return { page, errors };
}

for (const story of stories) {
  const { page, errors } = await open(story.id);
  try {
    await page.waitForFunction(() => window.deepQuery('[part~="base"], [part~="dialog"]'), { timeout: 10_000 });
    // The story, its play function included, must finish without an error.
    await page.waitForFunction(() => window.__dgStory.finished, { timeout: 15_000 });
    const story = await page.evaluate(() => window.__dgStory);
    if (story.status !== 'success' || story.errors.length) {
      throw new Error(`story ended ${story.status}: ${story.errors.join('; ')}`);
    }
    if (errors.length) throw new Error(errors.join('; '));
  } catch (error) {
    failures.push(`${story.id}: ${error.message}`);
  }
  await page.close();
}

// Masking in effect, end to end through the service worker.
{
  const { page, errors } = await open('pages-masking-in-effect--front-desk');
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
server.close();
if (failures.length) {
  console.error(`Storybook smoke: ${failures.length} failed\n${failures.join('\n')}`);
  process.exit(1);
}
console.log(`Storybook smoke: ${stories.length} stories rendered and played, masking in effect verified end to end.`);

/**
 * What draws the visual check's pixels, pinned by the lockfile so that every machine
 * that runs `npm test` draws the same ones: the Chromium build shipped inside the
 * `@sparticuz/chromium` package (Linux x64; unpacked into the temporary directory on
 * first use), and the DejaVu fonts of `dejavu-fonts-ttf`, the only fonts it sees (a
 * fontconfig file of our own names their folder and nothing else). The machine's own
 * Chromium and fonts, whatever their versions, take no part.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(join(ROOT, 'package.json'));
const FONTS = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** A fontconfig file that sees the pinned fonts alone, with the generic families mapped to them. */
function fontconfig() {
  const dir = join(tmpdir(), 'deskguard-visual-fonts');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'fonts.conf');
  const prefer = (generic, family) =>
    `  <alias><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`;
  writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      `  <dir>${FONTS}</dir>`,
      `  <cachedir>${join(dir, 'cache')}</cachedir>`,
      prefer('sans-serif', 'DejaVu Sans'),
      prefer('sans', 'DejaVu Sans'),
      prefer('system-ui', 'DejaVu Sans'),
      prefer('serif', 'DejaVu Serif'),
      prefer('monospace', 'DejaVu Sans Mono'),
      // Any other family (the interface font, "Segoe UI") is the sans-serif one, as on a Linux desktop.
      '  <match target="pattern"><edit name="family" mode="append_last"><string>DejaVu Sans</string></edit></match>',
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return file;
}

/** The pinned fonts' identity: every file's name and content. */
function fontsFingerprint() {
  const hash = createHash('sha256');
  for (const name of readdirSync(FONTS).sort()) hash.update(name).update(readFileSync(join(FONTS, name)));
  return hash.digest('hex');
}

/**
 * Launches the pinned browser with `puppeteer`; resolves to the browser and what it
 * draws with (`{ browser, fonts }`, recorded beside the baselines).
 */
export async function launchPinned(puppeteer, args) {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `The visual check's pinned Chromium runs on Linux x64; this is ${process.platform} ${process.arch}.`,
    );
  const { default: chromium } = await import('@sparticuz/chromium');
  const browser = await puppeteer.launch({
    executablePath: await chromium.executablePath(),
    // The same text on every machine: no hinting tuned to the machine's display.
    args: [...args.filter((a) => !a.startsWith('--headless')), '--font-render-hinting=none'],
    headless: 'shell',
    env: { ...process.env, FONTCONFIG_FILE: fontconfig() },
  });
  const version = (await browser.version()).replace(/^(Headless)?Chrome\//, '');
  return { browser, drawnWith: { browser: version, fonts: fontsFingerprint() } };
}

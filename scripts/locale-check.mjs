/**
 * Checks the translations are complete and current, and that no English reaches the
 * page without going through `msg()`:
 * - the XLIFF files hold every message the source has, each with a translation;
 * - a plural message gives every plural form its locale's grammar has;
 * - the generated locale modules are what `lit-localize build` makes of the XLIFF;
 * - no `html` template in src/ has letters in its own text or in a label attribute;
 * - no `css` template in src/ places anything by left or right rather than by the
 *   reading direction (logical properties), so a right-to-left page mirrors the layout.
 * `npm run localize` brings the XLIFF and the generated modules up to date.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { run } from './run.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(ROOT, 'lit-localize.json'), 'utf8'));
const problems = [];

/** Runs lit-localize with the project's config, its outputs moved into `dir`. */
async function localize(command, dir) {
  const file = join(dir, 'lit-localize.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      tsConfig: join(ROOT, config.tsConfig),
      output: { ...config.output, outputDir: join(dir, 'locales'), localeCodesModule: join(dir, 'locales/codes.ts') },
      interchange: { ...config.interchange, xliffDir: join(dir, 'xliff') },
    }),
  );
  await run(join(ROOT, 'node_modules/.bin/lit-localize'), [command, '--config', file], ROOT);
}

const read = (path) => readFileSync(path, 'utf8');
const units = (xliff) =>
  [...xliff.matchAll(/<trans-unit id="([^"]+)">\s*<source>(.*?)<\/source>(?:\s*<target>(.*?)<\/target>)?/gs)].map(
    ([, id, source, target]) => ({ id, source, target }),
  );
const text = (xml) => xml.replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}');

const dir = mkdtempSync(join(tmpdir(), 'deskguard-locales-'));
try {
  // 1. The XLIFF is current: extracting again from the source changes nothing.
  cpSync(join(ROOT, config.interchange.xliffDir), join(dir, 'xliff'), { recursive: true });
  await localize('extract', dir);
  for (const locale of config.targetLocales) {
    const committed = read(join(ROOT, config.interchange.xliffDir, `${locale}.xlf`));
    if (read(join(dir, 'xliff', `${locale}.xlf`)) !== committed) {
      problems.push(`xliff/${locale}.xlf is out of date with the source's msg() calls: run npm run localize`);
    }
    // 2. Every message is translated, and every plural has its locale's forms.
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const { id, source, target } of units(committed)) {
      if (!target?.trim()) {
        problems.push(`${locale}: no translation for ${id} "${text(source)}"`);
        continue;
      }
      if (!source.includes('|other:')) continue;
      const forms = new Set(
        text(target)
          .split('|')
          .map((part) => part.slice(0, part.indexOf(':'))),
      );
      // An exact `=0` form covers the zero category, which only 0 falls in.
      const missing = categories.filter((c) => !forms.has(c) && !(c === 'zero' && forms.has('=0')));
      if (missing.length)
        problems.push(`${locale}: ${id} "${text(source)}" lacks the plural forms ${missing.join(', ')}`);
    }
  }

  // 3. The generated modules are what the XLIFF builds to.
  cpSync(join(ROOT, config.interchange.xliffDir), join(dir, 'xliff'), { recursive: true });
  await localize('build', dir);
  for (const file of readdirSync(join(dir, 'locales'))) {
    const committed = join(ROOT, config.output.outputDir, file);
    let current = '';
    try {
      current = read(committed);
    } catch {
      /* missing: reported below */
    }
    if (read(join(dir, 'locales', file)) !== current) {
      problems.push(`${relative(ROOT, committed)} is not what the XLIFF builds to: run npm run localize`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// 4. No English written straight into a template: text and label attributes go through msg().
const LABELS = /\s(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt)="([^"]*)"/g;
const PHYSICAL =
  /(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b|(?:^|[\s;{])(?:left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)|border-(?:top|bottom)-(?:left|right)-radius/gm;
const letters = (s) => /\p{L}{2,}/u.test(s.replace(/&[a-z]+;/g, ''));
function templateProblems(file) {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'css') {
      const sheet = node.template.getText();
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      for (const [physical] of sheet.matchAll(PHYSICAL)) {
        found.push(`${relative(ROOT, file)}:${line}: "${physical.trim()}" is left or right, not start or end`);
      }
      if (/translateX/.test(sheet) && !sheet.includes(':dir(rtl)')) {
        found.push(`${relative(ROOT, file)}:${line}: translateX without a right-to-left counterpart`);
      }
    }
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'html') {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t)
        ? [t.text]
        : [t.head.text, ...t.templateSpans.map((span) => span.literal.text)];
      const markup = parts.join('\u0000');
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      for (const [, name, value] of markup.matchAll(LABELS)) {
        if (letters(value)) found.push(`${relative(ROOT, file)}:${line}: ${name}="${value}" is not translated`);
      }
      const between = markup.replace(/<!--.*?-->/gs, ' ').replace(/<[^>]*>/g, '\u0000');
      for (const piece of between.split('\u0000')) {
        if (letters(piece)) found.push(`${relative(ROOT, file)}:${line}: "${piece.trim()}" is not translated`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
const sources = (dirPath) =>
  readdirSync(dirPath, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dirPath, entry.name);
    if (entry.isDirectory()) return path.endsWith('locales') ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
for (const file of sources(join(ROOT, 'src'))) problems.push(...templateProblems(file));

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} localisation problem(s).`);
  process.exit(1);
}
console.log(
  `Locales ${config.targetLocales.join(', ')}: every message translated and current; no untranslated template text; styles by reading direction.`,
);

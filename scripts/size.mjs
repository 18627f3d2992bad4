/**
 * Measures what a host ships: each element's define module bundled with its share of
 * Lit, minified and gzipped, and the whole kit; fails when a budget is exceeded.
 * Budgets: ../shared/ENGINEERING.md (kit <= 30 KB, any one element <= 14 KB).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'vite';
import { collapseTemplateWhitespace } from './collapse-template-whitespace.mjs';

const KB = 1024;
const ELEMENT_BUDGET = 14 * KB;
const KIT_BUDGET = 30 * KB;
const root = resolve(import.meta.dirname, '..');
const work = resolve(root, '.size');
mkdirSync(work, { recursive: true });

const defines = readdirSync(resolve(root, 'src/define'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

const elements = defines.filter((name) => name !== 'deskguard-provider');
const targets = [
  ...elements.map((name) => ({ name, source: `import '../src/define/${name}.js';`, budget: ELEMENT_BUDGET })),
  { name: 'lit (for scale)', source: `export { LitElement, html, css } from 'lit';`, budget: undefined },
  {
    name: 'kit: every element + provider + RestAdapter',
    source: [
      ...defines.map((n) => `import '../src/define/${n}.js';`),
      `export { RestAdapter } from '../src/adapters/rest.js';`,
    ].join('\n'),
    budget: KIT_BUDGET,
  },
  { name: 'policy (Node or browser)', source: `export * from '../src/policy/index.js';`, budget: undefined },
];

async function measure({ name, source }) {
  const entry = resolve(work, `${name.replace(/[^a-z0-9]+/gi, '-')}.ts`);
  writeFileSync(entry, source + '\n');
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    plugins: [collapseTemplateWhitespace()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      // Vite keeps whitespace in ES library builds; a host's production build removes it.
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  const code = chunks.map((c) => c.code).join('\n');
  return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

const rows = [];
let failed = false;
for (const target of targets) {
  const size = await measure(target);
  const over = target.budget !== undefined && size.gzip > target.budget;
  failed ||= over;
  rows.push({ entry: target.name, minified: size.min, gzip: size.gzip, budget: target.budget ?? null, over });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(pad('entry', 46) + pad('min B', 10) + pad('gzip B', 10) + 'budget');
for (const r of rows) {
  console.log(
    pad(r.entry, 46) +
      pad(r.minified, 10) +
      pad(r.gzip, 10) +
      (r.budget ? `${r.budget} ${r.over ? 'OVER' : 'ok'}` : '-'),
  );
}
writeFileSync(resolve(work, 'sizes.json'), JSON.stringify(rows, null, 2) + '\n');
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}

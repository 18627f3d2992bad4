/**
 * Measures what a host ships: each element's define module bundled with its share of
 * Lit, minified and gzipped, and the whole kit; fails when a budget is exceeded.
 * Budgets: ../shared/ENGINEERING.md (kit <= 30 KB, any one element <= 14 KB).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureBundle } from './measure-size.mjs';

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

function measure(target) {
  return measureBundle({ ...target, dir: work });
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

/**
 * What a host pays in bytes, measured as a host's bundler measures it: the built package
 * (run after `npm run build`) bundled by esbuild for the browser, minified, gzipped at
 * level 9. Budgets (../shared/ENGINEERING.md): the whole kit of every element <= 50 KB,
 * gated here. Beside it: the core every element loads (Lit, the base class, the
 * controllers, styles, localize, faults), paid once, against its 10 KB; each element's
 * own increment over that core, against its 4.5 KB; and each element's entry on its own,
 * beside Shoelace's dialog when the benchmark has installed it. Each locale's
 * translations are fetched on demand by the language switch and are listed on their own.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostBundle, SIZE_DIR } from './measure-size.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const KB = 1000;
const BUDGET = { kit: 50 * KB, core: 10 * KB, increment: 4.5 * KB };
const { elements: tags, provider } = JSON.parse(readFileSync(resolve(ROOT, 'src/elements.json'), 'utf8'));
if (!existsSync(resolve(ROOT, 'dist/all.js')))
  throw new Error('Run `npm run build` first: this measures the built package.');

const entry = (tag) => `./dist/define/${tag}.js`;
const imports = (files) => files.map((f) => `import ${JSON.stringify(f)};`).join('\n');
const TRANSLATIONS = ['./locales/*'];

// The core: the package's modules every element's bundle holds.
const alone = new Map();
const holders = new Map();
for (const tag of tags) {
  const size = await hostBundle(imports([entry(tag)]), { inputs: true });
  alone.set(tag, size);
  for (const input of size.inputs) holders.set(input, (holders.get(input) ?? 0) + 1);
}
const coreModules = [...holders]
  .filter(([input, n]) => n === tags.length && input.startsWith('dist/'))
  .map(([input]) => `./${input}`);
const coreSource = coreModules.map((m) => `export * from ${JSON.stringify(m)};`).join('\n');
const core = await hostBundle(coreSource);

const rows = [];
const row = (name, size, budget, note = '') =>
  rows.push({
    entry: name,
    gzip: size.gzip,
    min: size.min,
    budget: budget ?? null,
    over: budget !== undefined && size.gzip > budget,
    note,
  });

row('core: Lit + what every element loads', core, BUDGET.core, 'reported');
for (const tag of tags) {
  const withCore = await hostBundle(`${coreSource}\n${imports([entry(tag)])}`);
  rows.push({
    entry: `<${tag}>: increment over the core`,
    gzip: withCore.gzip - core.gzip,
    min: withCore.min - core.min,
    budget: BUDGET.increment,
    over: withCore.gzip - core.gzip > BUDGET.increment,
    note: 'reported',
  });
}
const kitFiles = [...tags, provider].map(entry);
const kit = await hostBundle(imports(kitFiles));
row(`kit: ${tags.length} elements + provider`, kit, BUDGET.kit, 'gated');
row(
  'kit + language switch (setLocale)',
  await hostBundle(`${imports(kitFiles)}\nexport { setLocale } from './dist/locale.js';`, { external: TRANSLATIONS }),
  BUDGET.kit,
  'gated',
);
row(
  'kit + RestAdapter',
  await hostBundle(`${imports(kitFiles)}\nexport { RestAdapter } from './dist/adapters/rest.js';`),
);
for (const tag of tags) row(`<${tag}> on its own`, alone.get(tag));
const shoelace = resolve(ROOT, 'bench/peers/node_modules/@shoelace-style/shoelace');
if (existsSync(shoelace))
  row(
    'Shoelace dialog on its own (for scale)',
    await hostBundle(`import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';`, {
      resolveDir: resolve(ROOT, 'bench/peers'),
    }),
  );
row('Lit alone (for scale)', await hostBundle(`export { LitElement, html, css } from 'lit';`));
row(
  'language switch alone (with msg runtime)',
  await hostBundle(`export { setLocale } from './dist/locale.js';`, { external: TRANSLATIONS }),
);
for (const locale of ['es', 'ar'])
  row(
    `translations, ${locale} (on demand)`,
    await hostBundle(`export { templates } from './dist/locales/${locale}.js';`),
  );
row('policy (Node or browser)', await hostBundle(`export * from './dist/policy/index.js';`));

const pad = (s, n) => String(s).padEnd(n);
console.log('What a host pays: esbuild --minify, gzip -9, in bytes');
console.log(pad('entry', 52) + pad('min B', 10) + pad('gzip B', 10) + 'budget');
for (const r of rows) {
  const budget = r.budget ? `${r.budget} ${r.over ? 'OVER' : 'ok'}${r.note === 'reported' ? ' (reported)' : ''}` : '-';
  console.log(pad(r.entry, 52) + pad(r.min, 10) + pad(r.gzip, 10) + budget);
}
console.log(`core modules: ${coreModules.map((m) => m.replace('./dist/', '')).join(', ')}`);
mkdirSync(SIZE_DIR, { recursive: true });
writeFileSync(resolve(SIZE_DIR, 'sizes.json'), JSON.stringify(rows, null, 2) + '\n');
const failed = rows.filter((r) => r.over && r.note === 'gated');
// An element smaller than Lit alone was shaken out of its own bundle: the measure is void.
const empty = tags.filter((tag) => alone.get(tag).gzip < 5_000);
for (const tag of empty)
  console.error(`<${tag}>: ${alone.get(tag).gzip} B is less than Lit alone; the element was left out of its bundle.`);
if (failed.length || empty.length) {
  console.error(`Size budget exceeded: ${failed.map((r) => r.entry).join(', ') || 'an empty bundle'}.`);
  process.exit(1);
}

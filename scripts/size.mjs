/**
 * Measures what a host ships: each element's define module bundled with its share of
 * Lit, minified and gzipped, and the whole kit, with and without the language switch;
 * fails when a budget is exceeded. Budgets: ../shared/ENGINEERING.md (any one element
 * <= 14 KB; Lit and the shared core <= 10 KB and each element <= 3.5 KB more, so the
 * kit's budget grows with src/elements.json). Each locale's translations are fetched on
 * demand by the switch and are listed on their own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deskguardTargets, measureBundle, SIZE_DIR, TRANSLATIONS } from './measure-size.mjs';

const KB = 1000;
const ELEMENT_BUDGET = 14 * 1024;
const { elements: tags } = JSON.parse(readFileSync(new URL('../src/elements.json', import.meta.url), 'utf8'));
const KIT_BUDGET = (10 + 3.5 * tags.length) * KB;

const { elements, lit, kit, kitWithRest, policy, locale, translations } = deskguardTargets();
const targets = [
  ...elements.map((target) => ({ ...target, budget: ELEMENT_BUDGET })),
  { ...lit, name: 'lit (for scale)', budget: undefined },
  { ...kit, name: 'kit: every element + provider', budget: KIT_BUDGET },
  { ...kitWithRest, name: 'kit + RestAdapter', budget: undefined },
  {
    name: 'kit + language switch (setLocale)',
    source: `${kit.source}\n${locale.source}`,
    external: TRANSLATIONS,
    budget: KIT_BUDGET,
  },
  { ...locale, name: 'language switch alone (with msg runtime)', budget: undefined },
  ...translations.map((t) => ({
    ...t,
    name: `translations, ${t.name} (on demand)`,
    budget: undefined,
  })),
  { ...policy, name: 'policy (Node or browser)', budget: undefined },
];

function measure(target) {
  return measureBundle({ ...target, dir: SIZE_DIR });
}

const rows = [];
let failed = false;
for (const target of targets) {
  const size = await measure(target);
  const over = target.budget !== undefined && size.gzip > target.budget;
  // An element smaller than Lit alone was shaken out of its own bundle: the measure is void.
  if (target.budget === ELEMENT_BUDGET && size.gzip < 5000) {
    console.error(`${target.name}: ${size.gzip} B is less than Lit alone; the element was left out of its bundle.`);
    failed = true;
  }
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
writeFileSync(resolve(SIZE_DIR, 'sizes.json'), JSON.stringify(rows, null, 2) + '\n');
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}

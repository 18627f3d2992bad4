/**
 * What a host ships for one import: the source bundled for the browser with everything
 * it imports (Lit included), minified as a production build does, and gzipped.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { collapseTemplateWhitespace } from './collapse-template-whitespace.mjs';
import { registeringModules } from './registering-modules.mjs';

/**
 * Bundles `source` (module text) written into `dir`, so its imports resolve from there.
 * Resolves to the minified and the gzipped byte counts.
 */
export async function measureBundle({ name, source, dir, collapseTemplates = true, external = [] }) {
  mkdirSync(dir, { recursive: true });
  const entry = resolve(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.ts`);
  writeFileSync(entry, source + '\n');
  const output = await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    publicDir: false,
    plugins: [registeringModules(), ...(collapseTemplates ? [collapseTemplateWhitespace()] : [])],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      // Vite keeps whitespace in ES library builds; a host's production build removes it.
      rolldownOptions: { external, output: { codeSplitting: false, minify: true } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  const code = chunks.map((c) => c.code).join('\n');
  return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

const ROOT = resolve(import.meta.dirname, '..');
/** The translation modules `src/locale.ts` loads on demand: not part of what an import ships. */
export const TRANSLATIONS = [/\/locales\/(?!codes)[a-z-]+\.js$/];
/** Where deskguard's own measures are bundled from (their imports are relative to it). */
export const SIZE_DIR = resolve(ROOT, '.size');

/**
 * deskguard's own measures, as `{ name, source }`: each element's define module, Lit
 * alone, the whole kit (every define module), the kit with the RestAdapter and the policy. The size
 * check and the benchmark both measure these, so their figures are the same.
 */
export function deskguardTargets() {
  const defines = readdirSync(resolve(ROOT, 'src/define'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  return {
    elements: defines
      .filter((name) => name !== 'deskguard-provider')
      .map((name) => ({ name, source: `import '../src/define/${name}.js';` })),
    lit: { name: 'lit', source: `export { LitElement, html, css } from 'lit';` },
    /** What `deskguard/all.js` registers: every element and the provider. */
    kit: {
      name: 'kit',
      source: defines.map((n) => `import '../src/define/${n}.js';`).join('\n'),
    },
    /** The kit with the adapter for the REST contract, as a host with a REST backend ships it. */
    kitWithRest: {
      name: 'kit-rest',
      source: [
        ...defines.map((n) => `import '../src/define/${n}.js';`),
        `export { RestAdapter } from '../src/adapters/rest.js';`,
      ].join('\n'),
    },
    policy: { name: 'policy', source: `export * from '../src/policy/index.js';` },
    /** The language switch without the translations it loads on demand. */
    locale: { name: 'locale', source: `export { setLocale } from '../src/locale.js';`, external: TRANSLATIONS },
    /** Each locale's translations, the module `setLocale()` fetches for it. */
    translations: readdirSync(resolve(ROOT, 'src/locales'))
      .filter((f) => /^[a-z-]+\.ts$/i.test(f) && f !== 'codes.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .map((locale) => ({
        name: locale,
        source: `export { templates } from '../src/locales/${locale}.js';`,
      })),
  };
}

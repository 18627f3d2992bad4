/**
 * What a host ships for one import: the source bundled for the browser with everything
 * it imports (Lit included), minified as a production build does, and gzipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { collapseTemplateWhitespace } from './collapse-template-whitespace.mjs';

/**
 * Bundles `source` (module text) written into `dir`, so its imports resolve from there.
 * Resolves to the minified and the gzipped byte counts.
 */
export async function measureBundle({ name, source, dir, collapseTemplates = true }) {
  mkdirSync(dir, { recursive: true });
  const entry = resolve(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.ts`);
  writeFileSync(entry, source + '\n');
  const output = await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    publicDir: false,
    plugins: collapseTemplates ? [collapseTemplateWhitespace()] : [],
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

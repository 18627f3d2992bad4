/**
 * The browser mock as one file with its dependencies inside (MSW, the server, the list of
 * common passwords): `dist/mocks/browser-bundle.js`, which a plain page imports with one
 * line and no import map. Run by `npm run build` after the library build.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
await build({
  entryPoints: [resolve(ROOT, 'dist/mocks/browser.js')],
  outfile: resolve(ROOT, 'dist/mocks/browser-bundle.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // A module the server imports for its types only is left out, as any host's bundler leaves it.
  logOverride: { 'ignored-bare-import': 'silent' },
});

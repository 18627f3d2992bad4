/**
 * What a host ships for one import: the built package bundled as a host's bundler does it
 * (esbuild for the browser, minified), and gzipped at level 9. `npm run size` and the
 * benchmark's size table both measure with it, so their figures are the same.
 */
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** Where the size check writes its figures. */
export const SIZE_DIR = resolve(ROOT, '.size');

/**
 * What a host's bundler makes of `source` (module text resolved from `resolveDir`, the
 * package root by default): esbuild for the browser, minified, gzipped at level 9, as
 * `node ../shared/tools/host-size.mjs` measures the package. With `inputs`, also the
 * modules whose code is in the output.
 */
export async function hostBundle(source, { resolveDir = ROOT, external = [], inputs = false } = {}) {
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    conditions: ['browser', 'production'],
    platform: 'browser',
    external,
    metafile: inputs,
  });
  const code = result.outputFiles[0].contents;
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    ...(inputs && {
      inputs: Object.entries(Object.values(result.metafile.outputs)[0].inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([input]) => input),
    }),
  };
}

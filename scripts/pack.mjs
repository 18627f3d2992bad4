/**
 * Packs the built package as a registry would serve it, to examples/deskguard.tgz: the
 * examples install it from there, and the package check installs it into a fresh project.
 * Run after `npm run build`.
 */
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NPM, run } from './run.mjs';

export const TARBALL = fileURLToPath(new URL('../examples/deskguard.tgz', import.meta.url));

/** Packs the package; resolves to npm's report of it (name, size, files). */
export function pack() {
  const dir = mkdtempSync(join(tmpdir(), 'deskguard-pack-'));
  const [report] = JSON.parse(
    run(
      NPM,
      ['pack', '--json', '--ignore-scripts', '--pack-destination', dir],
      fileURLToPath(new URL('..', import.meta.url)),
    ),
  );
  renameSync(join(dir, report.filename), TARBALL);
  rmSync(dir, { recursive: true, force: true });
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = pack();
  console.log(`Packed ${report.entryCount} files, ${report.size} B, to ${TARBALL}`);
}

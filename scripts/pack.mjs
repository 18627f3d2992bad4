/**
 * Packs the built package as a registry would serve it, to examples/deskguard.tgz: the
 * examples install it from there, and the package check installs it into a fresh project.
 * Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TARBALL = fileURLToPath(new URL('../examples/deskguard.tgz', import.meta.url));

/** Packs the package; resolves to npm's report of it (name, size, files). */
export function pack() {
  const dir = mkdtempSync(join(tmpdir(), 'deskguard-pack-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [report] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', dir], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  renameSync(join(dir, report.filename), TARBALL);
  rmSync(dir, { recursive: true, force: true });
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = pack();
  console.log(`Packed ${report.entryCount} files, ${report.size} B, to ${TARBALL}`);
}

/** Running other programs from the check and benchmark scripts. */
import { execFileSync } from 'node:child_process';

export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command quietly and returns its standard output; on failure, throws with all its output. */
export function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

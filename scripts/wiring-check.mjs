/**
 * Checks that every element is wired everywhere the list in src/elements.json says,
 * and that `npm run new-element` makes an element that passes the project's checks as
 * generated: in a copy of the project, it generates <wiring-probe>, then runs the wiring
 * check, the types, the linter, the formatter, the locale check and the new element's
 * own tests (its conformance suite) in Chromium. Finally it takes one piece of the new
 * wiring away and expects the wiring check to name it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, wiringProblems } from './elements.mjs';

const problems = wiringProblems();
if (problems.length) {
  console.error(`The elements' wiring is out of step with src/elements.json:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const TAG = 'wiring-probe';
const copy = mkdtempSync(join(tmpdir(), 'deskguard-new-element-'));
const step = (name, command, args) => {
  try {
    execFileSync(command, args, { cwd: copy, stdio: 'pipe', env: { ...process.env, FORCE_COLOR: '0' } });
  } catch (error) {
    console.error(`new-element: ${name} failed for the generated <${TAG}>:\n${error.stdout}${error.stderr}`);
    process.exit(1);
  }
};
try {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT })
    .toString()
    .split('\0')
    .filter(Boolean);
  for (const file of files) cpSync(join(ROOT, file), join(copy, file), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const bin = (name) => join(copy, 'node_modules/.bin', name);
  step('generating', process.execPath, [
    'scripts/new-element.mjs',
    TAG,
    '--root',
    copy,
    ...['--title', 'Wiring probe', '--title-es', 'Sonda de conexión', '--title-ar', 'مسبار الربط'],
    ...['--description', 'Shows who is signed in.', '--description-es', 'Muestra quién ha iniciado sesión.'],
    ...['--description-ar', 'يعرض من سجّل الدخول.'],
  ]);
  const generated = wiringProblems(copy);
  if (generated.length) {
    console.error(`new-element left the wiring incomplete:\n  ${generated.join('\n  ')}`);
    process.exit(1);
  }
  const made = [`src/elements/${TAG}`, `src/define/${TAG}.ts`, `test/${TAG}.test.ts`, `stories/${TAG}.stories.ts`];
  step('the type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  step('the linter', bin('eslint'), made);
  step('the formatter', bin('prettier'), ['--check', '.']);
  step('the locale check', process.execPath, ['scripts/locale-check.mjs']);
  step('its tests in Chromium', bin('wtr'), ['--files', `test/${TAG}.test.ts`]);

  // The check can fail: one piece of wiring taken away is named.
  const vue = join(copy, 'examples/vue/vite.config.ts');
  writeFileSync(vue, readFileSync(vue, 'utf8').replace(`  '${TAG}',\n`, ''));
  const missing = wiringProblems(copy);
  if (!missing.some((p) => p.includes('examples/vue/vite.config.ts'))) {
    console.error('The wiring check did not notice a tag missing from the Vue example.');
    process.exit(1);
  }
  console.log(
    `Wiring: ${readFileSync(join(ROOT, 'src/elements.json'), 'utf8').match(/"[a-z]+-[a-z-]+"/g).length} tags wired everywhere; ` +
      `npm run new-element ${TAG} passes types, lint, format, locales and its conformance suite as generated.`,
  );
} finally {
  rmSync(copy, { recursive: true, force: true });
}

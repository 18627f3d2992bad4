/**
 * Checks that every file naming the elements is as `npm run generate` writes it, that each
 * element has its class, conformance suite and story, and that `npm run new-element`
 * makes an element that passes the project's checks as it comes: in a copy of the
 * project, it makes <wiring-probe>, checks that it wrote the element's folder, its test
 * and story, its messages and generated files and nothing else, then runs the wiring
 * check, the types, the linter, the formatter, the locale check and the new element's
 * own tests (its conformance suite) in Chromium. Finally it edits a generated file by
 * hand and expects the wiring check to name it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedFiles } from './generate.mjs';
import { ROOT, wiringProblems } from './elements.mjs';

const problems = await wiringProblems();
if (problems.length) {
  console.error(`The elements' wiring is incomplete:\n  ${problems.join('\n  ')}`);
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
  const before = new Map(files.map((file) => [file, readFileSync(join(copy, file), 'utf8')]));
  step('generating', process.execPath, [
    'scripts/new-element.mjs',
    TAG,
    '--root',
    copy,
    ...['--title', 'Wiring probe', '--title-es', 'Sonda de conexión', '--title-ar', 'مسبار الربط'],
    ...['--description', 'Shows who is signed in.', '--description-es', 'Muestra quién ha iniciado sesión.'],
    ...['--description-ar', 'يعرض من سجّل الدخول.'],
  ]);
  // What it touched: the element's folder, its test and story, its messages, and generated files.
  // One generation of the copy serves every look at it below: only files on disk change after it.
  const output = await generatedFiles(copy);
  const allowed = new Set([...Object.keys(output), 'custom-elements.json']);
  const own = (file) =>
    file.startsWith(`src/elements/${TAG}/`) ||
    [`test/${TAG}.test.ts`, `stories/${TAG}.stories.ts`].includes(file) ||
    /^(xliff\/[a-z]+\.xlf|src\/locales\/[a-z]+\.ts)$/.test(file);
  const after = execFileSync('find', ['.', '-path', './node_modules', '-prune', '-o', '-type', 'f', '-print'], {
    cwd: copy,
  })
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((f) => f.slice(2));
  const touched = after.filter((f) => before.get(f) !== readFileSync(join(copy, f), 'utf8'));
  const stray = touched.filter((f) => !own(f) && !allowed.has(f));
  if (stray.length) {
    console.error(`new-element wrote files an element should not need by hand:\n  ${stray.join('\n  ')}`);
    process.exit(1);
  }
  const generated = await wiringProblems(copy, output);
  if (generated.length) {
    console.error(`new-element left the wiring incomplete:\n  ${generated.join('\n  ')}`);
    process.exit(1);
  }
  const made = [`src/elements/${TAG}`, `test/${TAG}.test.ts`, `stories/${TAG}.stories.ts`];
  step('the type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  step('the linter', bin('eslint'), made);
  step('the formatter', bin('prettier'), ['--check', '.']);
  step('the locale check', process.execPath, ['scripts/locale-check.mjs']);
  step('its tests in Chromium', bin('wtr'), ['--files', `test/${TAG}.test.ts`]);

  // The check can fail: a generated file edited by hand is named.
  const typings = join(copy, 'types/elements.d.ts');
  writeFileSync(typings, readFileSync(typings, 'utf8').replace(`  '${TAG}': {`, `  '${TAG}-typo': {`));
  const missing = await wiringProblems(copy, output);
  if (!missing.some((p) => p.includes('types/elements.d.ts'))) {
    console.error('The wiring check did not notice a hand-edited host typing.');
    process.exit(1);
  }
  console.log(
    `Wiring: ${readFileSync(join(ROOT, 'src/elements.json'), 'utf8').match(/"[a-z]+-[a-z-]+"/g).length} tags, every generated file in step; ` +
      `npm run new-element ${TAG} wrote ${touched.length} files (${touched.filter(own).length} its own, the rest generated) ` +
      'and passes types, lint, format, locales and its conformance suite as it comes.',
  );
} finally {
  rmSync(copy, { recursive: true, force: true });
}

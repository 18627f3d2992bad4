/**
 * The kit's elements: their list (`src/elements.json`, written by `npm run generate` from
 * the elements' own documentation, as is every file that names them; the build entries
 * are made from it) and the wiring check (`wiringProblems`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** `{ provider, elements }` of the project in `root`. */
export function readElements(root = ROOT) {
  return JSON.parse(readFileSync(join(root, 'src/elements.json'), 'utf8'));
}

/** `masking-settings` → `MaskingSettings`. */
export function pascal(tag) {
  return tag.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}

/** The element class a tag's folder exports: `MaskingSettingsElement`. */
export function className(tag) {
  return `${pascal(tag)}Element`;
}

/**
 * What is missing or out of step, as sentences; empty when the wiring is whole. Every
 * file that names the elements is generated from them (`scripts/generate.mjs`): one that
 * differs is out of step. What a person writes for each element is checked here: its
 * class on the kit's base, its conformance suite and its story. `generated`: the
 * generator's output for `root`, when the caller made it already.
 */
export async function wiringProblems(root = ROOT, generated = undefined) {
  const { staleFiles } = await import('./generate.mjs');
  const problems = (await staleFiles(root, generated)).map(
    (path) => `${path} is out of step with the elements (npm run generate)`,
  );
  const { elements } = readElements(root);
  const read = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '');
  for (const tag of elements) {
    const name = className(tag);
    // Straight from the base class, or through a base of its own kind (a report's).
    if (
      !new RegExp(`export class ${name} extends (DeskguardElement|ReportElement<)`).test(
        read(`src/elements/${tag}/${tag}.ts`),
      )
    ) {
      problems.push(
        `src/elements/${tag}/${tag}.ts does not export ${name} extending DeskguardElement or ReportElement`,
      );
    }
    if (!read(`test/${tag}.test.ts`).includes('runConformance'))
      problems.push(`test/${tag}.test.ts does not run the conformance suite`);
    if (!existsSync(join(root, `stories/${tag}.stories.ts`))) problems.push(`stories/${tag}.stories.ts is missing`);
  }
  return problems;
}

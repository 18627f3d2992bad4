/**
 * The kit's elements, from their one list (`src/elements.json`), and every place that
 * must name them: the build entries are made from the list; the package exports, the
 * barrel modules, the host typings (React, Vue, Angular), the test tags and the examples' configuration are
 * checked against it (`wiringProblems`), and `npm run new-element` writes them all.
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

/** Every tag the define modules register, the provider first. */
export function allTags(root = ROOT) {
  const { provider, elements } = readElements(root);
  return [provider, ...elements];
}

/** What is missing or out of step with the list, as sentences; empty when the wiring is whole. */
export function wiringProblems(root = ROOT) {
  const { provider, elements } = readElements(root);
  const tags = [provider, ...elements];
  const read = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '');
  const problems = [];
  const pkg = JSON.parse(read('package.json'));
  for (const tag of tags) {
    const define = tag === provider ? 'src/define/deskguard-provider.ts' : `src/define/${tag}.ts`;
    if (!read(define).includes(`defineElement('${tag}'`)) problems.push(`${define} does not register <${tag}>`);
    const exported = pkg.exports?.[`./${tag}.js`];
    if (exported?.default !== `./dist/define/${tag}.js`) problems.push(`package.json exports lacks "./${tag}.js"`);
    if (!read('src/all.ts').includes(`'./define/${tag}.js'`)) problems.push(`src/all.ts does not import <${tag}>`);
    if (!read('test/support/tags.ts').includes(`'${tag}'`)) problems.push(`test/support/tags.ts lacks '${tag}'`);
    if (!read('types/elements.d.ts').includes(`'${tag}'`)) problems.push(`types/elements.d.ts lacks '${tag}'`);
    const angular = read('angular/deskguard.directives.ts');
    const directive = `${pascal(tag)}Directive`;
    if (!angular.includes(`selector: '${tag}'`) || !angular.includes(`  ${directive},\n`)) {
      problems.push(`angular/deskguard.directives.ts lacks ${directive} in DESKGUARD_DIRECTIVES`);
    }
    if (!read('examples/vue/vite.config.ts').includes(`'${tag}'`)) {
      problems.push(`examples/vue/vite.config.ts lacks '${tag}'`);
    }
  }
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
    if (!read('src/index.ts').includes(name)) problems.push(`src/index.ts does not export ${name}`);
    if (!read(`test/${tag}.test.ts`).includes('runConformance'))
      problems.push(`test/${tag}.test.ts does not run the conformance suite`);
    if (!existsSync(join(root, `stories/${tag}.stories.ts`))) problems.push(`stories/${tag}.stories.ts is missing`);
  }
  const listed = JSON.stringify(tags);
  const testTags =
    read('test/support/tags.ts')
      .match(/'[a-z0-9-]+'/g)
      ?.map((t) => t.slice(1, -1)) ?? [];
  if (JSON.stringify(testTags) !== listed)
    problems.push(`test/support/tags.ts lists ${testTags.join(', ')}, not the list`);
  return problems;
}

/**
 * The manifest describes the package as shipped: module paths under dist/ (the build
 * keeps one module per source file), every element with the design tokens it honours
 * (listed once, on the tokens in src/internal/styles.ts) beside its own properties, and
 * no class that is not an element marked as one, and no private or protected member
 * (Storybook's tables show what a host may use). The package check compares it with
 * the elements.
 */
import { readFileSync } from 'node:fs';

/** The `@cssprop` lines of the shared tokens' documentation. */
function sharedCssProperties() {
  const text = readFileSync(new URL('./src/internal/styles.ts', import.meta.url), 'utf8');
  return [...text.matchAll(/@cssprop (--dg-[\w-]+) - (.+)/g)].map(([, name, description]) => ({ name, description }));
}

const shipped = (path) => path?.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

function shippedPaths(node) {
  if (Array.isArray(node)) return node.forEach(shippedPaths);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = shipped(value);
    else shippedPaths(value);
  }
}

function shippedManifest() {
  return {
    name: 'deskguard-shipped-manifest',
    packageLinkPhase({ customElementsManifest }) {
      const shared = sharedCssProperties();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          // What a host may use, not how the class works: private and protected members stay out.
          if (declaration.members)
            declaration.members = declaration.members.filter(
              (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
            );
          if (!declaration.customElement) continue;
          // An element's statics (the checks of its adapter's answers) are the kit's, not a host's.
          declaration.members = declaration.members?.filter((m) => !m.static);
          if (!declaration.tagName) {
            // A base class (DeskguardElement): its members are inherited, it is no element.
            delete declaration.customElement;
            continue;
          }
          if (declaration.tagName === 'deskguard-provider') continue;
          const own = declaration.cssProperties ?? [];
          const names = new Set(own.map((p) => p.name));
          declaration.cssProperties = [...own, ...shared.filter((p) => !names.has(p.name))];
        }
      }
      // A module of types alone ships no JavaScript.
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (mod) => mod.declarations?.length || mod.exports?.length,
      );
      shippedPaths(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [shippedManifest()],
};

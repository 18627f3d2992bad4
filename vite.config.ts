/**
 * The library build: ESM only, one entry per element plus the index, the policy and
 * the mock backend, each module kept as its own file so hosts load only what they
 * import. Lit and MSW stay external (dependencies of the host's bundle), and so do
 * Node's built-in modules (the mock server and the contract kit run in Node).
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { collapseTemplateWhitespace } from './scripts/collapse-template-whitespace.mjs';
import { registeringModules } from './scripts/registering-modules.mjs';

const { provider, elements } = JSON.parse(readFileSync(new URL('./src/elements.json', import.meta.url), 'utf8')) as {
  provider: string;
  elements: string[];
};

const entries = {
  index: 'src/index.ts',
  all: 'src/all.ts',
  tags: 'src/tags.ts',
  react: 'src/react.ts',
  adapter: 'src/adapter.ts',
  locale: 'src/locale.ts',
  'locales/es': 'src/locales/es.ts',
  'locales/ar': 'src/locales/ar.ts',
  'policy/index': 'src/policy/index.ts',
  // One entry per tag, from the one list of elements.
  ...Object.fromEntries([provider, ...elements].map((tag) => [`define/${tag}`, `src/define/${tag}.ts`])),
  'mocks/index': 'mocks/index.ts',
  'mocks/browser': 'mocks/browser.ts',
  'mocks/node': 'mocks/node.ts',
  'mocks/server': 'mocks/server.ts',
  'mocks/route': 'mocks/route.ts',
  'contract/index': 'src/contract/index.ts',
  'policy/common-passwords': 'src/policy/common-passwords.ts',
  'server/index': 'src/server/index.ts',
  'server/node': 'src/server/node.ts',
  'server/postgres/index': 'src/server/postgres/index.ts',
};

export default defineConfig({
  publicDir: false,
  // all.ts imports the define modules for their effect: keep those imports.
  plugins: [registeringModules(), collapseTemplateWhitespace()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^react($|\/)/, /^msw($|\/)/, /^node:/, /^@zxcvbn-ts\//],
      output: {
        preserveModules: true,
        preserveModulesRoot: '.',
        entryFileNames: (chunk) => `${chunk.name.replace(/^src\//, '')}.js`,
      },
    },
  },
});

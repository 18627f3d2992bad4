/**
 * The library build: ESM only, one entry per element plus the index, the policy and
 * the mock backend, each module kept as its own file so hosts load only what they
 * import. Lit and MSW stay external (dependencies of the host's bundle).
 */
import { defineConfig } from 'vite';
import { collapseTemplateWhitespace } from './scripts/collapse-template-whitespace.mjs';

const entries = {
  index: 'src/index.ts',
  all: 'src/all.ts',
  locale: 'src/locale.ts',
  'locales/es': 'src/locales/es.ts',
  'locales/ar': 'src/locales/ar.ts',
  'policy/index': 'src/policy/index.ts',
  'define/deskguard-provider': 'src/define/deskguard-provider.ts',
  'define/masking-settings': 'src/define/masking-settings.ts',
  'define/staff-override-list': 'src/define/staff-override-list.ts',
  'define/giftcard-id-generator': 'src/define/giftcard-id-generator.ts',
  'define/client-alert-dialog': 'src/define/client-alert-dialog.ts',
  'define/verification-report': 'src/define/verification-report.ts',
  'mocks/index': 'mocks/index.ts',
  'mocks/browser': 'mocks/browser.ts',
  'mocks/node': 'mocks/node.ts',
};

export default defineConfig({
  publicDir: false,
  plugins: [collapseTemplateWhitespace()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^msw($|\/)/],
      output: {
        preserveModules: true,
        preserveModulesRoot: '.',
        entryFileNames: (chunk) => `${chunk.name.replace(/^src\//, '')}.js`,
      },
    },
  },
});

import type { StorybookConfig } from '@storybook/web-components-vite';
import { registeringModules } from '../scripts/registering-modules.mjs';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Serves the MSW worker at /mockServiceWorker.js.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // Loading Lit through the dep optimizer as well as directly would load it twice.
    config.optimizeDeps = {
      ...config.optimizeDeps,
      exclude: [...(config.optimizeDeps?.exclude ?? []), 'lit', 'lit-html', 'lit-element', '@lit/reactive-element'],
    };
    // The elements' define modules register tags: keep them in the build.
    config.plugins = [...(config.plugins ?? []), registeringModules()];
    return config;
  },
};

export default config;

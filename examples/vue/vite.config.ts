import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { DESKGUARD_TAGS as TAGS } from 'deskguard/tags.js';

// Every tag the kit registers, as the package lists them.
const DESKGUARD_TAGS = new Set<string>(TAGS);

export default defineConfig({
  // Vue leaves custom elements to the browser; it sets their properties and listens to their events.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => DESKGUARD_TAGS.has(tag) } } })],
  // deskguard's public folder holds the mock backend's service worker (for the demo only).
  publicDir: fileURLToPath(new URL('./node_modules/deskguard/public', import.meta.url)),
});

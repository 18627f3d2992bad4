import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const DESKGUARD_TAGS = new Set([
  'deskguard-provider',
  'masking-settings',
  'staff-override-list',
  'giftcard-id-generator',
  'client-alert-dialog',
  'verification-report',
  'permission-groups',
  'login-security-settings',
  'contact-log-report',
  'staff-access',
  'entry-log-report',
  'staff-activity-report',
]);

export default defineConfig({
  // Vue leaves custom elements to the browser; it sets their properties and listens to their events.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => DESKGUARD_TAGS.has(tag) } } })],
  // deskguard's public folder holds the mock backend's service worker (for the demo only).
  publicDir: fileURLToPath(new URL('./node_modules/deskguard/public', import.meta.url)),
});

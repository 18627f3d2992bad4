import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // deskguard's public folder holds the mock backend's service worker (for the demo only).
  publicDir: fileURLToPath(new URL('./node_modules/deskguard/public', import.meta.url)),
});

import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The console builds into dist/console, which the API serves at `/` (same origin, no CDN). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // The few files served as they are (the tab's icon).
  publicDir: resolve(import.meta.dirname, 'public'),
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    rolldownOptions: {
      // Ant Design marks its modules "use client" (for React Server Components); a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});

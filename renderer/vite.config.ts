import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Builds the renderer into dist/renderer for both shells (Electron's app:// protocol and the host's HTTP server) and
 * runs its component tests under jsdom as the `renderer` project of tests/vitest.config.ts.
 * `base: './'` keeps every asset URL relative, so the same build works under either origin. The built index.html
 * carries only external module scripts: the CSP is `script-src 'self'` with no inline scripts and no eval.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Chromium (Electron or the host's browser) supports modulepreload natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
  },
  test: {
    name: 'renderer',
    root: import.meta.dirname,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    // Screen tests click and type through whole forms; on a loaded two-core machine that can take seconds.
    testTimeout: 30_000,
  },
});

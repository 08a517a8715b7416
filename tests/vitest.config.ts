import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * One vitest run, three projects: pure shared code, the Node side (core, shells' pure parts, integration against real
 * processes and files) and the renderer under jsdom (its own settings live in renderer/vite.config.ts).
 */
export default defineConfig({
  test: {
    root,
    projects: [
      { test: { name: 'shared', root, environment: 'node', include: ['shared/**/*.test.ts'] } },
      {
        test: {
          name: 'node',
          root,
          environment: 'node',
          include: ['electron/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/crash/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      'renderer/vite.config.ts',
    ],
  },
});

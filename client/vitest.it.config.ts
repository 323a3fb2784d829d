import { defineConfig } from 'vitest/config';

// The generated client against a real server: run by ContextsIT with MIZAN_BASE_URL set,
// after it has generated ./it/generated from the test WAR's classes.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['it/**/*.test.tsx'],
    environment: 'jsdom',
    testTimeout: 30_000,
  },
});

import { defineConfig } from 'vitest/config';

// The generated client against a real server. ContextsIT runs it/contexts.test.tsx with
// MIZAN_BASE_URL set, after generating ./it/generated; ChannelsIT runs it/channels.test.tsx with
// MIZAN_BASE_URL and MIZAN_SOCKET_URL set, after generating ./it/generated-channels.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['it/**/*.test.tsx'],
    environment: 'jsdom',
    testTimeout: 30_000,
  },
});

import { defineConfig } from 'vite';

// `npm run dev` serves the front end on :5173 and forwards API calls and the page's WebSocket
// (/mizan/ws, `ws: true`) to Payara Micro on :8080
// (mvn exec:exec@dev also allows http://localhost:5173 as an origin, for calls made across origins).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/mizan/ws': { target: 'http://localhost:8080', ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      // TanStack Query marks its modules "use client" for React Server Components; meaningless in a bundle
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});

import { defineConfig } from 'vite';

// `npm run dev` serves the front end on http://localhost:5173 with hot reload, and forwards the API
// and the page's WebSocket to the server (mvn package mizan:dev, or exec:exec@run) on :8080.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/mizan/ws': { target: 'http://localhost:8080', ws: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});

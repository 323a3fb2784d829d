import { defineConfig } from 'vite';

// `npm run dev` serves the front end on :5173 and forwards API calls and the page's WebSocket
// (/mizan/ws, `ws: true`) to Payara Micro on :8080
// (http://localhost:5173 is in mizan.allowed-origins too, for calls made across origins).
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

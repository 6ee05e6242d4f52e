import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The front end lives in web/ and is built into dist/web, which `upskill serve` serves beside the API.
// `npm run dev:web` proxies /api to a running `upskill serve` (port 3000) for live editing.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  // The server answers only its own host and origin, so the proxy speaks to it as its own page would.
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true, headers: { origin: 'http://127.0.0.1:3000' } },
    },
  },
});

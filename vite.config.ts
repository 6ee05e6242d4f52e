import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The front end lives in web/ and is built into dist/web, which `upskill serve` serves beside the API.
// `npm run dev:web` proxies /api to a running `upskill serve` (port 3000) for live editing.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The host serves dist/ at its root and falls back to index.html for client routes, so base is '/'.
// `npm run dev` proxies /api and /hooks to the host (or to dev/mock-server.mjs) given by DESIGNER_API.
const api = process.env.DESIGNER_API ?? 'http://127.0.0.1:5180';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
  },
  server: {
    proxy: { '/api': api, '/hooks': api },
  },
  preview: {
    proxy: { '/api': api, '/hooks': api },
  },
  worker: { format: 'es' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});

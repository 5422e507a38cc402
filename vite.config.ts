import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is served by Kindred itself (src/server/http/web.ts): index.html at the top, hashed files under
 * /assets/, and public/ (manifest, icons) copied to the top of dist/web.
 */
export default defineConfig({
  base: '/',
  plugins: [react()],
  publicDir: 'public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Fonts and images come from the instance as files; nothing is inlined that the CSP might refuse.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // Libraries change less often than Kindred's own code: a separate file stays cached across updates.
      output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } },
    },
    // The vendor file (React, React Router, zod, TanStack Query, i18next) is about 190 kB gzipped.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev:web`: run the server with PUBLIC_URL=http://localhost:5173 so its CSRF check accepts the dev origin.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});

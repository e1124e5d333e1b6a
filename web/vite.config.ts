import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * One build, three pages: the public portal at /, the staff console at /console/ and the
 * neutral page the portal's quick exit goes to by default, at /recettes/. Vigie serves
 * web/dist itself (src/webapp); `npm run dev:web` runs Vite's server against a Vigie on :8080.
 */
export default defineConfig({
  root: page('./'),
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    rolldownOptions: {
      input: { portal: page('./index.html'), console: page('./console/index.html'), neutral: page('./recettes/index.html') },
    },
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

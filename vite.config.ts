/** @module Vite build of the Maille web front end (src/web → dist/web), with the JavaScript budget check and brotli/gzip copies of every text file. */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { checkBudget } from './src/web/build/budget-plugin.ts';
import { precompress } from './src/web/build/precompress-plugin.ts';

const repoRoot = import.meta.dirname;

export default defineConfig({
  root: resolve(repoRoot, 'src/web'),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(repoRoot, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // MapLibre (~950 kB minified) is one lazy chunk, loaded once a map scrolls near the viewport; the
    // initial route is guarded by the budget plugin instead of this warning.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  plugins: [checkBudget(), precompress()],
});

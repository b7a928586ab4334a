// Vite build of the Maille web front end (src/web → dist/web), with the JavaScript budget check.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { checkBudget } from './src/web/build/budget-plugin.ts';

const repoRoot = import.meta.dirname;

export default defineConfig({
  // Vitest reads this file too: keep the repository root for it so server tests are still found.
  root: process.env['VITEST'] ? repoRoot : resolve(repoRoot, 'src/web'),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(repoRoot, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  plugins: [checkBudget()],
});

/** @module Builds the web bundle when it is missing, so `npm start` works on a fresh clone. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../server/core/paths.ts';

export async function ensureWebBuilt(webDir: string, log: (line: string) => void): Promise<void> {
  if (existsSync(path.join(webDir, 'index.html'))) return;
  log('Building the web app (first start only)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}

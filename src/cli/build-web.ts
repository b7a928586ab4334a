/** @module Builds the web bundle when it is missing or older than its sources, so `npm start` serves current pages. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../server/core/paths.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether `webDir` lacks a build or predates a change under src/web (when the sources are here). */
export function webBuildIsStale(webDir: string): boolean {
  const index = path.join(webDir, 'index.html');
  if (!existsSync(index)) return true;
  const sources = path.join(projectRoot, 'src/web');
  return existsSync(sources) && statSync(index).mtimeMs < newestMtime(sources);
}

export async function ensureWebBuilt(webDir: string, log: (line: string) => void): Promise<void> {
  if (!webBuildIsStale(webDir)) return;
  log('Building the web app…');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}

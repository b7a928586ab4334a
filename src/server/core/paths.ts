/** @module Where Maille's own files are, whether run from src/ with tsx or from the compiled dist/server. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'maille') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Maille package root');
    dir = parent;
  }
}

/** The package root (where package.json, data/ and vite.config.ts are). */
export const projectRoot = findRoot(import.meta.dirname);

export const version = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

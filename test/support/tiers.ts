// The four test tiers, decided by what a test file uses rather than by a list to keep up to date:
// e2e — under test/e2e (Chromium journeys); http — in-process HTTP or a Maille process (a `-http.test.ts` name, or it
// imports test/support/http.ts, matrix.ts or maille-process.ts, createMaille, buildApp or the OpenAPI document);
// db — storage on PGlite / PostgreSQL (it imports test/support/database.ts, openDatabase, PGlite or runs the CLI on a
// data folder); unit — none of these: pure code. The first that matches wins, so each file is in exactly one tier.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const TIERS = ['unit', 'db', 'http', 'e2e'] as const;
export type Tier = (typeof TIERS)[number];

/** Where test files live (the folders vitest looks in). */
export const TEST_ROOTS = ['src', 'test', 'bench'];
const TEST_FILE = /\.test\.tsx?$/;

const HTTP_MARKERS = [/-http\.test\.tsx?$/];
// Modules imported (matched against the paths of the file's import statements) and calls made (anywhere in it).
const HTTP_MODULES = [/support\/(http|matrix|maille-process)\.ts$/, /openapi-document\.ts$/];
const HTTP_CALLS = [/\bcreateMaille\(/, /\bbuildApp\(/];
const DB_MODULES = [/support\/database\.ts$/, /^@electric-sql\/pglite/, /core\/database\/connect\.ts$/];
const DB_CALLS = [/\bopenDatabase\(/, /\bspawnSync\(process\.execPath/];

function importsOf(source: string): string[] {
  return [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

/** The tier of one test file (a path relative to the project root, with `/`), from its name and source. */
export function tierOf(file: string, source: string): Tier {
  if (file.startsWith('test/e2e/')) return 'e2e';
  const imports = importsOf(source);
  const uses = (modules: RegExp[], calls: RegExp[]) => imports.some((i) => modules.some((m) => m.test(i))) || calls.some((c) => c.test(source));
  if (HTTP_MARKERS.some((m) => m.test(file)) || uses(HTTP_MODULES, HTTP_CALLS)) return 'http';
  if (uses(DB_MODULES, DB_CALLS)) return 'db';
  return 'unit';
}

/** Every test file under the test roots, relative to `root`, sorted. */
export function testFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(rel);
      else if (entry.isFile() && TEST_FILE.test(entry.name)) found.push(rel);
    }
  };
  for (const dir of TEST_ROOTS) walk(dir);
  return found.sort();
}

/** The files of each tier. */
export function testTiers(root: string): Record<Tier, string[]> {
  const tiers: Record<Tier, string[]> = { unit: [], db: [], http: [], e2e: [] };
  for (const file of testFiles(root)) tiers[tierOf(file, readFileSync(path.join(root, file), 'utf8'))].push(file);
  return tiers;
}

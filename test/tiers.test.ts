// Every test file is in exactly one tier of vitest.config.ts, so `npm run test:<tier>` together run all of them once,
// and the rules of test/support/tiers.ts put what a file uses in the tier it names.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../vitest.config.ts';
import { testFiles, tierOf, TIERS } from './support/tiers.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('test tiers', () => {
  it('puts every test file in exactly one tier', () => {
    const projects = (config.test?.projects ?? []) as { test: { name: string; include: string[] } }[];
    expect(projects.map((p) => p.test.name)).toEqual([...TIERS]);
    const where = new Map<string, string[]>();
    for (const p of projects) for (const file of p.test.include) where.set(file, [...(where.get(file) ?? []), p.test.name]);
    const files = testFiles(root);
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => (where.get(f) ?? []).length !== 1)).toEqual([]);
    expect([...where.keys()].filter((f) => !files.includes(f))).toEqual([]);
  });

  it('decides a tier from what a file uses', () => {
    expect(tierOf('test/e2e/x.test.ts', "import { startJourney } from '../support/journey.ts';")).toBe('e2e');
    expect(tierOf('src/server/a/a-http.test.ts', '')).toBe('http');
    expect(tierOf('test/x.test.ts', "import { startTestApp } from './support/http.ts';\nimport { databaseKinds } from './support/database.ts';")).toBe('http');
    expect(tierOf('src/server/a/store.test.ts', "import { openTestDatabase } from '../../../test/support/database.ts';")).toBe('db');
    expect(tierOf('src/server/a/model.test.ts', "import { decide } from './model.ts';")).toBe('unit');
  });
});

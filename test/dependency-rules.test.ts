// The dependency rules hold for real: dependency-cruiser, with the project's .dependency-cruiser.cjs, reports every rule
// on a small tree built to break each of them once, reports nothing on Maille's own src/, and draws from that same
// cruise the picture committed in docs/dependencies.md.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script, without type declarations
import { cruise, GRAPH_FILE, render } from '../scripts/dependency-graph.mjs';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}
interface CruiseResult {
  summary: { violations: Violation[] };
}
const run = cruise as (cwd?: string, config?: string) => Promise<CruiseResult>;

const CONFIG = fileURLToPath(new URL('../.dependency-cruiser.cjs', import.meta.url));
const BROKEN = fileURLToPath(new URL('./fixtures/dependency-rules', import.meta.url));

describe('dependency rules', () => {
  it('reports each rule on a tree made to break it', async () => {
    const { summary } = await run(BROKEN, CONFIG);
    const found = summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual([
      'capability-not-above-itself: src/server/beta/up.ts → src/server/app.ts',
      'capability-through-public-entry: src/server/alpha/a.ts → src/server/beta/b.ts',
      'cli-through-composition-root: src/cli/main.ts → src/server/alpha/a.ts',
      'composition-root-through-public-entry: src/server/app.ts → src/server/alpha/a.ts',
      'core-imports-no-capability: src/server/core/leak.ts → src/server/alpha/index.ts',
      'no-capability-cycle: src/server/alpha → src/server/beta',
      'no-capability-cycle: src/server/beta → src/server/alpha',
      'test-fixtures-for-tests-only: src/server/beta/uses-fixture.ts → src/server/alpha/test-fixtures.ts',
      'web-imports-server-schemas-only: src/web/page.ts → src/server/beta/index.ts',
      'web-imports-server-schemas-only: src/web/types.ts → src/server/beta/b.ts',
      'web-imports-server-types-only: src/web/page.ts → src/server/beta/index.ts',
    ]);
  }, 120_000);

  it('finds no violation in Maille, and docs/dependencies.md is the picture of what it finds', async () => {
    const result = await run();
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    expect(await readFile(GRAPH_FILE, 'utf8'), 'run `npm run deps:graph`').toBe((render as (r: CruiseResult) => string)(result));
  }, 300_000);
});

// Seeding speed on the embedded database: 100,000 residents must seed in under 2 minutes.
// Baseline, same run: the default demo size (2,000 residents) seeded the same way, so the ratio of
// per-resident cost shows whether seeding scales linearly. Run: npm run bench (or tsx bench/seed.bench.ts [N]).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/core/database/connect.ts';
import { migrateToLatest } from '../src/server/core/database/migrate.ts';
import { seedTerritory } from '../src/server/demo/seed-territory.ts';
import { progressBar } from '../src/cli/progress.ts';

const BUDGET_SECONDS = 120;
const target = Number(process.argv[2] ?? 100_000);
const baseline = 2_000;

async function timeSeed(residents: number): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'maille-bench-'));
  const handle = await openDatabase({ dataDir: dir });
  try {
    await migrateToLatest(handle.db);
    const bar = progressBar(`seed ${residents.toLocaleString('en')}`);
    const started = performance.now();
    await seedTerritory(handle.db, { slug: 'bench', name: 'Bench', residents, onProgress: bar.update });
    const seconds = (performance.now() - started) / 1000;
    bar.stop();
    return seconds;
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const base = await timeSeed(baseline);
const big = await timeSeed(target);
const perBase = (base / baseline) * 1e6;
const perBig = (big / target) * 1e6;
console.log(`baseline: ${baseline} residents in ${base.toFixed(2)} s (${perBase.toFixed(0)} µs/resident)`);
console.log(`target:   ${target} residents in ${big.toFixed(2)} s (${perBig.toFixed(0)} µs/resident)`);
console.log(`per-resident cost ratio (target / baseline): ${(perBig / perBase).toFixed(2)}`);
console.log(`budget: ${BUDGET_SECONDS} s for ${target} residents → ${big <= BUDGET_SECONDS ? 'OK' : 'OVER'} (${((100 * big) / BUDGET_SECONDS).toFixed(0)} % of budget)`);
if (big > BUDGET_SECONDS) process.exitCode = 1;

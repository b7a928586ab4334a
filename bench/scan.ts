// The cluster scan (Kulldorff's Poisson spatial scan, src/server/observatory/clusters/): the engine against its
// brute-force reference on the same synthetic map in the same run. Target: 1,000 cells × 999 replicas under 5 s
// (worker threads allowed). The brute force is n³ per replica, so on the full map it is timed on one replica and
// extrapolated (stated); on a subset both run every replica, and their clusters are compared.
// On a shared machine the wall times carry other people's load: the CPU time of each run is printed too, and the time
// the workers would take on free cores is estimated from it (set-up on one thread, replicas split evenly).
// Run: npm run bench:scan [-- --cells 1000 --replicas 999 --workers 2 --subset 50]
import { availableParallelism, loadavg } from 'node:os';
import { seededRandom } from '../src/server/core/random.ts';
import { bruteForcePoissonLlrs, bruteForcePoissonScan } from '../src/server/observatory/clusters/brute-force.ts';
import { drawReplicaCounts } from '../src/server/observatory/clusters/poisson-replicas.ts';
import { scanPoissonInWorkers } from '../src/server/observatory/clusters/scan-in-workers.ts';
import { preparePoissonScan, scanPoisson } from '../src/server/observatory/clusters/scan-poisson.ts';
import { syntheticMap } from '../src/server/observatory/clusters/synthetic-maps.ts';
import type { Cluster, ScanCell } from '../src/server/observatory/clusters/types.ts';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1] ?? fallback) : fallback;
};
const CELLS = arg('cells', 1000);
const REPLICAS = arg('replicas', 999);
const WORKERS = arg('workers', 2);
const SUBSET = arg('subset', 50);
const TARGET_S = 5;
const hotspots = [{ x: 3000, y: 6000, radius: 900, risk: 1.8 }];

const load = (): string => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; s: number; cpuS: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  return { value, s: (performance.now() - started) / 1000, cpuS: cpuMs(cpu) / 1000 };
}
const first = (clusters: Cluster[]): string => {
  const c = clusters[0];
  return c ? `${c.cellIds.length} cells around ${c.centre}, LLR ${c.llr.toFixed(3)}, RR ${c.relativeRisk?.toFixed(2)}, p = ${c.pValue}` : 'none';
};
const sameClusters = (a: Cluster[], b: Cluster[]): boolean =>
  a.length === b.length &&
  a.every((c, i) => c.centre === b[i]!.centre && [...c.cellIds].sort().join() === [...b[i]!.cellIds].sort().join() && Math.abs(c.llr - b[i]!.llr) < 1e-9 * Math.max(1, c.llr));

console.log(`Scan bench: ${CELLS} cells, ${REPLICAS} replicas, ${WORKERS} workers, Node ${process.version}, ${load()}`);
const cells: ScanCell[] = syntheticMap(seededRandom(2026), { cells: CELLS, hotspots });
const prepared = await timed(() => preparePoissonScan(cells));
const scan = prepared.value;
console.log(`map: ${scan.job.totalCases} cases, ${scan.windows.windowSize.length} windows (circles up to 50 % of the population)`);

// The engine: one thread, then worker threads (same clusters, same p-values by construction — checked here too).
await timed(() => scanPoisson(cells, { replicas: 20 })); // warm-up
const alone = await timed(() => scanPoisson(cells, { replicas: REPLICAS }));
console.log(`engine, 1 thread: ${alone.s.toFixed(2)} s (CPU ${alone.cpuS.toFixed(2)} s); most likely: ${first(alone.value)}`);
const parallel = await timed(() => scanPoissonInWorkers(cells, { replicas: REPLICAS, workers: WORKERS }));
const identical = JSON.stringify(parallel.value) === JSON.stringify(alone.value);
// Set-up (windows, observed LLRs) runs once on the main thread; the replicas' CPU time splits across the workers.
const freeCoresS = prepared.cpuS + Math.max(0, parallel.cpuS - prepared.cpuS) / WORKERS;
console.log(
  `engine, ${WORKERS} workers: ${parallel.s.toFixed(2)} s (CPU ${parallel.cpuS.toFixed(2)} s over all threads, set-up ${prepared.cpuS.toFixed(2)} s; ` +
    `on ${WORKERS} free cores ≈ ${freeCoresS.toFixed(2)} s); clusters and p-values ${identical ? 'IDENTICAL' : 'DIFFERENT'} to 1 thread; ${load()}`,
);

// Brute force on the same map: one replica timed, extrapolated to the observed scan + every replica.
const counts = new Int32Array(CELLS);
drawReplicaCounts(scan.job, 0, counts);
const oneReplica = await timed(() => bruteForcePoissonLlrs(cells, [...counts], 0.5));
const bruteS = oneReplica.s * (REPLICAS + 1);
console.log(`brute force, same ${CELLS} cells: ${oneReplica.s.toFixed(2)} s per replica (timed on one), ${bruteS.toFixed(0)} s for ${REPLICAS} replicas + the observed scan (extrapolated)`);
console.log(`ratio on the full map: brute force / engine = ${(bruteS / alone.s).toFixed(0)}× on 1 thread, ${(bruteS / parallel.s).toFixed(0)}× with ${WORKERS} workers`);

// Brute force on a subset, every replica run by both, clusters compared.
const subset = cells.slice(0, SUBSET);
const bruteSubset = await timed(() => bruteForcePoissonScan(subset, { replicas: REPLICAS, maxClusters: 3 }));
const fastSubset = await timed(() => scanPoisson(subset, { replicas: REPLICAS, maxClusters: 3 }));
console.log(
  `subset of ${SUBSET} cells, ${REPLICAS} replicas each: brute force ${bruteSubset.s.toFixed(2)} s, engine ${fastSubset.s.toFixed(3)} s, ratio ${(bruteSubset.s / fastSubset.s).toFixed(0)}×; ` +
    `windows and LLRs ${sameClusters(fastSubset.value, bruteSubset.value) ? 'IDENTICAL' : 'DIFFERENT'}; p-values ${fastSubset.value.map((c) => c.pValue).join(', ')} (engine) vs ${bruteSubset.value.map((c) => c.pValue).join(', ')} (brute force, its own random stream)`,
);
const verdict = (s: number) => (s < TARGET_S ? 'MET' : 'MISSED');
console.log(
  `target: ${CELLS} cells × ${REPLICAS} replicas under ${TARGET_S} s — wall ${verdict(parallel.s)} (${parallel.s.toFixed(2)} s with ${WORKERS} workers, ${load()}); ` +
    `from CPU time on ${WORKERS} free cores ${verdict(freeCoresS)} (≈ ${freeCoresS.toFixed(2)} s)`,
);

/**
 * @module The brute-force reference of both scans, for tests and benches only: windows straight from the definition
 * (for each centre and each distance to a cell, every cell within it), distances recomputed for every replica, the
 * LLR with `Math.log`, a separate random stream and a linear-search sampler. Slow (n³ per replica) and obviously right.
 */
import { seededRandom } from '../../core/random.ts';
import { squaredDistance } from './circular-windows.ts';
import { MIN_LLR, relativeRisk, TIE } from './select-clusters.ts';
import { DEFAULTS, type Cluster, type ScanCell, type ScanOptions, type SpaceTimeCell, type SpaceTimeOptions } from './types.ts';
import { validateScanInput, validateSpaceTimeInput } from './validate-cells.ts';

interface Place {
  x: number;
  y: number;
  population: number;
}

/** One window: its centre, its cells in index order, its squared radius. */
export interface BruteWindow {
  centre: number;
  cells: number[];
  radius2: number;
}

/** Every circle around every centre whose population is at most `share` of the total, centre by centre, smallest first. */
export function bruteForceWindows(places: readonly Place[], share: number): BruteWindow[] {
  let total = 0;
  for (const p of places) total += p.population;
  const windows: BruteWindow[] = [];
  places.forEach((centre, i) => {
    const distances = places.map((p) => squaredDistance(centre.x, centre.y, p.x, p.y));
    const radii = [...new Set(distances)].sort((a, b) => a - b);
    for (const radius2 of radii) {
      const cells: number[] = [];
      distances.forEach((d2, k) => d2 <= radius2 && cells.push(k));
      let population = 0;
      for (const k of cells) population += places[k]!.population;
      if (population > share * total) break;
      windows.push({ centre: i, cells, radius2 });
    }
  });
  return windows;
}

/** Kulldorff's log-likelihood ratio of a window with `c` of `total` cases where `e` were expected; 0 unless c > e. */
export function bruteForceLlr(c: number, e: number, total: number): number {
  if (!(c > e)) return 0;
  const outside = total - c;
  return c * Math.log(c / e) + (outside > 0 ? outside * Math.log(outside / (total - e)) : 0);
}

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);
const largest = (values: readonly number[]): number => values.reduce((m, v) => (v > m ? v : m), 0);

/** The LLR of every window, in the order of `bruteForceWindows`. */
export function bruteForcePoissonLlrs(places: readonly Place[], counts: readonly number[], share: number): number[] {
  const total = sum(counts);
  const population = sum(places.map((p) => p.population));
  return bruteForceWindows(places, share).map((w) => {
    const c = sum(w.cells.map((k) => counts[k]!));
    const e = (total * sum(w.cells.map((k) => places[k]!.population))) / population;
    return bruteForceLlr(c, e, total);
  });
}

/** The reported candidates (indices), by the same rule as the engine: best LLR, ties to the first, no shared cell. */
export function bruteForceSelect(llrs: readonly number[], cellsOf: (k: number) => number[], maxClusters: number): number[] {
  const chosen: number[] = [];
  const used = new Set<number>();
  while (chosen.length < maxClusters) {
    let best = -1;
    llrs.forEach((llr, k) => {
      if (!(llr > MIN_LLR) || cellsOf(k).some((c) => used.has(c))) return;
      if (best < 0 || llr > llrs[best]! + TIE * Math.max(1, llrs[best]!)) best = k;
    });
    if (best < 0) break;
    chosen.push(best);
    for (const c of cellsOf(best)) used.add(c);
  }
  return chosen;
}

const pValue = (maxima: readonly number[], llr: number) => (1 + maxima.filter((m) => m >= llr).length) / (maxima.length + 1);

/** The Poisson scan by brute force: same output as `scanPoisson`, p-values from an independent random stream. */
export function bruteForcePoissonScan(cells: readonly ScanCell[], options: ScanOptions = {}): Cluster[] {
  validateScanInput(cells, options);
  const share = options.maxPopulationShare ?? DEFAULTS.maxPopulationShare;
  const replicas = options.replicas ?? DEFAULTS.replicas;
  const counts = cells.map((c) => c.cases);
  const total = sum(counts);
  if (total === 0) return [];
  const population = sum(cells.map((c) => c.population));
  const random = seededRandom((options.seed ?? DEFAULTS.seed) ^ 0x2545f491);
  const maxima: number[] = [];
  for (let r = 0; r < replicas; r += 1) {
    const drawn = cells.map(() => 0);
    for (let k = 0; k < total; k += 1) {
      let u = random.next() * population;
      let i = 0;
      while (i < cells.length - 1 && u >= cells[i]!.population) u -= cells[i++]!.population;
      drawn[i]! += 1;
    }
    maxima.push(largest(bruteForcePoissonLlrs(cells, drawn, share)));
  }
  const windows = bruteForceWindows(cells, share);
  const llrs = bruteForcePoissonLlrs(cells, counts, share);
  return bruteForceSelect(llrs, (k) => windows[k]!.cells, options.maxClusters ?? DEFAULTS.maxClusters).map((k) => {
    const w = windows[k]!;
    const c = sum(w.cells.map((i) => counts[i]!));
    const e = (total * sum(w.cells.map((i) => cells[i]!.population))) / population;
    return {
      centre: cells[w.centre]!.id,
      radiusMetres: Math.sqrt(w.radius2),
      cellIds: w.cells.map((i) => cells[i]!.id),
      cases: c,
      expected: e,
      relativeRisk: relativeRisk(c, e, total),
      llr: llrs[k]!,
      pValue: pValue(maxima, llrs[k]!),
      method: 'kulldorff-poisson',
      replicas,
    };
  });
}

/**
 * The LLR of every cylinder (window × the last t days, t = 1 … maxDays) for a cells × days matrix, window-major:
 * candidate k is window ⌊k / maxDays⌋ over the last (k mod maxDays) + 1 days.
 */
export function bruteForceSpaceTimeLlrs(places: readonly Place[], matrix: readonly (readonly number[])[], share: number, maxDays: number): number[] {
  const days = matrix[0]!.length;
  const byCell = matrix.map(sum);
  const byDay = Array.from({ length: days }, (_, d) => sum(matrix.map((row) => row[d]!)));
  const total = sum(byCell);
  return bruteForceWindows(places, share).flatMap((w) =>
    Array.from({ length: maxDays }, (_, t) => {
      let c = 0;
      let mu = 0;
      for (const z of w.cells) {
        for (let d = days - 1 - t; d < days; d += 1) {
          c += matrix[z]![d]!;
          mu += (byCell[z]! * byDay[d]!) / total;
        }
      }
      return bruteForceLlr(c, mu, total);
    }),
  );
}

/** The space-time permutation scan by brute force: same output as `scanSpaceTime`, its own permutations. */
export function bruteForceSpaceTimeScan(cells: readonly SpaceTimeCell[], options: SpaceTimeOptions = {}): Cluster[] {
  validateSpaceTimeInput(cells, options);
  const share = options.maxPopulationShare ?? DEFAULTS.maxPopulationShare;
  const replicas = options.replicas ?? DEFAULTS.replicas;
  const days = cells[0]!.casesByDay.length;
  const maxDays = Math.min(options.maxDays ?? DEFAULTS.maxDays, days);
  const matrix = cells.map((c) => [...c.casesByDay]);
  const total = sum(matrix.map(sum));
  if (total === 0) return [];
  // Every case as (cell, day); a replica shuffles the days among the cases.
  const caseCells: number[] = [];
  const caseDays: number[] = [];
  matrix.forEach((row, z) => row.forEach((n, d) => {
    for (let k = 0; k < n; k += 1) {
      caseCells.push(z);
      caseDays.push(d);
    }
  }));
  const random = seededRandom((options.seed ?? DEFAULTS.seed) ^ 0x2545f491);
  const maxima: number[] = [];
  for (let r = 0; r < replicas; r += 1) {
    const shuffled = [...caseDays];
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = random.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const permuted = cells.map(() => new Array<number>(days).fill(0));
    caseCells.forEach((z, k) => (permuted[z]![shuffled[k]!]! += 1));
    maxima.push(largest(bruteForceSpaceTimeLlrs(cells, permuted, share, maxDays)));
  }
  const windows = bruteForceWindows(cells, share);
  const llrs = bruteForceSpaceTimeLlrs(cells, matrix, share, maxDays);
  const byDay = Array.from({ length: days }, (_, d) => sum(matrix.map((row) => row[d]!)));
  return bruteForceSelect(llrs, (k) => windows[Math.floor(k / maxDays)]!.cells, options.maxClusters ?? DEFAULTS.maxClusters).map((k) => {
    const w = windows[Math.floor(k / maxDays)]!;
    const t = (k % maxDays) + 1;
    const c = sum(w.cells.flatMap((z) => matrix[z]!.slice(days - t)));
    const mu = sum(w.cells.map((z) => sum(matrix[z]!))) * sum(byDay.slice(days - t)) / total;
    return {
      centre: cells[w.centre]!.id,
      radiusMetres: Math.sqrt(w.radius2),
      cellIds: w.cells.map((i) => cells[i]!.id),
      cases: c,
      expected: mu,
      relativeRisk: relativeRisk(c, mu, total),
      llr: llrs[k]!,
      pValue: pValue(maxima, llrs[k]!),
      method: 'space-time-permutation',
      replicas,
      days: t,
    };
  });
}

/**
 * @module Kulldorff's spatial scan statistic, Poisson model (Kulldorff 1997): circles around every cell up to a share
 * of the population, the likelihood ratio of each, and the Monte Carlo p-value of the most likely and secondary
 * clusters. One thread here; `scan-in-workers.ts` runs the same replicas on worker threads.
 */
import { buildAliasTable } from './alias-table.ts';
import { buildCircularWindows, windowCells, type CircularWindows } from './circular-windows.ts';
import { poissonReplicaMaxima, type PoissonReplicaJob } from './poisson-replicas.ts';
import { pValueOf, relativeRisk, selectClusters, sortMaxima } from './select-clusters.ts';
import { DEFAULTS, type Cluster, type ScanCell, type ScanOptions } from './types.ts';
import { validateScanInput } from './validate-cells.ts';

/** A scan ready to run: the windows, the observed LLRs and the replica job. */
export interface PreparedPoissonScan {
  cells: readonly ScanCell[];
  windows: CircularWindows;
  job: PoissonReplicaJob;
  observedCounts: Int32Array;
  observedLlrs: Float64Array;
  replicas: number;
  maxClusters: number;
}

/** k·ln k for k = 0 … n (0·ln 0 = 0). */
export function kLogKTable(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 1; k <= n; k += 1) table[k] = k * Math.log(k);
  return table;
}

/** The LLR of every window for the given counts (0 where the window is not above expectation). */
export function poissonWindowLlrs(job: PoissonReplicaJob, counts: Int32Array): Float64Array {
  const { neighbours, neighbourStart, windowStart, windowSize, expected, logExpected, logOutsideExpected, kLogK } = job;
  const total = job.totalCases;
  const llrs = new Float64Array(windowSize.length);
  for (let centre = 0; centre < job.cellCount; centre += 1) {
    const base = neighbourStart[centre]!;
    let k = base;
    let c = 0;
    for (let w = windowStart[centre]!; w < windowStart[centre + 1]!; w += 1) {
      while (k < base + windowSize[w]!) c += counts[neighbours[k++]!]!;
      if (c > expected[w]!) llrs[w] = kLogK[c]! + kLogK[total - c]! - c * logExpected[w]! - (total - c) * logOutsideExpected[w]!;
    }
  }
  return llrs;
}

/** Validates, builds the windows and computes the observed LLRs; throws an `invalid` AppError on bad input. */
export function preparePoissonScan(cells: readonly ScanCell[], options: ScanOptions = {}): PreparedPoissonScan {
  validateScanInput(cells, options);
  const xs = Float64Array.from(cells, (c) => c.x);
  const ys = Float64Array.from(cells, (c) => c.y);
  const populations = Float64Array.from(cells, (c) => c.population);
  const observedCounts = Int32Array.from(cells, (c) => c.cases);
  const windows = buildCircularWindows(xs, ys, populations, options.maxPopulationShare ?? DEFAULTS.maxPopulationShare);
  const total = observedCounts.reduce((sum, c) => sum + c, 0);
  const expected = windows.windowPopulation.map((p) => (total * p) / windows.totalPopulation);
  const alias = buildAliasTable(populations);
  const job: PoissonReplicaJob = {
    cellCount: cells.length,
    totalCases: total,
    seed: options.seed ?? DEFAULTS.seed,
    neighbours: windows.neighbours,
    neighbourStart: windows.neighbourStart,
    windowStart: windows.windowStart,
    windowSize: windows.windowSize,
    expected,
    logExpected: expected.map(Math.log),
    logOutsideExpected: expected.map((e) => Math.log(total - e)),
    kLogK: kLogKTable(total),
    aliasProbability: alias.probability,
    aliasIndex: alias.index,
  };
  return {
    cells,
    windows,
    job,
    observedCounts,
    observedLlrs: poissonWindowLlrs(job, observedCounts),
    replicas: options.replicas ?? DEFAULTS.replicas,
    maxClusters: options.maxClusters ?? DEFAULTS.maxClusters,
  };
}

/** The clusters of a prepared scan, given the largest LLR of each replica. */
export function finishPoissonScan(scan: PreparedPoissonScan, maxima: Float64Array): Cluster[] {
  const sorted = sortMaxima(maxima);
  const { windows, job, cells, observedCounts } = scan;
  return selectClusters(windows, scan.observedLlrs, 1, scan.maxClusters).map((w) => {
    const members = windowCells(windows, w);
    let cases = 0;
    for (const i of members) cases += observedCounts[i]!;
    const expected = job.expected[w]!;
    const llr = scan.observedLlrs[w]!;
    return {
      centre: cells[windows.windowCentre[w]!]!.id,
      radiusMetres: Math.sqrt(windows.windowRadius2[w]!),
      cellIds: Array.from(members, (i) => cells[i]!.id),
      cases,
      expected,
      relativeRisk: relativeRisk(cases, expected, job.totalCases),
      llr,
      pValue: pValueOf(sorted, llr),
      method: 'kulldorff-poisson',
      replicas: maxima.length,
    };
  });
}

/**
 * The most likely cluster and the non-overlapping secondary ones, each with its Monte Carlo p-value, on this thread.
 * @example scanPoisson(cells).filter((c) => c.pValue < 0.05) // the clusters worth drawing
 */
export function scanPoisson(cells: readonly ScanCell[], options: ScanOptions = {}): Cluster[] {
  const scan = preparePoissonScan(cells, options);
  if (scan.job.totalCases === 0) return [];
  const maxima = new Float64Array(scan.replicas);
  poissonReplicaMaxima(scan.job, 0, scan.replicas, maxima);
  return finishPoissonScan(scan, maxima);
}

/**
 * @module The space-time permutation scan statistic (Kulldorff et al. 2005): cylinders — a circle around a cell times
 * the last t days — compared with what the cell totals and the day totals alone would predict, and Monte Carlo
 * replicas that shuffle the days among the cases (keeping both totals). Needs no population for the expectation;
 * the population only caps the circles, as in the Poisson scan.
 */
import { seededRandom } from '../../core/random.ts';
import { buildCircularWindows, windowCells, type CircularWindows } from './circular-windows.ts';
import { kLogKTable } from './scan-poisson.ts';
import { pValueOf, relativeRisk, selectClusters, sortMaxima } from './select-clusters.ts';
import { DEFAULTS, type Cluster, type SpaceTimeCell, type SpaceTimeOptions } from './types.ts';
import { validateSpaceTimeInput } from './validate-cells.ts';

interface SpaceTimeModel {
  windows: CircularWindows;
  total: number;
  days: number;
  maxDays: number;
  /** Cases of each window over the whole period (Σ of its cells' totals), and its logarithm. */
  windowCases: Float64Array;
  logWindowCases: Float64Array;
  /** Cases of the whole map over the last t days, t = 1 … maxDays, and their logarithm. */
  recentTotals: Float64Array;
  logRecentTotals: Float64Array;
  /** ln(C − μ) of every cylinder, window-major: the one logarithm the LLR needs that is not a sum of others. */
  logOutsideExpected: Float64Array;
  kLogK: Float64Array;
}

/**
 * The LLR of every cylinder, window-major (candidate w·maxDays + t − 1), into `out` when given; returns the largest.
 * `recent[z·maxDays + t − 1]` holds cell z's cases over the last t days. μ = (window cases)·(last-t-days cases) / C.
 */
function cylinderLlrs(model: SpaceTimeModel, recent: Int32Array, out: Float64Array | null): number {
  const { windows, total, maxDays: T, windowCases, logWindowCases, recentTotals, logRecentTotals, logOutsideExpected, kLogK } = model;
  const { neighbours, neighbourStart, windowStart, windowSize } = windows;
  const logTotal = Math.log(total);
  const inside = new Int32Array(T);
  let best = 0;
  for (let centre = 0; centre < windows.cellCount; centre += 1) {
    const base = neighbourStart[centre]!;
    let k = base;
    inside.fill(0);
    for (let w = windowStart[centre]!; w < windowStart[centre + 1]!; w += 1) {
      while (k < base + windowSize[w]!) {
        const row = neighbours[k++]! * T;
        for (let t = 0; t < T; t += 1) inside[t]! += recent[row + t]!;
      }
      for (let t = 0; t < T; t += 1) {
        const c = inside[t]!;
        const mu = (windowCases[w]! * recentTotals[t]!) / total;
        if (!(c > mu)) continue;
        const llr = kLogK[c]! + kLogK[total - c]! - c * (logWindowCases[w]! + logRecentTotals[t]! - logTotal) - (total - c) * logOutsideExpected[w * T + t]!;
        if (out) out[w * T + t] = llr;
        if (llr > best) best = llr;
      }
    }
  }
  return best;
}

/** Fills `recent` (cells × maxDays, cumulative over the last days) from each case's cell and day. */
function countRecent(caseCells: Int32Array, caseDays: Int32Array, days: number, maxDays: number, recent: Int32Array): void {
  recent.fill(0);
  for (let k = 0; k < caseCells.length; k += 1) {
    const back = days - 1 - caseDays[k]!;
    if (back < maxDays) recent[caseCells[k]! * maxDays + back]! += 1;
  }
  for (let row = 0; row < recent.length; row += maxDays) {
    for (let t = 1; t < maxDays; t += 1) recent[row + t]! += recent[row + t - 1]!;
  }
}

/** The seed of replica r: a murmur3-style finaliser of (seed, r), as in `poisson-replicas.ts`. */
function replicaSeed(seed: number, r: number): number {
  let a = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(r + 1, 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 16), 0x7feb352d);
  a = Math.imul(a ^ (a >>> 15), 0x846ca68b);
  return a ^ (a >>> 16);
}

/**
 * Recent space-time clusters (cylinders ending on the last day), most likely first, each with its Monte Carlo p-value.
 * @example scanSpaceTime(cells, { maxDays: 7 }).filter((c) => c.pValue < 0.05) // outbreaks of the last week
 */
export function scanSpaceTime(cells: readonly SpaceTimeCell[], options: SpaceTimeOptions = {}): Cluster[] {
  validateSpaceTimeInput(cells, options);
  const n = cells.length;
  const days = cells[0]!.casesByDay.length;
  const maxDays = Math.min(options.maxDays ?? DEFAULTS.maxDays, days);
  const replicas = options.replicas ?? DEFAULTS.replicas;
  const cellTotals = Float64Array.from(cells, (c) => c.casesByDay.reduce((s, v) => s + v, 0));
  const total = cellTotals.reduce((s, v) => s + v, 0);
  if (total === 0) return [];
  const caseCells = new Int32Array(total);
  const caseDays = new Int32Array(total);
  const dayTotals = new Float64Array(days);
  let k = 0;
  cells.forEach((cell, z) => cell.casesByDay.forEach((count, d) => {
    dayTotals[d]! += count;
    caseCells.fill(z, k, k + count);
    caseDays.fill(d, k, k + count);
    k += count;
  }));
  const windows = buildCircularWindows(
    Float64Array.from(cells, (c) => c.x),
    Float64Array.from(cells, (c) => c.y),
    Float64Array.from(cells, (c) => c.population),
    options.maxPopulationShare ?? DEFAULTS.maxPopulationShare,
  );
  const windowCases = new Float64Array(windows.windowSize.length);
  for (let w = 0; w < windowCases.length; w += 1) for (const z of windowCells(windows, w)) windowCases[w]! += cellTotals[z]!;
  const recentTotals = new Float64Array(maxDays);
  for (let t = 0; t < maxDays; t += 1) recentTotals[t] = (t > 0 ? recentTotals[t - 1]! : 0) + dayTotals[days - 1 - t]!;
  const model: SpaceTimeModel = {
    windows, total, days, maxDays, windowCases, recentTotals,
    logWindowCases: windowCases.map(Math.log),
    logRecentTotals: recentTotals.map(Math.log),
    logOutsideExpected: Float64Array.from({ length: windowCases.length * maxDays }, (_, k) =>
      Math.log(total - (windowCases[Math.floor(k / maxDays)]! * recentTotals[k % maxDays]!) / total),
    ),
    kLogK: kLogKTable(total),
  };
  const recent = new Int32Array(n * maxDays);
  countRecent(caseCells, caseDays, days, maxDays, recent);
  const observed = new Float64Array(windowCases.length * maxDays);
  cylinderLlrs(model, recent, observed);
  const maxima = new Float64Array(replicas);
  const shuffled = new Int32Array(total);
  for (let r = 0; r < replicas; r += 1) {
    const random = seededRandom(replicaSeed(options.seed ?? DEFAULTS.seed, r));
    shuffled.set(caseDays);
    for (let i = total - 1; i > 0; i -= 1) {
      const j = Math.floor(random.next() * (i + 1));
      const day = shuffled[i]!;
      shuffled[i] = shuffled[j]!;
      shuffled[j] = day;
    }
    countRecent(caseCells, shuffled, days, maxDays, recent);
    maxima[r] = cylinderLlrs(model, recent, null);
  }
  const sorted = sortMaxima(maxima);
  countRecent(caseCells, caseDays, days, maxDays, recent);
  return selectClusters(windows, observed, maxDays, options.maxClusters ?? DEFAULTS.maxClusters).map((candidate) => {
    const w = Math.floor(candidate / maxDays);
    const t = candidate % maxDays;
    const members = windowCells(windows, w);
    let cases = 0;
    for (const z of members) cases += recent[z * maxDays + t]!;
    const expected = (windowCases[w]! * recentTotals[t]!) / total;
    return {
      centre: cells[windows.windowCentre[w]!]!.id,
      radiusMetres: Math.sqrt(windows.windowRadius2[w]!),
      cellIds: Array.from(members, (i) => cells[i]!.id),
      cases,
      expected,
      relativeRisk: relativeRisk(cases, expected, total),
      llr: observed[candidate]!,
      pValue: pValueOf(sorted, observed[candidate]!),
      method: 'space-time-permutation',
      replicas,
      days: t + 1,
    };
  });
}

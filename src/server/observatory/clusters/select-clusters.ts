/**
 * @module From every candidate's LLR to the reported clusters: the most likely one, then each next best that shares
 * no cell with those already reported; and the Monte Carlo p-value of an LLR against the replicas' maxima.
 */
import { type CircularWindows } from './circular-windows.ts';

/**
 * Smallest LLR worth a cluster. A window whose cases equal its expectation exactly (the cylinder spanning the whole study
 * period, always) may get an LLR of 1e-15 instead of 0 from rounding, which must not make it a cluster.
 */
export const MIN_LLR = 1e-9;

/** LLRs closer than this (relative) are a tie, which the candidate listed first wins, so float noise cannot flip it. */
export const TIE = 1e-9;

/**
 * Indices of the chosen candidates, best first. Candidate k is window `Math.floor(k / perWindow)` (the space-time
 * scan has `perWindow` time lengths per circle); a candidate with an LLR under `MIN_LLR` is never chosen.
 */
export function selectClusters(windows: CircularWindows, llrs: Float64Array, perWindow: number, maxClusters: number): number[] {
  const { cellCount, neighbours, neighbourStart, windowCentre, windowSize } = windows;
  // Position, in each centre's sorted list, of its first cell already in a reported cluster.
  const firstCovered = new Int32Array(cellCount).fill(0x7fffffff);
  const covered = new Uint8Array(cellCount);
  const chosen: number[] = [];
  while (chosen.length < maxClusters) {
    let best = -1;
    let bestLlr = 0;
    for (let k = 0; k < llrs.length; k += 1) {
      const llr = llrs[k]!;
      if (!(llr > MIN_LLR)) continue;
      const w = Math.floor(k / perWindow);
      if (windowSize[w]! > firstCovered[windowCentre[w]!]!) continue;
      if (best < 0 || llr > bestLlr + TIE * Math.max(1, bestLlr)) {
        best = k;
        bestLlr = llr;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    const w = Math.floor(best / perWindow);
    const start = neighbourStart[windowCentre[w]!]!;
    for (let k = start; k < start + windowSize[w]!; k += 1) covered[neighbours[k]!] = 1;
    for (let centre = 0; centre < cellCount; centre += 1) {
      const base = neighbourStart[centre]!;
      const end = Math.min(neighbourStart[centre + 1]! - base, firstCovered[centre]!);
      for (let k = 0; k < end; k += 1) {
        if (covered[neighbours[base + k]!]) {
          firstCovered[centre] = k;
          break;
        }
      }
    }
  }
  return chosen;
}

/** The replicas' maxima sorted, ready for `pValueOf`. */
export function sortMaxima(maxima: Float64Array): Float64Array {
  return Float64Array.from(maxima).sort();
}

/** (1 + replicas whose maximum is at least `llr`) / (replicas + 1): the rank of the observed among the replicas. */
export function pValueOf(sortedMaxima: Float64Array, llr: number): number {
  let lo = 0;
  let hi = sortedMaxima.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedMaxima[mid]! >= llr) hi = mid;
    else lo = mid + 1;
  }
  return (1 + sortedMaxima.length - lo) / (sortedMaxima.length + 1);
}

/** (c/e) inside over (C−c)/(C−e) outside; null when nothing is outside to compare with. */
export function relativeRisk(cases: number, expected: number, total: number): number | null {
  return total - cases > 0 ? cases / expected / ((total - cases) / (total - expected)) : null;
}

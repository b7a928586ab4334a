/**
 * @module The Monte Carlo loop of the Poisson scan: for replicas `from … to - 1`, draw the cases again under the
 * null hypothesis and keep the largest window LLR of each. Self-contained on purpose — no import, no inner function —
 * because worker threads run these very functions from their source text (`scan-in-workers.ts`).
 */

/** Everything a replica needs, as plain typed arrays (they cross to worker threads by copy). */
export interface PoissonReplicaJob {
  cellCount: number;
  totalCases: number;
  seed: number;
  neighbours: Int32Array;
  neighbourStart: Int32Array;
  windowStart: Int32Array;
  windowSize: Int32Array;
  /** Expected cases of each window, then ln(expected) and ln(total cases − expected). */
  expected: Float64Array;
  logExpected: Float64Array;
  logOutsideExpected: Float64Array;
  /** k·ln k for k = 0 … total cases: the LLR without a logarithm per window. */
  kLogK: Float64Array;
  /** Walker's alias table of the cells' population shares: one uniform draw places one case. */
  aliasProbability: Float64Array;
  aliasIndex: Int32Array;
}

/**
 * Draws replica r under the null hypothesis into `counts`: the total cases placed one by one, each in a cell chosen in
 * proportion to its population (a multinomial draw). Replica r has its own seed — mulberry32 seeded by a murmur3-style
 * hash of (job seed, r) — so the result does not depend on how replicas are split between threads.
 */
export function drawReplicaCounts(job: PoissonReplicaJob, r: number, counts: Int32Array): void {
  const n = job.cellCount;
  const { aliasProbability, aliasIndex } = job;
  let a = Math.imul(job.seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(r + 1, 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 16), 0x7feb352d);
  a = Math.imul(a ^ (a >>> 15), 0x846ca68b);
  a ^= a >>> 16;
  counts.fill(0);
  for (let k = 0; k < job.totalCases; k += 1) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const u = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
    const cell = u | 0;
    counts[u - cell < aliasProbability[cell]! ? cell : aliasIndex[cell]!]! += 1;
  }
}

/**
 * The largest LLR over all windows for these counts (0 when no window has more cases than expected). The cases are
 * summed once along each centre's sorted neighbours; an LLR is table look-ups only: c·ln c and (C−c)·ln(C−c) from
 * `kLogK`, ln e and ln(C−e) precomputed per window. Windows go by blocks of 16: for c > e the LLR grows with c and falls
 * with e, so the block's last count with its first expectation bounds every LLR in it, and a block whose bound does
 * not beat the best so far is skipped — most of them once the best is found, with the same maximum.
 */
export function largestWindowLlr(job: PoissonReplicaJob, counts: Int32Array): number {
  const total = job.totalCases;
  const { neighbours, neighbourStart, windowStart, windowSize, expected, logExpected, logOutsideExpected, kLogK } = job;
  const cumulative = new Int32Array(job.cellCount);
  let best = 0;
  for (let centre = 0; centre < job.cellCount; centre += 1) {
    const base = neighbourStart[centre]!;
    const length = neighbourStart[centre + 1]! - base;
    let c = 0;
    for (let k = 0; k < length; k += 1) {
      c += counts[neighbours[base + k]!]!;
      cumulative[k] = c;
    }
    const last = windowStart[centre + 1]!;
    for (let from = windowStart[centre]!; from < last; from += 16) {
      const to = Math.min(from + 16, last);
      const most = cumulative[windowSize[to - 1]! - 1]!;
      if (!(most > expected[from]!)) continue;
      const bound = kLogK[most]! + kLogK[total - most]! - most * logExpected[from]! - (total - most) * logOutsideExpected[from]!;
      if (bound <= best) continue;
      for (let w = from; w < to; w += 1) {
        const cw = cumulative[windowSize[w]! - 1]!;
        if (cw > expected[w]!) {
          const llr = kLogK[cw]! + kLogK[total - cw]! - cw * logExpected[w]! - (total - cw) * logOutsideExpected[w]!;
          if (llr > best) best = llr;
        }
      }
    }
  }
  return best;
}

/** Fills `out[r - from]` with the largest window LLR of replica r, for r = from … to − 1. */
export function poissonReplicaMaxima(job: PoissonReplicaJob, from: number, to: number, out: Float64Array): void {
  const counts = new Int32Array(job.cellCount);
  for (let r = from; r < to; r += 1) {
    drawReplicaCounts(job, r, counts);
    out[r - from] = largestWindowLlr(job, counts);
  }
}

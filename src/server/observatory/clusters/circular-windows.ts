/**
 * @module The scan's windows, computed once: for each centre cell, the other cells sorted by distance, and every
 * circle around it (a prefix of that list) whose population stays within the cap. Replicas reuse them.
 */

/** Windows of one map, flattened into typed arrays. Centre i's neighbours: `neighbours[neighbourStart[i] …]`. */
export interface CircularWindows {
  cellCount: number;
  totalPopulation: number;
  /** Cell indices, nearest first per centre (the centre first), cut after the largest window. */
  neighbours: Int32Array;
  neighbourStart: Int32Array;
  /** Centre i's windows are `windowStart[i] … windowStart[i + 1] - 1`, smallest first. */
  windowStart: Int32Array;
  /** How many of the centre's sorted neighbours the window holds. */
  windowSize: Int32Array;
  windowCentre: Int32Array;
  windowPopulation: Float64Array;
  /** Squared radius in square metres: the squared distance to the farthest cell of the window. */
  windowRadius2: Float64Array;
}

/** Squared distance, written once so that the engine and the brute-force reference compare the same floats. */
export function squaredDistance(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  return dx * dx + dy * dy;
}

/** Whether cell a comes before cell b in the centre's list: nearer, or as near and the centre, or as near and listed first. */
function before(a: number, b: number, d2: Float64Array, centre: number): boolean {
  return d2[a]! < d2[b]! || (d2[a] === d2[b] && b !== centre && (a === centre || a < b));
}

/**
 * The circles of a map. Cells at the same distance from a centre enter its circle together (a circle is a radius,
 * not a count of cells), so a window ends only where the distance changes.
 * @example buildCircularWindows(xs, ys, populations, 0.5).windowSize.length // how many windows the scan evaluates
 */
export function buildCircularWindows(
  xs: Float64Array,
  ys: Float64Array,
  populations: Float64Array,
  maxPopulationShare: number,
): CircularWindows {
  const n = xs.length;
  let total = 0;
  for (let i = 0; i < n; i += 1) total += populations[i]!;
  const cap = maxPopulationShare * total;
  const d2 = new Float64Array(n);
  const order = new Int32Array(n);
  const keys = new Float64Array(n);
  const keyWords = new Uint32Array(keys.buffer);
  const low = new Uint32Array(Float64Array.of(1).buffer)[0] === 0 ? 0 : 1; // the low word of a double, by endianness
  const bits = Math.ceil(Math.log2(n + 1));
  const mask = 2 ** bits - 1;
  const neighbours: Int32Array[] = [];
  const neighbourStart = new Int32Array(n + 1);
  const windowStart = new Int32Array(n + 1);
  const sizes: number[] = [];
  const centres: number[] = [];
  const pops: number[] = [];
  const radii: number[] = [];
  for (let centre = 0; centre < n; centre += 1) {
    // Sorted by (distance, centre first, index). A comparator sort costs more than the rest of the scan's set-up, so
    // the cell's rank (centre 0, others index + 1) replaces the lowest bits of its distance, the keys are sorted
    // natively, and one insertion pass with the exact order repairs the rare pairs whose distances differed only there.
    for (let j = 0; j < n; j += 1) {
      d2[j] = squaredDistance(xs[centre]!, ys[centre]!, xs[j]!, ys[j]!);
      keys[j] = d2[j]!;
      keyWords[2 * j + low] = ((keyWords[2 * j + low]! & ~mask) | (j === centre ? 0 : j + 1)) >>> 0;
    }
    keys.sort();
    for (let k = 0; k < n; k += 1) {
      const rank = keyWords[2 * k + low]! & mask;
      order[k] = rank === 0 ? centre : rank - 1;
    }
    for (let k = 1; k < n; k += 1) {
      const j = order[k]!;
      let at = k;
      while (at > 0 && before(j, order[at - 1]!, d2, centre)) {
        order[at] = order[at - 1]!;
        at -= 1;
      }
      order[at] = j;
    }
    let pop = 0;
    let kept = 0;
    for (let k = 0; k < n; k += 1) {
      pop += populations[order[k]!]!;
      if (pop > cap) break;
      const last = k === n - 1 || d2[order[k + 1]!]! !== d2[order[k]!]!;
      if (!last) continue;
      sizes.push(k + 1);
      centres.push(centre);
      pops.push(pop);
      radii.push(d2[order[k]!]!);
      kept = k + 1;
    }
    neighbours.push(order.slice(0, kept));
    neighbourStart[centre + 1] = neighbourStart[centre]! + kept;
    windowStart[centre + 1] = sizes.length;
  }
  const flat = new Int32Array(neighbourStart[n]!);
  neighbours.forEach((list, i) => flat.set(list, neighbourStart[i]));
  return {
    cellCount: n,
    totalPopulation: total,
    neighbours: flat,
    neighbourStart,
    windowStart,
    windowSize: Int32Array.from(sizes),
    windowCentre: Int32Array.from(centres),
    windowPopulation: Float64Array.from(pops),
    windowRadius2: Float64Array.from(radii),
  };
}

/** The cell indices of window `w`, nearest first. */
export function windowCells(windows: CircularWindows, w: number): Int32Array {
  const start = windows.neighbourStart[windows.windowCentre[w]!]!;
  return windows.neighbours.subarray(start, start + windows.windowSize[w]!);
}

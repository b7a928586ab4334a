/** @module Walker's alias method (Vose's construction): draw a cell in proportion to its weight with one uniform number. */

export interface AliasTable {
  /** Cell i keeps the draw when the uniform's fraction is below `probability[i]`, else gives it to `index[i]`. */
  probability: Float64Array;
  index: Int32Array;
}

/**
 * The alias table of positive weights.
 * @example buildAliasTable(Float64Array.of(1, 3)) // cell 1 drawn three times as often as cell 0
 */
export function buildAliasTable(weights: Float64Array): AliasTable {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += weights[i]!;
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i += 1) {
    scaled[i] = (weights[i]! * n) / sum;
    (scaled[i]! < 1 ? small : large).push(i);
  }
  const probability = new Float64Array(n);
  const index = new Int32Array(n);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large[large.length - 1]!;
    probability[s] = scaled[s]!;
    index[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l] < 1) small.push(large.pop()!);
  }
  // What is left is 1 up to rounding: it keeps every draw.
  for (const i of [...small, ...large]) {
    probability[i] = 1;
    index[i] = i;
  }
  return { probability, index };
}

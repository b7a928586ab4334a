/** @module Trip records and the dynamic k-d trees that hold them, in shared typed-array pools: planting, insertion, scapegoat rebuilds, removal refits. */

// A trip record, copied into its tree's leaf block so a leaf scan reads contiguous memory.
// Floats (f32): origin x y z, destination x y z (km on the sphere, from the index's reference point),
// km alone, window start, window end, seats. Ints: slot, day number of a one-off trip (RECURRING
// otherwise), weekday mask. Node bounds are min/max of f32 values, hence exact f32 themselves.
export const FR = 10;
export const IR = 3;
export const SPATIAL = 6;
export const [KM, START, END, SEATS] = [6, 7, 8, 9];
/** Split code for records equal in every coordinate (same meeting points): split by slot, so leaves stay small. */
const BY_SLOT = FR;
/** Node bounds: lo of each float, then hi of each. Node ints: count, dim (-1 leaf), first child (children are adjacent) or leaf block, mask. */
export const NB = 2 * FR;
export const NI = 4;
export const RECURRING = -2147483648;
/** Records per leaf: a leaf scan costs less than a node visit, so fairly big leaves pay (16–64 measured within 15 %). */
export const CAP = 32;
/** Scapegoat balance: a subtree whose child holds more than this share of it is rebuilt when the tree grows too deep. */
const BALANCE = 0.75;

export function grown<T extends Float32Array | Float64Array | Int32Array | Uint32Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Every tree of one index in shared typed-array pools (no object per node: fewer cache misses, no GC).
 * A tree is a root node id; leaves split when full, subtrees are rebuilt (median splits on the widest
 * coordinate) when the tree grows too deep, and removals refit the bounds up the path, so they stay exact.
 */
export class Forest {
  bounds = new Float32Array(64 * NB);
  ints = new Int32Array(64 * NI);
  splits = new Float64Array(64);
  recF = new Float32Array(8 * CAP * FR);
  recI = new Int32Array(8 * CAP * IR);
  private pairs = 0;
  private blocks = 0;
  private readonly freePairs: number[] = [];
  private readonly freeBlocks: number[] = [];
  private readonly path: number[] = [];

  /** A new tree: an empty leaf (its pair's second node stays unused). */
  plant(): number {
    const root = this.allocPair();
    this.makeLeaf(root);
    return root;
  }

  count(n: number): number {
    return this.ints[n * NI]!;
  }

  insert(root: number, f: Float32Array, i: Int32Array): void {
    const path = this.descend(root, f, i);
    const leaf = path.pop()!;
    for (const n of path) {
      this.widen(n, f, 0, i[2]!);
      this.ints[n * NI]!++;
    }
    if (this.count(leaf) < CAP) this.append(leaf, f, 0, i, 0);
    else this.rebuild(leaf, f, i);
    if (path.length > 2 * Math.log2(this.count(root) / CAP + 1) + 4) {
      const scapegoat = path.findLast((n) => Math.max(this.count(this.ints[n * NI + 2]!), this.count(this.ints[n * NI + 2]! + 1)) > BALANCE * this.count(n));
      if (scapegoat !== undefined) this.rebuild(scapegoat);
    }
  }

  remove(root: number, f: Float32Array, i: Int32Array): boolean {
    const path = this.descend(root, f, i);
    const leaf = path.pop()!;
    const base = this.ints[leaf * NI + 2]! * CAP;
    const last = this.count(leaf) - 1;
    let r = 0;
    while (r <= last && this.recI[(base + r) * IR] !== i[0]) r++;
    if (r > last) return false;
    this.recF.copyWithin((base + r) * FR, (base + last) * FR, (base + last + 1) * FR);
    this.recI.copyWithin((base + r) * IR, (base + last) * IR, (base + last + 1) * IR);
    this.ints[leaf * NI] = last;
    for (const n of [leaf, ...path.reverse()]) {
      if (n !== leaf) this.ints[n * NI]!--;
      this.refit(n);
    }
    return true;
  }

  /** Rebuilds the subtree at n in place, balanced, with one extra record when given. */
  rebuild(n: number, extraF?: Float32Array, extraI?: Int32Array): void {
    const total = this.count(n) + (extraF ? 1 : 0);
    const F = new Float32Array(total * FR);
    const I = new Int32Array(total * IR);
    let at = 0;
    const collect = (m: number): void => {
      const [count, dim, link] = [this.count(m), this.ints[m * NI + 1]!, this.ints[m * NI + 2]!];
      if (dim >= 0) {
        collect(link);
        collect(link + 1);
        this.freePairs.push(link / 2);
        return;
      }
      F.set(this.recF.subarray(link * CAP * FR, (link * CAP + count) * FR), at * FR);
      I.set(this.recI.subarray(link * CAP * IR, (link * CAP + count) * IR), at * IR);
      at += count;
      this.freeBlocks.push(link);
    };
    collect(n);
    if (extraF && extraI) {
      F.set(extraF, at * FR);
      I.set(extraI, at * IR);
    }
    this.build(n, F, I, Int32Array.from({ length: total }, (_, j) => j), 0, total);
  }

  private build(n: number, F: Float32Array, I: Int32Array, idx: Int32Array, from: number, to: number): void {
    const total = to - from;
    if (total <= CAP) {
      this.makeLeaf(n);
      for (let j = from; j < to; j++) this.append(n, F, idx[j]! * FR, I, idx[j]! * IR);
      return;
    }
    let [dim, widest] = [BY_SLOT, 0];
    for (let d = 0; d < SPATIAL; d++) {
      let [min, max] = [Infinity, -Infinity];
      for (let j = from; j < to; j++) {
        const v = F[idx[j]! * FR + d]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > widest) [dim, widest] = [d, max - min];
    }
    const key = (j: number): number => (dim === BY_SLOT ? I[idx[j]! * IR]! : F[idx[j]! * FR + dim]!);
    const keys = Float64Array.from({ length: total }, (_, j) => key(from + j)).sort();
    let split = keys[(total - 1) >> 1]!;
    // When the median is the maximum, split just below it so that both sides hold records.
    for (let j = total - 1; split === keys[total - 1]; j--) split = keys[j]!;
    let a = from;
    for (let b = to - 1; a <= b; ) {
      if (key(a) <= split) a++;
      else [idx[a], idx[b--]] = [idx[b]!, idx[a]!];
    }
    const child = this.allocPair();
    this.ints.set([total, dim, child, 0], n * NI);
    this.splits[n] = split;
    this.build(child, F, I, idx, from, a);
    this.build(child + 1, F, I, idx, a, to);
    this.refit(n);
  }

  /** Root-to-leaf path of a record (the leaf last). */
  private descend(root: number, f: Float32Array, i: Int32Array): number[] {
    const path = this.path;
    path.length = 0;
    let n = root;
    for (let dim = this.ints[n * NI + 1]!; dim >= 0; dim = this.ints[n * NI + 1]!) {
      path.push(n);
      n = this.ints[n * NI + 2]! + ((dim === BY_SLOT ? i[0]! : f[dim]!) <= this.splits[n]! ? 0 : 1);
    }
    path.push(n);
    return path;
  }

  private allocPair(): number {
    const pair = this.freePairs.pop() ?? this.pairs++;
    this.bounds = grown(this.bounds, (2 * pair + 2) * NB);
    this.ints = grown(this.ints, (2 * pair + 2) * NI);
    this.splits = grown(this.splits, 2 * pair + 2);
    return 2 * pair;
  }

  private makeLeaf(n: number): void {
    const block = this.freeBlocks.pop() ?? this.blocks++;
    this.recF = grown(this.recF, (block + 1) * CAP * FR);
    this.recI = grown(this.recI, (block + 1) * CAP * IR);
    this.ints.set([0, -1, block, 0], n * NI);
    this.bounds.fill(Infinity, n * NB, n * NB + FR).fill(-Infinity, n * NB + FR, n * NB + NB);
  }

  private append(leaf: number, F: Float32Array, fo: number, I: Int32Array, io: number): void {
    const r = this.ints[leaf * NI + 2]! * CAP + this.ints[leaf * NI]!++;
    this.recF.set(F.subarray(fo, fo + FR), r * FR);
    this.recI.set(I.subarray(io, io + IR), r * IR);
    this.widen(leaf, F, fo, I[io + 2]!);
  }

  private widen(n: number, F: Float32Array, fo: number, mask: number): void {
    const [b, o] = [this.bounds, n * NB];
    for (let d = 0; d < FR; d++) {
      const v = F[fo + d]!;
      if (v < b[o + d]!) b[o + d] = v;
      if (v > b[o + FR + d]!) b[o + FR + d] = v;
    }
    this.ints[n * NI + 3]! |= mask;
  }

  private refit(n: number): void {
    const [b, o, link] = [this.bounds, n * NB, this.ints[n * NI + 2]!];
    b.fill(Infinity, o, o + FR).fill(-Infinity, o + FR, o + NB);
    this.ints[n * NI + 3] = 0;
    if (this.ints[n * NI + 1]! < 0) {
      for (let r = link * CAP; r < link * CAP + this.count(n); r++) this.widen(n, this.recF, r * FR, this.recI[r * IR + 2]!);
      return;
    }
    for (const c of [link, link + 1]) {
      for (let d = 0; d < NB; d++) b[o + d] = d < FR ? Math.min(b[o + d]!, b[c * NB + d]!) : Math.max(b[o + d]!, b[c * NB + d]!);
      this.ints[n * NI + 3]! |= this.ints[c * NI + 3]!;
    }
  }
}

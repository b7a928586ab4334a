/** @module Pruning lower bounds of the trip index: tangent bounds on a node's boxes, their float slack, and the rank key a bound reaches. */
import { EARTH_RADIUS_KM } from '../core/router.ts';
import { FR } from './trip-forest.ts';

/** Float32 rounds minutes and seats by at most 1e-4 of a unit: prune only beyond that, the exact test decides. */
export const [TIME_SLACK, SEAT_SLACK] = [1e-3, 1e-3];
/** See `rankKey`. */
const GAP_RANGE = 4096;

const SCRATCH = new Float64Array(15);
export const INV_18R2 = 1 / (18 * EARTH_RADIUS_KM * EARTH_RADIUS_KM);

/**
 * Chord-space lower bound of |O-Po| + |D-Pd| - |O-D| over drivers with O, D in the node's boxes (query:
 * passenger Po, Pd). Norms are convex, so each lies above its tangent at the box centre; the concave
 * -|O-D| is bounded by |c + δ| ≤ |c| + ĉ·δ + ρ²/(2(|c| - ρ)) for |δ| ≤ ρ < |c|, plus the arc-over-chord
 * excess. Near the zero-detour sheet (O behind Po, D beyond Pd) the linear terms cancel, so the bound is
 * tight exactly where plain box distances are loosest (ties at 0.0 km live there).
 */
export function lowerBoundDriverExcess(b: Float32Array, o: number, q: Float64Array): number {
  const v = SCRATCH;
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  let hwO = 0;
  let hwD = 0;
  for (let d = 0; d < 3; d++) {
    const cO = (b[o + d]! + b[o + FR + d]!) / 2;
    const cD = (b[o + d + 3]! + b[o + FR + d + 3]!) / 2;
    const v1 = (v[d] = cO - q[d]!);
    const v2 = (v[d + 3] = cD - q[d + 3]!);
    const v3 = (v[d + 6] = cD - cO);
    const h1 = (v[d + 9] = (b[o + FR + d]! - b[o + d]!) / 2);
    const h2 = (v[d + 12] = (b[o + FR + d + 3]! - b[o + d + 3]!) / 2);
    n1 += v1 * v1;
    n2 += v2 * v2;
    n3 += v3 * v3;
    hwO += h1 * h1;
    hwD += h2 * h2;
  }
  n1 = Math.sqrt(n1);
  n2 = Math.sqrt(n2);
  n3 = Math.sqrt(n3);
  const rho = Math.sqrt(hwO) + Math.sqrt(hwD);
  if (!(rho < n3)) return -Infinity;
  // Per end, the better of two bounds of |x - P| ± ĉ·δ: the tangent at the centre (tight away from P),
  // and |x| ≥ -ĉ·x (tight along the driver's line, even when the box holds P).
  let slopeO = 0;
  let slopeD = 0;
  let coneO = 0;
  let coneD = 0;
  for (let d = 0; d < 3; d++) {
    const g1 = n1 > 0 ? v[d]! / n1 : 0;
    const g2 = n2 > 0 ? v[d + 3]! / n2 : 0;
    const g3 = v[d + 6]! / n3;
    slopeO += Math.abs(g1 + g3) * v[d + 9]!;
    slopeD += Math.abs(g2 - g3) * v[d + 12]!;
    coneO -= g3 * v[d]!;
    coneD += g3 * v[d + 3]!;
  }
  const ends = Math.max(n1 - slopeO, coneO) + Math.max(n2 - slopeD, coneD);
  const far = n3 + rho;
  return ends - n3 - (rho * rho) / (2 * (n3 - rho)) - far * far * far * INV_18R2;
}

/** Chord-space lower bound of |Po-O| + |Pd-Po| + |D-Pd| over passengers in the node's boxes (query: driver O, D); all convex, tangents at the centres. */
export function lowerBoundPassengerPath(b: Float32Array, o: number, q: Float64Array): number {
  const v = SCRATCH;
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  for (let d = 0; d < 3; d++) {
    const c1 = (b[o + d]! + b[o + FR + d]!) / 2;
    const c2 = (b[o + d + 3]! + b[o + FR + d + 3]!) / 2;
    const v1 = (v[d] = c1 - q[d]!);
    const v2 = (v[d + 3] = c2 - c1);
    const v3 = (v[d + 6] = c2 - q[d + 3]!);
    v[d + 9] = (b[o + FR + d]! - b[o + d]!) / 2;
    v[d + 12] = (b[o + FR + d + 3]! - b[o + d + 3]!) / 2;
    n1 += v1 * v1;
    n2 += v2 * v2;
    n3 += v3 * v3;
  }
  n1 = Math.sqrt(n1);
  n2 = Math.sqrt(n2);
  n3 = Math.sqrt(n3);
  let slope = 0;
  for (let d = 0; d < 3; d++) {
    const g1 = n1 > 0 ? v[d]! / n1 : 0;
    const g2 = n2 > 0 ? v[d + 3]! / n2 : 0;
    const g3 = n3 > 0 ? v[d + 6]! / n3 : 0;
    slope += Math.abs(g1 - g2) * v[d + 9]! + Math.abs(g2 + g3) * v[d + 12]!;
  }
  return n1 + n2 + n3 - slope;
}

/**
 * Float32 offsets round by ≤ 2⁻²⁴ of their size, km too: bounds give way by that much (a few cm
 * over a metropolis) plus 1 mm for float64 rounding, and can then never exceed the exact figures.
 */
export function kmSlack(factor: number, farthestKm: number, longestKm: number): number {
  return 1e-6 * (1 + factor * farthestKm + longestKm);
}

/**
 * The rank a match reaches — (detour in 0.1 km, time gap in minutes), ordered like `compareMatches` —
 * packed in one integer; from lower bounds it is the best rank a record or a node can reach. Whole
 * numbers in, so no float is boxed on this hot path; gaps clamp (safely: only pruning is lost).
 */
export function rankKey(detourUnits: number, gapMinutes: number): number {
  return detourUnits * GAP_RANGE + Math.min(gapMinutes, GAP_RANGE - 1);
}

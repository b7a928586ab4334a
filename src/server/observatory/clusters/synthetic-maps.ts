/**
 * @module Invented maps for the scan's tests and bench: cells scattered on a square, populations, and cases drawn from
 * a Poisson law at a base rate, raised inside planted circles (and, for the space-time maps, on the last days).
 */
import type { Random } from '../../core/random.ts';
import type { ScanCell, SpaceTimeCell } from './types.ts';

/** A planted cluster: inside `radius` metres of (x, y), the rate is `risk` times the base rate. */
export interface Hotspot {
  x: number;
  y: number;
  radius: number;
  risk: number;
  /** Space-time maps only: the raised rate holds on the last `days` days. */
  days?: number;
}

/** A Poisson draw of mean `mean` (Knuth's method, by chunks of 30 so that e^-mean never underflows). */
export function drawPoisson(random: Random, mean: number): number {
  let drawn = 0;
  for (let left = mean; left > 0; left -= 30) {
    const limit = Math.exp(-Math.min(left, 30));
    let p = random.next();
    while (p > limit) {
      drawn += 1;
      p *= random.next();
    }
  }
  return drawn;
}

const riskAt = (x: number, y: number, hotspots: readonly Hotspot[], day: number, days: number): number =>
  hotspots.reduce((risk, h) => (Math.hypot(x - h.x, y - h.y) <= h.radius && day >= days - (h.days ?? days) ? risk * h.risk : risk), 1);

interface MapShape {
  cells: number;
  /** Side of the square in metres (default 10 km). */
  side?: number;
  /** Cases per inhabitant over the period (default 0.005). */
  rate?: number;
  /** Cells on a regular grid (equal distances: ties), instead of scattered. */
  grid?: boolean;
  hotspots?: readonly Hotspot[];
}

function places(random: Random, shape: MapShape): { id: string; x: number; y: number; population: number }[] {
  const side = shape.side ?? 10_000;
  const columns = Math.ceil(Math.sqrt(shape.cells));
  return Array.from({ length: shape.cells }, (_, i) => ({
    id: `cell-${i}`,
    x: shape.grid ? (i % columns) * (side / columns) : random.next() * side,
    y: shape.grid ? Math.floor(i / columns) * (side / columns) : random.next() * side,
    population: shape.grid ? 100 * random.int(1, 20) : 200 + random.next() * 1800,
  }));
}

/** A map for the Poisson scan. */
export function syntheticMap(random: Random, shape: MapShape): ScanCell[] {
  const rate = shape.rate ?? 0.005;
  return places(random, shape).map((p) => ({ ...p, cases: drawPoisson(random, p.population * rate * riskAt(p.x, p.y, shape.hotspots ?? [], 0, 1)) }));
}

/** A map for the space-time scan: `days` days of cases, the rate of each spread evenly over the period. */
export function syntheticSpaceTimeMap(random: Random, shape: MapShape & { days: number }): SpaceTimeCell[] {
  const rate = (shape.rate ?? 0.005) / shape.days;
  return places(random, shape).map((p) => ({
    ...p,
    casesByDay: Array.from({ length: shape.days }, (_, d) => drawPoisson(random, p.population * rate * riskAt(p.x, p.y, shape.hotspots ?? [], d, shape.days))),
  }));
}

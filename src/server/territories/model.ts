/** @module Pure territory rules: roles, bounding boxes of GeoJSON boundaries. */
import type { TerritoryRole } from '../core/database/schema.ts';

export const TERRITORY_ROLES: readonly TerritoryRole[] = ['resident', 'mediator', 'merchant', 'operator', 'commander', 'admin'];

/** Operators and admins see aggregates; personal data only with a logged reason. */
export const STAFF_ROLES: readonly TerritoryRole[] = ['operator', 'admin'];

export type BBox = [west: number, south: number, east: number, north: number];

type Position = number[];
interface Geometry {
  type: string;
  coordinates?: unknown;
}

function visit(coords: unknown, out: BBox): void {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const [x, y] = coords as Position;
    if (x === undefined || y === undefined) return;
    out[0] = Math.min(out[0], x);
    out[1] = Math.min(out[1], y);
    out[2] = Math.max(out[2], x);
    out[3] = Math.max(out[3], y);
  } else if (Array.isArray(coords)) {
    for (const c of coords) visit(c, out);
  }
}

/**
 * The bounding box of GeoJSON geometries, in degrees.
 * @example bboxOf([{ type: 'Point', coordinates: [5, 47] }]) // [5, 47, 5, 47]
 */
export function bboxOf(geometries: Geometry[]): BBox {
  const out: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) visit(g.coordinates, out);
  return out;
}

/** Whether any of `held` is among `allowed`. */
export function hasAnyRole(held: readonly TerritoryRole[], allowed: readonly TerritoryRole[]): boolean {
  return held.some((r) => allowed.includes(r));
}

/** Roles always include resident: every member of a territory lives (or works) there. */
export function normaliseRoles(roles: readonly TerritoryRole[]): TerritoryRole[] {
  return TERRITORY_ROLES.filter((r) => r === 'resident' || roles.includes(r));
}

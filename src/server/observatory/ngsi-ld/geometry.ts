/** @module GeoJSON geometries of GeoProperties (RFC 7946, WGS 84): validation, bounding boxes, distances and relations. */
import { badRequest } from './errors.ts';

export type Position = [number, number];
export interface Geometry {
  type: 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}
export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

const DEPTH: Record<Geometry['type'], number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

function position(value: unknown, where: string): Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n)))
    throw badRequest(`${where}: a position is [longitude, latitude].`);
  const [lon, lat] = value as number[];
  if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) throw badRequest(`${where}: longitude must be within ±180 and latitude within ±90.`);
  return [lon!, lat!];
}

function walk(value: unknown, depth: number, where: string, out: Position[]): void {
  if (depth === 0) {
    out.push(position(value, where));
    return;
  }
  if (!Array.isArray(value) || value.length === 0) throw badRequest(`${where}: coordinates are nested arrays of positions.`);
  if (value.length > 10_000) throw badRequest(`${where}: at most 10,000 positions per array.`);
  for (const item of value) walk(item, depth - 1, where, out);
}

function checkRings(rings: Position[][], where: string): void {
  for (const ring of rings) {
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) throw badRequest(`${where}: a polygon ring is closed and has at least 4 positions.`);
  }
}

/** A valid GeoJSON geometry, or a BadRequestData naming `where`. */
export function parseGeometry(value: unknown, where: string): Geometry {
  if (value === null || typeof value !== 'object') throw badRequest(`${where} must be a GeoJSON geometry.`);
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(type in DEPTH)) throw badRequest(`${where}: the geometry type must be Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon.`);
  const geometryType = type as Geometry['type'];
  walk(coordinates, DEPTH[geometryType], where, []);
  if (geometryType === 'Polygon') checkRings(coordinates as Position[][], where);
  if (geometryType === 'MultiPolygon') for (const polygon of coordinates as Position[][][]) checkRings(polygon, where);
  if (geometryType === 'LineString' && (coordinates as unknown[]).length < 2) throw badRequest(`${where}: a line has at least 2 positions.`);
  return { type: geometryType, coordinates };
}

/** Every position of a geometry, flattened. */
export function positionsOf(geometry: Geometry): Position[] {
  const out: Position[] = [];
  walk(geometry.coordinates, DEPTH[geometry.type], 'geometry', out);
  return out;
}

export function bboxOf(geometry: Geometry): BBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const [lon, lat] of positionsOf(geometry)) {
    box.minLon = Math.min(box.minLon, lon);
    box.maxLon = Math.max(box.maxLon, lon);
    box.minLat = Math.min(box.minLat, lat);
    box.maxLat = Math.max(box.maxLat, lat);
  }
  return box;
}

/** The point that stands for a geometry in the lat/lon index: itself for a Point, else its bounding box's centre. */
export function representativePoint(geometry: Geometry): { lat: number; lon: number } {
  if (geometry.type === 'Point') {
    const [lon, lat] = geometry.coordinates as Position;
    return { lat, lon };
  }
  const b = bboxOf(geometry);
  return { lat: (b.minLat + b.maxLat) / 2, lon: (b.minLon + b.maxLon) / 2 };
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box that contains every point within `metres` of `centre` (the index prefilter of near;maxDistance). */
export function bboxAround(centre: Position, metres: number): BBox {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.cos((centre[1] * Math.PI) / 180);
  const dLon = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
  return { minLon: centre[0] - dLon, maxLon: centre[0] + dLon, minLat: Math.max(-90, centre[1] - dLat), maxLat: Math.min(90, centre[1] + dLat) };
}

function inRing(point: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Position[][]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Position[][][];
  return [];
}

/** True when a point lies inside a Polygon or MultiPolygon (holes excluded). */
export function pointInArea(point: Position, area: Geometry): boolean {
  return polygonsOf(area).some(([outer, ...holes]) => outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole)));
}

function segmentsOf(geometry: Geometry): [Position, Position][] {
  const lines: Position[][] =
    geometry.type === 'LineString' ? [geometry.coordinates as Position[]]
    : geometry.type === 'MultiLineString' || geometry.type === 'Polygon' ? (geometry.coordinates as Position[][])
    : geometry.type === 'MultiPolygon' ? (geometry.coordinates as Position[][][]).flat()
    : [];
  return lines.flatMap((line) => line.slice(1).map((p, i) => [line[i]!, p] as [Position, Position]));
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function segmentsMeet([a, b]: [Position, Position], [c, d]: [Position, Position]): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (p: Position, q: Position, r: Position) => cross(p, q, r) === 0 && Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  return on(c, d, a) || on(c, d, b) || on(a, b, c) || on(a, b, d);
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** True when two geometries share at least one point (planar, in degrees: fine at a territory's scale). */
export function intersects(a: Geometry, b: Geometry): boolean {
  const pointsA = a.type === 'Point' || a.type === 'MultiPoint' ? positionsOf(a) : [];
  const pointsB = b.type === 'Point' || b.type === 'MultiPoint' ? positionsOf(b) : [];
  if (pointsA.some((p) => pointInArea(p, b) || pointsB.some((q) => samePoint(p, q)) || segmentsOf(b).some(([s, t]) => segmentsMeet([s, t], [p, p])))) return true;
  if (pointsB.some((p) => pointInArea(p, a) || segmentsOf(a).some(([s, t]) => segmentsMeet([s, t], [p, p])))) return true;
  const segA = segmentsOf(a);
  const segB = segmentsOf(b);
  if (segA.some((s) => segB.some((t) => segmentsMeet(s, t)))) return true;
  // One area wholly inside the other.
  return positionsOf(a).slice(0, 1).some((p) => pointInArea(p, b)) || positionsOf(b).slice(0, 1).some((p) => pointInArea(p, a));
}

/** True when every position of `inner` lies inside the area `outer`. */
export function within(inner: Geometry, outer: Geometry): boolean {
  return positionsOf(inner).every((p) => pointInArea(p, outer));
}

/** The smallest distance in metres between a point and any position or segment end of a geometry (its positions). */
export function distanceToGeometry(point: Position, geometry: Geometry): number {
  if (pointInArea(point, geometry)) return 0;
  return Math.min(...positionsOf(geometry).map((p) => distanceMetres(point, p)));
}

/** @module Geography Maille keeps: H3 cells for coarse places, point-in-polygon for "is it in the territory". */
import { cellToLatLng, isValidCell, latLngToCell, getResolution } from 'h3-js';

export interface LatLng {
  lat: number;
  lng: number;
}

/** Resolution 9 cells are ~0.1 km² (edge ~175 m): a neighbourhood block, not a doorstep. */
export const PLACE_RESOLUTION = 9;

export function toCell(point: LatLng, resolution = PLACE_RESOLUTION): string {
  return latLngToCell(point.lat, point.lng, resolution);
}

export function cellCenter(cell: string): LatLng {
  const [lat, lng] = cellToLatLng(cell);
  return { lat, lng };
}

export function isPlaceCell(cell: string): boolean {
  return isValidCell(cell) && getResolution(cell) === PLACE_RESOLUTION;
}

type Ring = number[][];

/** Even-odd ray casting on one ring of [lng, lat] positions. */
function inRing(point: LatLng, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(point: LatLng, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole));
}

/** Whether a GeoJSON Polygon or MultiPolygon contains the point. */
export function geometryContains(geometry: { type: string; coordinates?: unknown }, point: LatLng): boolean {
  if (geometry.type === 'Polygon') return inPolygon(point, geometry.coordinates as Ring[]);
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).some((p) => inPolygon(point, p));
  return false;
}

/** @module Pure place helpers: a commune's bounding-box centre, decimal degrees typed with a comma or a dot. */
import type { LatLng } from './types.ts';

/** Centre of the bounding box of a GeoJSON geometry's coordinates, or null when it holds none. */
export function bboxCentre(geometry: unknown): LatLng | null {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      west = Math.min(west, value[0]);
      east = Math.max(east, value[0]);
      south = Math.min(south, value[1]);
      north = Math.max(north, value[1]);
      return;
    }
    for (const item of value) visit(item);
  };
  visit((geometry as { coordinates?: unknown } | null)?.coordinates);
  if (!Number.isFinite(west)) return null;
  return { lat: (south + north) / 2, lng: (west + east) / 2 };
}

/** "47,3220" or " 47.322 " → 47.322; null when not a number within [min, max]. */
export function parseDegrees(text: string, min: number, max: number): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= min && value <= max ? value : null;
}

/** Degrees as typed back into a field: 4 decimals is about 10 m, finer than the stored cell. */
export function degreesText(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

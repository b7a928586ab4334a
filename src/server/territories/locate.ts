/**
 * @module A territory's communes as places are read from them (code, name, boundary, the centre of its bounding box),
 * loaded once per database handle and territory; which commune a point falls in; points outside are refused.
 */
import type { Executor } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import { geometryContains, type LatLng } from '../core/geo.ts';
import { bboxOf } from './model.ts';

export interface TerritoryCommune {
  code: string;
  name: string;
  boundary: { type: string; coordinates?: unknown };
  /** The centre of the boundary's bounding box: where a commune chosen by name is put on a map. */
  centre: LatLng;
}

// Communes change rarely: cache them per database handle and territory for the process's life (a failed load is
// forgotten, so the next call tries again).
const caches = new WeakMap<Executor, Map<string, Promise<TerritoryCommune[]>>>();

/** The territory's communes, by code. */
export function territoryCommunes(db: Executor, territoryId: string): Promise<TerritoryCommune[]> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let entry = cache.get(territoryId);
  if (!entry) {
    entry = db
      .selectFrom('communes')
      .select(['code', 'name', 'boundary'])
      .where('territory_id', '=', territoryId)
      .orderBy('code')
      .execute()
      .then((rows) =>
        rows.map((r) => {
          const boundary = r.boundary as TerritoryCommune['boundary'];
          const [west, south, east, north] = bboxOf([boundary]);
          const centre = Number.isFinite(west) ? { lat: (south + north) / 2, lng: (west + east) / 2 } : { lat: 0, lng: 0 };
          return { code: r.code, name: r.name, boundary, centre };
        }),
      );
    const stored = entry;
    cache.set(territoryId, stored);
    stored.catch(() => cache.delete(territoryId));
  }
  return entry;
}

/**
 * The commune code containing `point`, or a 400 naming `field` when it lies outside the territory.
 * @example await communeAt(db, territory.id, { lat: 47.32, lng: 5.04 }, '/home') // '21231'
 */
export async function communeAt(db: Executor, territoryId: string, point: LatLng, field: string): Promise<string> {
  const communes = await territoryCommunes(db, territoryId);
  const found = communes.find((c) => geometryContains(c.boundary, point));
  if (!found) throw invalid(field, 'This place is outside the territory.');
  return found.code;
}

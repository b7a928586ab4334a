/** @module Which commune of a territory a point falls in; points outside the territory are refused. */
import type { Executor } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import { geometryContains, type LatLng } from '../core/geo.ts';

type Communes = Promise<{ code: string; boundary: { type: string; coordinates?: unknown } }[]>;

// Communes change rarely: cache their polygons per database handle and territory for the process's life.
const caches = new WeakMap<Executor, Map<string, Communes>>();

function communesOf(db: Executor, territoryId: string): Communes {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let entry = cache.get(territoryId);
  if (!entry) {
    entry = db
      .selectFrom('communes')
      .select(['code', 'boundary'])
      .where('territory_id', '=', territoryId)
      .execute()
      .then((rows) => rows.map((r) => ({ code: r.code, boundary: r.boundary as { type: string; coordinates?: unknown } })));
    cache.set(territoryId, entry);
    entry.catch(() => cache.delete(territoryId));
  }
  return entry;
}

/**
 * The commune code containing `point`, or a 400 naming `field` when it lies outside the territory.
 * @example await communeAt(db, territory.id, { lat: 47.32, lng: 5.04 }, '/home') // '21231'
 */
export async function communeAt(db: Executor, territoryId: string, point: LatLng, field: string): Promise<string> {
  const communes = await communesOf(db, territoryId);
  const found = communes.find((c) => geometryContains(c.boundary, point));
  if (!found) throw invalid(field, 'This place is outside the territory.');
  return found.code;
}

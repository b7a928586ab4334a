/** @module The communes as a GeoJSON FeatureCollection for the map, with resident counts. */
import type { Database } from '../core/database/schema.ts';
import { resolveTerritory } from './access.ts';
import { communeStats } from './queries.ts';

export interface CommuneFeature {
  type: 'Feature';
  geometry: unknown;
  properties: { code: string; name: string; population: number; residents: number };
}

export async function listCommunes(
  db: Database,
  slug: string,
): Promise<{ type: 'FeatureCollection'; features: CommuneFeature[] }> {
  const territory = await resolveTerritory(db, slug);
  const communes = await communeStats(db, territory.id);
  return {
    type: 'FeatureCollection',
    features: communes.map((c) => ({
      type: 'Feature',
      geometry: c.boundary,
      properties: { code: c.code, name: c.name, population: c.population, residents: c.residents },
    })),
  };
}

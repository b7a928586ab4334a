/** @module The communes as a GeoJSON FeatureCollection for the map, with resident counts. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { communeStats } from './queries.ts';
import type { CommuneCollection } from './schemas.ts';

type CommuneGeometry = CommuneCollection['features'][number]['geometry'];

export async function listCommunes({ db }: Pick<Deps, 'db'>, { territory }: RequestScope): Promise<CommuneCollection> {
  const communes = await communeStats(db, territory.id);
  return {
    type: 'FeatureCollection',
    features: communes.map((c) => ({
      type: 'Feature',
      // Boundaries are imported as GeoJSON polygons (core/database migrations); the response schema checks them on the way out.
      geometry: c.boundary as CommuneGeometry,
      properties: { code: c.code, name: c.name, population: c.population, residents: c.residents },
    })),
  };
}

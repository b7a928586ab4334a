/** @module A territory's public card: name, bounding box and key figures, each with its source. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { bboxOf } from './model.ts';
import { communeStats, countCommunities, countResidents } from './queries.ts';
import type { TerritoryCard } from './schemas.ts';

export type { TerritoryCard } from './schemas.ts';

export async function getTerritory({ db }: Pick<Deps, 'db'>, { territory }: RequestScope): Promise<TerritoryCard> {
  const [communes, residents, communities] = await Promise.all([
    communeStats(db, territory.id),
    countResidents(db, territory.id),
    countCommunities(db, territory.id),
  ]);
  return {
    slug: territory.slug,
    name: territory.name,
    bbox: bboxOf(communes.map((c) => c.boundary as { type: string })),
    figures: {
      communes: communes.length,
      population: communes.reduce((sum, c) => sum + c.population, 0),
      residents,
      communities,
    },
    sources: {
      population: 'INSEE, populations légales municipales, as published in @etalab/decoupage-administratif 6.0.0 (2026 edition)',
      residents: 'Maille: accounts registered in this territory',
      communities: 'Maille: communities created in this territory',
    },
  };
}

/** @module A territory's public card: name, bounding box and key figures, each with its source. */
import type { Database } from '../core/database/schema.ts';
import { resolveTerritory } from './access.ts';
import { bboxOf, type BBox } from './model.ts';
import { communeStats, countCommunities, countResidents } from './queries.ts';

export interface TerritoryCard {
  slug: string;
  name: string;
  bbox: BBox;
  figures: {
    communes: number;
    /** Sum of the communes' municipal populations (INSEE). */
    population: number;
    residents: number;
    communities: number;
  };
  sources: { population: string; residents: string; communities: string };
}

export async function getTerritory(db: Database, slug: string): Promise<TerritoryCard> {
  const territory = await resolveTerritory(db, slug);
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

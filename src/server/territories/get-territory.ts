/**
 * @module A territory's public card: name, bounding box and key figures, each with its source.
 *
 * Every page asks for it, so it costs one small query: the figures are counted in one round trip, and the bounding
 * box, drawn from the communes' boundaries, is kept per database and territory while the communes stay the same
 * (their number and population sum, read in that same query, tell when they change).
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Database } from '../core/database/schema.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { bboxOf, type BBox } from './model.ts';
import { communeBoundaries, territorySummary } from './queries.ts';
import type { TerritoryCard } from './schemas.ts';

export type { TerritoryCard } from './schemas.ts';

const SOURCES: TerritoryCard['sources'] = {
  population: 'INSEE, populations légales municipales, as published in @etalab/decoupage-administratif 6.0.0 (2026 edition)',
  residents: 'Maille: accounts registered in this territory',
  communities: 'Maille: communities created in this territory',
};

/** Bounding boxes by database, then territory id, each with the communes' fingerprint it was drawn from. */
const boxes = new WeakMap<Database, Map<string, { fingerprint: string; bbox: BBox }>>();

async function territoryBox(db: Database, territoryId: string, fingerprint: string): Promise<BBox> {
  let byTerritory = boxes.get(db);
  if (!byTerritory) boxes.set(db, (byTerritory = new Map()));
  const known = byTerritory.get(territoryId);
  if (known?.fingerprint === fingerprint) return [...known.bbox];
  const bbox = bboxOf((await communeBoundaries(db, territoryId)) as { type: string }[]);
  byTerritory.set(territoryId, { fingerprint, bbox });
  return bbox;
}

export async function getTerritory({ db, config }: Pick<Deps, 'db' | 'config'>, { territory }: RequestScope): Promise<TerritoryCard> {
  const figures = await territorySummary(db, territory.id);
  return {
    slug: territory.slug,
    name: territory.name,
    bbox: await territoryBox(db, territory.id, `${figures.communes}:${figures.population}`),
    figures,
    sources: SOURCES,
    ...(config.mapStyleUrl ? { mapStyleUrl: config.mapStyleUrl } : {}),
  };
}

/** @module The versioned factors table of a territory: the defaults on first use, a new version on each edit. */
import { sql } from 'kysely';
import type { Database, Executor } from '../core/database/schema.ts';
import { DEFAULT_FACTORS, type Factor, type FactorKey } from './factors.ts';

export interface FactorSet {
  version: number;
  factors: Map<FactorKey, Factor>;
}

function toSet(rows: { version: number; key: string; value: number; unit: string; source: string; published_on: string }[]): FactorSet | null {
  const first = rows[0];
  if (!first) return null;
  const factors = new Map<FactorKey, Factor>();
  for (const r of rows) factors.set(r.key as FactorKey, { key: r.key as FactorKey, value: r.value, unit: r.unit, source: r.source, publishedOn: r.published_on });
  return { version: first.version, factors };
}

async function latest(db: Executor, territoryId: string, version?: number): Promise<FactorSet | null> {
  const rows = await db
    .selectFrom('impact_factors')
    .select(['version', 'key', 'value', 'unit', 'source', 'published_on'])
    .where('territory_id', '=', territoryId)
    .where('version', '=', version ?? sql<number>`(select max(version) from impact_factors where territory_id = ${territoryId})`)
    .execute();
  return toSet(rows);
}

/** The territory's current factors; the first call writes the defaults as version 1. */
export async function currentFactors(db: Executor, territoryId: string): Promise<FactorSet> {
  const found = await latest(db, territoryId);
  if (found) return found;
  await db
    .insertInto('impact_factors')
    .values(DEFAULT_FACTORS.map((f) => ({ territory_id: territoryId, version: 1, key: f.key, value: f.value, unit: f.unit, source: f.source, published_on: f.publishedOn })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (await latest(db, territoryId))!;
}

/** One past version, to explain an old figure with the factors that produced it. */
export function factorsVersion(db: Database, territoryId: string, version: number): Promise<FactorSet | null> {
  return latest(db, territoryId, version);
}

/** Writes a complete new version (inside the caller's transaction) and returns its number. */
export async function writeFactorVersion(trx: Executor, territoryId: string, factors: Factor[]): Promise<number> {
  const current = await currentFactors(trx, territoryId);
  const version = current.version + 1;
  await trx
    .insertInto('impact_factors')
    .values(factors.map((f) => ({ territory_id: territoryId, version, key: f.key, value: f.value, unit: f.unit, source: f.source, published_on: f.publishedOn })))
    .execute();
  return version;
}

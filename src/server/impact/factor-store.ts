/** @module The versioned factors table of a territory: the default edition on first use, a new version for each edition imported or edit published. */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import { DEFAULT_EDITION, editionInfo, factorsFromRows, type EditionInfo, type Factor, type FactorKey } from './factors.ts';

export interface FactorSet {
  version: number;
  edition: EditionInfo;
  factors: Map<FactorKey, Factor>;
}

async function load(db: Executor, territoryId: string, version?: number): Promise<FactorSet | null> {
  const wanted = version ?? sql<number>`(select max(version) from impact_factors where territory_id = ${territoryId})`;
  const rows = await db
    .selectFrom('impact_factors')
    .select(['version', 'key', 'value', 'unit', 'source', 'source_url', 'published_on', 'components', 'significant_digits', 'basis'])
    .where('territory_id', '=', territoryId)
    .where('version', '=', wanted)
    .execute();
  const first = rows[0];
  if (!first) return null;
  const edition = await db
    .selectFrom('impact_factor_editions')
    .select(['edition_id', 'name', 'edition_date', 'source'])
    .where('territory_id', '=', territoryId)
    .where('version', '=', first.version)
    .executeTakeFirst();
  const factors = factorsFromRows(rows);
  // Keep the documented order, whatever order the rows came in.
  const ordered = new Map([...factors.entries()].sort(([a], [b]) => order(a) - order(b)));
  return {
    version: first.version,
    edition: edition ? { id: edition.edition_id, name: edition.name, date: edition.edition_date, source: edition.source } : { id: 'unknown', name: 'unknown', date: first.published_on, source: 'impact_factors' },
    factors: ordered,
  };
}

const ORDER = DEFAULT_EDITION.factors.map((f) => f.key);
const order = (key: FactorKey) => ORDER.indexOf(key);

/** The territory's current factors; the first call writes the default edition as version 1. */
export async function currentFactors(db: Executor, territoryId: string): Promise<FactorSet> {
  const found = await load(db, territoryId);
  if (found) return found;
  await insertVersion(db, territoryId, 1, editionInfo(DEFAULT_EDITION), DEFAULT_EDITION.factors, null, true);
  return (await load(db, territoryId))!;
}

/** One past version, to explain an old figure with the factors that produced it. */
export function factorsVersion(db: Executor, territoryId: string, version: number): Promise<FactorSet | null> {
  return load(db, territoryId, version);
}

/** Every version of the territory with its edition, newest first. */
export async function listVersions(db: Executor, territoryId: string): Promise<{ version: number; edition: EditionInfo; createdAt: Date }[]> {
  await currentFactors(db, territoryId);
  const rows = await db
    .selectFrom('impact_factor_editions')
    .select(['version', 'edition_id', 'name', 'edition_date', 'source', 'created_at'])
    .where('territory_id', '=', territoryId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, edition: { id: r.edition_id, name: r.name, date: r.edition_date, source: r.source }, createdAt: r.created_at }));
}

async function insertVersion(db: Executor, territoryId: string, version: number, edition: EditionInfo, factors: Factor[], createdBy: string | null, ignoreConflict = false): Promise<void> {
  let head = db.insertInto('impact_factor_editions').values({ territory_id: territoryId, version, edition_id: edition.id, name: edition.name, edition_date: edition.date, source: edition.source, created_by: createdBy });
  if (ignoreConflict) head = head.onConflict((oc) => oc.doNothing());
  await head.execute();
  let body = db.insertInto('impact_factors').values(
    factors.map((f) => ({
      territory_id: territoryId, version, key: f.key, value: f.value, unit: f.unit, source: f.source, published_on: f.publishedOn,
      source_url: f.sourceUrl ?? null, components: f.components ? JSON.stringify(f.components) : null, significant_digits: f.significantDigits, basis: f.basis ?? null,
    })),
  );
  if (ignoreConflict) body = body.onConflict((oc) => oc.doNothing());
  await body.execute();
}

/** Writes a complete new version from an edition (inside the caller's transaction) and returns its number. */
export async function writeFactorVersion(trx: Executor, territoryId: string, edition: EditionInfo, factors: Factor[], createdBy: string | null): Promise<number> {
  const current = await currentFactors(trx, territoryId);
  const version = current.version + 1;
  await insertVersion(trx, territoryId, version, edition, factors, createdBy);
  return version;
}

/** @module Territory tables: territories, communes, territory members. */
import { sql } from 'kysely';
import type { Database, Executor, TerritoryRole } from '../core/database/schema.ts';

export interface TerritoryRef {
  id: string;
  slug: string;
  name: string;
}

export async function findTerritory(db: Executor, slug: string): Promise<TerritoryRef | undefined> {
  return db.selectFrom('territories').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export async function listTerritoryRefs(db: Database): Promise<TerritoryRef[]> {
  return db.selectFrom('territories').select(['id', 'slug', 'name']).orderBy('name').execute();
}

export async function findRoles(db: Executor, territoryId: string, userId: string): Promise<TerritoryRole[] | null> {
  const row = await db
    .selectFrom('territory_members')
    .select('roles')
    .where('territory_id', '=', territoryId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? row.roles : null;
}

/** The members of a territory holding any of `roles`, accounts not erased, by id: whom to tell (operators on duty, commanders…). */
export async function memberIdsWithRoles(db: Executor, territoryId: string, roles: readonly TerritoryRole[]): Promise<string[]> {
  const rows = await db
    .selectFrom('territory_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.territory_id', '=', territoryId)
    .where('u.deleted_at', 'is', null)
    .where(sql<boolean>`m.roles && ${sql.val([...roles])}::text[]`)
    .orderBy('m.user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export interface CommuneStats {
  code: string;
  name: string;
  population: number;
  residents: number;
  boundary: unknown;
}

/**
 * Communes with their number of registered residents (a count, never a list). The members are counted per commune
 * first and joined after: grouping the communes themselves would sort their boundaries (jsonb), which took 200 ms+.
 */
export async function communeStats(db: Database, territoryId: string): Promise<CommuneStats[]> {
  const rows = await db
    .selectFrom('communes as c')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('territory_members')
          .select(['commune_code', sql<string>`count(*)`.as('n')])
          .where('territory_id', '=', territoryId)
          .groupBy('commune_code')
          .as('m'),
      (j) => j.onRef('m.commune_code', '=', 'c.code'),
    )
    .select(['c.code', 'c.name', 'c.population', 'c.boundary', 'm.n as residents'])
    .where('c.territory_id', '=', territoryId)
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ ...r, residents: Number(r.residents ?? 0) }));
}

export interface TerritorySummary {
  communes: number;
  population: number;
  residents: number;
  communities: number;
}

/** The territory card's figures in one round trip (no boundary read). */
export async function territorySummary(db: Database, territoryId: string): Promise<TerritorySummary> {
  const row = await db
    .selectFrom('communes')
    .select([
      sql<string>`count(*)`.as('communes'),
      sql<string>`coalesce(sum(population), 0)`.as('population'),
      sql<string>`(select count(*) from territory_members where territory_id = ${territoryId})`.as('residents'),
      sql<string>`(select count(*) from communities where territory_id = ${territoryId})`.as('communities'),
    ])
    .where('territory_id', '=', territoryId)
    .executeTakeFirstOrThrow();
  return { communes: Number(row.communes), population: Number(row.population), residents: Number(row.residents), communities: Number(row.communities) };
}

/** The communes' boundaries alone (for the territory's bounding box). */
export async function communeBoundaries(db: Database, territoryId: string): Promise<unknown[]> {
  const rows = await db.selectFrom('communes').select('boundary').where('territory_id', '=', territoryId).execute();
  return rows.map((r) => r.boundary);
}

export async function countResidents(db: Database, territoryId: string): Promise<number> {
  const row = await db
    .selectFrom('territory_members')
    .select(sql<string>`count(*)`.as('n'))
    .where('territory_id', '=', territoryId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

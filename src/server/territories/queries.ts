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

export interface CommuneStats {
  code: string;
  name: string;
  population: number;
  residents: number;
  boundary: unknown;
}

/** Communes with their number of registered residents (a count, never a list). */
export async function communeStats(db: Database, territoryId: string): Promise<CommuneStats[]> {
  const rows = await db
    .selectFrom('communes as c')
    .leftJoin('territory_members as m', (j) =>
      j.onRef('m.territory_id', '=', 'c.territory_id').onRef('m.commune_code', '=', 'c.code'),
    )
    .select(['c.code', 'c.name', 'c.population', 'c.boundary', sql<string>`count(m.user_id)`.as('residents')])
    .where('c.territory_id', '=', territoryId)
    .groupBy(['c.code', 'c.name', 'c.population', 'c.boundary'])
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ ...r, residents: Number(r.residents) }));
}

export async function countResidents(db: Database, territoryId: string): Promise<number> {
  const row = await db
    .selectFrom('territory_members')
    .select(sql<string>`count(*)`.as('n'))
    .where('territory_id', '=', territoryId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countCommunities(db: Database, territoryId: string): Promise<number> {
  const row = await db
    .selectFrom('communities')
    .select(sql<string>`count(*)`.as('n'))
    .where('territory_id', '=', territoryId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

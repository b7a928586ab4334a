/**
 * @module People who made at least one counted gesture in a period, per commune (the one they gave when they joined
 * the territory), for the home page's map. Raw counts: the caller applies the small-group rule before showing them.
 */
import type { Executor } from '../core/database/schema.ts';

export interface CommunePeople {
  code: string;
  name: string;
  population: number;
  people: number;
}

/** Every commune of the territory, with the people who acted between `from` and `to` (calendar days, `to` excluded). */
export async function countPeopleByCommune(db: Executor, territoryId: string, from: string, to: string): Promise<CommunePeople[]> {
  const acted = db
    .selectFrom('gestures as g')
    .innerJoin('territory_members as tm', (join) => join.onRef('tm.user_id', '=', 'g.user_id').onRef('tm.territory_id', '=', 'g.territory_id'))
    .select(['tm.commune_code as code', (eb) => eb.fn.count<string>('g.user_id').distinct().as('people')])
    .where('g.territory_id', '=', territoryId)
    .where('g.counted', '=', true)
    .where('g.occurred_on', '>=', from)
    .where('g.occurred_on', '<', to)
    .groupBy('tm.commune_code')
    .as('a');
  const rows = await db
    .selectFrom('communes as c')
    .leftJoin(acted, 'a.code', 'c.code')
    .select(['c.code', 'c.name', 'c.population', 'a.people'])
    .where('c.territory_id', '=', territoryId)
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, population: r.population, people: Number(r.people ?? 0) }));
}

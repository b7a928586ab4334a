/** @module "You are not alone": how many others made a gesture this week, in one's communities and territory. */
import { sql } from 'kysely';
import type { Executor, GestureKind } from '../core/database/schema.ts';
import { guard } from '../core/privacy/small-group.ts';
import { weekStart } from '../core/time-of-day.ts';
import type { NotAlone } from './schemas.ts';

export type { NotAlone } from './schemas.ts';

/** Others (not `userId`) with a counted gesture — of `kind` when given — in the ISO week of `date`; `minGroup` guards the territory count. */
export async function othersThisWeek(
  db: Executor,
  input: { territoryId: string; userId: string; date: string; kind?: GestureKind | undefined; minGroup: number },
): Promise<NotAlone> {
  const from = weekStart(input.date);
  const to = sql<string>`(${from}::date + 7)`;
  let base = db
    .selectFrom('gestures as g')
    .where('g.territory_id', '=', input.territoryId)
    .where('g.counted', '=', true)
    .where('g.occurred_on', '>=', from)
    .where('g.occurred_on', '<', to)
    .where('g.user_id', '<>', input.userId);
  if (input.kind) base = base.where('g.kind', '=', input.kind);
  const territory = await base.select(sql<string>`count(distinct g.user_id)`.as('n')).executeTakeFirstOrThrow();
  const communities = await db
    .selectFrom('community_members as mine')
    .innerJoin('communities as c', 'c.id', 'mine.community_id')
    .leftJoin('community_members as other', (j) =>
      j.onRef('other.community_id', '=', 'mine.community_id').on('other.status', '=', 'active').onRef('other.user_id', '<>', 'mine.user_id'),
    )
    .leftJoin(base.select('g.user_id').distinct().as('active'), 'active.user_id', 'other.user_id')
    .select(['c.id', 'c.name', sql<string>`count(distinct active.user_id)`.as('others')])
    .where('mine.user_id', '=', input.userId)
    .where('mine.status', '=', 'active')
    .where('mine.territory_id', '=', input.territoryId)
    .groupBy(['c.id', 'c.name'])
    .orderBy('c.name')
    .execute();
  return {
    weekOf: from,
    kind: input.kind ?? null,
    territory: guard(Number(territory.n), Number(territory.n), input.minGroup),
    communities: communities.map((c) => ({ id: c.id, name: c.name, others: Number(c.others) })),
  };
}

/** @module Communities ranked by participation rate this week — never by raw totals; rates built from too few people are not shown outside. */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import { isSuppressed } from '../core/privacy/small-group.ts';
import { weekStart } from '../core/time-of-day.ts';
import { guardParticipation } from './guard-impact.ts';
import type { Participation, Rankings } from './schemas.ts';

export type { Participation } from './schemas.ts';

/**
 * Public communities and the viewer's own, by share of active members with a gesture this week. The viewer
 * sees their own communities' rates; others' go through the small-group rule, and those suppressed come last
 * by name, so their place in the table says nothing of their rate.
 */
export async function rankCommunities(
  db: Executor,
  input: { territoryId: string; viewerId: string | null; today: string; limit: number; minGroup: number },
): Promise<Rankings> {
  const from = weekStart(input.today);
  const rows = await db
    .selectFrom('communities as c')
    .innerJoin('community_members as m', (j) => j.onRef('m.community_id', '=', 'c.id').on('m.status', '=', 'active'))
    .select([
      'c.id',
      'c.name',
      sql<string>`count(*)`.as('members'),
      sql<string>`count(*) filter (where exists (
        select 1 from gestures g where g.user_id = m.user_id and g.territory_id = c.territory_id and g.counted
          and g.occurred_on >= ${from}::date and g.occurred_on < ${from}::date + 7))`.as('active'),
      sql<boolean>`bool_or(m.user_id = ${input.viewerId ?? '0'})`.as('mine'),
    ])
    .where('c.territory_id', '=', input.territoryId)
    .where((eb) =>
      eb.or([
        eb('c.visibility', '=', 'public'),
        eb.exists(eb.selectFrom('community_members as me').select('me.user_id').whereRef('me.community_id', '=', 'c.id').where('me.user_id', '=', input.viewerId ?? '0')),
      ]),
    )
    .groupBy(['c.id', 'c.name'])
    .execute();
  const items = rows
    .map((r) => {
      const p: Participation = { communityId: r.id, name: r.name, members: Number(r.members), active: Number(r.active), rate: Number(r.active) / Number(r.members) };
      return r.mine ? p : guardParticipation(p, input.minGroup);
    })
    .sort((a, b) => {
      if (isSuppressed(a) || isSuppressed(b)) return Number(isSuppressed(a)) - Number(isSuppressed(b)) || a.name.localeCompare(b.name);
      return b.rate - a.rate || b.members - a.members || a.name.localeCompare(b.name);
    })
    .slice(0, input.limit);
  return { weekOf: from, items };
}

/** @module Places and the waiting list of a mission, under the mission's row lock: who holds a place, ranks, and promotion when a place frees up. */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import type { NotifyContext } from '../notifications/index.ts';
import { promotions } from './model.ts';
import { missionLink, sendNotice } from './notices.ts';
import type { MissionRow } from './store.ts';

/** Accepted volunteers plus applications awaiting an answer: each holds a place. */
export async function holdingCount(db: Executor, missionId: string): Promise<number> {
  const row = await db
    .selectFrom('participations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('mission_id', '=', missionId)
    .where('status', 'in', ['applied', 'accepted'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function acceptedCount(db: Executor, missionId: string): Promise<number> {
  const row = await db
    .selectFrom('participations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('mission_id', '=', missionId)
    .where('status', '=', 'accepted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Waiting-list ranks (1 = next to move up), by application time. */
export async function waitingRanks(db: Executor, missionIds: readonly string[]): Promise<Map<string, number>> {
  if (missionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('participations')
    .select(['id', sql<string>`row_number() over (partition by mission_id order by applied_at, id)`.as('rank')])
    .where('mission_id', 'in', missionIds)
    .where('status', '=', 'waiting')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}

/**
 * Moves people up from the waiting list while places are free (the caller holds the mission's lock) and tells each one.
 * @returns how many mails were queued
 */
export async function promoteFromWaitingList(trx: Executor, mission: MissionRow, territory: { id: string; slug: string }, ctx: NotifyContext): Promise<number> {
  if (mission.status !== 'published') return 0;
  const waiting = await trx
    .selectFrom('participations')
    .select(['id', 'user_id'])
    .where('mission_id', '=', mission.id)
    .where('status', '=', 'waiting')
    .orderBy('applied_at')
    .orderBy('id')
    .execute();
  const n = promotions(mission.volunteers_needed, await holdingCount(trx, mission.id), waiting.length);
  let mailed = 0;
  for (const p of waiting.slice(0, n)) {
    await trx.updateTable('participations').set({ status: 'applied', awaiting_since: ctx.now, promoted_at: ctx.now }).where('id', '=', p.id).execute();
    if (p.user_id) {
      const sent = await sendNotice(trx, { territory }, 'promoted', [p.user_id], { missionId: mission.id, title: mission.title }, missionLink(territory.slug, mission.id), ctx);
      mailed += sent.mailed;
    }
  }
  return mailed;
}

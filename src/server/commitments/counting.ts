/** @module Automatic counting: during the action period, the signers' matching gestures count for the commitment (aggregates only). */
import { sql } from 'kysely';
import type { Executor, GestureKind } from '../core/database/schema.ts';
import { localDate } from '../core/time-of-day.ts';
import type { ActionKind, Commitment } from './model.ts';

/** The gesture kind an action counts; help and free text have no automatic count. */
export function gestureKindOf(action: ActionKind): GestureKind | null {
  return action === 'carpool' || action === 'shift' || action === 'mode_switch' ? action : null;
}

/**
 * The days (Europe/Paris) whose gestures fall in the action period [actionStart, actionEnd): a gesture is
 * dated by its day, so the first and last days count even when the period starts or ends within them.
 */
export function actionDays(c: Pick<Commitment, 'actionStart' | 'actionEnd'>): { from: string; to: string } {
  return { from: localDate(c.actionStart), to: localDate(new Date(c.actionEnd.getTime() - 1)) };
}

export interface AutomaticCount {
  /** Signers with at least one matching counted gesture in the action period. */
  people: number;
  /** Matching counted gestures of all signers in the action period. */
  gestures: number;
}

/**
 * Counts the signers' counted gestures of the commitment's kind in its action period (same corridor for a
 * corridor shift); `userId` narrows it to one signer (their own count). Null when the action has no gesture
 * kind or the period has not started.
 */
export async function automaticCount(
  db: Executor,
  row: { id: string; territory_id: string; action: ActionKind; corridor_id: string | null; action_start: Date; action_end: Date },
  now: Date,
  userId?: string,
): Promise<AutomaticCount | null> {
  const kind = gestureKindOf(row.action);
  if (kind === null || now.getTime() < row.action_start.getTime()) return null;
  const { from, to } = actionDays({ actionStart: row.action_start, actionEnd: row.action_end });
  let q = db
    .selectFrom('gestures as g')
    .innerJoin('commitment_signatures as s', (join) => join.onRef('s.user_id', '=', 'g.user_id').on('s.commitment_id', '=', row.id))
    .select([sql<string>`count(distinct g.user_id)`.as('people'), sql<string>`count(*)`.as('gestures')])
    .where('g.territory_id', '=', row.territory_id)
    .where('g.kind', '=', kind)
    .where('g.counted', '=', true)
    .where('g.occurred_on', '>=', from)
    .where('g.occurred_on', '<=', to);
  if (kind === 'shift' && row.corridor_id !== null) q = q.where('g.corridor_id', '=', row.corridor_id);
  if (userId !== undefined) q = q.where('g.user_id', '=', userId);
  const r = await q.executeTakeFirstOrThrow();
  return { people: Number(r.people), gestures: Number(r.gestures) };
}

/** @module Blocks between two people: a blocked person cannot offer to, accept, message or be notified about the other. */
import type { Executor } from '../core/database/schema.ts';

/** True when either person blocked the other. (The moderation capability stores blocks in migration 0010.) */
export async function isBlockedEitherWay(db: Executor, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const row = await db
    .selectFrom('user_blocks')
    .select('blocker_id')
    .where((eb) => eb.or([eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]), eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)])]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Of `candidates`, those who blocked `userId` or were blocked by them — to leave out of lists and notifications. */
export async function blockedAmong(db: Executor, userId: string, candidates: readonly string[]): Promise<Set<string>> {
  const others = [...new Set(candidates)].filter((c) => c !== userId);
  if (others.length === 0) return new Set();
  const [mine, theirs] = await Promise.all([
    db.selectFrom('user_blocks').select('blocked_id as id').where('blocker_id', '=', userId).where('blocked_id', 'in', others).execute(),
    db.selectFrom('user_blocks').select('blocker_id as id').where('blocked_id', '=', userId).where('blocker_id', 'in', others).execute(),
  ]);
  return new Set([...mine, ...theirs].map((r) => r.id));
}

/** @module Blocking and unblocking a person, and the list of people I blocked. Idempotent; the blocked person is never told. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { invalid, notFound } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { findSubject } from './subjects.ts';
import type { Block, BlockAnswer } from './schemas.ts';

export interface BlockInput {
  userId: string;
}

/** Blocks a member of this territory (again: no change). Blocks hold in every territory, like the accounts. */
export async function blockUser(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: BlockInput): Promise<BlockAnswer> {
  const actor = await requireResident(deps.db, territory, viewer);
  if (input.userId === actor.userId) throw invalid('/userId', 'You cannot block yourself.');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await findSubject(trx, territory.id, 'user', input.userId))) throw notFound('Person');
    const inserted = await trx
      .insertInto('user_blocks')
      .values({ blocker_id: actor.userId, blocked_id: input.userId, territory_id: territory.id, created_at: now })
      .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
      .returning('blocker_id')
      .executeTakeFirst();
    if (inserted) {
      await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer!), action: 'moderation.user_blocked', subjectType: 'user', subjectId: input.userId, requestId, at: now });
    }
  });
  return { blocked: true };
}

/** Lifts my block on a person (none: no change). */
export async function unblockUser(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: BlockInput): Promise<void> {
  const actor = await requireResident(deps.db, territory, viewer);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('user_blocks').where('blocker_id', '=', actor.userId).where('blocked_id', '=', input.userId).returning('blocked_id').executeTakeFirst();
    if (removed) {
      await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer!), action: 'moderation.user_unblocked', subjectType: 'user', subjectId: input.userId, requestId, at: now });
    }
  });
}

/** Someone I blocked: the `Block` response schema. */
export type BlockView = Block;

/** The people I blocked, newest first (erased accounts leave the list with their block). */
export async function listMyBlocks({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<BlockView[]> {
  const actor = await requireResident(db, territory, viewer);
  const rows = await db
    .selectFrom('user_blocks as b')
    .innerJoin('users as u', 'u.id', 'b.blocked_id')
    .select(['b.blocked_id', 'u.display_name', 'b.created_at'])
    .where('b.blocker_id', '=', actor.userId)
    .where('u.deleted_at', 'is', null)
    .orderBy('b.created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ userId: r.blocked_id, displayName: r.display_name ?? '', blockedAt: r.created_at }));
}

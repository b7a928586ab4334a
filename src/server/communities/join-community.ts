/** @module Joining and leaving a community. */
import type { Executor } from '../core/database/schema.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { canSeeCommunity, decideJoin } from './model.ts';
import { countOrganisers, findMembership, lockCommunity } from './queries.ts';
import type { JoinAnswer } from './schemas.ts';
import { verifiedEmailOf } from '../accounts/index.ts';

/**
 * Joins (or asks to join) a community. Idempotent: joining again answers the current status.
 * A private community is found only with its invite code.
 */
export async function joinCommunity(
  deps: Pick<Deps, 'db' | 'bus'>,
  { territory, viewer, requestId }: RequestScope,
  input: { id: string; inviteCode?: string | undefined },
): Promise<JoinAnswer> {
  const actor = await requireResident(deps.db, territory, viewer);
  return inUnitOfWork(deps, async (work): Promise<JoinAnswer> => {
    const joined = await joinIn(work.db, territory.id, actor.userId, input, requestId);
    // Who is in the community changed: carpool's shared-community ranking follows (carpool/trip-store.ts).
    if (joined.changed) work.publish('community.membership_changed', { territoryId: territory.id, communityId: input.id, userId: actor.userId });
    return { status: joined.status };
  });
}

/** The join itself, inside the caller's transaction. */
async function joinIn(
  trx: Executor,
  territoryId: string,
  userId: string,
  input: { id: string; inviteCode?: string | undefined },
  requestId: string,
): Promise<JoinAnswer & { changed: boolean }> {
  const community = await lockCommunity(trx, territoryId, input.id);
  if (!community) throw notFound('Community');
  const existing = await findMembership(trx, community.id, userId);
  const knowsCode = input.inviteCode?.toUpperCase() === community.invite_code;
  // An invite from an organiser settles a pending request: the person is in.
  if (existing?.status === 'pending' && knowsCode) {
    await trx.updateTable('community_members').set({ status: 'active' }).where('community_id', '=', community.id).where('user_id', '=', userId).execute();
    await recordAudit(trx, { territoryId, actorId: userId, action: 'community.member_joined', subjectType: 'community', subjectId: community.id, details: { via: 'invite' }, requestId });
    return { status: 'active', changed: true };
  }
  if (existing) return { status: existing.status, changed: false };
  if (!canSeeCommunity(community.visibility, null) && !knowsCode) throw notFound('Community');
  // Only a verified address vouches for its domain: typing someone's address proves nothing.
  const email = await verifiedEmailOf(trx, userId);
  if (community.join_policy === 'email_domain' && input.inviteCode === undefined && email === null) {
    throw new AppError('forbidden', 'Confirm your e-mail address first: open the link Maille sent you.', { reason: 'email_unverified' });
  }
  const decision = decideJoin(
    { visibility: community.visibility, joinPolicy: community.join_policy, emailDomain: community.email_domain, inviteCode: community.invite_code },
    { inviteCode: input.inviteCode, email: email ?? undefined },
  );
  if (decision.outcome === 'refused') throw new AppError('forbidden', decision.reason, decision.field ? { field: decision.field } : {});
  await trx
    .insertInto('community_members')
    .values({ territory_id: territoryId, community_id: community.id, user_id: userId, role: 'member', status: decision.outcome })
    .onConflict((oc) => oc.columns(['community_id', 'user_id']).doNothing())
    .execute();
  await recordAudit(trx, {
    territoryId,
    actorId: userId,
    action: decision.outcome === 'active' ? 'community.member_joined' : 'community.member_requested',
    subjectType: 'community',
    subjectId: community.id,
    details: { via: knowsCode ? 'invite' : community.join_policy },
    requestId,
  });
  return { status: decision.outcome, changed: decision.outcome === 'active' };
}

/** Leaves a community; the last organiser must hand over first (409). */
export async function leaveCommunity(deps: Pick<Deps, 'db' | 'bus'>, { territory, viewer, requestId }: RequestScope, input: { id: string }): Promise<void> {
  const actor = await requireResident(deps.db, territory, viewer);
  await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const community = await lockCommunity(trx, territory.id, input.id);
    const membership = community ? await findMembership(trx, community.id, actor.userId) : null;
    if (!community || !membership) throw notFound('Membership');
    if (membership.role === 'organiser' && membership.status === 'active' && (await countOrganisers(trx, community.id)) <= 1) {
      throw new AppError('conflict', 'You are the last organiser: name another organiser before leaving.');
    }
    await trx.deleteFrom('community_members').where('community_id', '=', community.id).where('user_id', '=', actor.userId).execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'community.member_left',
      subjectType: 'community',
      subjectId: community.id,
      requestId,
    });
    work.publish('community.membership_changed', { territoryId: territory.id, communityId: input.id, userId: actor.userId });
  });
}

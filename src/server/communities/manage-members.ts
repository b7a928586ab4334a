/** @module Organiser tools on members: approve a request, change a role, remove someone. */
import type { CommunityRole, Executor } from '../core/database/schema.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { recordAudit, type AuditAction } from '../audit/index.ts';
import { requireOrganiser, resolveForResident } from './access.ts';
import { countOrganisers, findMembership, lockCommunity } from './queries.ts';

interface MemberInput {
  /** The community. */
  id: string;
  /** The member acted on. */
  userId: string;
}

/** Runs an organiser action on one member inside a transaction that locks the community. */
async function onMember(
  deps: Pick<Deps, 'db' | 'bus'>,
  { territory, viewer, requestId }: RequestScope,
  input: MemberInput,
  action: AuditAction,
  change: (trx: Executor, ids: { communityId: string; userId: string }) => Promise<Record<string, unknown>>,
  membershipChanges: boolean,
): Promise<void> {
  const access = await resolveForResident(deps.db, territory, input.id, viewer);
  requireOrganiser(access);
  await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    await lockCommunity(trx, access.territory.id, access.community.id);
    const details = await change(trx, { communityId: access.community.id, userId: input.userId });
    await recordAudit(trx, {
      territoryId: access.territory.id,
      actorId: access.actor.userId,
      action,
      subjectType: 'user',
      subjectId: input.userId,
      details: { communityId: access.community.id, ...details },
      requestId,
    });
    // Approving or removing someone changes who is in the community (a role change does not).
    if (membershipChanges) work.publish('community.membership_changed', { territoryId: access.territory.id, communityId: access.community.id, userId: input.userId });
  });
}

async function requireMember(trx: Executor, communityId: string, userId: string) {
  const membership = await findMembership(trx, communityId, userId);
  if (!membership) throw notFound('Member');
  return membership;
}

export function approveMember(deps: Pick<Deps, 'db' | 'bus'>, scope: RequestScope, input: MemberInput): Promise<void> {
  return onMember(deps, scope, input, 'community.member_approved', async (trx, ids) => {
    const m = await requireMember(trx, ids.communityId, ids.userId);
    if (m.status === 'active') return { already: true };
    await trx.updateTable('community_members').set({ status: 'active' }).where('community_id', '=', ids.communityId).where('user_id', '=', ids.userId).execute();
    return {};
  }, true);
}

export function setMemberRole(deps: Pick<Deps, 'db' | 'bus'>, scope: RequestScope, input: MemberInput & { role: CommunityRole }): Promise<void> {
  return onMember(deps, scope, input, 'community.role_changed', async (trx, ids) => {
    const m = await requireMember(trx, ids.communityId, ids.userId);
    if (m.status !== 'active') throw new AppError('conflict', 'Approve this person before giving them a role.');
    if (m.role === 'organiser' && input.role === 'member' && (await countOrganisers(trx, ids.communityId)) <= 1) {
      throw new AppError('conflict', 'A community keeps at least one organiser.');
    }
    await trx.updateTable('community_members').set({ role: input.role }).where('community_id', '=', ids.communityId).where('user_id', '=', ids.userId).execute();
    return { before: m.role, after: input.role };
  }, false);
}

export function removeMember(deps: Pick<Deps, 'db' | 'bus'>, scope: RequestScope, input: MemberInput): Promise<void> {
  return onMember(deps, scope, input, 'community.member_removed', async (trx, ids) => {
    const m = await requireMember(trx, ids.communityId, ids.userId);
    if (m.role === 'organiser' && m.status === 'active' && (await countOrganisers(trx, ids.communityId)) <= 1) {
      throw new AppError('conflict', 'A community keeps at least one organiser.');
    }
    await trx.deleteFrom('community_members').where('community_id', '=', ids.communityId).where('user_id', '=', ids.userId).execute();
    return { status: m.status };
  }, true);
}

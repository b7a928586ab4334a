/** @module Reading one community: its card, its members, or the card behind an invite link. */
import { notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { requireMembersVisible, resolveVisibleCommunity } from './access.ts';
import { isOrganiser } from './model.ts';
import { countActiveMembers, findCommunityByInvite } from './queries.ts';
import type { InvitedCommunity, Member } from './schemas.ts';
import { toCommunityView, type CommunityView } from './view.ts';

export async function getCommunity({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: { id: string }): Promise<CommunityView> {
  const { community, membership } = await resolveVisibleCommunity(db, territory, input.id, viewer);
  return toCommunityView(community, await countActiveMembers(db, community.id), membership);
}

export type MemberView = Member;

/** Active members to members; pending requests to organisers too. */
export async function listMembers({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: { id: string }): Promise<MemberView[]> {
  const access = await resolveVisibleCommunity(db, territory, input.id, viewer);
  requireMembersVisible(access, viewer);
  let query = db
    .selectFrom('community_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name', 'm.role', 'm.status', 'm.joined_at'])
    .where('m.community_id', '=', access.community.id)
    .where('m.territory_id', '=', access.territory.id);
  if (!isOrganiser(access.membership)) query = query.where('m.status', '=', 'active');
  const rows = await query.orderBy('m.role', 'desc').orderBy('u.display_name').limit(1000).execute();
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name ?? '',
    role: r.role,
    status: r.status,
    joinedAt: r.joined_at,
  }));
}

/** What an invite link shows before joining: enough to decide, no member names. */
export async function getInvite({ db }: Pick<Deps, 'db'>, { territory }: RequestScope, input: { code: string }): Promise<InvitedCommunity> {
  const community = await findCommunityByInvite(db, territory.id, input.code);
  if (!community) throw notFound('Invitation');
  return {
    id: community.id,
    name: community.name,
    kind: community.kind,
    description: community.description,
    memberCount: await countActiveMembers(db, community.id),
  };
}

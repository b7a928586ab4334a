/** @module Who may see and manage a community: the one place community permissions are decided. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { CommunityRow, Executor } from '../core/database/schema.ts';
import { AppError, notFound } from '../core/errors.ts';
import { requireResident, type TerritoryActor } from '../territories/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import { canSeeCommunity, canSeeMembers, isOrganiser, type Membership } from './model.ts';
import { findCommunity, findMembership } from './queries.ts';

export interface CommunityAccess {
  territory: TerritoryRef;
  community: CommunityRow;
  membership: Membership | null;
}

/**
 * The community as the viewer may see it; a private one the viewer is not in is the same 404 as an unknown id.
 * Both paths make the same queries (the membership is looked up even for an unknown id), so the answer's
 * time does not tell them apart either.
 */
export async function resolveVisibleCommunity(
  db: Executor,
  territory: TerritoryRef,
  id: string,
  viewer: Viewer | null,
): Promise<CommunityAccess> {
  const community = await findCommunity(db, territory.id, id);
  const membership = await findMembership(db, id, viewer?.userId);
  if (!community) throw notFound('Community');
  if (!canSeeCommunity(community.visibility, membership)) throw notFound('Community');
  // Hidden by moderation: only its members still reach it (to see it, leave it, or for organisers to answer).
  if (community.hidden_at !== null && !membership) throw notFound('Community');
  return { territory, community, membership };
}

/** Like resolveVisibleCommunity, and the viewer must be a resident of the territory. */
/**
 * Of `ids`, those the viewer cannot see in the territory: unknown, private without them, or hidden by moderation.
 * One query whatever the answer, so an unknown id and a private one cost the same.
 */
export async function unseenCommunityIds(db: Executor, territoryId: string, ids: readonly string[], viewer: Viewer | null): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectFrom('communities as c')
    .leftJoin('community_members as m', (j) => j.onRef('m.community_id', '=', 'c.id').on('m.user_id', '=', viewer?.userId ?? '0'))
    .select(['c.id', 'c.visibility', 'c.hidden_at', 'm.role', 'm.status'])
    .where('c.territory_id', '=', territoryId)
    .where('c.id', 'in', wanted)
    .execute();
  const seen = new Set(
    rows
      .filter((r) => {
        const membership = r.role && r.status ? { role: r.role, status: r.status } : null;
        return canSeeCommunity(r.visibility, membership) && (r.hidden_at === null || membership !== null);
      })
      .map((r) => r.id),
  );
  return new Set(wanted.filter((id) => !seen.has(id)));
}

export async function resolveForResident(
  db: Executor,
  territory: TerritoryRef,
  id: string,
  viewer: Viewer | null,
): Promise<CommunityAccess & { actor: TerritoryActor }> {
  // Sign-in first, as join and leave do: anonymous callers get 401 whether the community is private or not.
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const access = await resolveVisibleCommunity(db, territory, id, viewer);
  const actor = await requireResident(db, access.territory, viewer);
  return { ...access, actor };
}

export function requireMembersVisible(access: CommunityAccess, viewer: Viewer | null): void {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in to see who is in this community.');
  if (!canSeeMembers(access.membership)) throw new AppError('forbidden', 'Only members see who is in this community.');
}

/** Organiser tools; a territory admin may step in for moderation. */
export function requireOrganiser(access: CommunityAccess & { actor: TerritoryActor }): void {
  if (!isOrganiser(access.membership) && !access.actor.roles.includes('admin')) {
    throw new AppError('forbidden', 'Only the organisers of this community can do this.');
  }
}

/** @module What a viewer is shown of a community: the invite code only to its organisers. */
import type { CommunityRow } from '../core/database/schema.ts';
import { isOrganiser, type Membership } from './model.ts';
import type { Community } from './schemas.ts';

/** A community as its viewer sees it: the `Community` response schema. */
export type CommunityView = Community;

export function toCommunityView(row: CommunityRow, memberCount: number, membership: Membership | null): CommunityView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    visibility: row.visibility,
    joinPolicy: row.join_policy,
    emailDomain: row.email_domain,
    memberCount,
    myRole: membership?.role ?? null,
    myStatus: membership?.status ?? null,
    ...(isOrganiser(membership) ? { inviteCode: row.invite_code } : {}),
    createdAt: row.created_at,
  };
}

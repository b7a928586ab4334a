/** @module What a viewer is shown of a community: the invite code only to its organisers. */
import type { CommunityKind, CommunityRole, CommunityRow, CommunityVisibility, JoinPolicy, MembershipStatus } from '../core/database/schema.ts';
import { isOrganiser, type Membership } from './model.ts';

export interface CommunityView {
  id: string;
  name: string;
  description: string;
  kind: CommunityKind;
  visibility: CommunityVisibility;
  joinPolicy: JoinPolicy;
  emailDomain: string | null;
  memberCount: number;
  myRole: CommunityRole | null;
  myStatus: MembershipStatus | null;
  inviteCode?: string;
  createdAt: Date;
}

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

/** @module Pure community rules: who gets in, who sees what. */
import type { CommunityKind, CommunityRole, CommunityVisibility, JoinPolicy, MembershipStatus } from '../core/database/schema.ts';

export const KINDS: readonly CommunityKind[] = ['neighbourhood', 'workplace', 'school', 'association', 'other'];
export const VISIBILITIES: readonly CommunityVisibility[] = ['public', 'private'];
export const JOIN_POLICIES: readonly JoinPolicy[] = ['open', 'invite', 'email_domain', 'approval'];
export const COMMUNITY_ROLES: readonly CommunityRole[] = ['member', 'organiser'];
export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ['active', 'pending'];

export interface Membership {
  role: CommunityRole;
  status: MembershipStatus;
}

export interface JoinRules {
  visibility: CommunityVisibility;
  joinPolicy: JoinPolicy;
  emailDomain: string | null;
  inviteCode: string;
}

export type JoinDecision = { outcome: 'active' | 'pending' } | { outcome: 'refused'; reason: string; field?: string };

/**
 * Decides a join request. A valid invite code always lets one in (an organiser shared it);
 * otherwise the join policy rules.
 * @example decideJoin({ visibility: 'public', joinPolicy: 'open', emailDomain: null, inviteCode: 'X' }, {}) // active
 */
export function decideJoin(rules: JoinRules, request: { inviteCode?: string | undefined; email?: string | undefined }): JoinDecision {
  if (request.inviteCode !== undefined) {
    return request.inviteCode.toUpperCase() === rules.inviteCode
      ? { outcome: 'active' }
      : { outcome: 'refused', reason: 'This invite code is not valid for this community.', field: '/inviteCode' };
  }
  switch (rules.joinPolicy) {
    case 'open':
      return { outcome: 'active' };
    case 'approval':
      return { outcome: 'pending' };
    case 'invite':
      return { outcome: 'refused', reason: 'This community is joined through an invite link.' };
    case 'email_domain': {
      const domain = request.email?.split('@').pop()?.toLowerCase();
      return domain && rules.emailDomain && (domain === rules.emailDomain || domain.endsWith(`.${rules.emailDomain}`))
        ? { outcome: 'active' }
        : { outcome: 'refused', reason: `This community is for addresses @${rules.emailDomain ?? ''}.` };
    }
  }
}

/** A private community is invisible (404) to anyone who is not in it. */
export function canSeeCommunity(visibility: CommunityVisibility, membership: Membership | null): boolean {
  return visibility === 'public' || membership !== null;
}

/** Names of members are shown to active members only: public communities show counts to others. */
export function canSeeMembers(membership: Membership | null): boolean {
  return membership?.status === 'active';
}

export function isOrganiser(membership: Membership | null): boolean {
  return membership?.status === 'active' && membership.role === 'organiser';
}

/** Lower-cases an e-mail domain and strips a leading "@". */
export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '');
}

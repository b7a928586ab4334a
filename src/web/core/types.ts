/** @module Shapes of the Maille HTTP API answers the web front end reads (see docs/api.md). */
export type TerritoryRole = 'resident' | 'mediator' | 'merchant' | 'operator' | 'admin';
export type CommunityKind = 'neighbourhood' | 'workplace' | 'school' | 'association' | 'other';
export type Visibility = 'public' | 'private';
export type JoinPolicy = 'open' | 'invite' | 'email_domain' | 'approval';
export type CommunityRole = 'member' | 'organiser';
export type MembershipStatus = 'active' | 'pending';

export const COMMUNITY_KINDS: readonly CommunityKind[] = ['neighbourhood', 'workplace', 'school', 'association', 'other'];
export const VISIBILITIES: readonly Visibility[] = ['public', 'private'];
export const JOIN_POLICIES: readonly JoinPolicy[] = ['open', 'invite', 'email_domain', 'approval'];

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: 'fr' | 'en';
  /** Until verified, Maille sends the address nothing but its verification link. */
  emailVerified: boolean;
  /** A new address waiting for its verification link to be opened. */
  pendingEmail: string | null;
  csrfToken: string;
  territories: { slug: string; name: string; roles: TerritoryRole[] }[];
}

export interface TerritorySummary {
  slug: string;
  name: string;
}

export interface Territory extends TerritorySummary {
  /** [west, south, east, north] in WGS84 degrees. */
  bbox: [number, number, number, number];
  figures: { communes: number; population: number; residents: number; communities: number };
}

export interface CommuneProperties {
  code: string;
  name: string;
  /** INSEE municipal population. */
  population: number;
  /** People registered on Maille who live there. */
  residents: number;
}

export interface CommuneCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: unknown; properties: CommuneProperties }[];
}

export interface Community {
  id: string;
  name: string;
  description: string;
  kind: CommunityKind;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  emailDomain: string | null;
  memberCount: number;
  myRole: CommunityRole | null;
  myStatus: MembershipStatus | null;
  inviteCode?: string;
  createdAt: string;
}

export interface Member {
  userId: string;
  displayName: string;
  role: CommunityRole;
  status: MembershipStatus;
  joinedAt: string;
}

export interface InviteAnswer {
  community: Pick<Community, 'id' | 'name' | 'kind' | 'description' | 'memberCount'>;
}

export interface MailItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

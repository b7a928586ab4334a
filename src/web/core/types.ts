/**
 * @module Shapes of the Maille HTTP API answers the web front end reads, taken from the server's response schemas
 * (type-only imports: nothing of the server reaches the bundle). Dates travel as ISO strings, hence `Wire<…>`.
 */
import type { Me as ServerMe, TerritoryRole as ServerTerritoryRole, VerifiedEmail as ServerVerifiedEmail } from '../../server/accounts/schemas.ts';
import type {
  Community as ServerCommunity,
  CommunityList as ServerCommunityList,
  CommunityReason as ServerCommunityReason,
  DirectoryPage as ServerDirectoryPage,
  InviteCodeAnswer as ServerInviteCodeAnswer,
  JoinAnswer as ServerJoinAnswer,
  MemberList as ServerMemberList,
  CommunityKind as ServerCommunityKind,
  CommunityRole as ServerCommunityRole,
  InviteAnswer as ServerInviteAnswer,
  JoinPolicy as ServerJoinPolicy,
  Member as ServerMember,
  MembershipStatus as ServerMembershipStatus,
  Visibility as ServerVisibility,
} from '../../server/communities/schemas.ts';
import type { DemoMail } from '../../server/system/schemas.ts';
import type {
  CommuneCollection as ServerCommuneCollection,
  CommuneProperties as ServerCommuneProperties,
  TerritoryCard,
  TerritoryList as ServerTerritoryList,
  TerritorySummary as ServerTerritorySummary,
} from '../../server/territories/schemas.ts';
import type { Wire } from './wire.ts';

export type TerritoryRole = ServerTerritoryRole;
export type CommunityKind = ServerCommunityKind;
export type Visibility = ServerVisibility;
export type JoinPolicy = ServerJoinPolicy;
export type CommunityRole = ServerCommunityRole;
export type MembershipStatus = ServerMembershipStatus;

/** Every value of a server union, in the order the forms show them: the build fails when the server adds one. */
export const everyValue =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([U] extends [L[number]] ? unknown : never)): readonly U[] =>
    list;

export const COMMUNITY_KINDS = everyValue<CommunityKind>()(['neighbourhood', 'workplace', 'school', 'association', 'other']);
export const VISIBILITIES = everyValue<Visibility>()(['public', 'private']);
export const JOIN_POLICIES = everyValue<JoinPolicy>()(['open', 'invite', 'email_domain', 'approval']);

export type Me = ServerMe;
export type VerifiedEmail = ServerVerifiedEmail;
export type TerritorySummary = ServerTerritorySummary;
export type TerritoryList = ServerTerritoryList;
export type Territory = TerritoryCard;
export type CommuneProperties = ServerCommuneProperties;
export type CommuneCollection = ServerCommuneCollection;
export type Community = Wire<ServerCommunity>;
export type Member = Wire<ServerMember>;
export type CommunityList = Wire<ServerCommunityList>;
export type DirectoryPage = Wire<ServerDirectoryPage>;
export type MemberList = Wire<ServerMemberList>;
export type JoinAnswer = ServerJoinAnswer;
export type InviteCodeAnswer = ServerInviteCodeAnswer;
/** A refusal's `reason` on community routes (the server's COMMUNITY_REASONS). */
export type CommunityReason = ServerCommunityReason;
export type InviteAnswer = ServerInviteAnswer;
export type MailItem = Wire<DemoMail>;

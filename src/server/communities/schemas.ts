/** @module Request and response schemas of community routes, the types its use-cases return, and the reasons its refusals carry. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, Nullable, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { COMMUNITY_ROLES, JOIN_POLICIES, KINDS, MEMBERSHIP_STATUSES, VISIBILITIES } from './model.ts';

/** Every `reason` a community refusal carries, for clients to branch on. */
export const COMMUNITY_REASONS = ['email_unverified'] as const;
export type CommunityReason = (typeof COMMUNITY_REASONS)[number];

export const Kind = StringEnum(KINDS);
export const Visibility = StringEnum(VISIBILITIES);
export const JoinPolicyType = StringEnum(JOIN_POLICIES);
export const CommunityRole = StringEnum(COMMUNITY_ROLES);
export const MembershipStatus = StringEnum(MEMBERSHIP_STATUSES);
export type CommunityKind = Static<typeof Kind>;
export type Visibility = Static<typeof Visibility>;
export type JoinPolicy = Static<typeof JoinPolicyType>;
export type CommunityRole = Static<typeof CommunityRole>;
export type MembershipStatus = Static<typeof MembershipStatus>;
export const CommunityParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
export const MemberParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam, userId: IdParam });


export const CommunityBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    kind: Kind,
    visibility: Visibility,
    joinPolicy: JoinPolicyType,
    emailDomain: Type.Optional(Type.String({ maxLength: 120 })),
  },
  { additionalProperties: false },
);

export const CommunityPatch = Type.Partial(CommunityBody, { additionalProperties: false });

export const Community = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  kind: Kind,
  visibility: Visibility,
  joinPolicy: JoinPolicyType,
  emailDomain: Nullable(Type.String()),
  memberCount: Type.Integer(),
  myRole: Nullable(CommunityRole),
  myStatus: Nullable(MembershipStatus),
  inviteCode: Type.Optional(Type.String({ description: 'to its organisers only' })),
  createdAt: DateTime,
});
export type Community = Static<typeof Community>;
export const CommunityList = Type.Object({ items: Type.Array(Community) });
export type CommunityList = Static<typeof CommunityList>;
export const DirectoryPage = Type.Object({ items: Type.Array(Community), total: Type.Integer() });
export type DirectoryPage = Static<typeof DirectoryPage>;

export const Member = Type.Object({
  userId: Type.String(),
  displayName: Type.String(),
  role: CommunityRole,
  status: MembershipStatus,
  joinedAt: DateTime,
});
export type Member = Static<typeof Member>;
export const MemberList = Type.Object({ items: Type.Array(Member) });
export type MemberList = Static<typeof MemberList>;

export const InviteCode = Type.String({ pattern: '^[A-Za-z0-9]{6,20}$' });
export const JoinBody = Type.Optional(Type.Object({ inviteCode: Type.Optional(InviteCode) }, { additionalProperties: false }));
export const JoinAnswer = Type.Object({ status: MembershipStatus });
export type JoinAnswer = Static<typeof JoinAnswer>;
export const RoleBody = Type.Object({ role: CommunityRole }, { additionalProperties: false });
export const InviteCodeAnswer = Type.Object({ inviteCode: Type.String() });
export type InviteCodeAnswer = Static<typeof InviteCodeAnswer>;
export const InviteParams = Type.Object({ territory: TerritoryParam.properties.territory, code: InviteCode });
/** What an invite link shows before joining: enough to decide, no member names. */
export const InvitedCommunity = Type.Object({ id: Type.String(), name: Type.String(), kind: Kind, description: Type.String(), memberCount: Type.Integer() });
export type InvitedCommunity = Static<typeof InvitedCommunity>;
export const InviteAnswer = Type.Object({ community: InvitedCommunity });
export type InviteAnswer = Static<typeof InviteAnswer>;

export const DirectoryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(Kind),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);

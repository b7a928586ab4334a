/** @module Request and response schemas of community routes. */
import { Type } from 'typebox';
import { DateTime, IdParam, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { JOIN_POLICIES, KINDS, VISIBILITIES } from './model.ts';

export const Kind = StringEnum(KINDS);
export const Visibility = StringEnum(VISIBILITIES);
export const JoinPolicyType = StringEnum(JOIN_POLICIES);
export const CommunityParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
export const MemberParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam, userId: IdParam });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

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
  myRole: Nullable(Type.String()),
  myStatus: Nullable(Type.String()),
  inviteCode: Type.Optional(Type.String()),
  createdAt: DateTime,
});

export const Member = Type.Object({
  userId: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  status: Type.String(),
  joinedAt: DateTime,
});

export const DirectoryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(Kind),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);

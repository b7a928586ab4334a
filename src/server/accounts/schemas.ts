/** @module Request and response schemas of account routes, and the types its use-cases return. */
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, StringEnum } from '../core/http/schemas.ts';
import { auditSchemas, JsonValueSchema } from '../audit/index.ts';
import { TERRITORY_ROLES } from '../territories/index.ts';
import { PASSWORD_MAX } from './model.ts';

export const Email = Type.String({ format: 'email', maxLength: 254 });
// The minimum length is checked by the password policy, which names the rule in its message.
export const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX });
const Locale = Type.Union([Type.Literal('fr'), Type.Literal('en')]);

export const SignUpBody = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: Type.String({ minLength: 1, maxLength: 80 }),
    territory: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }),
    commune: Type.Optional(Type.String({ pattern: '^[0-9AB]{5}$' })),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

export const SignInBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 100 }), password: Password },
  { additionalProperties: false },
);
export const MePatch = Type.Object(
  { displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })), locale: Type.Optional(Locale) },
  { additionalProperties: false },
);
export const VerifyBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }, { additionalProperties: false });
export const VerifiedEmail = Type.Object({ email: Type.String({ description: 'the address now verified, the account’s' }) });
export type VerifiedEmail = Static<typeof VerifiedEmail>;
export const EmailChangeBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export const DeleteBody = Type.Object({ password: Password }, { additionalProperties: false });

export const TerritoryRole = StringEnum(TERRITORY_ROLES);
export type TerritoryRole = Static<typeof TerritoryRole>;
export type Locale = Static<typeof Locale>;

/** The signed-in person as the app sees them: profile, CSRF token and territories with roles. */
export const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  locale: Locale,
  emailVerified: Type.Boolean({ description: 'until verified, Maille sends the address nothing but its verification link' }),
  pendingEmail: Type.Union([Type.String(), Type.Null()], { description: 'a new address waiting for its verification link to be opened' }),
  csrfToken: Type.String({ description: 'send it back in the x-csrf-token header of every write' }),
  territories: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), roles: Type.Array(TerritoryRole) })),
});
export type Me = Static<typeof Me>;


/**
 * Everything Maille holds about the caller (GDPR art. 15 and 20): the account's own part, described field by field,
 * then one key per capability that keeps something about the person (territories, communities, mobility, …), each
 * that capability's records as JSON (core/personal-data.ts registry).
 */
export const MyDataExport = Type.Object(
  {
    exportedAt: DateTime,
    account: Type.Object({ id: Type.String(), email: Nullable(Type.String()), displayName: Nullable(Type.String()), locale: Type.String(), createdAt: DateTime }),
    sessions: Type.Array(Type.Object({ createdAt: DateTime, expiresAt: DateTime })),
    passwordResets: Type.Array(Type.Object({ createdAt: DateTime, expiresAt: DateTime, usedAt: Nullable(DateTime) })),
    emailVerifications: Type.Array(Type.Object({ email: Type.String(), createdAt: DateTime, expiresAt: DateTime, usedAt: Nullable(DateTime) })),
    mails: Type.Array(Type.Object({ to: Type.String(), subject: Type.String(), text: Type.String(), createdAt: DateTime, sentAt: Nullable(DateTime) })),
    auditLog: Type.Array(auditSchemas.AuditRecord),
  },
  { additionalProperties: JsonValueSchema('a capability’s records about the caller, under the key its personal-data source names', 6) },
);

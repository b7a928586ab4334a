/** @module Response schemas of mediation routes, the types its use-cases return, and the reasons its refusals carry. */
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, StringEnum } from '../core/http/schemas.ts';
import { CONSENT_STATUSES } from './model.ts';

// Types the web app reads with the schemas (it imports the server through schemas.ts only).
export type { ConsentStatus } from './model.ts';

/** Every `reason` a mediation refusal carries (the viewer hook's `not_your_session` included), for clients to branch on. */
export const MEDIATION_REASONS = [
  'code_invalid',
  'consent_ref_used',
  'email_taken',
  'no_consent',
  'not_a_mediator',
  'not_while_acting',
  'not_your_session',
  'reason_required',
  'session_expired',
  'session_required',
  'staff_session',
  'taken_over',
] as const;
export type MediationReason = (typeof MEDIATION_REASONS)[number];


export const AssistedAccount = Type.Object({
  userId: Type.String({ description: 'the Maille number' }),
  displayName: Type.String(),
  communeCode: Nullable(Type.String()),
  communeName: Nullable(Type.String()),
  consentRef: Type.String(),
  consentAt: DateTime,
  createdAt: DateTime,
  createdBy: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  status: StringEnum(CONSENT_STATUSES),
  consentWithdrawnAt: Nullable(DateTime),
  takenOverAt: Nullable(DateTime),
});
export type AssistedAccount = Static<typeof AssistedAccount>;

/** A session on behalf as its mediator sees it. */
export const MediationSession = Type.Object({
  id: Type.String(),
  residentId: Type.String(),
  residentName: Type.String(),
  reason: Type.String(),
  startedAt: DateTime,
  expiresAt: DateTime,
  endedAt: Nullable(DateTime),
});
export type MediationSession = Static<typeof MediationSession>;

export const TakeoverCode = Type.Object({
  code: Type.String({ description: 'printed for the resident, groups of four characters' }),
  expiresAt: DateTime,
  displayName: Type.String(),
});
export type TakeoverCode = Static<typeof TakeoverCode>;

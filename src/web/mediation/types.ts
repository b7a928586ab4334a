/** @module Shapes of the mediation API answers, as the pages read them: the server's schemas, dates as ISO strings. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
import type { NamedAuditRecord } from '../../server/audit/schemas.ts';
import type { AssistedAccount as ServerAssistedAccount, MediationReason, MediationSession as ServerMediationSession, TakeoverCode as ServerTakeoverCode } from '../../server/mediation/schemas.ts';
import type { ApiError } from '../core/api-error.ts';
import type { Wire } from '../core/wire.ts';

export type { ConsentStatus } from '../../server/mediation/schemas.ts';
export type { MediationReason } from '../../server/mediation/schemas.ts';

export type AssistedAccount = Wire<ServerAssistedAccount>;
export type MediationSession = Wire<ServerMediationSession>;
export type TakeoverCode = Wire<ServerTakeoverCode>;
export type AuditEntry = Wire<NamedAuditRecord>;

/** The refusal's reason as one of mediation's (server/mediation/schemas.ts): comparing with another string does not compile. */
export const mediationReason = (error: Pick<ApiError, 'reason'>): MediationReason | '' => error.reason as MediationReason | '';

/**
 * @module A mediator signs a commitment for an assisted resident: only inside an open mediation session for that person,
 * whose consent is active, and the consent reference stored is the one recorded with their account, never the request's.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActingConsent } from '../mediation/index.ts';
import { requireResident } from '../territories/index.ts';
import { recordSignature, type SignatureOutcome } from './record-signature.ts';
import { withLockedCommitment } from './sign-commitment.ts';
import { requireVisible } from './view-commitment.ts';

export interface SignForInput {
  id: string;
  /** The resident the mediator means to sign for: must be the session's. */
  userId: string;
  publicName: boolean;
  commune?: string | undefined;
}

/**
 * Signs as the session's resident (entry `mediator`), audited `commitment.signed_for` "by M on behalf of R". The
 * scope's viewer is that of a request sent with `x-maille-acting-for`: the resident, with the mediator and the session.
 */
export async function signForResident(deps: Deps, { territory, viewer, requestId }: RequestScope, input: SignForInput): Promise<SignatureOutcome> {
  const actor = await requireResident(deps.db, territory, viewer);
  return withLockedCommitment(deps, territory, input.id, true, async (trx, row, { state }) => {
    const now = deps.clock.now();
    const acting = await requireActingConsent(trx, territory, viewer, now, input.userId);
    await requireVisible(trx, row, actor);
    const request = { signerId: acting.residentId, commune: input.commune ?? null, publicName: input.publicName, entry: 'mediator' as const, signedBy: acting.mediatorId, consentRef: acting.consentRef };
    const outcome = await recordSignature(trx, { territory, row, state }, request, { now, publicUrl: deps.config.publicUrl });
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: acting.mediatorId,
      onBehalfOfId: acting.residentId,
      action: 'commitment.signed_for',
      subjectType: 'commitment',
      subjectId: row.id,
      reason: 'mediator',
      details: { consentRef: acting.consentRef, sessionId: acting.sessionId },
      requestId,
      at: now,
    });
    return outcome;
  });
}

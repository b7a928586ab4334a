/**
 * @module Signing: one signature per person, refused after the deadline; the commitment row is locked meanwhile.
 * Inside a mediation session the signature is the assisted resident's, on their recorded consent
 * (`mediation/access.ts` `requireActingConsent`). Signatures collected on paper are in enter-offline-signature.ts.
 */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope, ScopeTerritory } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { requireActingConsent } from '../mediation/index.ts';
import { requireResident } from '../territories/index.ts';
import { recordSignature, type SignatureOutcome } from './record-signature.ts';
import { loadCommitment, type CommitmentRow } from './store.ts';
import { requireVisible } from './view-commitment.ts';

const alreadySigned = (someone: boolean) =>
  new AppError('conflict', someone ? 'This person has already signed this commitment.' : 'You have already signed this commitment.', { reason: 'already_signed' });

/**
 * Runs `sign` on the locked commitment in one unit of work (its mails wake the dispatcher after commit); a racing
 * duplicate becomes the same 409.
 */
export async function withLockedCommitment(
  deps: Pick<Deps, 'db' | 'bus'>,
  territory: ScopeTerritory,
  id: string,
  someoneElse: boolean,
  sign: (trx: Executor, row: CommitmentRow, load: Awaited<ReturnType<typeof loadCommitment>>) => Promise<SignatureOutcome>,
): Promise<SignatureOutcome> {
  try {
    return await inUnitOfWork(deps, async (work) => {
      const loaded = await loadCommitment(work.db, territory.id, id, true);
      const outcome = await sign(work.db, loaded.row, loaded);
      work.mailQueued(outcome.mailed);
      return outcome;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadySigned(someoneElse);
    throw error;
  }
}

export async function signCommitment(
  deps: Deps,
  { territory, viewer }: RequestScope,
  input: { id: string; publicName: boolean; commune?: string | undefined },
): Promise<SignatureOutcome> {
  const actor = await requireResident(deps.db, territory, viewer);
  return withLockedCommitment(deps, territory, input.id, false, async (trx, row, { state }) => {
    await requireVisible(trx, row, actor);
    // Inside a mediation session the signature is the assisted resident's, on the consent recorded with their account.
    const acting = viewer?.mediatorId ? await requireActingConsent(trx, territory, viewer, deps.clock.now(), actor.userId) : null;
    const request = acting
      ? { signerId: actor.userId, commune: input.commune ?? null, publicName: input.publicName, entry: 'mediator' as const, signedBy: acting.mediatorId, consentRef: acting.consentRef }
      : { signerId: actor.userId, commune: input.commune ?? null, publicName: input.publicName, entry: 'self' as const, signedBy: null, consentRef: null };
    return recordSignature(trx, { territory, row, state }, request, { now: deps.clock.now(), publicUrl: deps.config.publicUrl });
  });
}

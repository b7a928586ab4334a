/**
 * @module Signing: one signature per person, refused after the deadline; the commitment row is locked meanwhile.
 * A mediator may sign for a resident with a consent reference (audited, naming the one who entered it and the one
 * it is for). Signatures collected on paper are in enter-offline-signature.ts.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError, invalid } from '../core/errors.ts';
import { isUniqueViolation } from '../accounts/queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireResident, requireTerritoryRole, resolveTerritory } from '../territories/access.ts';
import { findRoles, type TerritoryRef } from '../territories/queries.ts';
import { recordSignature, type SignatureOutcome } from './record-signature.ts';
import { loadCommitment, mailQueued, type CommitmentDeps, type CommitmentRow } from './store.ts';
import { requireVisible } from './view-commitment.ts';

const alreadySigned = (someone: boolean) =>
  new AppError('conflict', someone ? 'This person has already signed this commitment.' : 'You have already signed this commitment.', { reason: 'already_signed' });

/** Runs `sign` on the locked commitment in one transaction; a racing duplicate becomes the same 409. */
export async function withLockedCommitment(
  deps: CommitmentDeps,
  territory: TerritoryRef,
  id: string,
  someoneElse: boolean,
  sign: (trx: Executor, row: CommitmentRow, load: Awaited<ReturnType<typeof loadCommitment>>) => Promise<SignatureOutcome>,
): Promise<SignatureOutcome> {
  try {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      const loaded = await loadCommitment(trx, territory.id, id, true);
      return sign(trx, loaded.row, loaded);
    });
    mailQueued(deps, outcome.mailed);
    return outcome;
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadySigned(someoneElse);
    throw error;
  }
}

export async function signCommitment(
  deps: CommitmentDeps,
  input: { slug: string; viewer: Viewer | null; id: string; publicName: boolean; commune?: string | undefined },
): Promise<SignatureOutcome> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const actor = await requireResident(deps.db, territory, input.viewer);
  return withLockedCommitment(deps, territory, input.id, false, async (trx, row, { state }) => {
    await requireVisible(trx, row, actor);
    // A mediator acting for an assisted resident in a session signs as that resident, on the consent they recorded.
    const consentRef = input.viewer?.mediatorId ? await assistedConsent(trx, territory.id, actor.userId) : null;
    const request = consentRef && input.viewer?.mediatorId
      ? { signerId: actor.userId, commune: input.commune ?? null, publicName: input.publicName, entry: 'mediator' as const, signedBy: input.viewer.mediatorId, consentRef }
      : { signerId: actor.userId, commune: input.commune ?? null, publicName: input.publicName, entry: 'self' as const, signedBy: null, consentRef: null };
    return recordSignature(trx, { territory, row, state }, request, { now: deps.clock.now(), publicUrl: deps.config.publicUrl });
  });
}

/** The paper consent reference of an assisted resident of this territory (the mediation session was opened on it). */
async function assistedConsent(db: Executor, territoryId: string, userId: string): Promise<string | null> {
  const row = await db.selectFrom('assisted_accounts').select('consent_ref').where('territory_id', '=', territoryId).where('user_id', '=', userId).executeTakeFirst();
  return row?.consent_ref ?? null;
}

/** The resident a signature is entered for: a member of this territory, not the one entering it. */
async function requireSubject(db: Executor, territory: TerritoryRef, userId: string, actorId: string): Promise<void> {
  if (userId === actorId) throw invalid('/userId', 'To sign for yourself, use the sign button.');
  const roles = await findRoles(db, territory.id, userId);
  if (!roles) throw invalid('/userId', `No resident of ${territory.name} has this number.`);
}

function reference(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw invalid(field, 'Give the reference of the signed paper form.');
  return trimmed;
}

export interface SignForInput {
  slug: string;
  viewer: Viewer | null;
  id: string;
  userId: string;
  consentRef: string;
  publicName: boolean;
  commune?: string | undefined;
  requestId: string;
}

/** A mediator signs for an assisted resident, with the reference of the consent they recorded on paper. */
export async function signForResident(deps: CommitmentDeps, input: SignForInput): Promise<SignatureOutcome> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const actor = await requireTerritoryRole(deps.db, territory, input.viewer, ['mediator']);
  const consentRef = reference(input.consentRef, '/consentRef');
  await requireSubject(deps.db, territory, input.userId, actor.userId);
  return withLockedCommitment(deps, territory, input.id, true, async (trx, row, { state }) => {
    await requireVisible(trx, row, actor);
    await requireVisible(trx, row, { userId: input.userId });
    const request = { signerId: input.userId, commune: input.commune ?? null, publicName: input.publicName, entry: 'mediator' as const, signedBy: actor.userId, consentRef };
    const outcome = await recordSignature(trx, { territory, row, state }, request, { now: deps.clock.now(), publicUrl: deps.config.publicUrl });
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      onBehalfOfId: input.userId,
      action: 'commitment.signed_for',
      subjectType: 'commitment',
      subjectId: row.id,
      reason: 'mediator',
      details: { consentRef },
      requestId: input.requestId,
      at: deps.clock.now(),
    });
    return outcome;
  });
}

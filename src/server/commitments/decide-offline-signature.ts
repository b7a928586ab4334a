/**
 * @module The person decides on a signature typed in for them from paper: confirming it makes it count (it becomes
 * their signature, entry `offline`); withdrawing it, until the signing deadline, takes it back whether it was pending
 * or confirmed. A mediator may do either only inside a session for an assisted person with active consent. Audited.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActingConsent } from '../mediation/index.ts';
import { requireResident } from '../territories/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import { statusAt } from './lifecycle.ts';
import type { WithdrawAnswer } from './schemas.ts';
import { recordSignature, type SignatureOutcome } from './record-signature.ts';
import { loadCommitment } from './store.ts';

export interface DecideInput {
  id: string;
  entryId: string;
}

const notPending = () => new AppError('conflict', 'This signature is no longer waiting for your confirmation.', { reason: 'not_pending' });

/** The viewer as a resident of the scope's territory. */
async function person(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<{ userId: string; viewer: Viewer }> {
  const actor = await requireResident(deps.db, territory, viewer);
  return { userId: actor.userId, viewer: viewer! };
}

/**
 * The viewer's own entry on this commitment, locked (anyone else's is a 404). Inside a session on behalf, the shared
 * rule for acting for someone is checked in the same transaction, so a consent withdrawn meanwhile stops it.
 */
async function ownEntry(trx: Executor, territory: TerritoryRef, viewer: Viewer, commitmentId: string, entryId: string, now: Date) {
  if (viewer.mediatorId) await requireActingConsent(trx, territory, viewer, now, viewer.userId);
  const territoryId = territory.id;
  const userId = viewer.userId;
  const entry = await trx
    .selectFrom('commitment_offline_entries')
    .selectAll()
    .where('id', '=', entryId)
    .where('territory_id', '=', territoryId)
    .where('commitment_id', '=', commitmentId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!entry) throw notFound('Offline signature');
  return entry;
}

export async function confirmOfflineSignature(deps: Deps, scope: RequestScope, input: DecideInput & { publicName: boolean }): Promise<SignatureOutcome> {
  const { territory, requestId } = scope;
  const { userId, viewer } = await person(deps, scope);
  const now = deps.clock.now();
  try {
    return await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      const { row, state } = await loadCommitment(trx, territory.id, input.id, true);
      const entry = await ownEntry(trx, territory, viewer, row.id, input.entryId, now);
      if (entry.state !== 'pending') throw notPending();
      const request = { signerId: userId, commune: entry.commune_code, publicName: input.publicName, entry: 'offline' as const, signedBy: entry.entered_by, consentRef: entry.reference, tell: false };
      const result = await recordSignature(trx, { territory, row, state }, request, { now, publicUrl: deps.config.publicUrl });
      work.mailQueued(result.mailed);
      const by = viewer.mediatorId ? 'mediator_session' : 'person';
      await trx.updateTable('commitment_offline_entries').set({ state: 'confirmed', confirmed_by: by, decided_at: now }).where('id', '=', entry.id).execute();
      await recordAudit(trx, {
        territoryId: territory.id,
        ...auditActor(viewer),
        action: 'commitment.offline_signature_confirmed',
        subjectType: 'commitment',
        subjectId: row.id,
        details: { entryId: entry.id, confirmedBy: by },
        requestId,
        at: now,
      });
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'You have already signed this commitment.', { reason: 'already_signed' });
    throw error;
  }
}

export async function withdrawOfflineSignature(deps: Pick<Deps, 'db' | 'clock'>, scope: RequestScope, input: DecideInput): Promise<WithdrawAnswer> {
  const { territory, requestId } = scope;
  const { userId, viewer } = await person(deps, scope);
  const now = deps.clock.now();
  // Publishes nothing (no notice, no mail): a plain transaction.
  return deps.db.transaction().execute(async (trx) => {
    const { row, state } = await loadCommitment(trx, territory.id, input.id, true);
    const entry = await ownEntry(trx, territory, viewer, row.id, input.entryId, now);
    if (entry.state === 'withdrawn') throw new AppError('conflict', 'This signature is already withdrawn.', { reason: 'already_withdrawn' });
    if (now.getTime() > row.signing_deadline.getTime()) throw new AppError('conflict', 'The signing deadline has passed: the signatures are settled.', { reason: 'deadline_passed' });
    if (entry.state === 'confirmed') {
      await trx.deleteFrom('commitment_signatures').where('commitment_id', '=', row.id).where('user_id', '=', userId).where('entry', '=', 'offline').execute();
    }
    await trx.updateTable('commitment_offline_entries').set({ state: 'withdrawn', decided_at: now }).where('id', '=', entry.id).execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer),
      action: 'commitment.offline_signature_withdrawn',
      subjectType: 'commitment',
      subjectId: row.id,
      details: { entryId: entry.id, was: entry.state },
      requestId,
      at: now,
    });
    // Milestones already sent stay sent (each is told once); the status is what the remaining signatures make it.
    const signatures = entry.state === 'confirmed' ? state.signatures.filter((s) => s.signerId !== userId) : state.signatures;
    return { status: statusAt(state.commitment, signatures, now) };
  });
}

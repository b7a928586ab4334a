/**
 * @module Entering a signature collected on paper: the commitment's community organisers or the territory's staff type
 * it in, with the sheet's reference. It waits for the person's confirmation and counts nowhere meanwhile — except when
 * entered inside a mediator's session for an assisted person with active consent, where it is confirmed at once.
 * Either way the person is told, and the entry is audited.
 */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActingConsent } from '../mediation/index.ts';
import { requireResident } from '../territories/index.ts';
import { findRoles, type TerritoryRef } from '../territories/index.ts';
import { mayEnterOffline } from './access.ts';
import { applySignature, refusalError, statusAt } from './lifecycle.ts';
import type { Milestone, Status } from './model.ts';
import { tellOfflineEntry } from './offline-entries.ts';
import { recordSignature } from './record-signature.ts';
import { loadCommitment } from './store.ts';
import { requireVisible } from './view-commitment.ts';
import type { OfflineEntered } from './schemas.ts';

export interface OfflineInput {
  id: string;
  userId: string;
  reference: string;
  commune?: string | undefined;
}

export type { OfflineEntered } from './schemas.ts';

const cannotEnter = () =>
  new AppError('forbidden', 'Only the organisers of the commitment’s community and the territory’s mediators, operators and admins enter signatures collected on paper.', { reason: 'not_organiser' });

/** The person a signature is entered for: a member of this territory who can see the commitment, not the one entering it. */
async function requireSubject(db: Executor, territory: TerritoryRef, userId: string, entererId: string): Promise<void> {
  if (userId === entererId) throw invalid('/userId', 'To sign for yourself, use the sign button.');
  if (!(await findRoles(db, territory.id, userId))) throw invalid('/userId', `No resident of ${territory.name} has this number.`);
}

export async function enterOfflineSignature(deps: Deps, scope: RequestScope, input: OfflineInput): Promise<OfflineEntered> {
  const { territory, requestId } = scope;
  await requireResident(deps.db, territory, scope.viewer);
  const viewer = scope.viewer!;
  // Inside a session on behalf, the mediator is the one entering it, and only for the person of the session.
  const entererId = viewer.mediatorId ?? viewer.userId;
  const reference = input.reference.trim();
  if (reference === '') throw invalid('/reference', 'Give the reference of the signed paper form.');
  const now = deps.clock.now();
  const ctx = { now, publicUrl: deps.config.publicUrl };
  try {
    return await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      const { row, state } = await loadCommitment(trx, territory.id, input.id, true);
      await requireVisible(trx, row, { userId: entererId });
      if (!(await mayEnterOffline(trx, territory.id, row, entererId))) throw cannotEnter();
      const inSession = viewer.mediatorId !== undefined;
      if (inSession) await requireActingConsent(trx, territory, viewer, now, input.userId);
      await requireSubject(trx, territory, input.userId, entererId);
      await requireVisible(trx, row, { userId: input.userId });
      // Refuse now what the confirmation would refuse: closed signing, a commune without target, someone who signed.
      const check = applySignature(state, { signerId: input.userId, commune: input.commune ?? null }, now);
      if (!check.ok) {
        if (check.refusal.reason === 'already_signed') throw new AppError('conflict', 'This person has already signed this commitment.', { reason: 'already_signed' });
        throw refusalError(check.refusal);
      }
      const entry = await trx
        .insertInto('commitment_offline_entries')
        .values({
          territory_id: territory.id,
          commitment_id: row.id,
          user_id: input.userId,
          commune_code: state.commitment.scope.kind === 'per_commune' ? (input.commune ?? null) : null,
          reference,
          entered_by: entererId,
          entered_at: now,
          state: inSession ? 'confirmed' : 'pending',
          confirmed_by: inSession ? 'mediator_session' : null,
          decided_at: inSession ? now : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A pending entry changes nothing the commitment shows: same status, no milestone.
      let status: Status = statusAt(state.commitment, state.signatures, now);
      let notify: Milestone[] = [];
      let mailed = 0;
      if (inSession) {
        const request = { signerId: input.userId, commune: input.commune ?? null, publicName: false, entry: 'offline' as const, signedBy: entererId, consentRef: reference, tell: false };
        ({ status, notify, mailed } = await recordSignature(trx, { territory, row, state }, request, ctx));
      }
      mailed += await tellOfflineEntry(trx, { territory, row, entryId: entry.id, userId: input.userId, kind: inSession ? 'offline_recorded' : 'offline_pending' }, ctx);
      await recordAudit(trx, {
        territoryId: territory.id,
        ...auditActor(viewer),
        onBehalfOfId: input.userId,
        action: 'commitment.offline_signature_entered',
        subjectType: 'commitment',
        subjectId: row.id,
        reason: 'offline',
        details: { reference, entryId: entry.id, state: inSession ? 'confirmed' : 'pending' },
        requestId,
        at: now,
      });
      work.mailQueued(mailed);
      return { id: entry.id, state: inSession ? ('confirmed' as const) : ('pending' as const), status, notify };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'A signature is already entered for this person on this commitment.', { reason: 'already_entered' });
    throw error;
  }
}

/**
 * @module Who may see and act on assisted accounts: the territory's mediators; operators and admins only with a
 * stated reason, which is audited (`personal_data.viewed`); everyone else is refused.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireTerritoryRole, type TerritoryActor } from '../territories/access.ts';
import { findRoles, type TerritoryRef } from '../territories/queries.ts';

/** A mediator of the territory, acting as themself (never inside a session on behalf). */
export async function requireMediator(db: Executor, territory: TerritoryRef, viewer: Viewer | null): Promise<TerritoryActor> {
  if (viewer?.mediatorId) throw new AppError('forbidden', 'End the session on behalf first.', { reason: 'not_while_acting' });
  return requireTerritoryRole(db, territory, viewer, ['mediator']);
}

export interface Reader {
  userId: string;
  /** The stated reason when an operator or admin reads (audited); null for a mediator. */
  reason: string | null;
}

/**
 * Who may read assisted accounts: a mediator of the territory; an operator or admin only with a reason of at
 * least 5 characters (403 `reason_required` without); anybody else 403 `not_a_mediator`.
 */
export async function requireAssistedReader(db: Executor, territory: TerritoryRef, viewer: Viewer | null, reason: string | undefined): Promise<Reader> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  if (viewer.mediatorId) throw new AppError('forbidden', 'End the session on behalf first.', { reason: 'not_while_acting' });
  const roles = await findRoles(db, territory.id, viewer.userId);
  if (!roles) throw new AppError('forbidden', `You are not a member of ${territory.name}.`);
  if (roles.includes('mediator')) return { userId: viewer.userId, reason: null };
  if (roles.includes('operator') || roles.includes('admin')) {
    const stated = reason?.trim() ?? '';
    if (stated.length < 5) {
      throw new AppError('forbidden', 'Assisted accounts are personal data: state why you need them (reason, at least 5 characters); the access is audited.', { reason: 'reason_required' });
    }
    return { userId: viewer.userId, reason: stated };
  }
  throw new AppError('forbidden', 'Only the territory’s mediators see assisted accounts.', { reason: 'not_a_mediator' });
}

/** Records a staff read of assisted accounts (one entry per read), in the read's transaction. */
export async function auditStaffRead(trx: Executor, territory: TerritoryRef, reader: Reader, subject: { type: string; id: string | null }, requestId: string): Promise<void> {
  if (reader.reason === null) return;
  await recordAudit(trx, {
    territoryId: territory.id,
    actorId: reader.userId,
    action: 'personal_data.viewed',
    subjectType: subject.type,
    ...(subject.id ? { subjectId: subject.id } : {}),
    reason: reader.reason,
    details: { what: 'assisted_accounts' },
    requestId,
  });
}

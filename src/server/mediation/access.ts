/**
 * @module Who may see and act on assisted accounts: the territory's mediators; operators and admins only with a
 * stated reason, which is audited (`personal_data.viewed`); everyone else is refused. And the one rule for acting for
 * a resident (`requireActingConsent`): an assisted account with active recorded consent, inside an open session.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole, type TerritoryActor } from '../territories/index.ts';
import { findRoles, type TerritoryRef } from '../territories/index.ts';

const noConsent = () =>
  new AppError('forbidden', 'This person has no recorded consent for a mediator to act for them (not an assisted account here, consent withdrawn, or account taken over).', {
    reason: 'no_consent',
  });

/**
 * The paper consent reference of an assisted resident of this territory whose consent is active (not withdrawn, not
 * taken over, not erased), or null. With `lock`, the consent row is share-locked so a withdrawal or a takeover waits
 * for the caller's transaction.
 */
export async function findActiveConsent(db: Executor, territoryId: string, residentId: string, lock = false): Promise<string | null> {
  let q = db
    .selectFrom('assisted_accounts as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select('a.consent_ref')
    .where('a.territory_id', '=', territoryId)
    .where('a.user_id', '=', residentId)
    .where('a.consent_withdrawn_at', 'is', null)
    .where('a.taken_over_at', 'is', null)
    .where('u.deleted_at', 'is', null);
  if (lock) q = q.forShare('a');
  return (await q.executeTakeFirst())?.consent_ref ?? null;
}

/** Refuses a session on behalf for someone who has no active recorded consent here (403 `no_consent`). */
export async function requireActiveConsent(db: Executor, territoryId: string, residentId: string, lock = false): Promise<string> {
  const consentRef = await findActiveConsent(db, territoryId, residentId, lock);
  if (consentRef === null) throw noConsent();
  return consentRef;
}

/** A staff act for a resident, as allowed by `requireActingConsent`. */
export interface ActingConsent {
  mediatorId: string;
  residentId: string;
  sessionId: string;
  /** The reference recorded with the assisted account: the only consent reference ever stored on an act. */
  consentRef: string;
}

/**
 * The one rule for acting for a resident (signing, enrolling in check-ins, a phone check-in, a help request…): the
 * request comes from inside an open session on behalf (`x-maille-acting-for`, checked by the viewer hook: this
 * mediator's, open, this territory), the session is for `residentId` (when the route names someone), and that person
 * is an assisted account of the territory with active recorded consent. Call it inside the act's transaction: the
 * session row and the consent are read again there (a withdrawal or an ending may have happened meanwhile) and the
 * consent row is share-locked until the act commits. 403 `session_required` outside such a session or for someone
 * else than its resident, 403 `no_consent` without active consent.
 */
export async function requireActingConsent(db: Executor, territory: TerritoryRef, viewer: Viewer | null, now: Date, residentId?: string): Promise<ActingConsent> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  if (!viewer.mediatorId || !viewer.mediationSessionId || (residentId !== undefined && residentId !== viewer.userId)) {
    throw new AppError('forbidden', 'Acting for a resident needs an open mediation session for that person, with their recorded consent.', { reason: 'session_required' });
  }
  const session = await db
    .selectFrom('mediation_sessions as s')
    .innerJoin('territory_members as m', (join) => join.onRef('m.territory_id', '=', 's.territory_id').onRef('m.user_id', '=', 's.mediator_id'))
    .select(['s.id', 'm.roles'])
    .where('s.id', '=', viewer.mediationSessionId)
    .where('s.territory_id', '=', territory.id)
    .where('s.mediator_id', '=', viewer.mediatorId)
    .where('s.resident_id', '=', viewer.userId)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!session || !session.roles.includes('mediator')) {
    throw new AppError('forbidden', 'This session on behalf has ended; start a new one to keep acting for this person.', { reason: 'session_expired' });
  }
  const consentRef = await requireActiveConsent(db, territory.id, viewer.userId, true);
  return { mediatorId: viewer.mediatorId, residentId: viewer.userId, sessionId: session.id, consentRef };
}

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

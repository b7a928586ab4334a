/**
 * @module Who may do what with check-ins: the resident (or a mediator in a session for them) acts on their own
 * enrolment; active referents read it and acknowledge alerts; staff (mediators, operators, admins) read a history only
 * with a stated, audited reason, and see an alert only once it escalated to the people on duty.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor, TerritoryRole } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { requireResident, type TerritoryActor } from '../territories/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import { isActiveReferent, type EnrolmentRow } from './store.ts';

/** Roles that may read a resident's history with a logged reason. */
export const HISTORY_STAFF: readonly TerritoryRole[] = ['mediator', 'operator', 'admin'];
/** Roles that see the duty page (escalated alerts) and may act on an escalated alert. */
export const DUTY_ROLES: readonly TerritoryRole[] = ['mediator', 'operator', 'admin'];

export interface SelfActor extends TerritoryActor {
  /** actorId / onBehalfOfId for recordAudit: "by mediator M on behalf of R" in a mediation session. */
  audit: { actorId: string; onBehalfOfId: string | null };
  /** The mediator acting in a session, if any. */
  mediatorId: string | null;
}

/** The resident acting on their own check-ins (possibly through a mediator's session). */
export async function requireSelf(db: Executor, territory: TerritoryRef, viewer: Viewer | null): Promise<SelfActor> {
  const actor = await requireResident(db, territory, viewer);
  return { ...actor, audit: auditActor(viewer!), mediatorId: viewer!.mediatorId ?? null };
}

export type Relation = 'self' | 'referent' | 'staff' | 'none';

/**
 * How the actor stands towards an enrolment. Staff is only a relation; reading still needs a reason. A mediator,
 * operator or admin named referent is staff all the same: a referent's free read must not become a way around the
 * audited one.
 */
export async function relationTo(db: Executor, enrolment: EnrolmentRow, actor: TerritoryActor): Promise<Relation> {
  if (enrolment.user_id === actor.userId) return 'self';
  if (actor.roles.some((r) => HISTORY_STAFF.includes(r))) return 'staff';
  if (await isActiveReferent(db, enrolment.id, actor.userId)) return 'referent';
  return 'none';
}

export function isDuty(actor: TerritoryActor): boolean {
  return actor.roles.some((r) => DUTY_ROLES.includes(r));
}

/** Not theirs to see: an enrolment's existence is not disclosed to other residents. */
export const notVisible = () => new AppError('not_found', 'Check-in follow-up not found.');

export const reasonRequired = () =>
  new AppError('forbidden', 'Reading a resident’s check-in history needs a reason, which is recorded in the audit log.', { reason: 'reason_required' });

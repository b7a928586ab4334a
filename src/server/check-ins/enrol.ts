/**
 * @module Enrolment in daily check-ins: the resident (or a mediator for them, with the consent reference) chooses the
 * daily time, weekdays and escalation delay, and invites one to three referents. Everything is checked before anything
 * is written; the enrolment, invitations, notices and audit entry commit together.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError, notFound } from '../core/errors.ts';
import { isUniqueViolation } from '../accounts/queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireTerritoryRole, resolveTerritory } from '../territories/access.ts';
import { findRoles, type TerritoryRef } from '../territories/queries.ts';
import { requireSelf } from './access.ts';
import { inviteReferents, resolveReferents } from './referents.ts';
import { displayNameOf, findEnrolmentOf, mailQueued, type CheckInDeps } from './store.ts';
import { parseConsentRef, parseReferents, parseSchedule, type ScheduleInput } from './validate.ts';

export interface EnrolBody extends ScheduleInput {
  referents: string[];
  consentRef?: string | undefined;
}

const alreadyEnrolled = () => new AppError('conflict', 'This resident already has a daily check-in follow-up; change it instead.', { reason: 'already_enrolled' });

interface Enrolling {
  territory: TerritoryRef;
  residentId: string;
  enrolledBy: string | null;
  consentRef: string | null;
  audit: { actorId: string; onBehalfOfId: string | null };
}

async function enrolIn(deps: CheckInDeps, who: Enrolling, body: EnrolBody, requestId: string): Promise<{ id: string }> {
  const schedule = parseSchedule(body);
  const handles = parseReferents(body.referents);
  const now = deps.clock.now();
  try {
    const { id, mailed } = await deps.db.transaction().execute(async (trx) => {
      if (await findEnrolmentOf(trx, who.territory.id, who.residentId)) throw alreadyEnrolled();
      const referentIds = await resolveReferents(trx, who.territory, handles, who.residentId);
      const row = await trx
        .insertInto('check_in_enrolments')
        .values({
          territory_id: who.territory.id,
          user_id: who.residentId,
          deadline_minutes: schedule.deadlineMinutes,
          weekdays: schedule.weekdays,
          escalation_minutes: schedule.escalationMinutes,
          enrolled_by: who.enrolledBy,
          consent_ref: who.consentRef,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const residentName = await displayNameOf(trx, who.residentId);
      const sent = await inviteReferents(trx, { territory: who.territory, enrolmentId: row.id, residentId: who.residentId, residentName }, referentIds, { now, publicUrl: deps.config.publicUrl });
      await recordAudit(trx, {
        territoryId: who.territory.id,
        ...who.audit,
        action: 'check_in.enrolled',
        subjectType: 'check_in_enrolment',
        subjectId: row.id,
        reason: who.consentRef ? 'mediator' : null,
        details: { referents: referentIds.length, ...(who.consentRef ? { consentRef: who.consentRef } : {}) },
        requestId,
        at: now,
      });
      return { id: row.id, mailed: sent };
    });
    mailQueued(deps, mailed);
    return { id };
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyEnrolled();
    throw error;
  }
}

/** The resident enrols; in a mediator's session the mediator must give the consent reference. */
export async function enrolSelf(deps: CheckInDeps, input: { slug: string; viewer: Viewer | null; body: EnrolBody; requestId: string }): Promise<{ id: string }> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const actor = await requireSelf(deps.db, territory, input.viewer);
  const consentRef = actor.mediatorId ? parseConsentRef(input.body.consentRef) : null;
  return enrolIn(deps, { territory, residentId: actor.userId, enrolledBy: actor.mediatorId, consentRef, audit: actor.audit }, input.body, input.requestId);
}

async function requireResidentOf(db: Executor, territory: TerritoryRef, userId: string): Promise<void> {
  const roles = await findRoles(db, territory.id, userId);
  if (!roles) throw notFound('Resident');
}

/** A mediator enrols a resident who has no smartphone, with the reference of the consent they gave (paper form, recorded call). */
export async function enrolForResident(
  deps: CheckInDeps,
  input: { slug: string; viewer: Viewer | null; userId: string; body: EnrolBody; requestId: string },
): Promise<{ id: string }> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const actor = await requireTerritoryRole(deps.db, territory, input.viewer, ['mediator']);
  const consentRef = parseConsentRef(input.body.consentRef);
  if (input.userId === actor.userId) throw new AppError('invalid', 'To enrol yourself, use your own page.', { field: '/userId' });
  await requireResidentOf(deps.db, territory, input.userId);
  return enrolIn(deps, { territory, residentId: input.userId, enrolledBy: actor.userId, consentRef, audit: { actorId: actor.userId, onBehalfOfId: input.userId } }, input.body, input.requestId);
}

/**
 * @module Enrolment in daily check-ins: the resident (or a mediator inside a session for an assisted resident, on the
 * consent recorded with the account — `mediation/access.ts` `requireActingConsent`) chooses the daily time, weekdays and
 * escalation delay, and invites one to three referents. Everything is checked before anything is written; the
 * enrolment, invitations, notices and audit entry commit together.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActingConsent } from '../mediation/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import { requireSelf } from './access.ts';
import { inviteReferents, resolveReferents } from './referents.ts';
import { displayNameOf, findEnrolmentOf } from './store.ts';
import { parseReferents, parseSchedule, type ScheduleInput } from './validate.ts';

export interface EnrolBody extends ScheduleInput {
  referents: string[];
}

const alreadyEnrolled = () => new AppError('conflict', 'This resident already has a daily check-in follow-up; change it instead.', { reason: 'already_enrolled' });

interface Enrolling {
  territory: TerritoryRef;
  viewer: Viewer;
  /** The resident a route names (`residents/:userId`), which must be the session's; undefined for "my own". */
  named?: string | undefined;
}

async function enrolIn(deps: Deps, enrolling: Enrolling, body: EnrolBody, requestId: string): Promise<{ id: string }> {
  const schedule = parseSchedule(body);
  const handles = parseReferents(body.referents);
  const now = deps.clock.now();
  const { viewer } = enrolling;
  try {
    return await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      // A mediator enrols only inside a session for an assisted resident with active consent; the reference is theirs.
      const acting = viewer.mediatorId || enrolling.named !== undefined ? await requireActingConsent(trx, enrolling.territory, viewer, now, enrolling.named) : null;
      const who = {
        territory: enrolling.territory,
        residentId: viewer.userId,
        enrolledBy: acting?.mediatorId ?? null,
        consentRef: acting?.consentRef ?? null,
        audit: auditActor(viewer),
      };
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
      work.mailQueued(await inviteReferents(trx, { territory: who.territory, enrolmentId: row.id, residentId: who.residentId, residentName }, referentIds, { now, publicUrl: deps.config.publicUrl }));
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
      return { id: row.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyEnrolled();
    throw error;
  }
}

/** The resident enrols; inside a mediator's session, only for an assisted resident with active consent. */
export async function enrolSelf(deps: Deps, { territory, viewer, requestId }: RequestScope, body: EnrolBody): Promise<{ id: string }> {
  await requireSelf(deps.db, territory, viewer);
  return enrolIn(deps, { territory, viewer: viewer! }, body, requestId);
}

/** A mediator enrols the assisted resident of their open session (the route names them; the session must be theirs). */
export async function enrolForResident(deps: Deps, { territory, viewer, requestId }: RequestScope, input: { userId: string; body: EnrolBody }): Promise<{ id: string }> {
  await requireSelf(deps.db, territory, viewer);
  return enrolIn(deps, { territory, viewer: viewer!, named: input.userId }, input.body, requestId);
}

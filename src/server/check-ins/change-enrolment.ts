/**
 * @module The resident changes their follow-up: the schedule (a changed time or weekdays counts from now, so an earlier
 * time never raises an alert in the past), a pause for holidays (until a date or until resumed), resume, and leaving
 * (the enrolment and its whole history are erased). Each change is audited, naming a mediator acting in a session.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { Transaction } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { recordAudit, type AuditAction } from '../audit/index.ts';
import { requireSelf, type SelfActor } from './access.ts';
import { today } from './schedule.ts';
import { findEnrolmentOf, type EnrolmentRow } from './store.ts';
import { parseDeadline, parseEscalation, parsePauseEnd, parseWeekdays } from './validate.ts';

const notEnrolled = () => new AppError('not_found', 'You have no daily check-in follow-up here.', { reason: 'not_enrolled' });

/** Runs `change` on the caller's locked enrolment and audits it in the same transaction. */
async function onOwnEnrolment<T>(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  action: AuditAction,
  change: (trx: Transaction, row: EnrolmentRow, actor: SelfActor, now: Date) => Promise<{ result: T; details?: Record<string, unknown> }>,
): Promise<T> {
  const actor = await requireSelf(deps.db, territory, viewer);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findEnrolmentOf(trx, territory.id, actor.userId, true);
    if (!row) throw notEnrolled();
    const { result, details } = await change(trx, row, actor, now);
    await recordAudit(trx, { territoryId: territory.id, ...actor.audit, action, subjectType: 'check_in_enrolment', subjectId: row.id, details: details ?? {}, requestId, at: now });
    return result;
  });
}

export interface ScheduleChange {
  deadline?: string | undefined;
  weekdays?: number[] | undefined;
  escalationMinutes?: number | undefined;
}

export async function changeSchedule(deps: Pick<Deps, 'db' | 'clock'>, scope: RequestScope, c: ScheduleChange): Promise<{ ok: true }> {
  if (c.deadline === undefined && c.weekdays === undefined && c.escalationMinutes === undefined) {
    throw new AppError('invalid', 'Nothing to change: give the time, the weekdays or the delay.', { field: '/' });
  }
  const deadlineMinutes = c.deadline === undefined ? undefined : parseDeadline(c.deadline);
  const weekdays = c.weekdays === undefined ? undefined : parseWeekdays(c.weekdays);
  const escalationMinutes = c.escalationMinutes === undefined ? undefined : parseEscalation(c.escalationMinutes);
  return onOwnEnrolment(deps, scope, 'check_in.enrolment_changed', async (trx, row, _actor, now) => {
    const timing = deadlineMinutes !== undefined || weekdays !== undefined;
    await trx
      .updateTable('check_in_enrolments')
      .set({
        ...(deadlineMinutes === undefined ? {} : { deadline_minutes: deadlineMinutes }),
        ...(weekdays === undefined ? {} : { weekdays }),
        ...(escalationMinutes === undefined ? {} : { escalation_minutes: escalationMinutes }),
        // A new time or new days count from now on: no alert for a deadline that is already behind.
        ...(timing && row.counts_from !== null ? { counts_from: now } : {}),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    return { result: { ok: true }, details: { fields: Object.keys(c).filter((k) => c[k as keyof ScheduleChange] !== undefined) } };
  });
}

export async function pauseEnrolment(deps: Pick<Deps, 'db' | 'clock'>, scope: RequestScope, input: { until?: string | undefined }): Promise<{ pausedUntil: string | null }> {
  const until = parsePauseEnd(input.until, today(deps.clock.now()));
  return onOwnEnrolment(deps, scope, 'check_in.paused', async (trx, row, _actor, now) => {
    await trx
      .updateTable('check_in_enrolments')
      .set({ paused_from: row.paused_from ?? now, paused_until: until, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    return { result: { pausedUntil: until }, details: { until } };
  });
}

export async function resumeEnrolment(deps: Pick<Deps, 'db' | 'clock'>, scope: RequestScope): Promise<{ ok: true }> {
  return onOwnEnrolment(deps, scope, 'check_in.resumed', async (trx, row, _actor, now) => {
    await trx
      .updateTable('check_in_enrolments')
      .set({ paused_from: null, paused_until: null, ...(row.counts_from !== null ? { counts_from: now } : {}), updated_at: now })
      .where('id', '=', row.id)
      .execute();
    return { result: { ok: true } };
  });
}

/** Leaving erases the follow-up and its history (check-ins, alerts, acknowledgements); the audit entry keeps only ids. */
export async function leaveCheckIns(deps: Pick<Deps, 'db' | 'clock'>, scope: RequestScope): Promise<void> {
  await onOwnEnrolment(deps, scope, 'check_in.left', async (trx, row) => {
    await trx.deleteFrom('check_in_enrolments').where('id', '=', row.id).execute();
    return { result: undefined };
  });
}

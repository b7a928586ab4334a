/**
 * @module The check-ins job, every minute in each API process (and `maille jobs run`): at a day's deadline without a
 * check-in, raise one alert for that day and tell the active referents; when nobody acknowledged it within the
 * escalation delay, escalate it once to the people on duty. Idempotent: each decision is re-checked under the row's lock
 * and an alert is unique per follow-up and day, so overlapping sweeps never repeat one.
 */
import { toHHMM } from '../core/time-of-day.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import type { NotifyContext } from '../notifications/index.ts';
import { sendCheckInNotice } from './deliver.ts';
import { daysToAlert, deadlineOn, escalationDue, shouldEscalate, addDays, today } from './schedule.ts';
import { activeReferentIds, displayNameOf, dutyIds, findEnrolment, toSchedule } from './store.ts';

export interface CheckInSweepReport {
  /** Follow-ups looked at. */
  examined: number;
  raised: number;
  escalated: number;
  /** Escalations in a territory where nobody holds the mediator or operator role. */
  unstaffed: number;
  mailed: number;
}

const BATCH = 1000;

/** How often an API process sweeps check-ins: alerts go out within a minute of a deadline. */
export const CHECK_IN_SWEEP_EVERY_MS = 60_000;

export async function sweepCheckIns(deps: Pick<Deps, 'db' | 'config' | 'bus'>, now: Date): Promise<CheckInSweepReport> {
  const report: CheckInSweepReport = { examined: 0, raised: 0, escalated: 0, unstaffed: 0, mailed: 0 };
  const ctx: NotifyContext = { now, publicUrl: deps.config.publicUrl };
  const dates = [addDays(today(now), -1), today(now)];
  let after = '0';
  for (;;) {
    const page = await deps.db
      .selectFrom('check_in_enrolments as e')
      .innerJoin('territories as t', 't.id', 'e.territory_id')
      .select(['e.id', 'e.territory_id', 't.slug'])
      .where('e.counts_from', 'is not', null)
      .where('e.id', '>', after)
      .orderBy('e.id')
      .limit(BATCH)
      .execute();
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const ids = page.map((p) => p.id);
    const [done, alerted] = await Promise.all([
      deps.db.selectFrom('check_ins').select(['enrolment_id', 'local_date']).where('enrolment_id', 'in', ids).where('local_date', 'in', dates).execute(),
      deps.db.selectFrom('check_in_alerts').select(['enrolment_id', 'local_date']).where('enrolment_id', 'in', ids).where('local_date', 'in', dates).execute(),
    ]);
    const settled = new Set([...done, ...alerted].map((r) => `${r.enrolment_id}:${r.local_date}`));
    const full = await deps.db.selectFrom('check_in_enrolments').selectAll().where('id', 'in', ids).execute();
    for (const row of full) {
      report.examined += 1;
      if (daysToAlert(toSchedule(row), now).every((d) => settled.has(`${row.id}:${d}`))) continue;
      const territory = page.find((p) => p.id === row.id)!;
      await inUnitOfWork(deps, async (work) => {
        const trx = work.db;
        const locked = await findEnrolment(trx, row.territory_id, row.id, true);
        if (!locked) return;
        for (const date of daysToAlert(toSchedule(locked), now)) {
          const checked = await trx.selectFrom('check_ins').select('id').where('enrolment_id', '=', locked.id).where('local_date', '=', date).executeTakeFirst();
          if (checked) continue;
          const inserted = await trx
            .insertInto('check_in_alerts')
            .values({
              territory_id: locked.territory_id,
              enrolment_id: locked.id,
              local_date: date,
              deadline_at: deadlineOn(date, locked.deadline_minutes),
              raised_at: now,
              escalate_at: escalationDue(now, locked.escalation_minutes),
            })
            .onConflict((oc) => oc.columns(['enrolment_id', 'local_date']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!inserted) continue;
          report.raised += 1;
          const params = { resident: await displayNameOf(trx, locked.user_id), deadline: toHHMM(locked.deadline_minutes) };
          const target = { territory: { id: locked.territory_id, slug: territory.slug }, residentId: locked.user_id, page: 'bonjour/referent' as const };
          const mailed = await sendCheckInNotice(trx, target, 'missed', await activeReferentIds(trx, locked.id), params, ctx);
          work.mailQueued(mailed);
          report.mailed += mailed;
        }
      });
    }
  }

  const due = await deps.db
    .selectFrom('check_in_alerts as a')
    .innerJoin('territories as t', 't.id', 'a.territory_id')
    .select(['a.id', 'a.territory_id', 't.slug'])
    .where('a.resolved_at', 'is', null)
    .where('a.acknowledged_at', 'is', null)
    .where('a.escalated_at', 'is', null)
    .where('a.escalate_at', '<=', now)
    .orderBy('a.id')
    .limit(BATCH)
    .execute();
  for (const candidate of due) {
    await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      const alert = await trx.selectFrom('check_in_alerts').selectAll().where('id', '=', candidate.id).forUpdate().executeTakeFirst();
      if (!alert || !shouldEscalate({ acknowledgedAt: alert.acknowledged_at, escalatedAt: alert.escalated_at, resolvedAt: alert.resolved_at, escalateAt: alert.escalate_at }, now)) return;
      const enrolment = await findEnrolment(trx, alert.territory_id, alert.enrolment_id);
      if (!enrolment) return;
      await trx.updateTable('check_in_alerts').set({ escalated_at: now }).where('id', '=', alert.id).execute();
      report.escalated += 1;
      // The resident is never among those told about their own alert, even when they hold a duty role.
      const duty = (await dutyIds(trx, alert.territory_id)).filter((id) => id !== enrolment.user_id);
      if (duty.length === 0) report.unstaffed += 1;
      const params = { resident: await displayNameOf(trx, enrolment.user_id), deadline: toHHMM(enrolment.deadline_minutes) };
      const target = { territory: { id: alert.territory_id, slug: candidate.slug }, residentId: enrolment.user_id, page: 'bonjour/permanence' as const, duty: true };
      const mailed = await sendCheckInNotice(trx, target, 'escalated', duty, params, ctx);
      work.mailQueued(mailed);
      report.mailed += mailed;
    });
  }
  return report;
}

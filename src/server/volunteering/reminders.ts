/**
 * @module The volunteering job: reminds each accepted volunteer the day before their mission (once: `reminded_at` is
 * set under the row lock with the notice), and completes published missions that are over. Idempotent, so several
 * API processes may run it side by side.
 */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import { localDate } from '../core/time-of-day.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { completeLocked, isOver } from './mission-lifecycle.ts';
import { nextOccurrence, reminderDue, scheduleOf } from './model.ts';
import { missionLink, sendNotice } from './notices.ts';
import { loadMission } from './store.ts';
import { promoteFromWaitingList } from './waiting-list.ts';

/** How often an API process runs the job. */
export const VOLUNTEERING_JOB_EVERY_MS = 15 * 60_000;
const BATCH = 500;

export interface VolunteeringJobReport {
  reminded: number;
  completed: number;
  /** Missions whose waiting list moved up (a place freed outside a request, e.g. an erased account). */
  refilled: number;
  mailed: number;
}

async function remindOne(trx: Executor, participationId: string, now: Date, publicUrl: string): Promise<{ reminded: boolean; mailed: number }> {
  const p = await trx
    .selectFrom('participations as p')
    .innerJoin('missions as m', 'm.id', 'p.mission_id')
    .innerJoin('territories as t', 't.id', 'p.territory_id')
    .select(['p.id', 'p.user_id', 'p.status', 'p.reminded_at', 'm.id as mission_id', 'm.status as mission_status', 't.id as territory_id', 't.slug'])
    .where('p.id', '=', participationId)
    .forUpdate('p')
    .executeTakeFirst();
  if (!p || p.reminded_at !== null || p.status !== 'accepted' || p.mission_status !== 'published' || !p.user_id) return { reminded: false, mailed: 0 };
  const mission = await loadMission(trx, p.territory_id, p.mission_id);
  const next = nextOccurrence(scheduleOf(mission), now);
  if (!reminderDue(next, now)) return { reminded: false, mailed: 0 };
  await trx.updateTable('participations').set({ reminded_at: now }).where('id', '=', p.id).execute();
  const territory = { id: p.territory_id, slug: p.slug };
  const sent = await sendNotice(trx, { territory }, 'reminder', [p.user_id], { missionId: mission.id, title: mission.title, when: next }, missionLink(territory.slug, mission.id), { now, publicUrl });
  return { reminded: true, mailed: sent.mailed };
}

/** Each reminder and each waiting list moved up is its own unit of work: its mail wakes the mailer once it has committed. */
export async function runVolunteeringJob(deps: Pick<Deps, 'db' | 'bus'> & { config: Pick<Deps['config'], 'publicUrl'> }, now: Date): Promise<VolunteeringJobReport> {
  const report: VolunteeringJobReport = { reminded: 0, completed: 0, refilled: 0, mailed: 0 };
  // Reminders first, so a mission ending now still reminds nobody too late and completes after.
  const due = await deps.db
    .selectFrom('participations as p')
    .innerJoin('missions as m', 'm.id', 'p.mission_id')
    .select('p.id')
    .where('p.status', '=', 'accepted')
    .where('p.reminded_at', 'is', null)
    .where('m.status', '=', 'published')
    .where('m.hidden_at', 'is', null)
    // One-off missions starting within two days; weekly ones are checked by the rule itself.
    .where((eb) => eb.or([eb('m.schedule', '=', 'weekly'), eb('m.starts_at', '<=', new Date(now.getTime() + 2 * 86_400_000))]))
    .orderBy('p.id')
    .limit(BATCH)
    .execute();
  for (const { id } of due) {
    const outcome = await inUnitOfWork(deps, async (work) => {
      const reminder = await remindOne(work.db, id, now, deps.config.publicUrl);
      work.mailQueued(reminder.mailed);
      return reminder;
    });
    if (outcome.reminded) report.reminded += 1;
    report.mailed += outcome.mailed;
  }
  const published = await deps.db
    .selectFrom('missions')
    .select(['id', 'territory_id'])
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('ends_at', '<=', now), eb.and([eb('schedule', '=', 'weekly'), eb('last_day', '<=', localDate(now))])]))
    .orderBy('id')
    .limit(BATCH)
    .execute();
  for (const candidate of published) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const mission = await loadMission(trx, candidate.territory_id, candidate.id, true);
      if (mission.status !== 'published' || !isOver(mission, now)) return false;
      await completeLocked(trx, mission, now);
      return true;
    });
    if (done) report.completed += 1;
  }
  // Places freed without a request (an erased account): move waiting lists up.
  const withWaiting = await deps.db
    .selectFrom('missions as m')
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select(['m.id', 'm.territory_id', 't.slug'])
    .where('m.status', '=', 'published')
    .where((eb) => eb.exists(eb.selectFrom('participations as w').select('w.id').whereRef('w.mission_id', '=', 'm.id').where('w.status', '=', 'waiting')))
    .where(sql<boolean>`(select count(*) from participations h where h.mission_id = m.id and h.status in ('applied', 'accepted')) < m.volunteers_needed`)
    .orderBy('m.id')
    .limit(BATCH)
    .execute();
  for (const candidate of withWaiting) {
    const mailed = await inUnitOfWork(deps, async (work) => {
      const mission = await loadMission(work.db, candidate.territory_id, candidate.id, true);
      const promoted = await promoteFromWaitingList(work.db, mission, { id: candidate.territory_id, slug: candidate.slug }, { now, publicUrl: deps.config.publicUrl });
      work.mailQueued(promoted);
      return promoted;
    });
    report.refilled += 1;
    report.mailed += mailed;
  }
  return report;
}

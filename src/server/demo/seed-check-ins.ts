/**
 * @module The demo territory's daily check-ins: four synthetic residents follow a daily hello with one to three referents
 * (synthetic neighbours; the demo resident Hélène looks after one of them), with two weeks of history — one missed day
 * acknowledged by a referent ("all is well"), one passed on to the people on duty and taken on by the demo mediator
 * (on duty by her role) before a late hello. One follow-up was enrolled by the mediator with a paper consent reference.
 * Added once; no health data anywhere.
 */
import type { Database, Transaction } from '../core/database/schema.ts';
import { addDays, deadlineOn, today } from '../check-ins/index.ts';
import { inVoice, voiceOf, type Voice } from './names.ts';
import { DEMO_ACCOUNTS, DEMO_SLUG } from './seed-demo.ts';
import { syntheticPeople } from './synthetic-people.ts';

const MINUTE = 60_000;
/** Days of history before today. */
const HISTORY_DAYS = 14;

interface DemoFollowUp {
  deadlineMinutes: number;
  weekdays: number[];
  escalationMinutes: number;
  /** How many synthetic referents, plus the demo resident for the first follow-up. */
  referents: number;
  /** Enrolled by the demo mediator, with this consent reference. */
  consentRef?: string;
  /** Days ago with a missed hello, and what happened. */
  missed?: { daysAgo: number; story: 'referent_all_well' | 'escalated_late_hello' };
}

export const DEMO_FOLLOW_UPS: readonly DemoFollowUp[] = [
  { deadlineMinutes: 10 * 60, weekdays: [1, 2, 3, 4, 5, 6, 7], escalationMinutes: 60, referents: 1, missed: { daysAgo: 3, story: 'referent_all_well' } },
  { deadlineMinutes: 9 * 60 + 30, weekdays: [1, 2, 3, 4, 5, 6, 7], escalationMinutes: 30, referents: 2, consentRef: 'Formulaire papier BQ-2026-014', missed: { daysAgo: 5, story: 'escalated_late_hello' } },
  { deadlineMinutes: 11 * 60, weekdays: [1, 2, 3, 4, 5], escalationMinutes: 90, referents: 3 },
  { deadlineMinutes: 18 * 60, weekdays: [1, 2, 3, 4, 5, 6, 7], escalationMinutes: 120, referents: 1 },
];

/** What a referent notes about the resident on a missed day, in the resident's voice (names.ts `inVoice`). */
export const DEMO_ACKNOWLEDGEMENT_NOTES = {
  onMyWay: 'Je l’appelle, puis je passe si {il|elle} ne répond pas.',
  allWell: '{Il|Elle} était au marché, tout va bien.',
  duty: 'J’appelle son fixe.',
} as const;

const emailOf = (note: string) => DEMO_ACCOUNTS.find((a) => a.note.startsWith(note))!.email;

async function accountId(trx: Transaction, territoryId: string, email: string): Promise<string | null> {
  const row = await trx
    .selectFrom('users as u')
    .innerJoin('territory_members as m', 'm.user_id', 'u.id')
    .select('u.id')
    .where('m.territory_id', '=', territoryId)
    .where('u.email', '=', email)
    .where('u.deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A stable spread of minutes before the deadline (10 to 130), so the history looks lived-in without randomness. */
const earlyBy = (i: number, d: number) => 10 + ((i * 37 + d * 23) % 121);

/** Seeds the demo follow-ups when the demo territory has none; returns how many were added. */
export async function ensureDemoCheckIns(db: Database, now: Date): Promise<number> {
  const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return 0;
  const existing = await db.selectFrom('check_in_enrolments').select('id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst();
  if (existing) return 0;
  const needed = DEMO_FOLLOW_UPS.reduce((n, f) => n + 1 + f.referents, 0);
  const synthetic = await syntheticPeople(db, territory.id, needed);
  if (synthetic.length < needed) return 0;
  const people = synthetic.map((s) => s.id);
  const voices = new Map(synthetic.map((s) => [s.id, voiceOf(s.displayName)]));
  const t = today(now);
  const started = new Date(deadlineOn(addDays(t, -(HISTORY_DAYS + 6)), 8 * 60).getTime());
  await db.transaction().execute(async (trx) => {
    const helene = await accountId(trx, territory.id, emailOf('resident'));
    const maryse = await accountId(trx, territory.id, emailOf('mediator'));
    let next = 0;
    for (const [i, f] of DEMO_FOLLOW_UPS.entries()) {
      const residentId = people[next++]!;
      const referentIds = people.slice(next, next + f.referents);
      next += f.referents;
      if (i === 0 && helene) referentIds.push(helene);
      const enrolment = await trx
        .insertInto('check_in_enrolments')
        .values({
          territory_id: territory.id,
          user_id: residentId,
          deadline_minutes: f.deadlineMinutes,
          weekdays: f.weekdays,
          escalation_minutes: f.escalationMinutes,
          counts_from: started,
          enrolled_by: f.consentRef && maryse ? maryse : null,
          consent_ref: f.consentRef && maryse ? f.consentRef : null,
          created_at: started,
          updated_at: started,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('check_in_referents')
        .values(referentIds.map((id) => ({ territory_id: territory.id, enrolment_id: enrolment.id, user_id: id, status: 'active' as const, invited_at: started, answered_at: new Date(started.getTime() + 30 * MINUTE) })))
        .execute();
      for (let d = HISTORY_DAYS; d >= 0; d -= 1) {
        const date = addDays(t, -d);
        const deadline = deadlineOn(date, f.deadlineMinutes);
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
        if (!f.weekdays.includes(weekday)) continue;
        if (f.missed?.daysAgo === d) {
          await seedMissedDay(trx, { territoryId: territory.id, enrolmentId: enrolment.id, date, deadline, escalationMinutes: f.escalationMinutes, referentId: referentIds[0]!, mediatorId: maryse, story: f.missed.story, residentVoice: voices.get(residentId) ?? null });
          continue;
        }
        const at = new Date(deadline.getTime() - earlyBy(i, d) * MINUTE);
        // Today only if that moment has passed: the demo's own sweep then finds nothing missed.
        if (at.getTime() > now.getTime()) continue;
        await trx.insertInto('check_ins').values({ territory_id: territory.id, enrolment_id: enrolment.id, local_date: date, at, channel: i === 1 && d % 4 === 0 && maryse ? 'phone' : 'button', recorded_by: i === 1 && d % 4 === 0 ? maryse : null }).execute();
      }
    }
  });
  return DEMO_FOLLOW_UPS.length;
}

async function seedMissedDay(
  trx: Transaction,
  day: { territoryId: string; enrolmentId: string; date: string; deadline: Date; escalationMinutes: number; referentId: string; mediatorId: string | null; story: 'referent_all_well' | 'escalated_late_hello'; residentVoice: Voice | null },
): Promise<void> {
  const raised = day.deadline;
  const escalateAt = new Date(raised.getTime() + day.escalationMinutes * MINUTE);
  const after = (minutes: number) => new Date(raised.getTime() + minutes * MINUTE);
  if (day.story === 'referent_all_well') {
    const alert = await trx
      .insertInto('check_in_alerts')
      .values({ territory_id: day.territoryId, enrolment_id: day.enrolmentId, local_date: day.date, deadline_at: day.deadline, raised_at: raised, escalate_at: escalateAt, acknowledged_at: after(12), resolved_at: after(41), resolution: 'all_well' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('check_in_acknowledgements')
      .values([
        { territory_id: day.territoryId, alert_id: alert.id, user_id: day.referentId, role: 'referent', action: 'on_my_way', note: inVoice(DEMO_ACKNOWLEDGEMENT_NOTES.onMyWay, day.residentVoice), at: after(12) },
        { territory_id: day.territoryId, alert_id: alert.id, user_id: day.referentId, role: 'referent', action: 'all_well', note: inVoice(DEMO_ACKNOWLEDGEMENT_NOTES.allWell, day.residentVoice), at: after(41) },
      ])
      .execute();
    return;
  }
  const escalated = day.mediatorId !== null;
  const alert = await trx
    .insertInto('check_in_alerts')
    .values({
      territory_id: day.territoryId,
      enrolment_id: day.enrolmentId,
      local_date: day.date,
      deadline_at: day.deadline,
      raised_at: raised,
      escalate_at: escalateAt,
      escalated_at: escalateAt,
      acknowledged_at: escalated ? after(day.escalationMinutes + 8) : null,
      resolved_at: after(day.escalationMinutes + 25),
      resolution: 'checked_in',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (escalated) {
    await trx
      .insertInto('check_in_acknowledgements')
      .values({ territory_id: day.territoryId, alert_id: alert.id, user_id: day.mediatorId, role: 'duty', action: 'on_my_way', note: DEMO_ACKNOWLEDGEMENT_NOTES.duty, at: after(day.escalationMinutes + 8) })
      .execute();
  }
  await trx.insertInto('check_ins').values({ territory_id: day.territoryId, enrolment_id: day.enrolmentId, local_date: day.date, at: after(day.escalationMinutes + 25), channel: 'button', recorded_by: null }).execute();
}

/** @module A person's check-ins in their data export, and erased with the account (their follow-up and history go; what they wrote for others loses their name and note). */
import type { Database, Executor } from '../core/database/schema.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export async function exportCheckInData(db: Database, userId: string) {
  const enrolments = await db
    .selectFrom('check_in_enrolments')
    .select(['id', 'territory_id', 'deadline_minutes', 'weekdays', 'escalation_minutes', 'counts_from', 'paused_from', 'paused_until', 'enrolled_by', 'consent_ref', 'created_at', 'updated_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  const ids = enrolments.map((e) => e.id);
  const [checkIns, alerts, referents, asReferent, acknowledgements] = await Promise.all([
    ids.length ? db.selectFrom('check_ins').select(['enrolment_id', 'local_date', 'at', 'channel', 'recorded_by']).where('enrolment_id', 'in', ids).orderBy('id').execute() : [],
    ids.length
      ? db.selectFrom('check_in_alerts').select(['id', 'enrolment_id', 'local_date', 'deadline_at', 'raised_at', 'acknowledged_at', 'escalated_at', 'resolved_at', 'resolution']).where('enrolment_id', 'in', ids).orderBy('id').execute()
      : [],
    ids.length ? db.selectFrom('check_in_referents').select(['enrolment_id', 'user_id', 'status', 'invited_at', 'answered_at']).where('enrolment_id', 'in', ids).orderBy('id').execute() : [],
    // Follow-ups this person was invited to watch over: the link, not the other person's history.
    db.selectFrom('check_in_referents').select(['enrolment_id', 'status', 'invited_at', 'answered_at']).where('user_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('check_in_acknowledgements').select(['alert_id', 'role', 'action', 'note', 'at']).where('user_id', '=', userId).orderBy('id').execute(),
  ]);
  return { enrolments, checkIns, alerts, referents, asReferent, acknowledgements };
}

export async function eraseCheckInData(trx: Executor, userId: string): Promise<void> {
  // The follow-up and its whole history (check-ins, alerts, acknowledgements, referents) cascade from the enrolment.
  await trx.deleteFrom('check_in_enrolments').where('user_id', '=', userId).execute();
  await trx.deleteFrom('check_in_referents').where('user_id', '=', userId).execute();
  await trx.updateTable('check_in_acknowledgements').set({ user_id: null, note: null }).where('user_id', '=', userId).execute();
  await trx.updateTable('check_ins').set({ recorded_by: null }).where('recorded_by', '=', userId).execute();
  await trx.updateTable('check_in_enrolments').set({ enrolled_by: null }).where('enrolled_by', '=', userId).execute();
}

export const checkInPersonalData: PersonalDataSource = {
  exportAt: ['checkIns'],
  export: exportCheckInData,
  erase: (trx, person) => eraseCheckInData(trx, person.id),
};

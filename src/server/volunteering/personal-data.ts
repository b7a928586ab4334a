/**
 * @module A person's volunteering data: for their export, and erased with their account. Participations stay without
 * a person (user, message and refusal reason removed) so organisations' response figures do not change; a place the
 * person held is freed, and the periodic job moves the waiting list up.
 */
import type { Database, Executor } from '../core/database/schema.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export async function exportVolunteeringData(db: Database, userId: string) {
  const [organisationsApplied, organisationsManaged, missionsCreated, participations] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name', 'kind', 'status', 'applied_at', 'refusal_reason']).where('applied_by', '=', userId).orderBy('id').execute(),
    db
      .selectFrom('organisation_members as om')
      .innerJoin('organisations as o', 'o.id', 'om.organisation_id')
      .select(['o.id', 'o.name', 'om.role', 'om.added_at'])
      .where('om.user_id', '=', userId)
      .orderBy('o.id')
      .execute(),
    db.selectFrom('missions').select(['id', 'title', 'status', 'created_at']).where('created_by', '=', userId).orderBy('id').execute(),
    db
      .selectFrom('participations as p')
      .innerJoin('missions as m', 'm.id', 'p.mission_id')
      .select(['p.id', 'm.title', 'p.status', 'p.message', 'p.applied_at', 'p.answered_at', 'p.refusal_reason', 'p.cancelled_by', 'p.reminded_at', 'p.attendance'])
      .where('p.user_id', '=', userId)
      .orderBy('p.id')
      .execute(),
  ]);
  return { organisationsApplied, organisationsManaged, missionsCreated, participations };
}

export async function eraseVolunteeringData(trx: Executor, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable('participations')
    .set({ status: 'cancelled', cancelled_at: now, cancelled_by: 'volunteer' })
    .where('user_id', '=', userId)
    .where('status', 'in', ['applied', 'waiting', 'accepted'])
    .execute();
  await trx.updateTable('participations').set({ user_id: null, message: null, refusal_reason: null }).where('user_id', '=', userId).execute();
  await trx.deleteFrom('organisation_members').where('user_id', '=', userId).execute();
  await trx.updateTable('organisations').set({ applied_by: null }).where('applied_by', '=', userId).execute();
  await trx.updateTable('missions').set({ created_by: null }).where('created_by', '=', userId).execute();
}

export const volunteeringPersonalData: PersonalDataSource = {
  exportAt: ['volunteering'],
  export: exportVolunteeringData,
  erase: (trx, person, now) => eraseVolunteeringData(trx, person.id, now),
};

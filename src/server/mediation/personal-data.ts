/** @module Mediation data in a person's export, and what goes with their account. */
import type { Database, Executor } from '../core/database/schema.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

/**
 * As an assisted resident: the consent record and the sessions opened for them (reasons included). As a mediator:
 * the accounts they created and the sessions they ran (resident numbers, not names).
 */
export async function exportMediationData(db: Database, userId: string) {
  const [assisted, sessionsForMe, accountsCreated, sessionsRun] = await Promise.all([
    db
      .selectFrom('assisted_accounts')
      .select(['territory_id', 'created_by', 'consent_ref', 'consent_at', 'created_at', 'consent_withdrawn_at', 'taken_over_at'])
      .where('user_id', '=', userId)
      .execute(),
    db.selectFrom('mediation_sessions').select(['id', 'territory_id', 'mediator_id', 'reason', 'started_at', 'expires_at', 'ended_at']).where('resident_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('assisted_accounts').select(['territory_id', 'user_id', 'consent_ref', 'created_at']).where('created_by', '=', userId).orderBy('created_at').execute(),
    db.selectFrom('mediation_sessions').select(['id', 'territory_id', 'resident_id', 'reason', 'started_at', 'expires_at', 'ended_at']).where('mediator_id', '=', userId).orderBy('id').execute(),
  ]);
  return { assisted, sessionsForMe, accountsCreated, sessionsRun };
}

/**
 * Erasure: the person's consent record, takeover codes and the sessions opened for them (their reasons speak of
 * them) go; as a mediator, their open sessions end (the audit log keeps ids only).
 */
export async function eraseMediationData(trx: Executor, userId: string, now: Date): Promise<void> {
  await trx.deleteFrom('mediation_takeover_codes').where('user_id', '=', userId).execute();
  await trx.deleteFrom('mediation_sessions').where('resident_id', '=', userId).execute();
  await trx.deleteFrom('assisted_accounts').where('user_id', '=', userId).execute();
  await trx.updateTable('mediation_sessions').set({ ended_at: now }).where('mediator_id', '=', userId).where('ended_at', 'is', null).execute();
}

export const mediationPersonalData: PersonalDataSource = {
  exportAt: ['mediation'],
  export: exportMediationData,
  erase: (trx, person, now) => eraseMediationData(trx, person.id, now),
};

/** @module A person's trips, rides and messages, for their data export and their erasure. */
import type { Database, Transaction } from '../core/database/schema.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export async function exportCarpoolData(db: Database, userId: string) {
  const [trips, rides, messages] = await Promise.all([
    db.selectFrom('carpool_trips').selectAll().where('user_id', '=', userId).orderBy('id').execute(),
    db
      .selectFrom('carpool_matches')
      .selectAll()
      .where((eb) => eb.or([eb('driver_id', '=', userId), eb('passenger_id', '=', userId)]))
      .orderBy('id')
      .execute(),
    db.selectFrom('carpool_messages').select(['match_id', 'body', 'created_at']).where('sender_id', '=', userId).orderBy('id').execute(),
  ]);
  return { trips, rides, messages };
}

/** Trips go (and with them rides and their messages); the gestures they produced stay, anonymised by impact. */
export async function eraseCarpoolData(trx: Transaction, userId: string): Promise<void> {
  await trx.deleteFrom('carpool_messages').where('sender_id', '=', userId).execute();
  await trx.deleteFrom('carpool_trips').where('user_id', '=', userId).execute();
}

/** Trips, rides and messages in the export, under `mobility.carpool`; erased with the account. */
export const carpoolPersonalData: PersonalDataSource = {
  exportAt: ['mobility', 'carpool'],
  export: exportCarpoolData,
  erase: (trx, person) => eraseCarpoolData(trx, person.id),
};

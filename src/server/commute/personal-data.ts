/** @module A person's commute profiles, for their data export and their erasure. */
import type { Database, Transaction } from '../core/database/schema.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export function exportCommuteData(db: Database, userId: string) {
  return db.selectFrom('commute_profiles').selectAll().where('user_id', '=', userId).execute();
}

export async function eraseCommuteData(trx: Transaction, userId: string): Promise<void> {
  await trx.deleteFrom('commute_profiles').where('user_id', '=', userId).execute();
}

export const commutePersonalData: PersonalDataSource = {
  exportAt: ['mobility', 'commuteProfiles'],
  export: exportCommuteData,
  erase: (trx, person) => eraseCommuteData(trx, person.id),
};

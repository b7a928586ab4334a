/** @module A person's shift commitments, for their data export and their erasure. */
import type { Database, Transaction } from '../core/database/schema.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export function exportShiftData(db: Database, userId: string) {
  return db.selectFrom('shift_commitments').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

export async function eraseShiftData(trx: Transaction, userId: string): Promise<void> {
  await trx.deleteFrom('shift_commitments').where('user_id', '=', userId).execute();
}

export const corridorPersonalData: PersonalDataSource = {
  exportAt: ['mobility', 'shiftCommitments'],
  export: exportShiftData,
  erase: (trx, person) => eraseShiftData(trx, person.id),
};

/** @module A person's gestures: exported in full; on erasure they stay as anonymous aggregates (no user id). */
import type { Database, Transaction } from '../core/database/schema.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export function exportGestures(db: Database, userId: string) {
  return db.selectFrom('gestures').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

export async function anonymiseGestures(trx: Transaction, userId: string): Promise<void> {
  await trx.updateTable('gestures').set({ user_id: null }).where('user_id', '=', userId).execute();
}

/** Gestures in the export, under `mobility.gestures`; anonymised (kept for the totals) with the account. */
export const impactPersonalData: PersonalDataSource = {
  exportAt: ['mobility', 'gestures'],
  export: exportGestures,
  erase: (trx, person) => anonymiseGestures(trx, person.id),
};

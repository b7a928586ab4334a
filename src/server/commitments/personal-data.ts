/** @module A person's commitments and signatures, for their data export (signatures outlive erasure, without a name). */
import type { Database } from '../core/database/schema.ts';
import { eraseOfflineEntries, exportOfflineEntries } from './offline-entries.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export async function exportCommitmentData(db: Database, userId: string) {
  const [created, signed, enteredForOthers, offlineEntries] = await Promise.all([
    db.selectFrom('commitments').select(['id', 'wording', 'action', 'created_at', 'signing_deadline']).where('created_by', '=', userId).orderBy('id').execute(),
    db
      .selectFrom('commitment_signatures as s')
      .innerJoin('commitments as c', 'c.id', 's.commitment_id')
      .select(['c.id', 'c.wording', 's.signed_at', 's.public_name', 's.commune_code', 's.entry', 's.signed_by', 's.consent_ref', 's.kept', 's.checked_at'])
      .where('s.user_id', '=', userId)
      .orderBy('s.signed_at')
      .execute(),
    // Signatures this person entered as a mediator or organiser: what they did, not who it was for.
    db
      .selectFrom('commitment_signatures as s')
      .innerJoin('commitments as c', 'c.id', 's.commitment_id')
      .select(['c.id', 'c.wording', 's.signed_at', 's.entry', 's.consent_ref'])
      .where('s.signed_by', '=', userId)
      .orderBy('s.signed_at')
      .execute(),
    exportOfflineEntries(db, userId),
  ]);
  return { created, signed, enteredForOthers, offlineEntries };
}

/** Commitments created and signed in the export; offline entries made for the person go with the account. */
export const commitmentPersonalData: PersonalDataSource = {
  exportAt: ['commitments'],
  export: exportCommitmentData,
  erase: (trx, person) => eraseOfflineEntries(trx, person.id),
};

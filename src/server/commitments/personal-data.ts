/** @module A person's commitments and signatures, for their data export (signatures outlive erasure, without a name). */
import type { Database } from '../core/database/schema.ts';

export async function exportCommitmentData(db: Database, userId: string) {
  const [created, signed] = await Promise.all([
    db.selectFrom('commitments').select(['id', 'wording', 'action', 'created_at', 'signing_deadline']).where('created_by', '=', userId).orderBy('id').execute(),
    db
      .selectFrom('commitment_signatures as s')
      .innerJoin('commitments as c', 'c.id', 's.commitment_id')
      .select(['c.id', 'c.wording', 's.signed_at', 's.public_name', 's.commune_code'])
      .where('s.user_id', '=', userId)
      .orderBy('s.signed_at')
      .execute(),
  ]);
  return { created, signed };
}

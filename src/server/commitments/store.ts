/** @module Commitments in the database, read back as the pure model's state. */
import type { Selectable } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import type { CommitmentsTable } from './tables.ts';
import { notFound } from '../core/errors.ts';
import type { Commitment, CommitmentState, Milestone, Scope, Signature } from './model.ts';

export type CommitmentRow = Selectable<CommitmentsTable>;

export function toCommitment(row: CommitmentRow): Commitment {
  return {
    wording: row.wording,
    action: row.action,
    scope: row.scope as Scope,
    createdAt: row.created_at,
    signingDeadline: row.signing_deadline,
    actionStart: row.action_start,
    actionEnd: row.action_end,
  };
}

/** The commitment of this territory with its signatures; `lock` serialises signing on one commitment. */
export async function loadCommitment(db: Executor, territoryId: string, id: string, lock = false): Promise<{ row: CommitmentRow; state: CommitmentState }> {
  let q = db.selectFrom('commitments').selectAll().where('territory_id', '=', territoryId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Commitment');
  const rows = await db
    .selectFrom('commitment_signatures')
    .select(['user_id', 'signed_at', 'commune_code'])
    .where('commitment_id', '=', row.id)
    .orderBy('signed_at')
    .execute();
  const signatures: Signature[] = rows.map((r) => ({ signerId: r.user_id, at: r.signed_at, commune: r.commune_code }));
  return { row, state: { commitment: toCommitment(row), signatures, fired: row.fired as Milestone[] } };
}

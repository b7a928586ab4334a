/** @module A match is visible to its two parties only: anyone else gets 404. */
import type { Selectable } from 'kysely';
import type { CarpoolMatchesTable, Executor } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';

export type MatchRow = Selectable<CarpoolMatchesTable>;

export async function findPartyMatch(db: Executor, territoryId: string, matchId: string, userId: string, lock = false): Promise<{ match: MatchRow; side: 'driver' | 'passenger' }> {
  let q = db.selectFrom('carpool_matches').selectAll().where('territory_id', '=', territoryId).where('id', '=', matchId);
  if (lock) q = q.forUpdate();
  const match = await q.executeTakeFirst();
  if (!match || (match.driver_id !== userId && match.passenger_id !== userId)) throw notFound('Match');
  return { match, side: match.driver_id === userId ? 'driver' : 'passenger' };
}

/** Proof class of the French carpool proof registry: one party's confirmation is B, both is C. */
export function proofClass(m: Pick<MatchRow, 'driver_confirmed_at' | 'passenger_confirmed_at'>): 'B' | 'C' | null {
  const n = Number(m.driver_confirmed_at !== null) + Number(m.passenger_confirmed_at !== null);
  return n === 2 ? 'C' : n === 1 ? 'B' : null;
}

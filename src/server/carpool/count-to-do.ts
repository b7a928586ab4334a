/** @module What waits for an operator in carpooling, counted for the home page's to-do list: rides the fraud rules flagged for review. */
import type { Executor } from '../core/database/schema.ts';

export async function countFlaggedRides(db: Executor, territoryId: string): Promise<number> {
  const row = await db
    .selectFrom('carpool_matches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('territory_id', '=', territoryId)
    .where('review_status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

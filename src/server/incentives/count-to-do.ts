/** @module What waits for an operator in incentives, counted for the home page's to-do list: shops owed money (a positive balance to settle). */
import type { Executor } from '../core/database/schema.ts';
import { balanceOf } from './ledger-store.ts';

export async function countShopsOwed(db: Executor, territoryId: string): Promise<{ shops: number; owedCents: number }> {
  const shops = await db.selectFrom('merchants').select('id').where('territory_id', '=', territoryId).execute();
  let count = 0;
  let owedCents = 0;
  for (const shop of shops) {
    const owed = await balanceOf(db, territoryId, `merchant:${shop.id}`);
    if (owed > 0) {
      count += 1;
      owedCents += owed;
    }
  }
  return { shops: count, owedCents };
}

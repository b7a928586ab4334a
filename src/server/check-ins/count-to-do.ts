/** @module What waits for staff in check-ins, counted for the home page's to-do list: alerts nobody has acknowledged yet. */
import type { Executor } from '../core/database/schema.ts';

export async function countOpenAlerts(db: Executor, territoryId: string): Promise<number> {
  const row = await db
    .selectFrom('check_in_alerts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('territory_id', '=', territoryId)
    .where('acknowledged_at', 'is', null)
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** @module The demo territory's four corridors into Dijon (plausible, invented figures; see corridor-presets.ts). */
import type { Database } from '../core/database/schema.ts';
import { toHHMM } from '../core/time-of-day.ts';
import { DIJON_CORRIDORS } from '../corridors/index.ts';
import { insertCorridor } from '../corridors/index.ts';
import { DEMO_SLUG } from './seed-demo.ts';

/** Adds the corridors to the demo territory when it has none (also for databases seeded before corridors existed). */
export async function ensureDemoCorridors(db: Database): Promise<number> {
  const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return 0;
  const existing = await db.selectFrom('corridors').select('id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst();
  if (existing) return 0;
  await db.transaction().execute(async (trx) => {
    for (const c of DIJON_CORRIDORS) {
      await insertCorridor(trx, territory.id, {
        name: c.name,
        geometry: c.geometry,
        capacityPerHour: c.capacityPerHour,
        freeFlowMin: c.freeFlowMin,
        amStart: toHHMM(c.amStart),
        amDemand: c.amDemand,
        pmStart: toHHMM(c.pmStart),
        pmDemand: c.pmDemand,
      });
    }
  });
  return DIJON_CORRIDORS.length;
}

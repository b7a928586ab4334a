/**
 * @module The demo territory's observatory: about sixty invented sensors and pieces of equipment of Dijon Métropole
 * (traffic counters on the demo corridors, air stations, parking spots, street lights, traffic lights, public
 * buildings, crowd counters) with the last 24 hours of readings along daily profiles — one counter silent for five
 * hours, one street light reporting itself faulty. All invented and labelled so.
 */
import type { Database } from '../core/database/schema.ts';
import { seededRandom } from '../core/random.ts';
import { demoThings, entityIdOf, ingestReadings, readingsAt, upsertThing, type ReadingInput } from '../observatory/index.ts';
import { DEMO_SLUG } from './seed-demo.ts';

const STEP_MS = 15 * 60_000;
const SILENT = 'comptage-1-1';
const FAULTY = 'lampadaire-3';

/** Adds the demo things and their day of readings when the demo territory has no thing yet; returns how many readings. */
export async function ensureDemoObservatory(db: Database, now: Date): Promise<{ things: number; readings: number } | null> {
  const territory = await db.selectFrom('territories').select(['id', 'slug']).where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return null;
  const existing = await db.selectFrom('observatory_things').select('id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst();
  if (existing) return null;
  const random = seededRandom(1212);
  const things = demoThings(random);
  await db.transaction().execute(async (trx) => {
    for (const t of things) {
      await upsertThing(trx, territory.id, { entityId: entityIdOf(t.type, territory.slug, t.localId), type: t.type, name: `${t.name} (démo, inventé)`, ownerService: t.ownerService, lat: t.lat, lon: t.lon }, now);
    }
  });
  const end = Math.floor(now.getTime() / STEP_MS) * STEP_MS;
  let batch: ReadingInput[] = [];
  let stored = 0;
  const flush = async () => {
    stored += (await ingestReadings({ db, clock: { now: () => now } }, territory, 'simulator', batch)).stored;
    batch = [];
  };
  for (let at = end - 24 * 3600_000; at <= end; at += STEP_MS) {
    for (const t of things) {
      if (t.localId === SILENT && at > end - 5 * 3600_000) continue;
      batch.push(...readingsAt(t, new Date(at), random));
    }
    if (batch.length >= 2000) await flush();
  }
  batch.push({ entityId: FAULTY, attribute: 'deviceState', observedAt: new Date(end).toISOString(), value: 'faulty' });
  await flush();
  return { things: things.length, readings: stored };
}

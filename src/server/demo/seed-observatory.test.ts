// The demo observatory on a real database: about sixty invented things with a day of readings and rollups, one
// silent counter and one faulty street light; a second run adds nothing.
import { describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { buildTerritory } from '../../../test/support/factories.ts';
import { DEMO_SLUG } from './seed-demo.ts';
import { ensureDemoObservatory } from './seed-observatory.ts';

describe.each(databaseKinds())('demo observatory on %s', (kind) => {
  it('seeds living things once, with a silent and a faulty one', { timeout: 120_000 }, async () => {
    const database = await openTestDatabase(kind);
    try {
      const territory = await buildTerritory(database.db, { slug: DEMO_SLUG });
      const now = new Date();
      const seeded = await ensureDemoObservatory(database.db, now);
      expect(seeded!.things).toBeGreaterThanOrEqual(55);
      expect(seeded!.readings).toBeGreaterThan(10_000);
      expect(await ensureDemoObservatory(database.db, now)).toBeNull();
      const things = await database.db.selectFrom('observatory_things').select(['entity_id', 'last_seen_at', 'attributes']).where('territory_id', '=', territory.id).execute();
      const silent = things.filter((t) => now.getTime() - (t.last_seen_at?.getTime() ?? 0) > 3600_000);
      expect(silent.map((t) => t.entity_id)).toEqual([`urn:ngsi-ld:TrafficFlowObserved:${DEMO_SLUG}:comptage-1-1`]);
      expect(things.filter((t) => (t.attributes.deviceState as { value?: string } | undefined)?.value === 'faulty').length).toBe(1);
      const hourly = await database.db.selectFrom('observatory_rollups').select((eb) => eb.fn.countAll<string>().as('n')).where('bucket', '=', '1h').executeTakeFirstOrThrow();
      expect(Number(hourly.n)).toBeGreaterThan(500);
    } finally {
      await database.close();
    }
  });
});

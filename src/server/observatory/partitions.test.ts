// Daily partitions and retention on a real database, both engines: readings that landed in the default partition
// move into the day's partition when it is made, a second run creates nothing, and retention deletes old readings,
// their 5-minute rollups, and drops partitions past the longest retention.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { buildTerritory } from '../../../test/support/factories.ts';
import { ingestReadings } from './ingest-readings.ts';
import { applyRetention, ensurePartitions, partitionOf } from './partitions.ts';
import { entityIdOf, upsertThing } from './things.ts';

describe.each(databaseKinds())('readings partitions on %s', (kind) => {
  it('creates daily partitions ahead, moving rows out of the default one, and applies retention', { timeout: 120_000 }, async () => {
    const database = await openTestDatabase(kind);
    const db = database.db;
    try {
      const territory = await buildTerritory(db);
      const now = new Date('2026-05-20T12:00:00Z');
      await upsertThing(db, territory.id, { entityId: entityIdOf('CrowdFlowObserved', territory.slug, 'c-1'), type: 'CrowdFlowObserved' }, now);
      const deps = { db, clock: { now: () => now } };
      await ingestReadings(deps, territory, 'http', [
        { entityId: 'c-1', attribute: 'peopleCount', observedAt: '2026-05-20T11:00:00Z', value: 10 },
        { entityId: 'c-1', attribute: 'peopleCount', observedAt: '2026-05-19T11:00:00Z', value: 12 },
      ]);
      const first = await ensurePartitions(db, now);
      expect(first).toEqual({ created: 9, moved: 2 });
      expect(await ensurePartitions(db, now)).toEqual({ created: 0, moved: 0 });
      const inDay = await sql<{ n: string }>`select count(*) as n from ${sql.id(partitionOf(now).name)}`.execute(db);
      expect(Number(inDay.rows[0]!.n)).toBe(1);
      const inDefault = await sql<{ n: string }>`select count(*) as n from observatory_readings_default`.execute(db);
      expect(Number(inDefault.rows[0]!.n)).toBe(0);
      // New readings go to their day's partition; a duplicate is still refused across the move.
      expect((await ingestReadings(deps, territory, 'http', [{ entityId: 'c-1', attribute: 'peopleCount', observedAt: '2026-05-19T11:00:00Z', value: 12 }])).duplicates).toBe(1);
      await db.insertInto('observatory_retention').values({ territory_id: territory.id, type: 'CrowdFlowObserved', readings_days: 1, rollups_days: 400 }).execute();
      const later = new Date('2026-05-21T10:30:00Z');
      const kept = await applyRetention(db, later);
      expect(kept.readings).toBe(1);
      const left = await db.selectFrom('observatory_readings').select('observed_at').execute();
      expect(left.map((r) => new Date(r.observed_at).toISOString())).toEqual(['2026-05-20T11:00:00.000Z']);
      const dropped = await applyRetention(db, new Date('2026-07-20T00:00:00Z'));
      expect(dropped.dropped).toBeGreaterThan(0);
      expect(await db.selectFrom('observatory_rollups').select('bucket').where('bucket', '=', '5m').execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

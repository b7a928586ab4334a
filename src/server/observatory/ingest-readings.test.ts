// Ingesting readings on a real database, both engines: accepted readings stored with their 5-minute and hourly
// rollups, a reading sent twice stored and counted once, out-of-order readings folded into the right buckets,
// every kind of bad reading rejected with its field and counted per device, another territory's thing unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { buildTerritory, type TerritoryFixture } from '../../../test/support/factories.ts';
import { fixedClock } from '../core/clock.ts';
import type { DatabaseHandle } from '../core/database/connect.ts';
import { ingestReadings } from './ingest-readings.ts';
import { entityIdOf, upsertThing } from './things.ts';

const NOW = new Date('2026-03-10T10:02:30Z');

describe.each(databaseKinds())('ingestReadings on %s', (kind) => {
  let database: DatabaseHandle;
  let territory: TerritoryFixture;
  let other: TerritoryFixture;
  const clock = fixedClock(NOW);
  let deps: { db: DatabaseHandle['db']; clock: typeof clock };
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    deps = { db: database.db, clock };
    territory = await buildTerritory(database.db);
    other = await buildTerritory(database.db);
    await upsertThing(database.db, territory.id, { entityId: entityIdOf('AirQualityObserved', territory.slug, 'air-1'), type: 'AirQualityObserved', name: 'Air 1' }, NOW);
    await upsertThing(database.db, territory.id, { entityId: entityIdOf('ParkingSpot', territory.slug, 'p-1'), type: 'ParkingSpot' }, NOW);
    await upsertThing(database.db, other.id, { entityId: entityIdOf('AirQualityObserved', other.slug, 'air-x'), type: 'AirQualityObserved' }, NOW);
  });
  afterAll(() => database.close());

  const rollups = (attribute: string) =>
    database.db.selectFrom('observatory_rollups').selectAll().where('attribute', '=', attribute).orderBy('bucket').orderBy('bucket_start').execute();

  it('stores readings and their rollups once, by local id or entity id, in and out of order', async () => {
    const air = entityIdOf('AirQualityObserved', territory.slug, 'air-1');
    const batch = [
      { entityId: 'air-1', attribute: 'no2', observedAt: '2026-03-10T10:01:00Z', value: 30, unitCode: 'GQ' },
      { entityId: air, attribute: 'no2', observedAt: '2026-03-10T10:02:00Z', value: 50 },
      { entityId: 'air-1', attribute: 'no2', observedAt: '2026-03-10T10:01:00Z', value: 30, unitCode: 'GQ' },
      { entityId: 'p-1', attribute: 'status', observedAt: '2026-03-10T10:00:00Z', value: 'occupied' },
    ];
    expect(await ingestReadings(deps, territory, 'http', batch)).toEqual({ stored: 3, duplicates: 1, rejected: [] });
    // The retry of the whole batch changes nothing.
    expect(await ingestReadings(deps, territory, 'http', batch)).toEqual({ stored: 0, duplicates: 4, rejected: [] });
    // A late reading, earlier than the others, lands in its own buckets and does not become the last value.
    expect(await ingestReadings(deps, territory, 'mqtt', [{ entityId: 'air-1', attribute: 'no2', observedAt: '2026-03-10T09:58:00+00:00', value: 10 }])).toMatchObject({ stored: 1 });
    const r = await rollups('no2');
    expect(r.map((x) => [x.bucket, new Date(x.bucket_start).toISOString(), x.n, x.sum, x.min, x.max, x.last_value])).toEqual([
      ['1h', '2026-03-10T09:00:00.000Z', 1, 10, 10, 10, 10],
      ['1h', '2026-03-10T10:00:00.000Z', 2, 80, 30, 50, 50],
      ['5m', '2026-03-10T09:55:00.000Z', 1, 10, 10, 10, 10],
      ['5m', '2026-03-10T10:00:00.000Z', 2, 80, 30, 50, 50],
    ]);
    const stored = await database.db.selectFrom('observatory_readings').select(['attribute', 'value', 'text_value', 'unit_code', 'source']).where('territory_id', '=', territory.id).orderBy('observed_at').execute();
    expect(stored).toEqual([
      { attribute: 'no2', value: 10, text_value: null, unit_code: 'GQ', source: 'mqtt' },
      { attribute: 'status', value: null, text_value: 'occupied', unit_code: null, source: 'http' },
      { attribute: 'no2', value: 30, text_value: null, unit_code: 'GQ', source: 'http' },
      { attribute: 'no2', value: 50, text_value: null, unit_code: 'GQ', source: 'http' },
    ]);
    const thing = await database.db.selectFrom('observatory_things').select(['last_seen_at', 'attributes']).where('entity_id', '=', air).executeTakeFirstOrThrow();
    expect(thing.last_seen_at?.toISOString()).toBe('2026-03-10T10:02:00.000Z');
    expect(thing.attributes.no2).toEqual({ type: 'Property', value: 50, observedAt: '2026-03-10T10:02:00.000Z', unitCode: 'GQ' });
  });

  it('rejects each bad reading with its field and reason, stores the good ones and counts rejections per device', async () => {
    const ok = { entityId: 'air-1', attribute: 'pm10', observedAt: '2026-03-10T10:00:00Z', value: 12, unitCode: 'GQ' };
    const result = await ingestReadings(deps, territory, 'http', [
      ok,
      { ...ok, entityId: 'nope' },
      { ...ok, entityId: 'air-x' },
      { ...ok, attribute: 'humidity' },
      { ...ok, unitCode: 'KMH' },
      { ...ok, value: -3 },
      { ...ok, value: Number.NaN },
      { ...ok, value: 'high' },
      { ...ok, observedAt: '2026-03-10T10:05:00Z' },
      { ...ok, observedAt: '2026-03-02T10:00:00Z' },
      { ...ok, observedAt: 'yesterday' },
      { entityId: 'p-1', attribute: 'status', observedAt: '2026-03-10T10:00:00Z', value: 'maybe' },
    ]);
    expect(result.stored).toBe(1);
    expect(result.rejected).toEqual([
      { index: 1, field: '/entityId', reason: 'unknown_thing' },
      { index: 2, field: '/entityId', reason: 'unknown_thing' },
      { index: 3, field: '/attribute', reason: 'unknown_attribute' },
      { index: 4, field: '/unitCode', reason: 'wrong_unit' },
      { index: 5, field: '/value', reason: 'wrong_value' },
      { index: 6, field: '/value', reason: 'not_finite' },
      { index: 7, field: '/value', reason: 'wrong_value' },
      { index: 8, field: '/observedAt', reason: 'in_the_future' },
      { index: 9, field: '/observedAt', reason: 'too_late' },
      { index: 10, field: '/observedAt', reason: 'bad_time' },
      { index: 11, field: '/value', reason: 'wrong_value' },
    ]);
    const counts = await database.db.selectFrom('observatory_rejections').select(['device_ref', 'reason', 'n']).where('territory_id', '=', territory.id).orderBy('device_ref').orderBy('reason').execute();
    expect(counts).toContainEqual({ device_ref: 'air-1', reason: 'wrong_value', n: 2 });
    expect(counts).toContainEqual({ device_ref: 'air-x', reason: 'unknown_thing', n: 1 });
    await ingestReadings(deps, territory, 'http', [{ ...ok, entityId: 'nope', observedAt: '2026-03-10T10:01:00Z' }]);
    const nope = await database.db.selectFrom('observatory_rejections').select('n').where('territory_id', '=', territory.id).where('device_ref', '=', 'nope').executeTakeFirstOrThrow();
    expect(nope.n).toBe(2);
  });
});

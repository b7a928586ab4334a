// Migration 0015 on gestures recorded before it: each past mode switch is measured again against its
// author's usual mode — a solo car keeps its figures, another mode or no profile avoids nothing, a usual
// carpool counts its share of the car (values computed by hand below, from the gesture's factors version).
import { randomBytes } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTerritory, buildUser } from '../../../test/support/factories.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../core/database/connect.ts';
import { migrateToLatest } from '../core/database/migrate.ts';
import { migrations } from '../core/database/migrations/index.ts';
import { currentFactors } from './factor-store.ts';

/** An empty database of the given engine, and how to drop it. */
async function emptyDatabase(kind: DatabaseKind): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    return { handle, drop: () => handle.close() };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `maille_m15_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: target.toString(), poolSize: 1 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

describe.each(databaseKinds())('migration 0015 (counterfactuals) on %s', (kind) => {
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  beforeAll(async () => {
    database = await emptyDatabase(kind);
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0015'));
    const migrator = new Migrator({ db: database.handle.db, provider: { getMigrations: async () => before }, migrationTableName: 'maille_migrations', migrationLockTableName: 'maille_migrations_lock' });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error("migration failed", { cause: error });
  }, 120_000);
  afterAll(() => database.drop());

  it('measures past mode switches against their author’s usual mode, and leaves other gestures alone', async () => {
    const db = database.handle.db;
    const territory = await buildTerritory(db);
    const { version, factors } = await currentFactors(db, territory.id);
    const car = factors.get('car_thermal')!.value;
    const bike = factors.get('bike')!.value;
    const eur = factors.get('euros_per_car_km')!.value;
    const profile = async (userId: string, usual_mode: 'car_alone' | 'bus' | 'carpool', car_occupancy = 1) =>
      db.insertInto('commute_profiles').values({ territory_id: territory.id, user_id: userId, home_cell: '881f8d4a4dfffff', work_cell: '881f8d4a45fffff', meeting_points: '[]', weekdays: [1], out_start: 450, out_end: 480, back_start: 1020, back_end: 1050, usual_mode, car_occupancy, distance_km: 10 }).execute();
    const [driver, busRider, unknown, sharer] = [await buildUser(db, { territory }), await buildUser(db, { territory }), await buildUser(db, { territory }), await buildUser(db, { territory })];
    await profile(driver.id, 'car_alone');
    await profile(busRider.id, 'bus');
    await profile(sharer.id, 'carpool', 3);
    let n = 0;
    // As recorded before: always against a solo car (carpool of 2: car-km 10 × 1/2 = 5).
    const gesture = (userId: string, mode: string, kind: 'mode_switch' | 'shift' = 'mode_switch') =>
      db.insertInto('gestures').values({ territory_id: territory.id, user_id: userId, kind, mode, occurred_on: '2026-11-02', km: 10, co2e_kg: 2.2, car_km: mode === 'carpool' ? 5 : 10, euros: 6.36, factors_version: version, idempotency_key: `old-${(n += 1)}` }).returning('id').executeTakeFirstOrThrow();
    const ids = {
      driver: (await gesture(driver.id, 'bike')).id,
      busRider: (await gesture(busRider.id, 'bike')).id,
      unknown: (await gesture(unknown.id, 'tram')).id,
      sharerBike: (await gesture(sharer.id, 'bike')).id,
      sharerCarpool: (await gesture(sharer.id, 'carpool')).id,
      shift: (await gesture(driver.id, 'am', 'shift')).id,
    };

    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).filter((name) => name >= '0015').sort());
    const rows = new Map((await db.selectFrom('gestures').select(['id', 'instead_of', 'instead_of_occupancy', 'counterfactual', 'co2e_kg', 'car_km', 'euros']).execute()).map((r) => [r.id, r]));
    expect(rows.get(ids.driver)).toMatchObject({ instead_of: 'car_alone', instead_of_occupancy: 1, counterfactual: 'usual_mode', co2e_kg: 2.2, car_km: 10, euros: 6.36 });
    expect(rows.get(ids.busRider)).toMatchObject({ instead_of: 'bus', instead_of_occupancy: null, counterfactual: 'usual_mode', co2e_kg: 0, car_km: 0, euros: 0 });
    expect(rows.get(ids.unknown)).toMatchObject({ instead_of: null, counterfactual: 'none', co2e_kg: 0, car_km: 0, euros: 0 });
    // Usual carpool of 3, by bike: 10 × (car / 3 − bike) kg; car-km 10 / 3 = 3.333; euros 3.333 × €/km.
    expect(rows.get(ids.sharerBike)).toMatchObject({ instead_of: 'carpool', instead_of_occupancy: 3, co2e_kg: Math.round(10 * (car / 3 - bike) * 1000) / 1000, car_km: 3.333, euros: Math.round((10 / 3) * eur * 100) / 100 });
    // Usual carpool of 3, a carpool of 2 instead (share 1/2, read back from 5 car-km of 10): more car, more CO2e.
    const sharerCarpool = rows.get(ids.sharerCarpool)!;
    expect(sharerCarpool.co2e_kg).toBe(Math.round(10 * (car / 3 - car / 2) * 1000) / 1000);
    expect(sharerCarpool.car_km).toBe(Math.round(10 * (1 / 3 - 1 / 2) * 1000) / 1000);
    expect(sharerCarpool.co2e_kg).toBeLessThan(0);
    expect(rows.get(ids.shift)).toMatchObject({ instead_of: null, counterfactual: null, co2e_kg: 2.2 });
    // From now on a counterfactual belongs to mode switches only.
    await expect(sql`update gestures set counterfactual = 'none' where id = ${ids.shift}`.execute(db)).rejects.toThrow(/gestures_counterfactual_kind/);
  });
});

// The match index follows writes made by another API process on a PostgreSQL server (LISTEN/NOTIFY through the
// event bus); index-follows.test.ts reads one process's index itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMaille, type Maille } from '../app.ts';
import { loadConfig } from '../core/config.ts';
import { openDatabase } from '../core/database/connect.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

const weekdays = [1, 2, 3, 4, 5];
const driver = { role: 'driver', origin: { lat: 47.05, lng: 5.02 }, destination: { lat: 47.05, lng: 5.18 }, weekdays, window: { start: '07:30', end: '08:00' }, seats: 2 };
const passenger = { role: 'passenger', origin: { lat: 47.052, lng: 5.035 }, destination: { lat: 47.05, lng: 5.17 }, weekdays, window: { start: '07:40', end: '08:10' }, seats: 1 };

describe.each(databaseKinds())('match index on %s', (kind) => {
  let t: TestApp;
  let second: Maille | undefined;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    if (t.database.url) {
      // A second API process on the same database, with its own index.
      const database = await openDatabase({ databaseUrl: t.database.url });
      second = await createMaille(loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' }), { database });
    }
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  const base = () => `/api/territories/${territory.slug}/carpool`;
  const signedIn = async (app: TestApp['app']) => new Client(app).signIn((await buildUser(t.database.db, { territory })).email, PASSWORD);
  const matchIds = async (client: Client, tripId: string) => ((await client.get(`${base()}/trips/${tripId}/matches`)).json().items as { trip: { id: string } }[]).map((m) => m.trip.id);

  it(kind === 'postgres' ? 'sees an offer written by another API process' : 'has no cross-process bridge on embedded PGlite (one process owns the data folder)', async () => {
    if (!second) {
      expect(t.database.url).toBeUndefined();
      return;
    }
    const p = await signedIn(second.app);
    const tripId = (await p.post(`${base()}/trips`, passenger)).json().id;
    expect(await matchIds(p, tripId)).toEqual([]); // the second process builds its index now
    const d = await signedIn(t.app);
    const offer = (await d.post(`${base()}/trips`, driver)).json().id;
    await expect.poll(() => matchIds(p, tripId), { timeout: 5_000 }).toEqual([offer]);
  });
});

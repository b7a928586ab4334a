// A match proposes the territory's public meeting point nearest the passenger's start when one is within walking
// distance (MEETING_POINT_WALK_M), and none otherwise; an inactive point is never proposed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

const weekdays = [1, 2, 3, 4, 5];
const driverTrip = { role: 'driver', origin: { lat: 47.05, lng: 5.02 }, destination: { lat: 47.05, lng: 5.18 }, weekdays, window: { start: '07:30', end: '08:00' }, seats: 3 };
const passengerTrip = { role: 'passenger', origin: { lat: 47.052, lng: 5.035 }, destination: { lat: 47.05, lng: 5.17 }, weekdays, window: { start: '07:40', end: '08:10' }, seats: 1 };

describe.each(databaseKinds())('meeting points proposed with matches on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const base = () => `/api/territories/${territory.slug}/carpool`;
  const point = (name: string, lat: number, lon: number, active = true) =>
    t.database.db.insertInto('meeting_points').values({ territory_id: territory.id, name, kind: 'tram_stop', lat, lon, commune_code: '21001', notes: null, active, gtfs_stop_id: null, created_at: new Date(), updated_at: new Date() }).execute();
  async function matchesOfPassenger() {
    const [driver, passenger] = [await buildUser(t.database.db, { territory }), await buildUser(t.database.db, { territory })];
    const d = await new Client(t.app).signIn(driver.email, PASSWORD);
    const p = await new Client(t.app).signIn(passenger.email, PASSWORD);
    expect((await d.post(`${base()}/trips`, driverTrip)).statusCode).toBe(201);
    const trip = (await p.post(`${base()}/trips`, passengerTrip)).json<{ id: string }>().id;
    const res = await p.get(`${base()}/trips/${trip}/matches`);
    expect(res.statusCode).toBe(200);
    return res.json<{ items: { meetingPoint: { name: string } | null }[] }>().items;
  }

  it('proposes none while no public point is within walking distance', async () => {
    await point('Arrêt lointain (test)', 47.2, 5.3);
    const items = await matchesOfPassenger();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((m) => m.meetingPoint === null)).toBe(true);
  });

  it('proposes the active point nearest the passenger, never an inactive one', async () => {
    await point('Parking fermé (test)', 47.0521, 5.0351, false);
    await point('Tram Les Grésilles (test)', 47.053, 5.037);
    await point('Parc-relais (test)', 47.056, 5.045);
    const items = await matchesOfPassenger();
    expect(items.map((m) => m.meetingPoint?.name)).toContain('Tram Les Grésilles (test)');
    expect(items.every((m) => m.meetingPoint?.name === 'Tram Les Grésilles (test)')).toBe(true);
  });
});

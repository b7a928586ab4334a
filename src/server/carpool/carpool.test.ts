// Carpooling over HTTP on a real database: explained matches, the ride lifecycle, the last seat, proof classes,
// fraud review, messages and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { localDate } from '../core/time-of-day.ts';

function nextMonday(from: Date): string {
  const d = new Date(`${localDate(from)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (((8 - d.getUTCDay()) % 7) || 7));
  return d.toISOString().slice(0, 10);
}

describe.each(databaseKinds())('carpool on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const base = () => `/api/territories/${territory.slug}/carpool`;
  const person = async (roles: ('resident' | 'operator')[] = ['resident']) => new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles })).email, PASSWORD);
  const weekdays = [1, 2, 3, 4, 5];
  const driverTrip = { role: 'driver', origin: { lat: 47.05, lng: 5.02 }, destination: { lat: 47.05, lng: 5.18 }, weekdays, window: { start: '07:30', end: '08:00' }, seats: 1 };
  const passengerTrip = { role: 'passenger', origin: { lat: 47.052, lng: 5.035 }, destination: { lat: 47.05, lng: 5.17 }, weekdays, window: { start: '07:40', end: '08:10' }, seats: 1 };

  async function trip(client: Client, body: object): Promise<string> {
    const res = await client.post(`${base()}/trips`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  it('proposes explained matches, and takes a ride through acceptance and both confirmations (proof B then C)', async () => {
    const driver = await person();
    const passenger = await person();
    const driverTripId = await trip(driver, driverTrip);
    const passengerTripId = await trip(passenger, passengerTrip);
    const matches = (await passenger.get(`${base()}/trips/${passengerTripId}/matches`)).json().items;
    expect(matches[0]).toMatchObject({ trip: { id: driverTripId, role: 'driver' }, sharedCommunity: false });
    expect(matches[0].detourKm).toBeLessThan(2);
    expect(matches[0].co2eSavedKg).toBeGreaterThan(0);
    expect(matches[0].explanation).toMatch(/detour .* km .* min · time gap \d+ min · .* kg CO2e/);

    const date = nextMonday(t.clock.now());
    const proposed = await passenger.post(`${base()}/trips/${passengerTripId}/matches`, { tripId: driverTripId, date });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const matchId = proposed.json().id;
    expect((await passenger.post(`${base()}/trips/${passengerTripId}/matches`, { tripId: driverTripId, date })).statusCode).toBe(409);
    expect((await driver.post(`${base()}/matches/${matchId}/accept`)).json()).toEqual({ status: 'accepted' });

    expect((await driver.post(`${base()}/matches/${matchId}/confirm`)).statusCode).toBe(409); // not happened yet
    t.clock.set(new Date(`${date}T12:00:00Z`));
    const first = await driver.post(`${base()}/matches/${matchId}/confirm`);
    expect(first.json()).toMatchObject({ proofClass: 'B', flags: [], counted: true });
    expect((await driver.post(`${base()}/matches/${matchId}/confirm`)).statusCode).toBe(409);
    expect((await passenger.post(`${base()}/matches/${matchId}/confirm`)).json()).toMatchObject({ proofClass: 'C' });
    const stranger = await person();
    expect((await stranger.post(`${base()}/matches/${matchId}/confirm`)).statusCode).toBe(404);

    const gestures = await t.database.db.selectFrom('gestures').selectAll().where('source_id', '=', matchId).execute();
    expect(gestures).toHaveLength(2);
    expect(gestures[0]!.car_km).toBeCloseTo(gestures[1]!.car_km, 5);
    expect(gestures[0]!.co2e_kg).toBeGreaterThan(0);
    const mine = (await passenger.get(`${base()}/matches/mine`)).json().items[0];
    expect(mine).toMatchObject({ status: 'done', proofClass: 'C', confirmedByMe: true, confirmedByOther: true });
  });

  it('gives the last seat to exactly one of two passengers accepting at once', async () => {
    const driver = await person();
    const driverTripId = await trip(driver, driverTrip);
    const date = nextMonday(t.clock.now());
    const passengers = [await person(), await person()];
    const matchIds: string[] = [];
    for (const p of passengers) {
      const tripId = await trip(p, passengerTrip);
      const res = await driver.post(`${base()}/trips/${driverTripId}/matches`, { tripId, date });
      expect(res.statusCode, res.body).toBe(201);
      matchIds.push(res.json().id);
    }
    const answers = await Promise.all(passengers.map((p, i) => p.post(`${base()}/matches/${matchIds[i]}/accept`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const accepted = await t.database.db.selectFrom('carpool_matches').select('id').where('driver_trip_id', '=', driverTripId).where('status', '=', 'accepted').execute();
    expect(accepted).toHaveLength(1);
  });

  it('holds a ride under 2 km for review; an operator clears it and it counts', async () => {
    const driver = await person();
    const passenger = await person();
    const short = { origin: { lat: 47.05, lng: 5.02 }, destination: { lat: 47.05, lng: 5.035 } };
    const d = await trip(driver, { ...driverTrip, ...short });
    const p = await trip(passenger, { ...passengerTrip, ...short, origin: { lat: 47.0502, lng: 5.021 } });
    const date = nextMonday(t.clock.now());
    const matchId = (await passenger.post(`${base()}/trips/${p}/matches`, { tripId: d, date })).json().id;
    await driver.post(`${base()}/matches/${matchId}/accept`);
    t.clock.set(new Date(`${date}T12:00:00Z`));
    const confirmed = (await passenger.post(`${base()}/matches/${matchId}/confirm`)).json();
    expect(confirmed).toMatchObject({ counted: false });
    expect(confirmed.flags).toContain('short');
    const operator = await person(['resident', 'operator']);
    const queue = (await operator.get(`${base()}/reviews`)).json().items;
    expect(queue.map((q: { id: string }) => q.id)).toContain(matchId);
    expect((await passenger.get(`${base()}/reviews`)).statusCode).toBe(403);
    expect((await operator.post(`${base()}/matches/${matchId}/review`, { decision: 'cleared', reason: 'short but real: checked' })).statusCode).toBe(204);
    const counted = await t.database.db.selectFrom('gestures').select('counted').where('source_id', '=', matchId).execute();
    expect(counted.every((g) => g.counted)).toBe(true);
  });

  it('lets the two people of a ride exchange messages, and nobody else', async () => {
    const driver = await person();
    const passenger = await person();
    const d = await trip(driver, driverTrip);
    const p = await trip(passenger, passengerTrip);
    const matchId = (await passenger.post(`${base()}/trips/${p}/matches`, { tripId: d, date: nextMonday(t.clock.now()) })).json().id;
    expect((await passenger.post(`${base()}/matches/${matchId}/messages`, { body: 'Je serai au parking relais.' })).statusCode).toBe(201);
    const read = (await driver.get(`${base()}/matches/${matchId}/messages`)).json().items;
    expect(read).toMatchObject([{ body: 'Je serai au parking relais.', mine: false }]);
    expect((await (await person()).get(`${base()}/matches/${matchId}/messages`)).statusCode).toBe(404);
  });

  it('uses the territory’s matching rules: defaults until an operator narrows them, then stricter matches', async () => {
    const settings = (await new Client(t.app).get(`${base()}/settings`)).json();
    expect(settings).toEqual({ timeToleranceMin: 15, maxDetourShare: 0.25, minSharedShare: 0.35, roadFactor: 1.3, source: 'default' });
    const driver = await person();
    const passenger = await person();
    const d = await trip(driver, driverTrip);
    const p = await trip(passenger, { ...passengerTrip, window: { start: '08:10', end: '08:30' } }); // 10 min after the driver's window
    expect((await passenger.get(`${base()}/trips/${p}/matches`)).json().items.map((m: { trip: { id: string } }) => m.trip.id)).toContain(d);
    expect((await passenger.put(`${base()}/settings`, { ...settings, source: undefined, reason: 'narrower' })).statusCode).toBe(403);
    const operator = await person(['resident', 'operator']);
    const { source: _source, ...rules } = settings;
    const changed = await operator.put(`${base()}/settings`, { ...rules, timeToleranceMin: 5, maxDetourShare: 0.2, reason: 'local council decision' });
    expect(changed.json()).toMatchObject({ timeToleranceMin: 5, maxDetourShare: 0.2, source: 'territory' });
    expect((await passenger.get(`${base()}/trips/${p}/matches`)).json().items.map((m: { trip: { id: string } }) => m.trip.id)).not.toContain(d);
    const tooWide = await driver.post(`${base()}/trips`, { ...driverTrip, maxDetourShare: 0.25 });
    expect(tooWide.json().field).toBe('/maxDetourShare');
    await operator.put(`${base()}/settings`, { ...rules, reason: 'back to the defaults' });
  });

  it('refuses bad trips with a 400 naming the field, and writes nothing', async () => {
    const client = await person();
    const cases: [object, string][] = [
      [{ ...driverTrip, seats: 0 }, '/seats'],
      [{ ...driverTrip, window: { start: '09:00', end: '08:00' } }, '/window/end'],
      [{ ...driverTrip, origin: { lat: 45.76, lng: 4.83 } }, '/origin'],
      [{ ...driverTrip, weekdays: undefined, date: '2020-01-06' }, '/date'],
      [{ ...driverTrip, maxDetourShare: 0.5 }, '/maxDetourShare'],
      [{ ...driverTrip, date: '2099-01-05' }, '/date'],
    ];
    for (const [body, field] of cases) {
      const res = await client.post(`${base()}/trips`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field).toBe(field);
    }
    expect((await client.get(`${base()}/trips/mine`)).json().items).toEqual([]);
  });
});

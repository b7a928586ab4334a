// Mode switches over HTTP, measured against the trip they replaced: the commute profile's usual mode, an
// "instead of" declared on the gesture, or nothing known (participation only); stored with the gesture and
// counted per week; implausible trips refused, naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { localDate } from '../core/time-of-day.ts';

describe.each(databaseKinds())('mode switches against their counterfactual on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const base = () => `/api/territories/${territory.slug}`;
  const today = () => localDate(t.clock.now());
  const trip = (body: Record<string, unknown>) => ({ date: today(), leg: 'out', ...body });
  async function person() {
    const user = await buildUser(t.database.db, { territory });
    return { user, client: await new Client(t.app).signIn(user.email, PASSWORD) };
  }
  /** A commute of about 10 km (Alpha → Bêta); 14 km with `far`. */
  const profile = (usualMode: string, extra: Record<string, unknown> = {}, far = false) => ({
    home: { lat: 47.05, lng: 5.02 },
    work: { lat: 47.05, lng: far ? 5.16 : 5.12 },
    weekdays: [1, 2, 3, 4, 5],
    out: { start: '07:30', end: '08:00' },
    back: { start: '17:00', end: '17:30' },
    usualMode,
    ...extra,
  });
  const stored = (id: string) => t.database.db.selectFrom('gestures').select(['instead_of', 'instead_of_occupancy', 'counterfactual', 'co2e_kg', 'car_km', 'euros']).where('id', '=', id).executeTakeFirstOrThrow();

  it('avoids nothing against a usual trip by bike, and counts the trip as participation', async () => {
    const { client } = await person();
    expect((await client.put(`${base()}/commute-profile`, profile('bike'))).statusCode).toBe(200);
    const res = await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'tram' }));
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json();
    expect(g).toMatchObject({ co2eKg: 0, carKm: 0, euros: 0, counterfactual: { insteadOf: 'bike', occupancy: null, source: 'usual_mode' } });
    expect(g.lines.map((l: { key: string }) => l.key)).toEqual(['impact.counterfactual.notCar']);
    expect(await stored(g.id)).toMatchObject({ instead_of: 'bike', counterfactual: 'usual_mode', co2e_kg: 0, car_km: 0, euros: 0 });
    const week = (await client.get(`${base()}/impact/me?weeks=1`)).json().weeks[0];
    expect(week).toMatchObject({ modeSwitches: 1, modeSwitchesAgainstCar: 0, co2eKg: 0 });
  });

  it('measures against a car the person declares, whatever the usual mode, and says so', async () => {
    const { client } = await person();
    await client.put(`${base()}/commute-profile`, profile('bus'));
    const g = (await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'bike', km: 6, insteadOf: 'car_alone' }))).json();
    expect(g.counterfactual).toEqual({ insteadOf: 'car_alone', occupancy: 1, source: 'declared' });
    expect(g.co2eKg).toBeGreaterThan(0);
    expect(g.carKm).toBe(6);
    expect(await stored(g.id)).toMatchObject({ instead_of: 'car_alone', instead_of_occupancy: 1, counterfactual: 'declared' });
    const other = (await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'bike', km: 6, leg: 'back' }))).json();
    expect(other).toMatchObject({ co2eKg: 0, counterfactual: { insteadOf: 'bus', source: 'usual_mode' } });
    const week = (await client.get(`${base()}/impact/me?weeks=1`)).json().weeks[0];
    expect(week).toMatchObject({ modeSwitches: 2, modeSwitchesAgainstCar: 1 });
    // The same leg again with another "instead of" is a different trip: pointed out, not silently merged.
    const conflict = await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'bike', km: 6, insteadOf: 'walk' }));
    expect(conflict.statusCode).toBe(409);
  });

  it('assumes no car when nothing says what the trip replaced', async () => {
    const { client } = await person();
    const g = (await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'telework', km: 18 }))).json();
    expect(g).toMatchObject({ co2eKg: 0, carKm: 0, euros: 0, counterfactual: { insteadOf: null, occupancy: null, source: 'none' } });
    expect(g.lines.map((l: { key: string }) => l.key)).toEqual(['impact.counterfactual.none']);
    expect(await stored(g.id)).toMatchObject({ instead_of: null, counterfactual: 'none' });
  });

  it('divides car-km by the people of a usual carpool', async () => {
    const { client } = await person();
    await client.put(`${base()}/commute-profile`, profile('carpool', { carOccupancy: 3 }));
    const g = (await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'bike', km: 9 }))).json();
    expect(g.counterfactual).toEqual({ insteadOf: 'carpool', occupancy: 3, source: 'usual_mode' });
    expect(g.carKm).toBeCloseTo(3, 2);
    expect(g.co2eKg).toBeGreaterThan(0);
  });

  it('refuses implausible trips and distances, naming the field', async () => {
    const { client } = await person();
    const walk = await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'walk', km: 21, insteadOf: 'car_alone' }));
    expect(walk.statusCode).toBe(400);
    expect(walk.json()).toMatchObject({ field: '/km' });
    expect(walk.json().detail).toContain('at most 10 km');
    for (const km of [0, -2, 1e9]) {
      const bad = await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'bike', km }));
      expect(bad.statusCode, String(km)).toBe(400);
      expect(bad.json().field).toBe('/km');
    }
    const unknown = await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'bike', km: 3, insteadOf: 'plane' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('/insteadOf');
    // The commute profile's 14 km, walked: refused too, and the message says where the distance came from.
    await client.put(`${base()}/commute-profile`, profile('car_alone', {}, true));
    const fromProfile = await client.post(`${base()}/gestures/mode-switches`, trip({ mode: 'walk' }));
    expect(fromProfile.statusCode).toBe(400);
    expect(fromProfile.json()).toMatchObject({ field: '/km' });
    expect(fromProfile.json().detail).toContain('commute profile');
    const count = await t.database.db.selectFrom('gestures').select((eb) => eb.fn.countAll<string>().as('n')).where('territory_id', '=', territory.id).where('km', '>', 20).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

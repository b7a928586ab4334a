// Commute profiles over HTTP: cells not points, windows checked, places inside the territory, delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

describe.each(databaseKinds())('commute profiles on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const path = () => `/api/territories/${territory.slug}/commute-profile`;
  const profile = {
    home: { lat: 47.0512, lng: 5.0311 },
    work: { lat: 47.0498, lng: 5.1533 },
    meetingPoints: [{ name: 'Parking relais', lat: 47.06, lng: 5.05 }],
    weekdays: [1, 2, 3, 4, 5],
    out: { start: '07:30', end: '08:00' },
    back: { start: '17:00', end: '17:45' },
    usualMode: 'car_alone',
  };
  const person = async () => new Client(t.app).signIn((await buildUser(t.database.db, { territory })).email, PASSWORD);

  it('stores home and work as H3 cells, computes the distance and says how', async () => {
    const client = await person();
    expect((await client.get(path())).json()).toEqual({ profile: null });
    const res = await client.put(path(), profile);
    expect(res.statusCode).toBe(200);
    const p = res.json().profile;
    expect(p.homeCell).toMatch(/^89[0-9a-f]{13}$/);
    expect(p.homeCenter.lat).toBeCloseTo(47.0512, 2);
    expect(p.distanceKm).toBeGreaterThan(12);
    expect(p.distanceKm).toBeLessThan(13.5);
    expect(p.distanceSource).toMatch(/1\.3 road factor/);
    const stored = await t.database.db.selectFrom('commute_profiles').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('47.0512');
  });

  it('refuses a window that ends before it starts and a place outside the territory, naming the field', async () => {
    const client = await person();
    const window = await client.put(path(), { ...profile, out: { start: '08:00', end: '07:00' } });
    expect(window.statusCode).toBe(400);
    expect(window.json().field).toBe('/out/end');
    const outside = await client.put(path(), { ...profile, work: { lat: 48.85, lng: 2.35 } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().field).toBe('/work');
    expect((await client.get(path())).json()).toEqual({ profile: null });
  });

  it('updates in place and deletes', async () => {
    const client = await person();
    await client.put(path(), profile);
    const updated = (await client.put(path(), { ...profile, usualMode: 'bike' })).json().profile;
    expect(updated.usualMode).toBe('bike');
    expect((await client.delete(path())).statusCode).toBe(204);
    expect((await client.get(path())).json()).toEqual({ profile: null });
  });

  it("dates a saved profile by Maille's clock", async () => {
    const client = await person();
    t.clock.advance(3 * 3_600_000); // hours away from the machine's time, within the session's life
    expect((await client.put(path(), profile)).json().profile.updatedAt).toBe(t.clock.now().toISOString());
  });
});

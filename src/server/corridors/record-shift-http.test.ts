// The corridor's advice over HTTP, on the demo's Rocade est: the best shift for the viewer (the peak for a
// visitor, their own departure once they gave a commute profile), then "Je l'ai fait aujourd'hui" the way
// the page does it — commit to the advice, record today's shift with the corridor's own date — and the
// delay spared shows at once on the corridor and in my impact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { isoWeekday } from '../core/time-of-day.ts';
import { DIJON_CORRIDORS } from './corridor-presets.ts';

const rocade = DIJON_CORRIDORS[0]!;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe.each(databaseKinds())('the corridor advice on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let id: string;
  const base = () => `/api/territories/${territory.slug}`;
  const person = async (roles: ('resident' | 'operator')[] = ['resident']) => new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles })).email, PASSWORD);
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    const operator = await person(['resident', 'operator']);
    const created = await operator.post(`${base()}/corridors`, {
      name: rocade.name, geometry: rocade.geometry, capacityPerHour: rocade.capacityPerHour, freeFlowMin: rocade.freeFlowMin,
      amStart: hhmm(rocade.amStart), amDemand: rocade.amDemand, pmStart: hhmm(rocade.pmStart), pmDemand: rocade.pmDemand,
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
  });
  afterAll(() => t.close());

  it('advises a visitor from the peak slot: 08:00 → 07:30, not a move that makes the morning worse', async () => {
    const view = (await new Client(t.app).get(`${base()}/corridors/${id}`)).json();
    // 08:00 (975 cars) is the peak; one car leaving for 07:45 — inside the jam — would cost the others 0.27 h.
    expect(view.ends).toEqual({ from: null, to: null }); // the Rocade's line lies outside this test territory's two communes
    expect(view.periods[0].bestShift).toEqual({ fromSlot: 6, toSlot: 4, minutes: -30, vehicleHoursSpared: 0.85, usualFrom: 'peak' });
  });

  it('advises a resident from their own departure, then shows what their recorded shift spared at once', async () => {
    const me = await person();
    const weekday = isoWeekday((await me.get(`${base()}/corridors/${id}`)).json().date);
    const profile = await me.put(`${base()}/commute-profile`, { home: { lat: 47.0512, lng: 5.0311 }, work: { lat: 47.0498, lng: 5.1533 }, weekdays: [weekday], out: { start: '07:50', end: '08:10' }, back: { start: '17:00', end: '17:45' }, usualMode: 'car_alone' });
    expect(profile.statusCode, profile.body).toBe(200);
    const before = (await me.get(`${base()}/corridors/${id}`)).json();
    const advice = before.periods[0].bestShift;
    expect(advice).toEqual({ fromSlot: 5, toSlot: 4, minutes: -15, vehicleHoursSpared: 1.12, usualFrom: 'profile' });
    const commitment = await me.post(`${base()}/corridors/${id}/commitments`, { period: 'am', fromSlot: advice.fromSlot, toSlot: advice.toSlot, weekdays: [weekday] });
    expect(commitment.statusCode, commitment.body).toBe(201);
    const recorded = await me.post(`${base()}/shift-commitments/${commitment.json().id}/shifts`, { date: before.date });
    expect(recorded.statusCode, recorded.body).toBe(200);
    // The answer says at once what this shift spared the others, and from what.
    expect(recorded.json().delaySpared).toEqual({ vehicleHours: advice.vehicleHoursSpared, source: 'queue_model', computedOn: before.date });
    expect(recorded.json().provenance.sources.map((s: { label: string }) => s.label).join(' ')).toMatch(/queue model/);
    const again = await me.post(`${base()}/shift-commitments/${commitment.json().id}/shifts`, { date: before.date });
    expect(again.json()).toMatchObject({ created: false, delaySpared: { vehicleHours: advice.vehicleHoursSpared } });
    const after = (await me.get(`${base()}/corridors/${id}`)).json();
    expect(after.days).toMatchObject([{ date: before.date, period: 'am', shifts: 1 }]);
    expect(after.vehicleHoursSavedThisWeek).toBe(advice.vehicleHoursSpared);
    const impact = (await me.get(`${base()}/impact/me`)).json();
    expect(impact.totals.delaySavedVehicleHours).toBeGreaterThan(0);
    expect(impact.totals.delaySavedVehicleHours).toBeCloseTo(advice.vehicleHoursSpared, 1);
    expect(impact.provenance.sources.map((s: { label: string }) => s.label).join(' ')).toMatch(/queue model/);
  });
});

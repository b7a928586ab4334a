// Corridors over HTTP: operators define them, residents commit to shift and record it, the chart moves,
// and the delay saved for others appears — all through the queue model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { isoWeekday, localDate } from '../core/time-of-day.ts';

describe.each(databaseKinds())('corridors on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let corridorId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const base = () => `/api/territories/${territory.slug}`;
  const person = async (roles: ('resident' | 'operator')[] = ['resident']) => new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles })).email, PASSWORD);
  // 1,000 veh/h = 250 per 15-min slot; only the 07:15 slot (300) is over capacity.
  const corridor = {
    name: 'Avenue test',
    geometry: { type: 'LineString', coordinates: [[5.01, 47.05], [5.15, 47.05]] },
    capacityPerHour: 1000,
    freeFlowMin: 10,
    amStart: '06:30',
    amDemand: [150, 200, 150, 300, 200, 150, 100],
    pmStart: '16:30',
    pmDemand: [100, 150, 200, 150, 100],
  };

  it('lets an operator define a corridor, and nobody else; bad values name their field', async () => {
    const resident = await person();
    expect((await resident.post(`${base()}/corridors`, corridor)).statusCode).toBe(403);
    const operator = await person(['resident', 'operator']);
    const bad = await operator.post(`${base()}/corridors`, { ...corridor, capacityPerHour: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('/capacityPerHour');
    const res = await operator.post(`${base()}/corridors`, corridor);
    expect(res.statusCode, res.body).toBe(201);
    corridorId = res.json().id;
    expect((await operator.post(`${base()}/corridors`, corridor)).statusCode).toBe(409);
  });

  it('shows the queue per slot, the share needed to clear it, and its model', async () => {
    const view = (await new Client(t.app).get(`${base()}/corridors/${corridorId}`)).json();
    const am = view.periods.find((p: { period: string }) => p.period === 'am');
    expect(view.ends).toEqual({ from: 'Alpha', to: 'Bêta' }); // the communes under the line's first and last points, for the map
    expect(am.slots.map((s: { start: string }) => s.start)).toEqual(['06:30', '06:45', '07:00', '07:15', '07:30', '07:45', '08:00']);
    expect(am.slots[3].queueToday).toBe(50); // 300 arrive, 250 leave
    expect(am.slots[4].queueToday).toBe(0); // 50 + 200 − 250
    expect(am.vehicleHoursToday).toBeGreaterThan(0);
    // Moving 1/6 of the 07:15 drivers to 07:00 brings 300 down to 250 (07:00 rises to 200, under capacity).
    expect(am.shareNeeded).toEqual({ share: 0.167, minutesEarlier: 15, fromSlots: [3], drivers: 50, source: 'queue_model', computedOn: view.date });
    expect(view.provenance.sources[0]).toMatchObject({ date: view.date });
    expect(view.model).toMatch(/Vickrey/);
  });

  it('moves the chart with commitments and counts the delay spared to others once shifts are recorded', async () => {
    const today = localDate(t.clock.now());
    const weekday = isoWeekday(today);
    const shifters = [await person(), await person(), await person()];
    const ids: string[] = [];
    for (const s of shifters) {
      const res = await s.post(`${base()}/corridors/${corridorId}/commitments`, { period: 'am', fromSlot: 3, toSlot: 2, weekdays: [weekday] });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    // Three commitments are fewer than 5 people: the public sees no "with commitments" figure, a committed driver does.
    const outside = (await new Client(t.app).get(`${base()}/corridors/${corridorId}`)).json();
    expect(outside.periods[0]).toMatchObject({ committedDrivers: { suppressed: true, minGroup: 5 }, shareCommitted: { suppressed: true } });
    expect(outside.periods[0].slots[3].queueWithCommitments).toMatchObject({ suppressed: true });
    const view = (await shifters[0]!.get(`${base()}/corridors/${corridorId}`)).json();
    const am = view.periods[0];
    expect(am.committedDrivers).toBe(3);
    expect(am.slots[3].queueWithCommitments).toBe(am.slots[3].queueToday - 3);
    expect(am.vehicleHoursWithCommitments).toBeLessThan(am.vehicleHoursToday);
    expect(view.vehicleHoursSavedThisWeek).toMatchObject({ suppressed: true });

    const recorded = await shifters[0]!.post(`${base()}/shift-commitments/${ids[0]}/shifts`, { date: today });
    expect(recorded.json()).toMatchObject({ created: true });
    expect((await shifters[0]!.post(`${base()}/shift-commitments/${ids[0]}/shifts`, { date: today })).json()).toMatchObject({ created: false, id: recorded.json().id });
    const second = (await shifters[1]!.post(`${base()}/shift-commitments/${ids[1]}/shifts`, { date: today })).json();
    // One other shifter in the territory: fewer than the small-group threshold, so the count is not shown.
    expect(second.notAlone.territory).toMatchObject({ suppressed: true });
    expect((await new Client(t.app).get(`${base()}/corridors/${corridorId}`)).json().days).toEqual([{ date: today, period: 'am', suppressed: true, reason: 'small_group', minGroup: 5 }]);
    const after = (await shifters[0]!.get(`${base()}/corridors/${corridorId}`)).json();
    expect(after.vehicleHoursSavedThisWeek).toBeGreaterThan(0);
    // One corridor-day: everyone's saving, the two shifters' own part, and the rest — the figure credited — for others.
    expect(after.days).toHaveLength(1);
    const day = after.days[0];
    expect(day).toMatchObject({ date: today, period: 'am', shifts: 2, worseAt: null });
    expect(day.shiftersVehicleHours).toBeGreaterThan(0);
    expect(day.othersVehicleHours).toBeLessThan(day.totalVehicleHours);
    expect(after.vehicleHoursSavedThisWeek).toBe(day.othersVehicleHours);
    expect(after.savedForOthers).toMatch(/shifters' own gain left out/);
  });

  it('shows a day whose shift made the others wait longer as negative, with the slot where they lost most', async () => {
    // 250 vehicles a slot. Leaving 06:30 (260, a short queue) for 07:00 (300, a queue that lasts into 07:15):
    // the drivers who stay at 07:00 and 07:15 lose more than those of 06:30 and 06:45 gain (hand sums in
    // shift-savings.test.ts for the same shape).
    const operator = await person(['resident', 'operator']);
    const created = await operator.post(`${base()}/corridors`, { ...corridor, name: 'Avenue tardive', amDemand: [260, 100, 300, 250] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const today = localDate(t.clock.now());
    const shifter = await person();
    const commitment = (await shifter.post(`${base()}/corridors/${id}/commitments`, { period: 'am', fromSlot: 0, toSlot: 2, weekdays: [isoWeekday(today)] })).json().id;
    expect((await shifter.post(`${base()}/shift-commitments/${commitment}/shifts`, { date: today })).statusCode).toBe(200);
    const view = (await shifter.get(`${base()}/corridors/${id}`)).json();
    expect(view.days).toHaveLength(1);
    expect(view.days[0].othersVehicleHours).toBeLessThan(0);
    expect(view.days[0].worseAt).toBe('07:15');
    expect(view.vehicleHoursSavedThisWeek).toBe(view.days[0].othersVehicleHours);
    // The territory's sum takes the negative day as it is: it is not clipped to zero.
    const impact = (await shifter.get(`${base()}/impact/me`)).json();
    expect(impact.totals.delaySavedVehicleHours).toBeLessThan(0);
  });

  it('refuses slots outside the period, a shift on an uncovered day, and someone else commitment', async () => {
    const s = await person();
    const outside = await s.post(`${base()}/corridors/${corridorId}/commitments`, { period: 'pm', fromSlot: 7, toSlot: 1, weekdays: [1] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().field).toBe('/fromSlot');
    const today = localDate(t.clock.now());
    const otherDay = (isoWeekday(today) % 7) + 1;
    const id = (await s.post(`${base()}/corridors/${corridorId}/commitments`, { period: 'am', fromSlot: 4, toSlot: 3, weekdays: [otherDay] })).json().id;
    const wrongDay = await s.post(`${base()}/shift-commitments/${id}/shifts`, { date: today });
    expect(wrongDay.statusCode).toBe(400);
    expect(wrongDay.json().field).toBe('/date');
    expect((await (await person()).post(`${base()}/shift-commitments/${id}/shifts`, { date: today })).statusCode).toBe(404);
  });
});

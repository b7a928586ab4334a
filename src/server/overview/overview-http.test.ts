// The home page's overview over HTTP on a real database: the territory's week under the small-group rule (a block of
// four people shows nothing, five show whole), every figure with its factors edition, people per commune, my week and
// my next actions, the operator's to-do list (operators only), and the live stream telling the page to re-read.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { localDate } from '../core/time-of-day.ts';
import type { MyOverview, TerritoryOverview, ToDo } from './schemas.ts';

describe.each(databaseKinds())('the home page overview on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let origin: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const T = () => `/api/territories/${territory.slug}`;
  const people: Client[] = [];
  async function person(roles: ('resident' | 'operator')[] = ['resident']) {
    const user = await buildUser(t.database.db, { territory, roles });
    return new Client(t.app).signIn(user.email, PASSWORD);
  }
  /** A bike trip of 6 km that replaced a car trip, today. */
  async function cycle(client: Client, leg: 'out' | 'back' = 'out') {
    const res = await client.post(`${T()}/gestures/mode-switches`, { mode: 'bike', date: localDate(t.clock.now()), leg, km: 6, insteadOf: 'car_alone' });
    expect(res.statusCode).toBe(200);
  }
  const overview = async () => {
    const res = await new Client(t.app).get(`${T()}/overview`);
    expect(res.statusCode).toBe(200);
    return res.json<TerritoryOverview>();
  };

  it('shows nothing of a week four people built, and says why', async () => {
    for (let i = 0; i < 4; i += 1) {
      const c = await person();
      people.push(c);
      await cycle(c);
    }
    const o = await overview();
    expect(o.thisWeek.mobility).toEqual({ suppressed: true, reason: 'small_group', minGroup: 5 });
    expect(o.trend.at(-1)?.mobility).toMatchObject({ suppressed: true });
    const alpha = o.communes.find((c) => c.code === '21001');
    expect(alpha).toMatchObject({ name: 'Alpha', suppressed: true });
    expect(alpha).not.toHaveProperty('people');
    expect(JSON.stringify(o)).not.toMatch(/"people":4/);
  });

  it('shows the week whole once five people acted, each figure with its factors edition and the queue model', async () => {
    const fifth = await person();
    people.push(fifth);
    await cycle(fifth);
    const o = await overview();
    expect(o.thisWeek.mobility).toMatchObject({ people: 5, tripsWithoutCar: 5, tripsReplacingCar: 5, carpools: 0, shifts: 0 });
    const week = o.thisWeek.mobility as { co2eKg: number; carKm: number; euros: number };
    expect(week.co2eKg).toBeGreaterThan(0);
    expect(week.carKm).toBe(30);
    expect(o.trend).toHaveLength(8);
    expect(o.trend.at(-1)?.mobility).toEqual({ people: 5, gestures: 5 });
    expect(o.communes.find((c) => c.code === '21001')).toEqual({ code: '21001', name: 'Alpha', population: 1000, people: 5, rate: 5 });
    expect(o.communes.find((c) => c.code === '21002')).toMatchObject({ suppressed: true });
    expect(o.provenance.factors.length).toBeGreaterThan(0);
    expect(o.provenance.factors[0]?.edition.date).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(o.provenance.method.join(' ')).toMatch(/queue model/);
    // Help and volunteering: nobody yet, so nothing is shown (zero people is a small group too).
    expect(o.thisWeek.help).toMatchObject({ suppressed: true });
    expect(o.thisWeek.volunteering).toMatchObject({ suppressed: true });
  });

  it('gives a resident their own week whole, and their next actions', async () => {
    const me = people[0]!;
    const res = await me.get(`${T()}/overview/me`);
    expect(res.statusCode).toBe(200);
    const mine = res.json<MyOverview>();
    expect(mine.mine).toMatchObject({ gestures: 1, tripsWithoutCar: 1, carKm: 6, helpGiven: 0 });
    expect(mine.next.map((n) => n.kind)).toEqual(['set_commute', 'join_community']);
    expect((await new Client(t.app).get(`${T()}/overview/me`)).statusCode).toBe(401);
  });

  it('gives operators the to-do list and refuses it to residents', async () => {
    expect((await people[0]!.get(`${T()}/overview/todo`)).statusCode).toBe(403);
    const operator = await person(['resident', 'operator']);
    const res = await operator.get(`${T()}/overview/todo`);
    expect(res.statusCode).toBe(200);
    expect(res.json<ToDo>().items.map((i) => [i.kind, i.count])).toEqual([
      ['organisations', 0],
      ['missions', 0],
      ['flagged_carpools', 0],
      ['reports', 0],
      ['shops_owed', 0],
      ['check_in_alerts', 0],
      ['observatory_alerts', 0],
    ]);
    // A report waits: the count says so.
    const reported = await buildUser(t.database.db, { territory });
    expect((await people[1]!.post(`${T()}/reports`, { subjectType: 'user', subjectId: reported.id, reason: 'spam' })).statusCode).toBe(201);
    expect((await operator.get(`${T()}/overview/todo`)).json<ToDo>().items.find((i) => i.kind === 'reports')?.count).toBe(1);
  });

  it('answers an unknown territory like any unknown territory', async () => {
    const res = await new Client(t.app).get('/api/territories/nowhere-at-all/overview');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('tells a following page to re-read when a gesture is recorded in the territory', async () => {
    const controller = new AbortController();
    const response = await fetch(`${origin}${T()}/overview/stream`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    // The way back: a new gesture (the same trip again is idempotent, and tells nobody).
    await cycle(people[2]!, 'back');
    while (!text.includes('event: changed')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    controller.abort();
    expect(text).toContain('event: changed');
  });
});

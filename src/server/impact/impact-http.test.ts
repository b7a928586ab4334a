// Impact over HTTP: mode switches recorded once, weekly sums per person / community / territory,
// participation rankings, versioned factors, and live updates of a community page (SSE).
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { roundFigure } from '../core/figures.ts';
import { localDate } from '../core/time-of-day.ts';

describe.each(databaseKinds())('impact on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const base = () => `/api/territories/${territory.slug}`;
  const today = () => localDate(t.clock.now());
  async function person(roles: ('resident' | 'operator')[] = ['resident']) {
    const user = await buildUser(t.database.db, { territory, roles });
    return { user, client: await new Client(t.app).signIn(user.email, PASSWORD) };
  }

  it('records a bike trip with the profile distance, once, and explains it with the factors', async () => {
    const { client } = await person();
    expect((await client.post(`${base()}/gestures/mode-switches`, { mode: 'bike', date: today(), leg: 'out' })).json().field).toBe('/km');
    await client.put(`${base()}/commute-profile`, {
      home: { lat: 47.05, lng: 5.02 },
      work: { lat: 47.05, lng: 5.12 },
      weekdays: [1, 2, 3, 4, 5],
      out: { start: '07:30', end: '08:00' },
      back: { start: '17:00', end: '17:30' },
      usualMode: 'car_alone',
    });
    const res = await client.post(`${base()}/gestures/mode-switches`, { mode: 'bike', date: today(), leg: 'out' });
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json();
    expect(g).toMatchObject({ created: true, kmSource: 'profile', factorsVersion: 1 });
    expect(g.co2eKg).toBe(roundFigure(g.km * (0.1423 - 0.00017), 2)); // shown to 2 significant figures
    expect(g.carKm).toBeCloseTo(g.km, 5);
    expect(JSON.stringify(g.explanation)).toMatch(/ADEME/);
    const again = (await client.post(`${base()}/gestures/mode-switches`, { mode: 'bike', date: today(), leg: 'out' })).json();
    expect(again).toMatchObject({ id: g.id, created: false });
    const conflict = await client.post(`${base()}/gestures/mode-switches`, { mode: 'walk', date: today(), leg: 'out' });
    expect(conflict.statusCode).toBe(409);
    const future = await client.post(`${base()}/gestures/mode-switches`, { mode: 'bike', date: '2099-01-01', leg: 'back', km: 3 });
    expect(future.json().field).toBe('/date');
  });

  it('sums gestures per week for me, my community and the territory, with participation rates and "not alone" counts', async () => {
    const a = await person();
    const b = await person();
    const c = await person();
    const community = await buildCommunity(t.database.db, { territory, organiser: a.user });
    await addMember(t.database.db, { id: community.id, territory }, b.user);
    await addMember(t.database.db, { id: community.id, territory }, c.user);
    await a.client.post(`${base()}/gestures/mode-switches`, { mode: 'tram', date: today(), leg: 'out', km: 10, insteadOf: 'car_alone' });
    const bRes = (await b.client.post(`${base()}/gestures/mode-switches`, { mode: 'telework', date: today(), leg: 'out', km: 20, insteadOf: 'car_alone' })).json();
    expect(bRes.notAlone.communities).toContainEqual({ id: community.id, name: expect.any(String), others: 1 });
    expect(bRes.co2eKg).toBe(roundFigure(20 * 0.1423, 2));

    const mine = (await a.client.get(`${base()}/impact/me?weeks=4`)).json();
    expect(mine.weeks).toHaveLength(4);
    expect(mine.weeks[3]).toMatchObject({ gestures: 1, modeSwitches: 1 });
    expect(mine.weeks[3].co2eKg).toBe(roundFigure(10 * (0.1423 - 0.00428), 2));
    expect(mine.factors.find((f: { key: string }) => f.key === 'tram')).toMatchObject({ value: 0.00428 });
    expect(mine.method.length).toBeGreaterThan(2);

    const ofCommunity = (await a.client.get(`${base()}/communities/${community.id}/impact`)).json();
    expect(ofCommunity.weeks.at(-1)).toMatchObject({ gestures: 2, people: 2 });
    expect(ofCommunity.participation).toMatchObject({ members: 3, active: 2 });
    expect(ofCommunity.participation.rate).toBe(0.667); // 2/3, to 3 significant figures

    // Members see their community's rate; anyone else sees fewer than 5 people (docs/privacy.md).
    const ranking = (await a.client.get(`${base()}/impact/rankings`)).json();
    expect(ranking.items[0]).toMatchObject({ communityId: community.id, active: 2, members: 3 });
    const outside = (await new Client(t.app).get(`${base()}/impact/rankings`)).json();
    expect(outside.items.find((i: { communityId: string }) => i.communityId === community.id)).toEqual({ communityId: community.id, name: expect.any(String), members: 3, suppressed: true, reason: 'small_group', minGroup: 5 });
    const all = (await new Client(t.app).get(`${base()}/impact`)).json();
    expect(all.totals).toMatchObject({ suppressed: true, minGroup: 5 });
  });

  it('publishes a new factors version (operators only); new gestures use it, old ones keep theirs', async () => {
    const { client: operator } = await person(['resident', 'operator']);
    const current = (await operator.get(`${base()}/impact/factors`)).json();
    const edited = current.factors.map((f: { key: string; value: number }) => (f.key === 'car_thermal' ? { ...f, value: 0.2, components: null, source: 'Territory survey', publishedOn: '2026-10-01' } : f));
    const { client: resident } = await person();
    expect((await resident.put(`${base()}/impact/factors`, { factors: edited, reason: 'local fleet study' })).statusCode).toBe(403);
    const missing = await operator.put(`${base()}/impact/factors`, { factors: edited.slice(1), reason: 'local fleet study' });
    expect(missing.statusCode).toBe(400);
    const res = await operator.put(`${base()}/impact/factors`, { factors: edited, reason: 'local fleet study' });
    expect(res.json()).toEqual({ version: current.version + 1, edition: `territory-edit-${today()}` });
    const g = (await resident.post(`${base()}/gestures/mode-switches`, { mode: 'telework', date: today(), leg: 'back', km: 10, insteadOf: 'car_alone' })).json();
    expect(g).toMatchObject({ factorsVersion: current.version + 1 });
    expect(g.co2eKg).toBeCloseTo(2, 5);
  });

  it('pushes a server-sent event to a community page when a member records a gesture', async () => {
    const member = await person();
    const community = await buildCommunity(t.database.db, { territory, organiser: member.user });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const controller = new AbortController();
    // As the member: outside a community of fewer than 5 members, no live event tells when its member acts.
    const cookie = Object.entries(member.client.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`http://127.0.0.1:${port}${base()}/communities/${community.id}/impact/stream`, { signal: controller.signal, headers: { cookie } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    await member.client.post(`${base()}/gestures/mode-switches`, { mode: 'walk', date: today(), leg: 'other', km: 2 });
    while (!text.includes('event: gesture')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain(`"communityId":"${community.id}"`);
    controller.abort();
  });
});

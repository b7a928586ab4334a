// Inputs that once reached a 500, each now a 4xx problem+json naming what is wrong, and nothing written:
// malformed and null Origin headers on writes, impossible dates, lone surrogates and control characters in text,
// numbers at the edges of doubles. test/no-server-error.test.ts looks for more of them over every route.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../../test/support/http.ts';

function expectProblem(res: LightMyRequestResponse, status: number, code: string, field?: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, code, ...(field === undefined ? {} : { field }) });
}

describe.each(databaseKinds())('bad input on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let operator: Client;
  let resident: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    operator = await new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] })).email, PASSWORD);
    resident = await new Client(t.app).signIn((await buildUser(t.database.db, { territory })).email, PASSWORD);
  });
  afterAll(() => t.close());

  const T = () => `/api/territories/${territory.slug}`;

  it('refuses a write whose Origin is malformed or null, signed in or not, and keeps same-origin writes working', async () => {
    const person = await buildUser(t.database.db, { territory });
    for (const origin of ['garbage', 'http://', 'http://[::1', 'null', 'file://', 'https://evil.example']) {
      const anonymous = await new Client(t.app).request({ method: 'POST', url: '/api/auth/sign-in', headers: { origin }, payload: { email: person.email, password: PASSWORD } });
      expectProblem(anonymous, 403, 'csrf');
      expect(anonymous.cookies.find((c) => c.name === 'maille_session'), origin).toBeUndefined();
      expectProblem(await resident.request({ method: 'PATCH', url: '/api/me', headers: { origin }, payload: { displayName: 'Cross' } }), 403, 'csrf');
    }
    // Reads are not writes: a GET from anywhere is answered (the session cookie is SameSite=Lax anyway).
    expect((await resident.request({ method: 'GET', url: '/api/me', headers: { origin: 'garbage' } })).statusCode).toBe(200);
    const same = await new Client(t.app).request({ method: 'POST', url: '/api/auth/sign-in', headers: { origin: 'http://localhost:80' }, payload: { email: person.email, password: PASSWORD } });
    expect(same.statusCode).toBe(200);
    expect((await resident.get('/api/me')).json().displayName).not.toBe('Cross');
  });

  it('answers impossible campaign dates with a 400 naming the field, and stores no campaign', async () => {
    const body = { name: 'Mars', mode: 'payout', startsOn: '2025-03-01', endsOn: '2025-03-31', budgetCents: 10_000, rules: [{ type: 'per_gesture', cents: 100 }] };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...body, startsOn: '2025-13-01' }, '/startsOn'],
      [{ ...body, startsOn: '0000-00-00' }, '/startsOn'],
      [{ ...body, endsOn: '2025-02-29' }, '/endsOn'],
      [{ ...body, endsOn: '+275760-09-13' }, '/endsOn'],
      [{ ...body, rules: [...body.rules, { type: 'booster_dates', dates: ['2025-03-05', '2025-04-31'], percent: 200 }] }, '/rules/1/dates/1'],
    ];
    for (const [bad, field] of cases) {
      expectProblem(await operator.post(`${T()}/campaigns`, bad), 400, 'invalid', field);
      expectProblem(await operator.post(`${T()}/campaigns/simulate`, { campaign: bad, weeks: 4 }), 400, 'invalid', `/campaign${field}`);
    }
    const detail = (await operator.post(`${T()}/campaigns`, cases[0]![0])).json<{ detail: string }>().detail;
    expect(detail).toMatch(/YYYY-MM-DD/);
    expect(await t.database.db.selectFrom('campaigns').select('id').where('territory_id', '=', territory.id).execute()).toHaveLength(0);
  });

  it('answers impossible instants and calendar days, in bodies and query strings, with a 400 naming the field', async () => {
    for (const day of ['2025-13-01', '0000-00-00', '2025-02-30', '20250301']) {
      expectProblem(await resident.get(`${T()}/volunteering/missions?from=${day}`), 400, 'invalid', '/query/from');
    }
    const at = (hours: number) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();
    const request = (from: string) => ({
      kind: 'groceries',
      urgency: 'this_week',
      window: { from, to: at(48) },
      description: 'Des courses pour la semaine : une liste d’une dizaine d’articles.',
      place: { lat: 47.0505, lng: 5.0505 },
      address: '12 rue des Tilleuls',
      contact: '06 00 00 00 00',
    });
    for (const from of ['2025-02-29T10:00:00Z', '2025-03-01T24:00:00Z', '2025-03-01T10:00:60Z', '2025-03-01T10:00:00', '0000-01-01T00:00:00Z']) {
      expectProblem(await resident.post(`${T()}/mutual-aid/requests`, request(from)), 400, 'invalid', '/window/from');
    }
    expect((await resident.post(`${T()}/mutual-aid/requests`, request(at(2)))).statusCode).toBe(201);
  });

  it('refuses lone surrogates and control characters in any string, before anything is written', async () => {
    const profile = {
      home: { lat: 47.0512, lng: 5.0311 },
      work: { lat: 47.0498, lng: 5.1533 },
      meetingPoints: [{ name: 'abc \ud800', lat: 47.06, lng: 5.05 }],
      weekdays: [1, 2, 3, 4, 5],
      out: { start: '07:30', end: '08:00' },
      back: { start: '17:00', end: '17:45' },
      usualMode: 'car_alone',
    };
    // Meeting points are stored as json, which cannot hold half a surrogate pair.
    expectProblem(await resident.put(`${T()}/commute-profile`, profile), 400, 'invalid', '/meetingPoints/0/name');
    for (const bad of ['\udc00 alone', 'escape \u001b[2J', 'c1 \u0085', 'del \u007f']) {
      expectProblem(await resident.patch('/api/me', { displayName: bad }), 400, 'invalid', '/displayName');
    }
    expectProblem(await resident.get(`${T()}/communities?q=${encodeURIComponent('a\u001bb')}`), 400, 'invalid', '/query/q');
    expectProblem(await resident.request({ method: 'GET', url: `${T()}/communities/%ED%A0%80` }), 400, 'invalid');
    // Tabs and line breaks are text; so are accents, emoji and combining marks.
    expect((await resident.patch('/api/me', { displayName: 'Zoé\t🧶 e\u0301' })).statusCode).toBe(200);
    expect(await t.database.db.selectFrom('commute_profiles').select('user_id').execute()).toHaveLength(0);
  });

  it('bounds numbers that reach arithmetic or storage: radii, and no Infinity', async () => {
    const helper = { skills: ['groceries'], weekdays: [1, 2, 3], times: ['morning'], home: { lat: 47.052, lng: 5.062 } };
    for (const radiusKm of [1e-300, 5e-324, 0.09, 0, -1, 50.5, 1e308]) {
      expectProblem(await resident.put(`${T()}/mutual-aid/helper-profile`, { ...helper, radiusKm }), 400, 'invalid', '/radiusKm');
    }
    expect((await resident.put(`${T()}/mutual-aid/helper-profile`, { ...helper, radiusKm: 0.1 })).statusCode).toBe(200);
    expectProblem(await resident.get(`${T()}/volunteering/missions?commune=21001&radiusKm=1e-300`), 400, 'invalid', '/query/radiusKm');
    expectProblem(await resident.get(`${T()}/volunteering/missions?commune=21001&radiusKm=Infinity`), 400, 'invalid', '/query/radiusKm');
    const corridor = { name: 'Avenue', geometry: { type: 'LineString', coordinates: [[5.01, 47.05], [5.15, 47.05]] }, capacityPerHour: 1000, freeFlowMin: 10, amStart: '06:30', amDemand: [150, 200], pmStart: '16:30', pmDemand: [100, 150] };
    expectProblem(await operator.post(`${T()}/corridors`, { ...corridor, freeFlowMin: 1e-300 }), 400, 'invalid', '/freeFlowMin');
    expectProblem(await operator.post(`${T()}/corridors`, { ...corridor, geometry: { type: 'LineString', coordinates: [[1e308, 47.05], [5.15, 47.05]] } }), 400, 'invalid', '/geometry/coordinates/0/0');
    const json = await resident.request({ method: 'PUT', url: `${T()}/mutual-aid/helper-profile`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ ...helper, radiusKm: 3 }).replace('"radiusKm":3', '"radiusKm":1e400') });
    expectProblem(json, 400, 'invalid', '/radiusKm');
  });
});

// Places over HTTP on a real database, both engines: the offline geocoder (communes and meeting points by name, a
// click on the map back to its commune), meeting points managed by operators (audited, deactivated but still
// readable, nearest first, one territory's never seen under another's slug), the GTFS stops.txt import (good rows,
// bad rows named, a second import updating by stop_id, a malformed file refused whole), and the address API adapter
// behind GEOCODER_URL against a local server in BAN's format (addresses inside the territory only; 503 when slow,
// 502 when broken).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { startFakeBan, type FakeBan } from './ban-test-fixtures.ts';
import { nearestMeetingPoints } from './index.ts';

// The factory territory: commune 21001 « Alpha » is the square lon 5.0–5.1, lat 47.0–47.1; 21002 « Bêta » lies east of it.
const IN_ALPHA = { lat: 47.05, lon: 5.05 };
const IN_BETA = { lat: 47.05, lon: 5.15 };

describe.each(databaseKinds())('places on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let other: TerritoryFixture;
  let operator: Client;
  let resident: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    other = await buildTerritory(t.database.db);
    operator = await new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] })).email, PASSWORD);
    resident = await new Client(t.app).signIn((await buildUser(t.database.db, { territory })).email, PASSWORD);
  });
  afterAll(() => t.close());

  const P = (slug = territory.slug) => `/api/territories/${slug}/places`;
  const create = (c: Client, body: Record<string, unknown>) => c.post(`${P()}/meeting-points`, body);
  const audit = (action: string, subjectId: string) =>
    t.database.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', action).where('subject_id', '=', subjectId).execute();

  it('lets operators add meeting points, refuses others and places outside the territory, and audits', async () => {
    const anonymous = await create(new Client(t.app), { name: 'Parking relais Alpha', kind: 'park_and_ride', ...IN_ALPHA });
    expect(anonymous.statusCode).toBe(401);
    expect((await create(resident, { name: 'Parking relais Alpha', kind: 'park_and_ride', ...IN_ALPHA })).statusCode).toBe(403);
    const outside = await create(operator, { name: 'Ailleurs', kind: 'other', lat: 48.5, lon: 6.5 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ field: '/lat', reason: 'outside_territory' });
    expect((await create(operator, { name: 'Sans genre', kind: 'spaceport', ...IN_ALPHA })).json()).toMatchObject({ field: '/kind' });
    const made = await create(operator, { name: ' Parking relais Alpha ', kind: 'park_and_ride', notes: 'Derrière la mairie', ...IN_ALPHA });
    expect(made.statusCode, made.body).toBe(201);
    const point = made.json<{ id: string }>();
    expect(point).toMatchObject({ name: 'Parking relais Alpha', kind: 'park_and_ride', communeCode: '21001', communeName: 'Alpha', notes: 'Derrière la mairie', active: true, gtfsStopId: null });
    expect(await audit('place.meeting_point_created', point.id)).toEqual([expect.objectContaining({ details: expect.objectContaining({ name: 'Parking relais Alpha', commune: '21001' }) })]);
    // Anyone reads it, signed in or not.
    expect((await new Client(t.app).get(`${P()}/meeting-points/${point.id}`)).json()).toMatchObject({ name: 'Parking relais Alpha' });
  });

  it('edits, moves, deactivates and offers again a meeting point; a deactivated one is read but not listed', async () => {
    const { id } = (await create(operator, { name: 'Arrêt Alpha', kind: 'bus_stop', ...IN_ALPHA })).json<{ id: string }>();
    expect((await resident.patch(`${P()}/meeting-points/${id}`, { name: 'Piraté' })).statusCode).toBe(403);
    const moved = await operator.patch(`${P()}/meeting-points/${id}`, { name: 'Arrêt Bêta', lon: IN_BETA.lon, notes: null });
    expect(moved.json()).toMatchObject({ name: 'Arrêt Bêta', communeCode: '21002', communeName: 'Bêta', lon: IN_BETA.lon, notes: null });
    expect((await audit('place.meeting_point_updated', id))[0]?.details).toEqual({ changed: ['name', 'lon'] });
    expect((await operator.patch(`${P()}/meeting-points/${id}`, { lon: 7 })).json()).toMatchObject({ field: '/lon', reason: 'outside_territory' });
    expect((await operator.patch(`${P()}/meeting-points/${id}`, {})).statusCode).toBe(400);
    expect((await operator.patch(`${P()}/meeting-points/${id}`, { active: false })).json()).toMatchObject({ active: false });
    expect(await audit('place.meeting_point_deactivated', id)).toHaveLength(1);
    const listed = async (c: Client, query = '') => (await c.get(`${P()}/meeting-points${query}`)).json<{ items: { id: string }[] }>().items.map((p) => p.id);
    expect(await listed(resident)).not.toContain(id);
    expect((await resident.get(`${P()}/meeting-points?includeInactive=true`)).statusCode).toBe(403);
    expect((await new Client(t.app).get(`${P()}/meeting-points?includeInactive=true`)).statusCode).toBe(401);
    expect(await listed(operator, '?includeInactive=true')).toContain(id);
    expect((await resident.get(`${P()}/meeting-points/${id}`)).json()).toMatchObject({ active: false });
    expect((await operator.patch(`${P()}/meeting-points/${id}`, { active: true })).json()).toMatchObject({ active: true });
    expect(await listed(resident)).toContain(id);
    expect((await resident.get(`${P()}/meeting-points/999999999`)).statusCode).toBe(404);
  });

  it('never shows one territory’s meeting point under another’s slug', async () => {
    const { id } = (await create(operator, { name: 'Arrêt privé de A', kind: 'bus_stop', ...IN_ALPHA })).json<{ id: string }>();
    const elsewhere = await new Client(t.app).signIn((await buildUser(t.database.db, { territory: other, roles: ['resident', 'operator'] })).email, PASSWORD);
    expect((await elsewhere.get(`${P(other.slug)}/meeting-points/${id}`)).statusCode).toBe(404);
    expect((await elsewhere.patch(`${P(other.slug)}/meeting-points/${id}`, { name: 'Volé' })).statusCode).toBe(404);
    expect((await elsewhere.get(`${P(other.slug)}/meeting-points`)).json()).toEqual({ items: [] });
    expect((await elsewhere.get(`${P('no-such-place')}/meeting-points`)).statusCode).toBe(404);
  });

  it('lists the nearest active meeting points, nearest first, with their distance', async () => {
    const near = (await create(operator, { name: 'Tout près', kind: 'tram_stop', lat: 47.051, lon: 5.05 })).json<{ id: string }>();
    const far = (await create(operator, { name: 'Plus loin', kind: 'tram_stop', lat: 47.09, lon: 5.05 })).json<{ id: string }>();
    const answer = (await resident.get(`${P()}/meeting-points/nearest?lat=47.0505&lon=5.05&limit=20`)).json<{ items: { id: string; distanceM: number }[] }>();
    const ids = answer.items.map((p) => p.id);
    expect(ids.indexOf(near.id)).toBeLessThan(ids.indexOf(far.id));
    const distances = answer.items.map((p) => p.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(answer.items.find((p) => p.id === near.id)?.distanceM).toBe(60);
    // The public function other capabilities call gives the same answer.
    const direct = await nearestMeetingPoints(t.database.db, territory.id, { lat: 47.0505, lon: 5.05 }, 2);
    expect(direct.map((p) => p.id)).toEqual(ids.slice(0, 2));
    expect((await resident.get(`${P()}/meeting-points/nearest?lat=47.05`)).statusCode).toBe(400);
  });

  it('finds communes and meeting points by name, offline, for anyone', async () => {
    await create(operator, { name: 'Gare de Bêta-Ville', kind: 'station', ...IN_BETA });
    const anonymous = new Client(t.app);
    const search = async (q: string, more = '') => {
      const res = await anonymous.get(`${P()}/search?q=${encodeURIComponent(q)}${more}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ source: string; items: { label: string; kind: string; communeCode: string | null; meetingPointId?: string }[] }>();
    };
    const beta = await search('beta');
    expect(beta.source).toBe('offline');
    expect(beta.items.map((i) => [i.label, i.kind])).toEqual([
      ['Bêta', 'municipality'],
      ['Arrêt Bêta', 'meeting_point'],
      ['Gare de Bêta-Ville', 'meeting_point'],
    ]);
    expect(beta.items[2]?.meetingPointId).toBeDefined();
    expect((await search('gare b')).items.map((i) => i.label)).toEqual(['Gare de Bêta-Ville']);
    expect((await search('zzz')).items).toEqual([]);
    const half = await anonymous.get(`${P()}/search?q=gare&lat=47.05`);
    expect(half.statusCode).toBe(400);
    expect(half.json()).toMatchObject({ field: '/query/lon', reason: 'lat_and_lon' });
  });

  it('takes a click on the map to its commune, or one within a kilometre, and refuses one outside', async () => {
    const reverse = (p: { lat: number; lon: number }) => new Client(t.app).get(`${P()}/reverse?lat=${p.lat}&lon=${p.lon}`);
    expect((await reverse(IN_BETA)).json()).toEqual({ source: 'offline', place: { label: 'Bêta', lat: IN_BETA.lat, lon: IN_BETA.lon, communeCode: '21002', kind: 'point' } });
    expect((await reverse({ lat: 47.05, lon: 5.205 })).json()).toMatchObject({ place: { communeCode: '21002' } });
    const outside = await reverse({ lat: 47.5, lon: 5.5 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ reason: 'outside_territory', field: '/query/lat' });
  });

  describe('importing a GTFS stops.txt', () => {
    const header = 'stop_id,stop_name,stop_desc,stop_lat,stop_lon,location_type,parent_station';
    const file = (rows: string[]) => [header, ...rows].join('\r\n');

    it('imports good rows, names the bad ones, and updates by stop_id on a second import', async () => {
      expect((await resident.post(`${P()}/meeting-points/import`, { file: file([]) })).statusCode).toBe(403);
      const first = await operator.post(`${P()}/meeting-points/import`, {
        kind: 'tram_stop',
        file: file(['G1,Gare Alpha,,47.02,5.02,1,', 'Q1,Gare Alpha quai 1,,47.021,5.021,0,G1', 'A1,"Mairie, Alpha",,47.03,5.03,,', 'B1,Bêta Centre,,47.04,5.14,0,', 'X1,Très loin,,45.0,3.0,0,', 'Z1,Sans place,,,,0,']),
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({
        imported: 3,
        updated: 0,
        unchanged: 0,
        rejected: [
          { line: 3, stopId: 'Q1', reason: 'platform_of_station', detail: 'a platform of station G1, which is imported instead' },
          { line: 6, stopId: 'X1', reason: 'outside_territory', detail: expect.stringContaining('outside') },
          { line: 7, stopId: 'Z1', reason: 'bad_coordinates', detail: expect.any(String) },
        ],
      });
      const rows = await t.database.db.selectFrom('meeting_points').select(['gtfs_stop_id', 'name', 'kind', 'commune_code']).where('territory_id', '=', territory.id).where('gtfs_stop_id', 'is not', null).orderBy('gtfs_stop_id').execute();
      expect(rows).toEqual([
        { gtfs_stop_id: 'A1', name: 'Mairie, Alpha', kind: 'tram_stop', commune_code: '21001' },
        { gtfs_stop_id: 'B1', name: 'Bêta Centre', kind: 'tram_stop', commune_code: '21002' },
        { gtfs_stop_id: 'G1', name: 'Gare Alpha', kind: 'station', commune_code: '21001' },
      ]);
      const second = await operator.post(`${P()}/meeting-points/import`, { file: file(['G1,Gare Alpha,,47.02,5.02,1,', 'A1,Mairie d’Alpha,,47.03,5.03,0,', 'C1,Nouveau,,47.06,5.06,0,']) });
      expect(second.json()).toEqual({ imported: 1, updated: 1, unchanged: 1, rejected: [] });
      const renamed = await t.database.db.selectFrom('meeting_points').select(['name', 'kind']).where('territory_id', '=', territory.id).where('gtfs_stop_id', '=', 'A1').execute();
      expect(renamed).toEqual([{ name: 'Mairie d’Alpha', kind: 'tram_stop' }]);
      const audited = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'place.meeting_points_imported').where('territory_id', '=', territory.id).orderBy('id').execute();
      expect(audited.map((a) => a.details)).toEqual([
        { format: 'gtfs stops.txt', imported: 3, updated: 0, unchanged: 0, rejected: 3 },
        { format: 'gtfs stops.txt', imported: 1, updated: 1, unchanged: 1, rejected: 0 },
      ]);
    });

    it('refuses a malformed file with a 400 naming the line, and writes nothing', async () => {
      const count = async () => (await t.database.db.selectFrom('meeting_points').select((e) => e.fn.countAll<string>().as('n')).where('territory_id', '=', territory.id).executeTakeFirstOrThrow()).n;
      const before = await count();
      const broken = await operator.post(`${P()}/meeting-points/import`, { file: file(['M1,Bon,,47.03,5.03,0,', 'M2,"Pas fermé,,47.03,5.03,0,']) });
      expect(broken.statusCode).toBe(400);
      expect(broken.json()).toMatchObject({ code: 'invalid', field: '/file', reason: 'malformed_file' });
      expect(broken.json<{ detail: string }>().detail).toMatch(/line 3: a quoted field is never closed/);
      const noColumns = await operator.post(`${P()}/meeting-points/import`, { file: 'id,name\n1,x\n' });
      expect(noColumns.json<{ detail: string }>().detail).toMatch(/line 1: the header lacks stop_id, stop_name, stop_lat, stop_lon/);
      expect(await count()).toBe(before);
    });
  });
});

describe.each(databaseKinds())('places with the address API (GEOCODER_URL) on %s', (kind) => {
  let t: TestApp;
  let ban: FakeBan;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    ban = await startFakeBan(
      [
        { label: '3 Rue des Alpes 21001 Alpha', type: 'housenumber', citycode: '21001', city: 'Alpha', postcode: '21001', score: 0.9, lon: 5.041, lat: 47.042 },
        { label: 'Rue des Alpes 21002 Bêta', type: 'street', citycode: '21002', city: 'Bêta', postcode: '21002', score: 0.8, lon: 5.151, lat: 47.052 },
        { label: 'Rue des Alpes 75001 Paris', type: 'street', citycode: '75101', city: 'Paris', postcode: '75001', score: 0.95, lon: 2.34, lat: 48.86 },
      ],
      { slowMs: 10_000 },
    );
    t = await startTestApp(kind, { GEOCODER_URL: ban.url, GEOCODER_TIMEOUT_MS: '2000' });
    territory = await buildTerritory(t.database.db);
    await t.database.db.insertInto('meeting_points').values({ territory_id: territory.id, name: 'Parking relais des Alpes', kind: 'park_and_ride', lat: 47.05, lon: 5.05, commune_code: '21001', notes: null, gtfs_stop_id: null }).execute();
  });
  afterAll(async () => {
    await t.close();
    await ban.close();
  });
  const P = () => `/api/territories/${territory.slug}/places`;

  it('puts the meeting points first, then the addresses inside the territory, leaning towards its middle', async () => {
    const res = await new Client(t.app).get(`${P()}/search?q=${encodeURIComponent('rue alpes')}&limit=5`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: { label: string }[] }>().items.map((i) => i.label)).toEqual(['3 Rue des Alpes 21001 Alpha', 'Rue des Alpes 21002 Bêta']);
    const search = ban.requests.filter((r) => r.path === '/search/').at(-1)!;
    expect(search.params).toMatchObject({ q: 'rue alpes', limit: '10', autocomplete: '1', lat: '47.05' });
    const withPoint = await new Client(t.app).get(`${P()}/search?q=${encodeURIComponent('alpes')}`);
    expect(withPoint.json()).toMatchObject({ source: 'ban', items: [{ label: 'Parking relais des Alpes', kind: 'meeting_point' }, { label: '3 Rue des Alpes 21001 Alpha' }, { label: 'Rue des Alpes 21002 Bêta' }] });
  });

  it('names a clicked point with the nearest address in its commune, the point kept where it was clicked', async () => {
    const res = await new Client(t.app).get(`${P()}/reverse?lat=47.0421&lon=5.0411`);
    expect(res.json()).toEqual({ source: 'ban', place: { label: '3 Rue des Alpes 21001 Alpha', lat: 47.0421, lon: 5.0411, communeCode: '21001', kind: 'housenumber', score: 0.99 } });
  });

  it('answers 503 problem+json when the address API is slower than GEOCODER_TIMEOUT_MS, and 502 when it fails', async () => {
    const slow = await new Client(t.app).get(`${P()}/search?q=lenteur`);
    expect(slow.statusCode).toBe(503);
    expect(slow.headers['content-type']).toContain('application/problem+json');
    expect(slow.json()).toMatchObject({ code: 'unavailable', reason: 'geocoder_unavailable' });
    const broken = await new Client(t.app).get(`${P()}/search?q=panne`);
    expect(broken.statusCode).toBe(502);
    expect(broken.json()).toMatchObject({ code: 'bad_gateway', reason: 'geocoder_bad_answer' });
  });
});

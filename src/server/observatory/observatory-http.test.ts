// The observatory's ingestion side over HTTP on a real database, both engines: operators register things and manage
// feeders' keys (audited, the secret shown once), a key feeds readings as JSON and CSV (duplicates counted, rejected
// rows named, all rejected or malformed → 400), a revoked key or another territory's key is refused, things show their
// health and rejections, indicators are imported from a CSV with its source and bad rows listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

const IN_ALPHA = { lat: 47.05, lon: 5.05 };

describe.each(databaseKinds())('observatory ingestion over HTTP on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let other: TerritoryFixture;
  let operator: Client;
  let resident: Client;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    other = await buildTerritory(t.database.db);
    operator = await new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] })).email, PASSWORD);
    resident = await new Client(t.app).signIn((await buildUser(t.database.db, { territory })).email, PASSWORD);
  });
  afterAll(() => t.close());

  const O = (slug = territory.slug) => `/api/territories/${slug}/observatory`;
  const send = (body: unknown, headers: Record<string, string> = {}, slug?: string) =>
    t.app.inject({ method: 'POST', url: `${O(slug)}/readings`, headers: { authorization: `Bearer ${key}`, ...headers }, payload: body as string });
  const at = (minutesAgo: number) => new Date(t.clock.now().getTime() - minutesAgo * 60_000).toISOString();

  it('lets operators register things and keys, audited, and refuses residents', async () => {
    expect((await resident.post(`${O()}/things`, { type: 'AirQualityObserved', localId: 'air-1', ...IN_ALPHA })).statusCode).toBe(403);
    expect((await new Client(t.app).get(`${O()}/things`)).statusCode).toBe(401);
    const air = await operator.post(`${O()}/things`, { type: 'AirQualityObserved', localId: 'air-1', name: 'Station Alpha', ownerService: 'Environnement', ...IN_ALPHA });
    expect(air.statusCode, air.body).toBe(201);
    expect(air.json()).toMatchObject({ entityId: `urn:ngsi-ld:AirQualityObserved:${territory.slug}:air-1`, communeCode: '21001', health: 'unknown', known: true });
    expect((await operator.post(`${O()}/things`, { type: 'AirQualityObserved', localId: 'air-1' })).statusCode).toBe(409);
    const outside = await operator.post(`${O()}/things`, { type: 'ParkingSpot', localId: 'far', lat: 45, lon: 3 });
    expect(outside.statusCode).toBe(400);
    expect((await operator.post(`${O()}/things`, { type: 'ParkingSpot', localId: 'p-1', ...IN_ALPHA })).statusCode).toBe(201);
    const created = await operator.post(`${O()}/keys`, { name: 'Passerelle capteurs', scopes: ['ingest'] });
    expect(created.statusCode).toBe(201);
    key = created.json<{ secret: string }>().secret;
    expect(key).toMatch(/^mik_/);
    const listed = await operator.get(`${O()}/keys`);
    expect(listed.body).not.toContain(key);
    expect((await resident.get(`${O()}/keys`)).statusCode).toBe(403);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('territory_id', '=', territory.id).where('action', 'like', 'observatory.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['observatory.key_created', 'observatory.thing_created', 'observatory.thing_created']);
  });

  it('stores a JSON batch with a key, counts duplicates, and lists rejected rows', async () => {
    const batch = [
      { entityId: 'air-1', attribute: 'no2', observedAt: at(3), value: 31, unitCode: 'GQ' },
      { entityId: 'air-1', attribute: 'no2', observedAt: at(2), value: 'lots' },
      { entityId: 'p-1', attribute: 'status', observedAt: at(2), value: 'free' },
    ];
    const res = await send(batch);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ stored: 2, duplicates: 0, rejected: [{ index: 1, field: '/value', reason: 'wrong_value' }] });
    expect((await send(batch)).json()).toMatchObject({ stored: 0, duplicates: 2 });
  });

  it('reads CSV batches, and answers 400 naming the row when all are rejected or the file is malformed', async () => {
    const csv = `entity_id,attribute,observed_at,value,unit_code\nair-1,pm10,${at(1)},14.5,GQ\np-1,status,${at(1)},occupied,\n`;
    const ok = await send(csv, { 'content-type': 'text/csv' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ stored: 2, duplicates: 0, rejected: [] });
    const bad = await send(`entity_id,attribute,observed_at,value\nghost,pm10,${at(1)},3\n`, { 'content-type': 'text/csv' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: '/0/entityId', reason: 'unknown_thing' });
    const broken = await send('entity_id,attribute\n"air-1,pm10\n', { 'content-type': 'text/csv' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ reason: 'malformed_file' });
    const future = await send([{ entityId: 'air-1', attribute: 'no2', observedAt: at(-10), value: 3 }]);
    expect(future.json()).toMatchObject({ field: '/0/observedAt', reason: 'in_the_future' });
  });

  it('refuses missing, foreign and revoked keys; an operator session may send too', async () => {
    const batch = [{ entityId: 'air-1', attribute: 'o3', observedAt: at(1), value: 40 }];
    expect((await t.app.inject({ method: 'POST', url: `${O()}/readings`, payload: batch })).statusCode).toBe(401);
    expect((await send(batch, {}, other.slug)).statusCode).toBe(401);
    expect((await resident.post(`${O()}/readings`, batch)).statusCode).toBe(403);
    expect((await operator.post(`${O()}/readings`, batch)).json()).toMatchObject({ stored: 1 });
    const keys = (await operator.get(`${O()}/keys`)).json<{ items: { id: string }[] }>();
    expect((await operator.delete(`${O()}/keys/${keys.items[0]!.id}`)).statusCode).toBe(204);
    expect((await operator.delete(`${O()}/keys/${keys.items[0]!.id}`)).statusCode).toBe(204);
    expect((await send(batch)).statusCode).toBe(401);
  });

  it('shows things with their health, last readings and rejections', async () => {
    const list = await operator.get(`${O()}/things`);
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; entityId: string; health: string }[] }>().items;
    const air = items.find((i) => i.entityId.endsWith(':air-1'))!;
    expect(air.health).toBe('ok');
    const detail = await operator.get(`${O()}/things/${air.id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json<{ readings: unknown[]; rejections: { reason: string; n: number }[]; attributes: Record<string, unknown> }>();
    expect(body.readings.length).toBe(3);
    expect(body.rejections).toContainEqual(expect.objectContaining({ reason: 'wrong_value', n: 2 }));
    expect(body.attributes.pm10).toMatchObject({ value: 14.5, unitCode: 'GQ' });
    t.clock.advance(2 * 3600_000);
    // Silent after an hour for the air station, six for the parking spot.
    expect((await operator.get(`${O()}/things?health=silent`)).json<{ items: { entityId: string }[] }>().items.map((i) => i.entityId)).toEqual([expect.stringMatching(/:air-1$/)]);
    const patched = await operator.patch(`${O()}/things/${air.id}`, { silentAfterSeconds: 86400, name: 'Station Alpha (toit)' });
    expect(patched.json()).toMatchObject({ health: 'ok', name: 'Station Alpha (toit)' });
    expect((await operator.get(`${O(other.slug)}/things/${air.id}`)).statusCode).toBe(403);
  });

  it('imports indicators per commune and day with their source, listing rows it refuses', async () => {
    const csv = 'com;jour;indicateur;valeur\n21001;2026-03-01;incidence;52,5\n21002;01/03/2026;incidence;12\n99999;2026-03-01;incidence;3\n21001;2026-03-32;incidence;3\n21001;2026-03-02;incidence;n/a\n';
    const res = await operator.post(`${O()}/indicators`, { title: 'Taux d’incidence', publisher: 'Santé publique France', licence: 'Licence Ouverte v2.0', url: 'https://www.data.gouv.fr/', csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      source: { rowsImported: 2, rowsRejected: 3, indicators: ['incidence'], firstDay: '2026-03-01', lastDay: '2026-03-01' },
      rejected: [
        { line: 4, field: 'com', reason: 'unknown_commune' },
        { line: 5, field: 'jour', reason: 'bad_time' },
        { line: 6, field: 'valeur', reason: 'wrong_value' },
      ],
    });
    expect((await operator.get(`${O()}/indicators`)).json<{ items: unknown[] }>().items.length).toBe(1);
    expect((await operator.post(`${O()}/indicators`, { title: 'x', publisher: 'y', licence: 'z', csv: 'a,b\n1,2\n' })).json()).toMatchObject({ reason: 'malformed_file' });
    expect((await resident.get(`${O()}/indicators`)).statusCode).toBe(403);
  });
});

// NGSI-LD entity operations, written from ETSI GS CIM 009 V1.8.1 clauses 5.6 (provision) and 5.7.1 (retrieval), over
// real HTTP on both engines. Each test names the clause it checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/database.ts';
import { airQuality, LINK, problem, startNgsi, urn, type Ngsi } from './ngsi-support.ts';

describe.each(databaseKinds())('NGSI-LD entities, on %s', (kind) => {
  let n: Ngsi;
  beforeAll(async () => {
    n = await startNgsi(kind);
  });
  afterAll(() => n.close());

  it('5.6.1: creates an entity with 201 and its Location, and refuses the same id with 409 AlreadyExists', async () => {
    const created = await n.call('POST', '/entities', { body: airQuality(1) });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/ngsi-ld/v1/entities/${urn('AirQualityObserved', 1)}`);
    await problem(await n.call('POST', '/entities', { body: airQuality(1) }), 409, 'AlreadyExists');
  });

  it('5.6.1: refuses an entity without a URI id or without a type (400 BadRequestData), and writes nothing', async () => {
    await problem(await n.call('POST', '/entities', { body: { ...airQuality(2), id: 'not a uri' } }), 400, 'BadRequestData');
    const { type: _t, ...noType } = airQuality(2);
    await problem(await n.call('POST', '/entities', { body: noType }), 400, 'BadRequestData');
    await problem(await n.call('POST', '/entities', { body: { ...airQuality(2), no2: { type: 'Property' } } }), 400, 'BadRequestData');
    await problem(await n.call('GET', `/entities/${urn('AirQualityObserved', 2)}`), 404, 'ResourceNotFound');
  });

  it('5.7.1: retrieves an entity normalized, keyValues, with sysAttrs and with attrs', async () => {
    const id = urn('AirQualityObserved', 1);
    const res = await n.call('GET', `/entities/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('link')).toBe(LINK);
    expect(await res.json()).toEqual({ id, type: 'AirQualityObserved', location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [5.041, 47.32] } }, no2: { type: 'Property', value: 21, unitCode: 'GQ' } });
    expect(await (await n.call('GET', `/entities/${id}?options=keyValues`)).json()).toEqual({ id, type: 'AirQualityObserved', location: { type: 'Point', coordinates: [5.041, 47.32] }, no2: 21 });
    const sys = (await (await n.call('GET', `/entities/${id}?options=sysAttrs`)).json()) as Record<string, { createdAt?: string }>;
    expect(sys.createdAt).toMatch(/^\d{4}-/);
    expect(sys.no2!.createdAt).toMatch(/^\d{4}-/);
    expect(Object.keys((await (await n.call('GET', `/entities/${id}?attrs=no2`)).json()) as object)).toEqual(['id', 'type', 'no2']);
    await problem(await n.call('GET', `/entities/${urn('AirQualityObserved', 404)}`), 404, 'ResourceNotFound');
  });

  it('5.6.17: merge-patch merges attributes and sub-attributes, and urn:ngsi-ld:null deletes one', async () => {
    const id = urn('AirQualityObserved', 3);
    expect((await n.call('POST', '/entities', { body: airQuality(3, { name: { type: 'Property', value: 'Rue A', source: { type: 'Property', value: 'city' } } }) })).status).toBe(201);
    const patched = await n.call('PATCH', `/entities/${id}`, { body: { no2: { value: 40 }, name: { accuracy: { type: 'Property', value: 1 } }, pm10: { type: 'Property', value: 12, unitCode: 'GQ' } } });
    expect(patched.status).toBe(204);
    const entity = (await (await n.call('GET', `/entities/${id}`)).json()) as Record<string, Record<string, unknown>>;
    expect(entity.no2).toEqual({ type: 'Property', value: 40, unitCode: 'GQ' });
    expect(entity.name).toEqual({ type: 'Property', value: 'Rue A', source: { type: 'Property', value: 'city' }, accuracy: { type: 'Property', value: 1 } });
    expect(entity.pm10).toEqual({ type: 'Property', value: 12, unitCode: 'GQ' });
    expect((await n.call('PATCH', `/entities/${id}`, { body: { pm10: 'urn:ngsi-ld:null' } })).status).toBe(204);
    expect(await (await n.call('GET', `/entities/${id}`)).json()).not.toHaveProperty('pm10');
    await problem(await n.call('PATCH', `/entities/${urn('AirQualityObserved', 404)}`, { body: { no2: { value: 1 } } }), 404, 'ResourceNotFound');
  });

  it('5.6.3: appends attributes (204), and with options=noOverwrite keeps existing ones and answers 207 naming them', async () => {
    const id = urn('AirQualityObserved', 3);
    expect((await n.call('POST', `/entities/${id}/attrs`, { body: { o3: { type: 'Property', value: 50, unitCode: 'GQ' } } })).status).toBe(204);
    const kept = await n.call('POST', `/entities/${id}/attrs?options=noOverwrite`, { body: { o3: { type: 'Property', value: 99, unitCode: 'GQ' }, pm25: { type: 'Property', value: 8, unitCode: 'GQ' } } });
    expect(kept.status).toBe(207);
    expect(await kept.json()).toEqual({ updated: ['pm25'], notUpdated: [{ attributeName: 'o3', reason: expect.any(String) }] });
    expect(((await (await n.call('GET', `/entities/${id}?options=keyValues`)).json()) as Record<string, unknown>).o3).toBe(50);
  });

  it('5.6.2: updates existing attributes (204), and reports an attribute the entity lacks with 207', async () => {
    const id = urn('AirQualityObserved', 3);
    expect((await n.call('PATCH', `/entities/${id}/attrs`, { body: { o3: { type: 'Property', value: 51, unitCode: 'GQ' } } })).status).toBe(204);
    const partial = await n.call('PATCH', `/entities/${id}/attrs`, { body: { o3: { type: 'Property', value: 52, unitCode: 'GQ' }, nothing: { type: 'Property', value: 1 } } });
    expect(partial.status).toBe(207);
    expect(await partial.json()).toEqual({ updated: ['o3'], notUpdated: [{ attributeName: 'nothing', reason: expect.any(String) }] });
    expect(await (await n.call('GET', `/entities/${id}?options=keyValues&attrs=o3,nothing`)).json()).toEqual({ id, type: 'AirQualityObserved', o3: 52 });
  });

  it('5.6.4: partially updates one attribute, 404 for an attribute the entity lacks', async () => {
    const id = urn('AirQualityObserved', 3);
    expect((await n.call('PATCH', `/entities/${id}/attrs/o3`, { body: { value: 60 } })).status).toBe(204);
    expect(((await (await n.call('GET', `/entities/${id}`)).json()) as Record<string, unknown>).o3).toEqual({ type: 'Property', value: 60, unitCode: 'GQ' });
    await problem(await n.call('PATCH', `/entities/${id}/attrs/nothing`, { body: { value: 1 } }), 404, 'ResourceNotFound');
  });

  it('5.6.5 and 5.6.6: deletes an attribute, then the entity; deleting again is 404', async () => {
    const id = urn('AirQualityObserved', 3);
    expect((await n.call('DELETE', `/entities/${id}/attrs/o3`)).status).toBe(204);
    await problem(await n.call('DELETE', `/entities/${id}/attrs/o3`), 404, 'ResourceNotFound');
    expect((await n.call('DELETE', `/entities/${id}`)).status).toBe(204);
    await problem(await n.call('DELETE', `/entities/${id}`), 404, 'ResourceNotFound');
    await problem(await n.call('GET', `/entities/${id}`), 404, 'ResourceNotFound');
  });

  it('4.5.1 concise form: plain values and objects without type are normalized to Properties, Relationships and GeoProperties', async () => {
    const id = urn('Streetlight', 1);
    const res = await n.call('POST', '/entities', { body: { id, type: 'Streetlight', powerState: 'on', dimmingLevel: { value: 0.5 }, refDevice: { object: 'urn:ngsi-ld:Device:test:1' }, location: { type: 'Point', coordinates: [5.05, 47.33] } } });
    expect(res.status).toBe(201);
    expect(await (await n.call('GET', `/entities/${id}`)).json()).toEqual({
      id,
      type: 'Streetlight',
      powerState: { type: 'Property', value: 'on' },
      dimmingLevel: { type: 'Property', value: 0.5 },
      refDevice: { type: 'Relationship', object: 'urn:ngsi-ld:Device:test:1' },
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [5.05, 47.33] } },
    });
  });

  it('an attribute with observedAt becomes a reading (source ngsi-ld), and a reading the type refuses refuses the whole write', async () => {
    const id = urn('AirQualityObserved', 5);
    const at = n.t.clock.now().toISOString();
    expect((await n.call('POST', '/entities', { body: airQuality(5, { pm10: { type: 'Property', value: 33, unitCode: 'GQ', observedAt: at } }) })).status).toBe(201);
    const readings = await n.t.database.db.selectFrom('observatory_readings').select(['attribute', 'value', 'source']).where('territory_id', '=', n.territory.id).execute();
    expect(readings).toEqual([{ attribute: 'pm10', value: 33, source: 'ngsi-ld' }]);
    // µg/m³ is GQ: a reading in another unit is refused, and the attribute is not written either.
    await problem(await n.call('PATCH', `/entities/${id}/attrs`, { body: { pm10: { type: 'Property', value: 34, unitCode: 'KMH', observedAt: at } } }), 400, 'BadRequestData');
    expect(((await (await n.call('GET', `/entities/${id}?options=keyValues`)).json()) as Record<string, unknown>).pm10).toBe(33);
  });
});

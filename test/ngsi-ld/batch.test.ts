// NGSI-LD batch operations, written from ETSI GS CIM 009 V1.8.1 clauses 5.6.7 (create), 5.6.8 (upsert), 5.6.9
// (update), 5.6.10 (delete) and 5.2.16 (BatchOperationResult), over real HTTP on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/database.ts';
import { airQuality, ERR, problem, startNgsi, urn, type Ngsi } from './ngsi-support.ts';

describe.each(databaseKinds())('NGSI-LD batch operations, on %s', (kind) => {
  let n: Ngsi;
  const keyValues = async (i: number) => (await (await n.call('GET', `/entities/${urn('AirQualityObserved', i)}?options=keyValues`)).json()) as Record<string, unknown>;
  beforeAll(async () => {
    n = await startNgsi(kind);
  });
  afterAll(() => n.close());

  it('5.6.7: creates every entity (201 with their ids); with one failing, 207 lists successes and errors', async () => {
    const all = await n.call('POST', '/entityOperations/create', { body: [airQuality(1), airQuality(2)] });
    expect(all.status).toBe(201);
    expect(await all.json()).toEqual([urn('AirQualityObserved', 1), urn('AirQualityObserved', 2)]);
    const mixed = await n.call('POST', '/entityOperations/create', { body: [airQuality(2), airQuality(3), { id: 'bad id', type: 'X' }] });
    expect(mixed.status).toBe(207);
    expect(await mixed.json()).toEqual({
      success: [urn('AirQualityObserved', 3)],
      errors: [
        { entityId: urn('AirQualityObserved', 2), error: expect.objectContaining({ type: `${ERR}AlreadyExists`, status: 409 }) },
        { entityId: 'bad id', error: expect.objectContaining({ type: `${ERR}BadRequestData`, status: 400 }) },
      ],
    });
  });

  it('5.6.8: upsert creates (201 with the new ids), replaces by default and merges with options=update (204)', async () => {
    const created = await n.call('POST', '/entityOperations/upsert', { body: [airQuality(4)] });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual([urn('AirQualityObserved', 4)]);
    const replaced = await n.call('POST', '/entityOperations/upsert', { body: [{ id: urn('AirQualityObserved', 4), type: 'AirQualityObserved', pm10: { type: 'Property', value: 9, unitCode: 'GQ' } }] });
    expect(replaced.status).toBe(204);
    expect(await keyValues(4)).toEqual({ id: urn('AirQualityObserved', 4), type: 'AirQualityObserved', pm10: 9 });
    const merged = await n.call('POST', '/entityOperations/upsert?options=update', { body: [{ id: urn('AirQualityObserved', 4), type: 'AirQualityObserved', o3: { type: 'Property', value: 7, unitCode: 'GQ' } }] });
    expect(merged.status).toBe(204);
    expect(await keyValues(4)).toEqual({ id: urn('AirQualityObserved', 4), type: 'AirQualityObserved', pm10: 9, o3: 7 });
  });

  it('5.6.9: update appends attributes to existing entities (204); a missing entity is an error in a 207', async () => {
    const ok = await n.call('POST', '/entityOperations/update', { body: [{ id: urn('AirQualityObserved', 1), type: 'AirQualityObserved', no2: { type: 'Property', value: 5, unitCode: 'GQ' } }] });
    expect(ok.status).toBe(204);
    expect((await keyValues(1)).no2).toBe(5);
    const kept = await n.call('POST', '/entityOperations/update?options=noOverwrite', { body: [{ id: urn('AirQualityObserved', 1), no2: { type: 'Property', value: 6, unitCode: 'GQ' } }] });
    expect(kept.status).toBe(204);
    expect((await keyValues(1)).no2).toBe(5);
    const missing = await n.call('POST', '/entityOperations/update', { body: [{ id: urn('AirQualityObserved', 99), no2: { type: 'Property', value: 1 } }] });
    expect(missing.status).toBe(207);
    expect(await missing.json()).toEqual({ success: [], errors: [{ entityId: urn('AirQualityObserved', 99), error: expect.objectContaining({ type: `${ERR}ResourceNotFound` }) }] });
  });

  it('5.6.10: deletes by id (204); an unknown id is an error in a 207', async () => {
    expect((await n.call('POST', '/entityOperations/delete', { body: [urn('AirQualityObserved', 1), urn('AirQualityObserved', 2)] })).status).toBe(204);
    const again = await n.call('POST', '/entityOperations/delete', { body: [urn('AirQualityObserved', 1), urn('AirQualityObserved', 3)] });
    expect(again.status).toBe(207);
    expect(await again.json()).toEqual({ success: [urn('AirQualityObserved', 3)], errors: [{ entityId: urn('AirQualityObserved', 1), error: expect.objectContaining({ status: 404 }) }] });
  });

  it('a body that is not a non-empty array is 400 BadRequestData; a malformed item is that item\'s error in a 207', async () => {
    for (const body of [{}, []]) await problem(await n.call('POST', '/entityOperations/create', { body }), 400, 'BadRequestData');
    const res = await n.call('POST', '/entityOperations/delete', { body: [42] });
    expect(res.status).toBe(207);
    expect(await res.json()).toEqual({ success: [], errors: [{ entityId: '(no id)', error: expect.objectContaining({ type: `${ERR}BadRequestData` }) }] });
  });
});

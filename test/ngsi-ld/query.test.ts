// NGSI-LD query entities, written from ETSI GS CIM 009 V1.8.1 clauses 5.7.2 (query), 4.9 (the query language),
// 6.3.10 (pagination) and 6.23 (POST query), over real HTTP on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/database.ts';
import { problem, startNgsi, urn, type Ngsi } from './ngsi-support.ts';

const ids = (body: unknown) => (body as { id: string }[]).map((e) => e.id);
const sensor = (i: number, extra: Record<string, unknown>) => ({ id: urn('TrafficFlowObserved', i), type: 'TrafficFlowObserved', ...extra });

describe.each(databaseKinds())('NGSI-LD query, on %s', (kind) => {
  let n: Ngsi;
  const get = async (query: string) => {
    const res = await n.call('GET', `/entities?${query}`);
    if (res.status !== 200) throw new Error(`${query} → ${res.status} ${await res.text()}`);
    return ids(await res.json());
  };
  beforeAll(async () => {
    n = await startNgsi(kind);
    const batch = [
      sensor(1, { intensity: { type: 'Property', value: 100 }, laneDirection: 'forward', address: { type: 'Property', value: { city: 'Dijon', postalCode: '21000' } }, refRoad: { type: 'Relationship', object: 'urn:ngsi-ld:Road:rocade' }, dateObserved: { type: 'Property', value: '2026-01-05T08:00:00Z' } }),
      sensor(2, { intensity: { type: 'Property', value: 250, accuracy: { type: 'Property', value: 0.9 } }, laneDirection: 'backward', address: { type: 'Property', value: { city: 'Chenôve' } }, dateObserved: { type: 'Property', value: '2026-01-06T08:00:00Z' } }),
      sensor(3, { intensity: { type: 'Property', value: 400 }, laneDirection: 'forward', tags: { type: 'Property', value: ['school', 'bus'] } }),
      { id: urn('ParkingSpot', 1), type: 'ParkingSpot', status: { type: 'Property', value: 'free' } },
    ];
    const res = await n.call('POST', '/entityOperations/create', { body: batch });
    if (res.status !== 201) throw new Error(await res.text());
  });
  afterAll(() => n.close());

  it('5.7.2: filters by type (a comma list), by id (a comma list) and by idPattern, in id order', async () => {
    expect(await get('type=TrafficFlowObserved')).toEqual([1, 2, 3].map((i) => urn('TrafficFlowObserved', i)));
    expect(await get('type=ParkingSpot,TrafficFlowObserved&limit=100')).toHaveLength(4);
    expect(await get(`id=${urn('TrafficFlowObserved', 3)},${urn('ParkingSpot', 1)}`)).toEqual([urn('ParkingSpot', 1), urn('TrafficFlowObserved', 3)]);
    expect(await get(`idPattern=${encodeURIComponent('^urn:ngsi-ld:TrafficFlowObserved:test:[12]$')}`)).toEqual([urn('TrafficFlowObserved', 1), urn('TrafficFlowObserved', 2)]);
  });

  it('4.9: compares numbers, strings, dates, with ranges and lists', async () => {
    const q = async (text: string) => (await get(`type=TrafficFlowObserved&q=${encodeURIComponent(text)}`)).map((id) => Number(id.split(':').pop()));
    expect(await q('intensity==250')).toEqual([2]);
    expect(await q('intensity!=250')).toEqual([1, 3]);
    expect(await q('intensity>100')).toEqual([2, 3]);
    expect(await q('intensity>=100')).toEqual([1, 2, 3]);
    expect(await q('intensity<250')).toEqual([1]);
    expect(await q('intensity<=250')).toEqual([1, 2]);
    expect(await q('intensity==200..400')).toEqual([2, 3]);
    expect(await q('intensity==100,400')).toEqual([1, 3]);
    expect(await q('laneDirection=="forward"')).toEqual([1, 3]);
    expect(await q('dateObserved>2026-01-05T12:00:00Z')).toEqual([2]);
    expect(await q('tags=="bus"')).toEqual([3]);
    expect(await q('refRoad=="urn:ngsi-ld:Road:rocade"')).toEqual([1]);
  });

  it('4.9: combines with ; (and), | (or) and parentheses, tests existence, paths with . and [ ], and patterns', async () => {
    const q = async (text: string) => (await get(`type=TrafficFlowObserved&q=${encodeURIComponent(text)}`)).map((id) => Number(id.split(':').pop()));
    expect(await q('laneDirection=="forward";intensity>200')).toEqual([3]);
    expect(await q('intensity<150|intensity>300')).toEqual([1, 3]);
    expect(await q('(intensity<150|intensity>300);laneDirection=="forward"')).toEqual([1, 3]);
    expect(await q('laneDirection=="backward"|(intensity>300;tags)')).toEqual([2, 3]);
    expect(await q('tags')).toEqual([3]);
    expect(await q('!tags')).toEqual([1, 2]);
    expect(await q('intensity.accuracy>0.5')).toEqual([2]);
    expect(await q('address[city]=="Dijon"')).toEqual([1]);
    expect(await q('address[city]~="^Ch"')).toEqual([2]);
    expect(await q('address[city]!~="^Ch"')).toEqual([1]);
  });

  it('4.9: a malformed q, or a pattern that could backtrack forever, is 400 BadRequestData', async () => {
    for (const bad of ['intensity==', '(intensity>1', 'intensity>>1', 'a==1;', 'x~="(a+)+$"', 'x~=1'])
      await problem(await n.call('GET', `/entities?type=TrafficFlowObserved&q=${encodeURIComponent(bad)}`), 400, 'BadRequestData');
  });

  it('5.7.2: attrs keeps the entities having one of them and shows only those; keyValues simplifies', async () => {
    const res = await n.call('GET', '/entities?attrs=tags,status&options=keyValues');
    expect(await res.json()).toEqual([
      { id: urn('ParkingSpot', 1), type: 'ParkingSpot', status: 'free' },
      { id: urn('TrafficFlowObserved', 3), type: 'TrafficFlowObserved', tags: ['school', 'bus'] },
    ]);
  });

  it('6.3.10: pages with limit and offset, counts with count=true, and refuses a limit over 1000 with TooManyResults', async () => {
    expect(await get('type=TrafficFlowObserved&limit=2')).toEqual([urn('TrafficFlowObserved', 1), urn('TrafficFlowObserved', 2)]);
    expect(await get('type=TrafficFlowObserved&limit=2&offset=2')).toEqual([urn('TrafficFlowObserved', 3)]);
    const counted = await n.call('GET', '/entities?type=TrafficFlowObserved&limit=1&count=true');
    expect(counted.headers.get('ngsild-results-count')).toBe('3');
    expect(ids(await counted.json())).toHaveLength(1);
    const none = await n.call('GET', '/entities?type=TrafficFlowObserved&limit=0&count=true');
    expect(none.headers.get('ngsild-results-count')).toBe('3');
    expect(await none.json()).toEqual([]);
    await problem(await n.call('GET', '/entities?type=TrafficFlowObserved&limit=1001'), 403, 'TooManyResults');
    await problem(await n.call('GET', '/entities?type=TrafficFlowObserved&limit=-1'), 400, 'BadRequestData');
  });

  it('5.7.2: a query without type, id, idPattern, attrs, q or geo-query is 400 BadRequestData', async () => {
    await problem(await n.call('GET', '/entities'), 400, 'BadRequestData');
    await problem(await n.call('GET', '/entities?idPattern=%5B'), 400, 'BadRequestData');
  });

  it('6.23: POST /entityOperations/query takes a Query body with several selectors, q and attrs', async () => {
    const res = await n.call('POST', '/entityOperations/query?count=true', {
      body: { type: 'Query', entities: [{ type: 'ParkingSpot' }, { type: 'TrafficFlowObserved', idPattern: ':3$' }], attrs: ['status', 'intensity'] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('ngsild-results-count')).toBe('2');
    expect(ids(await res.json())).toEqual([urn('ParkingSpot', 1), urn('TrafficFlowObserved', 3)]);
    const q = await n.call('POST', '/entityOperations/query', { body: { type: 'Query', q: 'intensity>200' } });
    expect(ids(await q.json())).toEqual([urn('TrafficFlowObserved', 2), urn('TrafficFlowObserved', 3)]);
    await problem(await n.call('POST', '/entityOperations/query', { body: { entities: [] } }), 400, 'BadRequestData');
  });
});

// NGSI-LD geo-queries, written from ETSI GS CIM 009 V1.8.1 clause 4.10 (georel near, within, intersects, disjoint;
// geometry and coordinates), over real HTTP on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/database.ts';
import { problem, startNgsi, urn, type Ngsi } from './ngsi-support.ts';

// Dijon's Place Darcy, and points east of it: 0.001° of longitude is about 75 m at this latitude.
const DARCY: [number, number] = [5.0341, 47.3226];
const at = (i: number, lon: number, lat: number) => ({ id: urn('ParkingSpot', i), type: 'ParkingSpot', status: 'free', location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [lon, lat] } } });
const square = (lon: number, lat: number, d: number) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];

describe.each(databaseKinds())('NGSI-LD geo-queries, on %s', (kind) => {
  let n: Ngsi;
  const geo = async (params: string) => {
    const res = await n.call('GET', `/entities?type=ParkingSpot&${params}`);
    if (res.status !== 200) throw new Error(`${params} → ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }[]).map((e) => Number(e.id.split(':').pop()));
  };
  beforeAll(async () => {
    n = await startNgsi(kind);
    const spots = [at(1, DARCY[0], DARCY[1]), at(2, DARCY[0] + 0.001, DARCY[1]), at(3, DARCY[0] + 0.01, DARCY[1]), at(4, DARCY[0] + 0.1, DARCY[1])];
    // A thing without a place is never in a geo-query's answer.
    const res = await n.call('POST', '/entityOperations/create', { body: [...spots, { id: urn('ParkingSpot', 5), type: 'ParkingSpot', status: 'free' }] });
    if (res.status !== 201) throw new Error(await res.text());
  });
  afterAll(() => n.close());

  const point = `geometry=Point&coordinates=${encodeURIComponent(JSON.stringify(DARCY))}`;

  it('4.10: near;maxDistance keeps what lies within that many metres', async () => {
    expect(await geo(`georel=${encodeURIComponent('near;maxDistance==10')}&${point}`)).toEqual([1]);
    expect(await geo(`georel=${encodeURIComponent('near;maxDistance==100')}&${point}`)).toEqual([1, 2]);
    expect(await geo(`georel=${encodeURIComponent('near;maxDistance==1000')}&${point}`)).toEqual([1, 2, 3]);
  });

  it('4.10: near;minDistance keeps what lies at least that far', async () => {
    expect(await geo(`georel=${encodeURIComponent('near;minDistance==1000')}&${point}`)).toEqual([4]);
  });

  it('4.10: within a Polygon, intersects a Polygon, disjoint from it', async () => {
    const area = `geometry=Polygon&coordinates=${encodeURIComponent(JSON.stringify(square(DARCY[0] - 0.0005, DARCY[1] - 0.0005, 0.002)))}`;
    expect(await geo(`georel=within&${area}`)).toEqual([1, 2]);
    expect(await geo(`georel=intersects&${area}`)).toEqual([1, 2]);
    expect(await geo(`georel=disjoint&${area}`)).toEqual([3, 4]);
  });

  it('4.10: an entity whose location is a Polygon is found by intersects and within', async () => {
    const id = urn('Building', 1);
    const polygon = square(DARCY[0] + 0.02, DARCY[1], 0.001);
    expect((await n.call('POST', '/entities', { body: { id, type: 'Building', location: { type: 'GeoProperty', value: { type: 'Polygon', coordinates: polygon } } } })).status).toBe(201);
    const around = encodeURIComponent(JSON.stringify(square(DARCY[0] + 0.019, DARCY[1] - 0.001, 0.003)));
    const found = await n.call('GET', `/entities?type=Building&georel=within&geometry=Polygon&coordinates=${around}`);
    expect(((await found.json()) as { id: string }[]).map((e) => e.id)).toEqual([id]);
    const corner = encodeURIComponent(JSON.stringify([DARCY[0] + 0.0205, DARCY[1] + 0.0005]));
    const hit = await n.call('GET', `/entities?type=Building&georel=intersects&geometry=Point&coordinates=${corner}`);
    expect(((await hit.json()) as { id: string }[]).map((e) => e.id)).toEqual([id]);
  });

  it('4.10: georel, geometry and coordinates come together and make sense, else 400 BadRequestData', async () => {
    for (const bad of [
      'georel=within',
      `georel=near&${point}`,
      `georel=${encodeURIComponent('near;maxDistance==100')}&geometry=Polygon&coordinates=${encodeURIComponent(JSON.stringify(square(5, 47, 1)))}`,
      `georel=within&${point}`,
      'georel=within&geometry=Polygon&coordinates=%5B%5B%5B5,47%5D,%5B6,47%5D%5D%5D',
      'georel=nearby&geometry=Point&coordinates=%5B5,47%5D',
      'georel=intersects&geometry=Point&coordinates=%5B500,47%5D',
      'georel=intersects&geometry=Point&coordinates=not-json',
    ])
      await problem(await n.call('GET', `/entities?type=ParkingSpot&${bad}`), 400, 'BadRequestData');
  });
});

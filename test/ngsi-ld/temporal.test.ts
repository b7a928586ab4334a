// NGSI-LD temporal retrieval, written from ETSI GS CIM 009 V1.8.1 clauses 5.7.3 (retrieve temporal evolution),
// 5.7.4 (query temporal evolution), 4.5.19 (aggregated representation), 6.3.12 (timerel, timeAt, endTimeAt, lastN),
// over real HTTP on both engines. Readings come in as attributes with observedAt (they go through ingestReadings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/database.ts';
import { problem, startNgsi, urn, type Ngsi } from './ngsi-support.ts';

const HOUR = 3_600_000;

describe.each(databaseKinds())('NGSI-LD temporal, on %s', (kind) => {
  let n: Ngsi;
  let base: number;
  const id = urn('AirQualityObserved', 1);
  const iso = (ms: number) => new Date(ms).toISOString();
  // Readings: 10 and 20 in the first hour, 30 and 50 in the second.
  const minutes = [0, 10, 60, 80];
  const values = [10, 20, 30, 50];

  beforeAll(async () => {
    n = await startNgsi(kind);
    base = Math.floor(n.t.clock.now().getTime() / HOUR) * HOUR - 3 * HOUR;
    const created = await n.call('POST', '/entities', { body: { id, type: 'AirQualityObserved', no2: { type: 'Property', value: values[0], unitCode: 'GQ', observedAt: iso(base) } } });
    if (created.status !== 201) throw new Error(await created.text());
    for (let i = 1; i < values.length; i++) {
      const res = await n.call('PATCH', `/entities/${id}/attrs`, { body: { no2: { type: 'Property', value: values[i], unitCode: 'GQ', observedAt: iso(base + minutes[i]! * 60_000) } } });
      if (res.status !== 204) throw new Error(await res.text());
    }
  });
  afterAll(() => n.close());

  it('5.7.3: returns every instance in time order, with its observedAt and unitCode', async () => {
    const res = await n.call('GET', `/temporal/entities/${id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, type: 'AirQualityObserved', no2: values.map((value, i) => ({ type: 'Property', value, observedAt: iso(base + minutes[i]! * 60_000), unitCode: 'GQ' })) });
  });

  it('6.3.12: timerel before, after and between select by observedAt (timeAt inclusive, endTimeAt exclusive); lastN keeps the last ones', async () => {
    const valuesOf = async (query: string) => {
      const res = await n.call('GET', `/temporal/entities/${id}?options=temporalValues&${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { no2?: { values: [number, string][] } }).no2?.values.map(([v]) => v) ?? [];
    };
    expect(await valuesOf(`timerel=before&timeAt=${encodeURIComponent(iso(base + HOUR))}`)).toEqual([10, 20]);
    expect(await valuesOf(`timerel=after&timeAt=${encodeURIComponent(iso(base + HOUR))}`)).toEqual([30, 50]);
    expect(await valuesOf(`timerel=between&timeAt=${encodeURIComponent(iso(base + 5 * 60_000))}&endTimeAt=${encodeURIComponent(iso(base + 80 * 60_000))}`)).toEqual([20, 30]);
    expect(await valuesOf('lastN=2')).toEqual([30, 50]);
  });

  it('4.5.19: aggregates per PT1H from the hourly rollups (totalCount, sum, avg, min, max), and over the whole range with P0D', async () => {
    const range = `timerel=between&timeAt=${encodeURIComponent(iso(base))}&endTimeAt=${encodeURIComponent(iso(base + 2 * HOUR))}`;
    const res = await n.call('GET', `/temporal/entities/${id}?options=aggregatedValues&aggrMethods=totalCount,sum,avg,min,max&aggrPeriodDuration=PT1H&${range}`);
    expect(res.status).toBe(200);
    const first = [iso(base), iso(base + HOUR)];
    const second = [iso(base + HOUR), iso(base + 2 * HOUR)];
    expect(await res.json()).toEqual({
      id,
      type: 'AirQualityObserved',
      no2: {
        type: 'Property',
        totalCount: [[2, ...first], [2, ...second]],
        sum: [[30, ...first], [80, ...second]],
        avg: [[15, ...first], [40, ...second]],
        min: [[10, ...first], [30, ...second]],
        max: [[20, ...first], [50, ...second]],
      },
    });
    const whole = await n.call('GET', `/temporal/entities/${id}?aggrMethods=avg,max&aggrPeriodDuration=P0D&${range}`);
    expect(((await whole.json()) as { no2: unknown }).no2).toEqual({ type: 'Property', avg: [[27.5, iso(base), iso(base + 2 * HOUR)]], max: [[50, iso(base), iso(base + 2 * HOUR)]] });
  });

  it('4.5.19: a period that is not whole hours or 5 minutes is computed from the readings', async () => {
    const range = `timerel=between&timeAt=${encodeURIComponent(iso(base))}&endTimeAt=${encodeURIComponent(iso(base + 2 * HOUR))}`;
    const res = await n.call('GET', `/temporal/entities/${id}?aggrMethods=totalCount&aggrPeriodDuration=PT40M&${range}`);
    const counts = ((await res.json()) as { no2: { totalCount: [number, string, string][] } }).no2.totalCount.map(([c]) => c);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('5.7.4: queries entities over time by type with timerel, which it needs', async () => {
    const res = await n.call('GET', `/temporal/entities?type=AirQualityObserved&timerel=after&timeAt=${encodeURIComponent(iso(base + HOUR))}&options=temporalValues`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ id, type: 'AirQualityObserved', no2: { type: 'Property', values: [[30, iso(base + HOUR)], [50, iso(base + 80 * 60_000)]] } }]);
    await problem(await n.call('GET', '/temporal/entities?type=AirQualityObserved'), 400, 'BadRequestData');
  });

  it('6.3.12: bad temporal parameters are 400; an aggregation Maille does not compute is 422 OperationNotSupported', async () => {
    for (const bad of ['timerel=during&timeAt=2026-01-01T00:00:00Z', 'timerel=before', 'timerel=between&timeAt=2026-01-02T00:00:00Z&endTimeAt=2026-01-01T00:00:00Z', 'lastN=0', 'aggrMethods=avg&aggrPeriodDuration=one-hour', 'aggrPeriodDuration=PT1H'])
      await problem(await n.call('GET', `/temporal/entities/${id}?${bad}`), 400, 'BadRequestData');
    await problem(await n.call('GET', `/temporal/entities/${id}?aggrMethods=stddev`), 422, 'OperationNotSupported');
    await problem(await n.call('GET', `/temporal/entities/${urn('AirQualityObserved', 404)}`), 404, 'ResourceNotFound');
  });
});

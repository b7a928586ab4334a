/**
 * @module NGSI-LD temporal retrieval (ETSI GS CIM 009 clauses 5.7.3, 5.7.4, 4.5.19): an entity's readings over time
 * from `observatory_readings`, as instances or `temporalValues`, the last N per attribute, and aggregations
 * (totalCount, sum, avg, min, max per aggrPeriodDuration) served from the hourly or 5-minute rollups when the period
 * and the time range fall on their buckets, else computed from the readings.
 */
import { sql } from 'kysely';
import type { Executor } from '../../core/database/schema.ts';
import { badRequest, NgsiError } from './errors.ts';
import { isDateTime } from './entity-model.ts';

export const AGGREGATION_METHODS = ['totalCount', 'sum', 'avg', 'min', 'max'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];
const MAX_INSTANCES = 10_000;
const FIVE_MINUTES = 300_000;
const HOUR = 3_600_000;

export interface TimeQuery {
  from?: Date;
  /** Exclusive. */
  to?: Date;
  lastN?: number;
  attrs?: string[];
  temporalValues: boolean;
  aggregation?: { methods: AggregationMethod[]; periodMs: number };
}

export interface TimeQueryInput {
  timerel?: string | undefined;
  timeAt?: string | undefined;
  endTimeAt?: string | undefined;
  lastN?: number | undefined;
  timeproperty?: string | undefined;
  aggrMethods?: string | undefined;
  aggrPeriodDuration?: string | undefined;
}

/** An ISO 8601 duration (PnW, PnDTnHnMnS) in milliseconds; P0D means "the whole range". */
export function durationMs(text: string): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) throw badRequest('aggrPeriodDuration must be an ISO 8601 duration such as PT1H or P1D.');
  const [, w, d, h, min, s] = m;
  const ms = ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 24 * 3600 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)) * 1000;
  if (ms > 366 * 24 * HOUR) throw badRequest('aggrPeriodDuration is at most a year.');
  return ms;
}

function instant(value: string | undefined, name: string): Date {
  if (value === undefined || !isDateTime(value)) throw badRequest(`${name} must be an ISO 8601 date-time with an offset.`);
  return new Date(value);
}

/** Parses the temporal parameters (clause 6.3.12); `required` makes timerel mandatory (temporal query). */
export function parseTimeQuery(input: TimeQueryInput, options: Set<string>, attrs: string[] | undefined, required: boolean): TimeQuery {
  if (input.timeproperty !== undefined && input.timeproperty !== 'observedAt') throw new NgsiError('OperationNotSupported', 'Only timeproperty=observedAt is kept over time.');
  const query: TimeQuery = { temporalValues: options.has('temporalValues'), ...(attrs ? { attrs } : {}) };
  if (input.timerel === undefined) {
    if (required) throw badRequest('A temporal query needs timerel (before, after or between) and timeAt.');
    if (input.timeAt !== undefined || input.endTimeAt !== undefined) throw badRequest('timeAt goes with timerel.');
  } else if (input.timerel === 'before') query.to = instant(input.timeAt, 'timeAt');
  else if (input.timerel === 'after') query.from = instant(input.timeAt, 'timeAt');
  else if (input.timerel === 'between') {
    query.from = instant(input.timeAt, 'timeAt');
    query.to = instant(input.endTimeAt, 'endTimeAt');
    if (query.to <= query.from) throw badRequest('endTimeAt must be after timeAt.');
  } else throw badRequest('timerel must be before, after or between.');
  if (input.lastN !== undefined) {
    if (!Number.isInteger(input.lastN) || input.lastN < 1 || input.lastN > MAX_INSTANCES) throw badRequest(`lastN must be a whole number from 1 to ${MAX_INSTANCES}.`);
    query.lastN = input.lastN;
  }
  if (input.aggrMethods !== undefined || options.has('aggregatedValues')) {
    const methods = (input.aggrMethods ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (methods.length === 0) throw badRequest('aggregatedValues needs aggrMethods (totalCount, sum, avg, min, max).');
    for (const method of methods)
      if (!(AGGREGATION_METHODS as readonly string[]).includes(method)) throw new NgsiError('OperationNotSupported', `aggrMethods: ${method.slice(0, 40)} is not supported (totalCount, sum, avg, min, max are).`);
    query.aggregation = { methods: methods as AggregationMethod[], periodMs: durationMs(input.aggrPeriodDuration ?? 'P0D') };
  } else if (input.aggrPeriodDuration !== undefined) throw badRequest('aggrPeriodDuration goes with aggrMethods.');
  return query;
}

interface ReadingRow {
  attribute: string;
  observed_at: Date;
  value: number | null;
  text_value: string | null;
  unit_code: string | null;
}

async function readingsOf(db: Executor, thingId: string, query: TimeQuery): Promise<ReadingRow[]> {
  const attrs = query.attrs && query.attrs.length > 0 ? sql`and attribute in (${sql.join(query.attrs)})` : sql``;
  const from = query.from ? sql`and observed_at >= ${query.from}` : sql``;
  const to = query.to ? sql`and observed_at < ${query.to}` : sql``;
  const lastN = query.lastN ?? MAX_INSTANCES;
  const { rows } = await sql<ReadingRow>`
    select attribute, observed_at, value, text_value, unit_code from (
      select attribute, observed_at, value, text_value, unit_code,
             row_number() over (partition by attribute order by observed_at desc) as rank
      from observatory_readings where thing_id = ${thingId} ${attrs} ${from} ${to}
    ) ranked where rank <= ${lastN} order by attribute, observed_at`.execute(db);
  return rows;
}

interface Bucket {
  start: number;
  end: number;
  n: number;
  sum: number;
  min: number;
  max: number;
}

/** Groups (start, n, sum, min, max) parts into periods of `periodMs` from the epoch (0: one period over the range). */
function fold(parts: { at: number; n: number; sum: number; min: number; max: number }[], periodMs: number, range: { from: number; to: number }): Bucket[] {
  const buckets = new Map<number, Bucket>();
  for (const p of parts) {
    const start = periodMs === 0 ? range.from : Math.floor(p.at / periodMs) * periodMs;
    const end = periodMs === 0 ? range.to : start + periodMs;
    const b = buckets.get(start) ?? { start, end, n: 0, sum: 0, min: Infinity, max: -Infinity };
    b.n += p.n;
    b.sum += p.sum;
    b.min = Math.min(b.min, p.min);
    b.max = Math.max(b.max, p.max);
    buckets.set(start, b);
  }
  return [...buckets.values()].sort((a, b) => a.start - b.start);
}

function aligned(query: TimeQuery, unit: number): boolean {
  const { periodMs } = query.aggregation!;
  return (periodMs === 0 || periodMs % unit === 0) && (!query.from || query.from.getTime() % unit === 0) && (!query.to || query.to.getTime() % unit === 0);
}

async function aggregate(db: Executor, thingId: string, query: TimeQuery): Promise<Record<string, Record<string, unknown>>> {
  const { methods, periodMs } = query.aggregation!;
  const unit = aligned(query, HOUR) ? HOUR : aligned(query, FIVE_MINUTES) ? FIVE_MINUTES : 0;
  let parts: { attribute: string; at: number; n: number; sum: number; min: number; max: number }[];
  if (unit > 0) {
    let q = db
      .selectFrom('observatory_rollups')
      .select(['attribute', 'bucket_start', 'n', 'sum', 'min', 'max'])
      .where('thing_id', '=', thingId)
      .where('bucket', '=', unit === HOUR ? '1h' : '5m');
    if (query.attrs && query.attrs.length > 0) q = q.where('attribute', 'in', query.attrs);
    if (query.from) q = q.where('bucket_start', '>=', query.from);
    if (query.to) q = q.where('bucket_start', '<', query.to);
    const rows = await q.orderBy('bucket_start').limit(100_000).execute();
    parts = rows.map((r) => ({ attribute: r.attribute, at: new Date(r.bucket_start).getTime(), n: r.n, sum: r.sum, min: r.min, max: r.max }));
  } else {
    const rows = (await readingsOf(db, thingId, { ...query, lastN: MAX_INSTANCES })).filter((r) => r.value !== null);
    parts = rows.map((r) => ({ attribute: r.attribute, at: new Date(r.observed_at).getTime(), n: 1, sum: r.value!, min: r.value!, max: r.value! }));
  }
  const byAttribute = new Map<string, typeof parts>();
  for (const p of parts) byAttribute.set(p.attribute, [...(byAttribute.get(p.attribute) ?? []), p]);
  const out: Record<string, Record<string, unknown>> = {};
  for (const [attribute, list] of byAttribute) {
    const range = { from: query.from?.getTime() ?? Math.min(...list.map((p) => p.at)), to: query.to?.getTime() ?? Math.max(...list.map((p) => p.at)) + (unit || 1) };
    const buckets = fold(list, periodMs, range);
    const iso = (ms: number) => new Date(ms).toISOString();
    const value = (b: Bucket, method: AggregationMethod) => (method === 'totalCount' ? b.n : method === 'sum' ? b.sum : method === 'avg' ? b.sum / b.n : method === 'min' ? b.min : b.max);
    out[attribute] = { type: 'Property', ...Object.fromEntries(methods.map((m) => [m, buckets.map((b) => [value(b, m), iso(b.start), iso(b.end)])])) };
  }
  return out;
}

/** The temporal representation of one thing's attributes (id and type added by the caller). */
export async function temporalAttributes(db: Executor, thingId: string, query: TimeQuery): Promise<Record<string, unknown>> {
  if (query.aggregation) return aggregate(db, thingId, query);
  const rows = await readingsOf(db, thingId, query);
  const out: Record<string, unknown> = {};
  for (const row of rows) {
    const value = row.value ?? row.text_value;
    const at = new Date(row.observed_at).toISOString();
    if (query.temporalValues) {
      const entry = (out[row.attribute] ??= { type: 'Property', values: [] as unknown[] }) as { values: unknown[] };
      entry.values.push([value, at]);
    } else {
      const list = (out[row.attribute] ??= []) as unknown[];
      list.push({ type: 'Property', value, observedAt: at, ...(row.unit_code ? { unitCode: row.unit_code } : {}) });
    }
  }
  return out;
}

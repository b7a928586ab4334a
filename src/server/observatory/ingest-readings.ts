/**
 * @module The one way readings enter the observatory (MQTT, HTTP batch, NGSI-LD, simulator): each reading is validated
 * against its thing's type, the accepted ones and their 5-minute and hourly rollups are written in one transaction,
 * idempotent on (thing, attribute, observedAt), and the rejected ones are counted per device with their reason.
 */
import { sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import type { Executor } from '../core/database/schema.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { ReadingSource } from './tables.ts';
import { resolveThings } from './things.ts';
import { isRejection, validateReading, type AcceptedReading, type ReadingInput, type Rejection, type RejectionReason } from './validate-reading.ts';

export type { ReadingInput } from './validate-reading.ts';
export type { ReadingSource } from './tables.ts';

export interface IngestResult {
  /** Readings written now. */
  stored: number;
  /** Valid readings already stored (a retry, a QoS 1 redelivery): nothing changes. */
  duplicates: number;
  rejected: Array<{ index: number; field: string; reason: RejectionReason }>;
}

/** What happened to each reading of a batch, in order (the MQTT batcher splits a grouped batch back with it). */
export type ReadingOutcome = 'stored' | 'duplicate' | 'rejected';

export type IngestDeps = Pick<Deps, 'db'> & { clock?: Clock | undefined; config?: Pick<Config, 'observatoryLateDays'> | undefined };

/**
 * Validates and stores a batch of readings of one territory. Accepted readings are stored and rejected ones listed
 * (a batch is never half-written: one transaction holds the readings, their rollups, the things' last-seen time and
 * the rejection counts). Rollups count only the rows actually inserted, so a reading sent twice counts once.
 * @example await ingestReadings(deps, { id, slug: 'dijon' }, 'http', [{ entityId: 'no2-1', attribute: 'no2', observedAt: '2026-01-05T08:00:00Z', value: 31, unitCode: 'GQ' }])
 */
export async function ingestReadings(deps: IngestDeps, territory: { id: string; slug: string }, source: ReadingSource, readings: ReadingInput[]): Promise<IngestResult> {
  const { result } = await ingestWithOutcomes(deps, territory, source, readings);
  return result;
}

/** `ingestReadings`, also telling what happened to each reading. */
export async function ingestWithOutcomes(deps: IngestDeps, territory: { id: string; slug: string }, source: ReadingSource, readings: ReadingInput[]) {
  const now = (deps.clock ?? { now: () => new Date() }).now();
  const lateDays = deps.config?.observatoryLateDays ?? 7;
  return withDeadlockRetry(() =>
    deps.db.transaction().execute(async (trx) => {
      const refs = readings.map((r) => (typeof r?.entityId === 'string' ? r.entityId : ''));
      const things = await resolveThings(trx, territory, refs.filter((r) => r.length > 0 && r.length <= 256));
      const outcomes: ReadingOutcome[] = new Array(readings.length).fill('rejected');
      const rejected: Rejection[] = [];
      const accepted: AcceptedReading[] = [];
      readings.forEach((reading, index) => {
        const outcome = reading && typeof reading === 'object' ? validateReading(index, reading, things.get(refs[index]!), now, lateDays) : { index, field: '', reason: 'malformed' as const };
        if (isRejection(outcome)) rejected.push(outcome);
        else accepted.push(outcome);
      });
      const inserted = accepted.length > 0 ? await storeAccepted(trx, territory.id, source, accepted, now) : new Set<string>();
      let stored = 0;
      for (const reading of accepted) {
        const key = keyOf(reading.thingId, reading.attribute, reading.observedAt);
        // The first of equal readings in one batch is the one stored; the others are duplicates.
        if (inserted.delete(key)) {
          outcomes[reading.index] = 'stored';
          stored += 1;
        } else outcomes[reading.index] = 'duplicate';
      }
      if (rejected.length > 0) {
        await recordRejections(
          trx,
          territory.id,
          source,
          rejected.map((r) => ({ deviceRef: refs[r.index] || '(none)', reason: r.reason, sample: sampleOf(readings[r.index]) })),
          now,
        );
      }
      return { result: { stored, duplicates: accepted.length - stored, rejected }, outcomes };
    }),
  );
}

function keyOf(thingId: string, attribute: string, at: Date): string {
  return `${thingId}|${attribute}|${at.getTime()}`;
}

function sampleOf(reading: unknown): string {
  try {
    return (JSON.stringify(reading) ?? String(reading)).slice(0, 500);
  } catch {
    return String(reading).slice(0, 500);
  }
}

/**
 * One statement: inserts the readings (a duplicate is skipped), folds the rows actually inserted into the 5-minute and
 * hourly rollups, and moves each thing's last-seen time and current values forward. Returns the keys inserted.
 */
async function storeAccepted(db: Executor, territoryId: string, source: ReadingSource, accepted: AcceptedReading[], now: Date): Promise<Set<string>> {
  const rows = JSON.stringify(accepted.map((r) => ({ th: r.thingId, at: r.attribute, ob: r.observedAt.toISOString(), v: r.value, x: r.textValue, u: r.unitCode })));
  const result = await sql<{ thing_id: string; attribute: string; observed_at: Date }>`
    with input as (
      select * from json_to_recordset(${rows}::json) as r(th bigint, at text, ob timestamptz, v double precision, x text, u text)
    ), ins as (
      insert into observatory_readings (territory_id, thing_id, attribute, observed_at, value, text_value, unit_code, source, received_at)
      select ${territoryId}::bigint, th, at, ob, v, x, u, ${source}, ${now}::timestamptz from input order by th, at, ob
      on conflict do nothing
      returning thing_id, attribute, observed_at, value, text_value, unit_code
    ), roll as (
      insert into observatory_rollups as o (thing_id, attribute, bucket, bucket_start, n, sum, min, max, last_value, last_at)
      select thing_id, attribute, b.bucket, date_bin(b.width, observed_at, timestamptz '2000-01-01 00:00:00+00') as start,
             count(*), sum(value), min(value), max(value), (array_agg(value order by observed_at desc))[1], max(observed_at)
      from ins cross join (values ('5m', interval '5 minutes'), ('1h', interval '1 hour')) as b(bucket, width)
      where value is not null
      group by thing_id, attribute, b.bucket, start
      order by thing_id, attribute, b.bucket, start
      on conflict (thing_id, attribute, bucket, bucket_start) do update set
        n = o.n + excluded.n, sum = o.sum + excluded.sum, min = least(o.min, excluded.min), max = greatest(o.max, excluded.max),
        last_value = case when excluded.last_at >= o.last_at then excluded.last_value else o.last_value end,
        last_at = greatest(o.last_at, excluded.last_at)
    ), latest as (
      select distinct on (thing_id, attribute) thing_id, attribute, observed_at,
             to_char(observed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as iso,
             value, text_value, unit_code
      from ins order by thing_id, attribute, observed_at desc
    ), seen as (
      update observatory_things t set
        last_seen_at = greatest(t.last_seen_at, s.seen),
        attributes = t.attributes || coalesce((
          select jsonb_object_agg(l.attribute, jsonb_strip_nulls(jsonb_build_object('type', 'Property', 'value', coalesce(to_jsonb(l.value), to_jsonb(l.text_value)), 'observedAt', l.iso, 'unitCode', l.unit_code)))
          from latest l where l.thing_id = t.id and coalesce(t.attributes -> l.attribute ->> 'observedAt', '') <= l.iso
        ), '{}'::jsonb)
      from (select thing_id, max(observed_at) as seen from ins group by thing_id order by thing_id) s
      where t.id = s.thing_id
    )
    select thing_id, attribute, observed_at from ins
  `.execute(db);
  return new Set(result.rows.map((r) => keyOf(String(r.thing_id), r.attribute, new Date(r.observed_at))));
}

export interface RejectedItem {
  deviceRef: string;
  reason: RejectionReason;
  sample?: string | undefined;
}

/** Counts rejections per device and reason (`observatory_rejections`), keeping the latest sample. */
export async function recordRejections(db: Executor, territoryId: string, source: ReadingSource, items: RejectedItem[], now: Date): Promise<void> {
  const grouped = new Map<string, { device_ref: string; reason: string; n: number; sample: string | null }>();
  for (const item of items) {
    const ref = item.deviceRef.slice(0, 256) || '(none)';
    const key = `${ref}\u0000${item.reason}`;
    const entry = grouped.get(key) ?? { device_ref: ref, reason: item.reason, n: 0, sample: null };
    entry.n += 1;
    entry.sample = item.sample?.slice(0, 500) ?? entry.sample;
    grouped.set(key, entry);
  }
  const rows = [...grouped.values()].sort((a, b) => (a.device_ref < b.device_ref ? -1 : a.device_ref > b.device_ref ? 1 : a.reason < b.reason ? -1 : 1));
  await db
    .insertInto('observatory_rejections')
    .values(rows.map((r) => ({ territory_id: territoryId, device_ref: r.device_ref, source, reason: r.reason, n: r.n, last_sample: r.sample, first_at: now, last_at: now })))
    .onConflict((oc) =>
      oc.columns(['territory_id', 'device_ref', 'source', 'reason']).doUpdateSet({
        n: sql`observatory_rejections.n + excluded.n`,
        last_sample: sql`coalesce(excluded.last_sample, observatory_rejections.last_sample)`,
        last_at: sql`excluded.last_at`,
      }),
    )
    .execute();
}

/** Concurrent batches touching the same rollups may deadlock on a PostgreSQL server: the loser is run again. */
async function withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '40001')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

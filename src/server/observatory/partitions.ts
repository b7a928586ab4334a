/**
 * @module Daily partitions of `observatory_readings` and the retention of readings and rollups. A partition is created
 * ahead for each day from yesterday to a week on; readings that already landed in the default partition for that day
 * are moved into it first (PostgreSQL refuses to attach a range the default partition still holds). Retention deletes
 * readings older than their type's `readings_days`, 5-minute rollups with them, hourly rollups after `rollups_days`,
 * and drops partitions wholly older than the longest retention.
 */
import { sql } from 'kysely';
import type { Database } from '../core/database/schema.ts';

/** Without a row in `observatory_retention` (its type, or `*`): readings and 5-minute rollups 30 days, hourly rollups 2 years. */
export const DEFAULT_RETENTION = { readingsDays: 30, rollupsDays: 730 };
const PARTITION = /^observatory_readings_p(\d{4})(\d{2})(\d{2})$/;
const DAY_MS = 86_400_000;

/** The partition's name and bounds for the UTC day of `at`. */
export function partitionOf(at: Date): { name: string; from: string; to: string } {
  const from = new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
  const to = new Date(from.getTime() + DAY_MS);
  const day = from.toISOString().slice(0, 10);
  return { name: `observatory_readings_p${day.replaceAll('-', '')}`, from: from.toISOString(), to: to.toISOString() };
}

async function existingPartitions(db: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'observatory_readings'::regclass`.execute(db);
  return rows.map((r) => r.name);
}

/** Creates the missing daily partitions from yesterday to `daysAhead` days on; returns how many, and how many readings moved. */
export async function ensurePartitions(db: Database, now: Date, daysAhead = 7): Promise<{ created: number; moved: number }> {
  const existing = new Set(await existingPartitions(db));
  let created = 0;
  let moved = 0;
  for (let d = -1; d <= daysAhead; d++) {
    const p = partitionOf(new Date(now.getTime() + d * DAY_MS));
    if (existing.has(p.name)) continue;
    moved += await db.transaction().execute(async (trx) => {
      // One creator at a time across processes; a second one finds the partition made.
      await sql`lock table observatory_readings in share row exclusive mode`.execute(trx);
      const again = await sql<{ n: string }>`select count(*) as n from pg_class where relname = ${p.name}`.execute(trx);
      if (Number(again.rows[0]?.n ?? 0) > 0) return 0;
      const table = sql.id(p.name);
      const waiting = await sql<{ n: string }>`select count(*) as n from observatory_readings_default where observed_at >= ${p.from}::timestamptz and observed_at < ${p.to}::timestamptz`.execute(trx);
      const n = Number(waiting.rows[0]?.n ?? 0);
      if (n === 0) {
        await sql`create table ${table} partition of observatory_readings for values from (${sql.lit(p.from)}) to (${sql.lit(p.to)})`.execute(trx);
      } else {
        await sql`create table ${table} (like observatory_readings including defaults including constraints)`.execute(trx);
        await sql`insert into ${table} select * from observatory_readings_default where observed_at >= ${p.from}::timestamptz and observed_at < ${p.to}::timestamptz`.execute(trx);
        await sql`delete from observatory_readings_default where observed_at >= ${p.from}::timestamptz and observed_at < ${p.to}::timestamptz`.execute(trx);
        await sql`alter table observatory_readings attach partition ${table} for values from (${sql.lit(p.from)}) to (${sql.lit(p.to)})`.execute(trx);
      }
      created += 1;
      return n;
    });
  }
  return { created, moved };
}

/** Deletes what retention no longer keeps and drops whole partitions past the longest retention. */
export async function applyRetention(db: Database, now: Date): Promise<{ readings: number; rollups: number; dropped: number }> {
  const { readingsDays, rollupsDays } = DEFAULT_RETENTION;
  const kept = sql`left join observatory_retention ty on ty.territory_id = t.territory_id and ty.type = t.type
                   left join observatory_retention st on st.territory_id = t.territory_id and st.type = '*'`;
  const readings = await sql`
    delete from observatory_readings r using observatory_things t ${kept}
    where r.thing_id = t.id and r.observed_at < ${now}::timestamptz - make_interval(days => coalesce(ty.readings_days, st.readings_days, ${readingsDays}))`.execute(db);
  const fine = await sql`
    delete from observatory_rollups o using observatory_things t ${kept}
    where o.thing_id = t.id and o.bucket = '5m' and o.bucket_start < ${now}::timestamptz - make_interval(days => coalesce(ty.readings_days, st.readings_days, ${readingsDays}))`.execute(db);
  const hourly = await sql`
    delete from observatory_rollups o using observatory_things t ${kept}
    where o.thing_id = t.id and o.bucket = '1h' and o.bucket_start < ${now}::timestamptz - make_interval(days => coalesce(ty.rollups_days, st.rollups_days, ${rollupsDays}))`.execute(db);
  const longest = await sql<{ days: number | null }>`select max(readings_days) as days from observatory_retention`.execute(db);
  const days = Math.max(longest.rows[0]?.days ?? 0, readingsDays);
  const cutoff = now.getTime() - days * DAY_MS;
  let dropped = 0;
  for (const name of await existingPartitions(db)) {
    const m = PARTITION.exec(name);
    if (!m) continue;
    const end = Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) + DAY_MS;
    if (end <= cutoff) {
      await sql`drop table if exists ${sql.id(name)}`.execute(db);
      dropped += 1;
    }
  }
  const count = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);
  return { readings: count(readings), rollups: count(fine) + count(hourly), dropped };
}

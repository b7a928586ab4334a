/** @module The PostGIS baseline: the same driver search as one SQL query per passenger, as well tuned as we could make it. */
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { dayNumber, weekdayMask, type IndexedTrip, type MatchRules } from '../../src/server/carpool/matching.ts';
import type { Router } from '../../src/server/core/router.ts';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const SCRATCH_DATABASE = 'maille_bench_matching';
/** Driver km buckets (road km): each bucket searches with its own radius, so short drivers get small circles. */
const BUCKET_KM = 2;

/** Connects to BENCH_DATABASE_URL, or to the default server when it answers and has PostGIS; null and why otherwise. */
export async function openPostgis(): Promise<{ client: pg.Client; source: string } | { skipped: string }> {
  const explicit = process.env.BENCH_DATABASE_URL;
  const url = explicit ?? DEFAULT_DATABASE_URL;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    const { rows } = await admin.query<{ n: number }>(`select count(*)::int as n from pg_available_extensions where name = 'postgis'`);
    if (rows[0]?.n !== 1) return { skipped: `PostGIS is not installed on ${explicit ? 'BENCH_DATABASE_URL' : url} (apt-get install -y postgresql-15-postgis-3)` };
    await admin.query(`drop database if exists ${SCRATCH_DATABASE}`);
    await admin.query(`create database ${SCRATCH_DATABASE}`);
  } catch (error) {
    return { skipped: `${explicit ? 'BENCH_DATABASE_URL' : `BENCH_DATABASE_URL is not set and ${url}`} is not reachable (${(error as Error).message})` };
  } finally {
    await admin.end().catch(() => undefined);
  }
  const scratch = new URL(url);
  scratch.pathname = `/${SCRATCH_DATABASE}`;
  const client = new pg.Client({ connectionString: scratch.toString() });
  await client.connect();
  return { client, source: explicit ? 'BENCH_DATABASE_URL' : `default ${url} (BENCH_DATABASE_URL not set)` };
}

/** COPY the drivers in, derive their Lambert-93 points, build the indexes the query uses. Returns seconds spent. */
export async function loadDrivers(client: pg.Client, trips: IndexedTrip[], router: Router): Promise<number> {
  const started = performance.now();
  await client.query(`create extension if not exists postgis; create extension if not exists btree_gist`);
  await client.query(`
    create table drivers (
      id text collate "C" primary key, user_id text not null,
      o_lat float8 not null, o_lng float8 not null, d_lat float8 not null, d_lng float8 not null,
      km float8 not null, minutes float8 not null, kb int not null,
      start_min float8 not null, end_min float8 not null, day int, wmask int not null, seats float8 not null,
      communities text[] not null,
      od geometry(PointZM, 2154))`);
  const copy = client.query(copyFrom(`copy drivers (id, user_id, o_lat, o_lng, d_lat, d_lng, km, minutes, kb, start_min, end_min, day, wmask, seats, communities) from stdin`));
  for (const t of trips) {
    if (t.role !== 'driver') continue;
    const leg = router.leg(t.origin, t.destination);
    const day = t.date === null ? '\\N' : String(dayNumber(t.date));
    const communities = `{${t.communityIds.map((c) => `"${c}"`).join(',')}}`;
    const line = [t.id, t.userId, t.origin.lat, t.origin.lng, t.destination.lat, t.destination.lng, leg.km, leg.minutes, Math.floor(leg.km / BUCKET_KM), t.window.start, t.window.end, day, weekdayMask(t), t.seats, communities];
    if (!copy.write(`${line.join('\t')}\n`)) await once(copy, 'drain');
  }
  copy.end();
  await once(copy, 'finish');
  // One 4-D point per driver: origin x, y and destination x, y in Lambert-93 metres (the n-D GiST indexes all four at once).
  await client.query(`
    update drivers set od = ST_MakePoint(
      ST_X(o), ST_Y(o), ST_X(d), ST_Y(d))
    from (select id as pid, ST_Transform(ST_SetSRID(ST_MakePoint(o_lng, o_lat), 4326), 2154) as o,
                 ST_Transform(ST_SetSRID(ST_MakePoint(d_lng, d_lat), 4326), 2154) as d from drivers) p
    where p.pid = drivers.id`);
  await client.query(`create index drivers_kb_od on drivers using gist (kb, od gist_geometry_ops_nd)`);
  await client.query(`
    create function hav_km(lat1 float8, lng1 float8, lat2 float8, lng2 float8) returns float8
    language sql immutable parallel safe as $$
      select 2 * 6371.0088 * asin(least(1, sqrt(sin(radians(lat2 - lat1) / 2) ^ 2
        + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lng2 - lng1) / 2) ^ 2))) $$`);
  await client.query(`vacuum analyze drivers`);
  await client.query(`set plan_cache_mode = force_custom_plan`);
  return (performance.now() - started) / 1000;
}

/**
 * Top-k drivers for a passenger, ranked like compareMatches. Per driver-km bucket [lo, hi) the
 * pickup and drop-off distances each stay under ((1 + detour) × hi − p) / factor (great-circle km),
 * so a 4-D box around (pickup, drop-off) of that half-side (+1 %: Lambert-93 and the ellipsoid differ
 * from the sphere by less) is an exact prefilter served by the n-D GiST index; the exact rules follow.
 */
export const TOP_MATCHES_SQL = `
  with q as (
    select ST_X(po) as px, ST_Y(po) as py, ST_X(pd) as qx, ST_Y(pd) as qy
    from (select ST_Transform(ST_SetSRID(ST_MakePoint($2, $1), 4326), 2154) as po,
                 ST_Transform(ST_SetSRID(ST_MakePoint($4, $3), 4326), 2154) as pd) p),
  buckets as (
    select kb, 1010 * ((1 + $13::float8) * (kb + 1) * ${BUCKET_KM} - $5) / $15 + 10 as r
    from generate_series(floor($5 / (1 + $13::float8) / ${BUCKET_KM})::int, floor($5 / $14::float8 / ${BUCKET_KM})::int) kb),
  candidates as (
    select d.*, $15 * hav_km(d.o_lat, d.o_lng, $1, $2) + $5 + $15 * hav_km($3, $4, d.d_lat, d.d_lng) - d.km as detour,
           greatest(0, d.start_min - $7, $6 - d.end_min) as gap
    from q, buckets b, lateral (
      select * from drivers d
      where d.kb = b.kb
        and d.od &&& ST_MakeLine(ST_MakePoint(q.px - b.r, q.py - b.r, q.qx - b.r, q.qy - b.r), ST_MakePoint(q.px + b.r, q.py + b.r, q.qx + b.r, q.qy + b.r))
        and d.start_min - $7 <= $12 and $6 - d.end_min <= $12
        and d.wmask & $9 <> 0 and (d.day is null or $8::int is null or d.day = $8)
        and d.seats >= $10 and d.user_id <> $11) d)
  select id, detour, gap, communities && $16::text[] as shared from candidates
  where detour <= $13 * km and 2 * detour <= $13 * minutes and $5 >= $14 * km and km > 0
  order by communities && $16::text[] desc, floor(greatest(0, detour) * 10 + 0.5), round(gap), id
  limit $17`;

export function topMatchesParams(trip: IndexedTrip, k: number, rules: MatchRules, router: Router): unknown[] {
  const p = router.leg(trip.origin, trip.destination).km;
  const factor = router.roadFactor ?? 1;
  const day = trip.date === null ? null : dayNumber(trip.date);
  return [
    ...[trip.origin.lat, trip.origin.lng, trip.destination.lat, trip.destination.lng, p],
    ...[trip.window.start, trip.window.end, day, weekdayMask(trip), trip.seats, trip.userId, rules.timeToleranceMin],
    ...[rules.maxDetourShare, rules.minSharedShare, factor, trip.communityIds, k],
  ];
}

export async function queryTopDrivers(client: pg.Client, trip: IndexedTrip, k: number, rules: MatchRules, router: Router): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>({ name: 'top_matches', text: TOP_MATCHES_SQL, values: topMatchesParams(trip, k, rules, router) });
  return rows.map((r) => r.id);
}

export async function explainTopDrivers(client: pg.Client, trip: IndexedTrip, k: number, rules: MatchRules, router: Router): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${TOP_MATCHES_SQL}`, topMatchesParams(trip, k, rules, router));
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

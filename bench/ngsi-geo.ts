// NGSI-LD geo-query over 100,000 entities (issue 12's target: p99 under 20 ms): near;maxDistance==250 around random
// points of the Dijon area, answered with the (territory_id, lat, lon) index prefilter, against the full scan of the
// territory's things with the same exact test, in the same run on the same database; then the route over HTTP.
// Run: npx tsx bench/ngsi-geo.ts [N]   (default 300 queries; NGSI_BENCH_ENTITIES entities, 100000 unless told;
// DATABASE_URL for a PostgreSQL server, else in-memory PGlite)
import { sql } from 'kysely';
import { createMaille } from '../src/server/app.ts';
import { digest } from '../src/server/core/auth/tokens.ts';
import { loadConfig } from '../src/server/core/config.ts';
import { parseGeoQuery } from '../src/server/observatory/ngsi-ld/geo-query.ts';
import { findEntities, type EntityQuery } from '../src/server/observatory/ngsi-ld/read-entities.ts';

const N = Number(process.argv[2] ?? 300);
const BASELINE_RUNS = 15;
const ENTITIES = Number(process.env.NGSI_BENCH_ENTITIES ?? 100_000);
const BOX = { minLon: 4.95, maxLon: 5.15, minLat: 47.25, maxLat: 47.38 };

const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', MAILLE_DEMO: 'false', ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) });
const maille = await createMaille(config, { jobs: false, ...(process.env.DATABASE_URL ? {} : { open: { dataDir: 'memory://' } }) });
const db = maille.database.db;
const slug = `bench-ngsi-${Date.now()}`;
const territory = await db.insertInto('territories').values({ slug, name: 'Bench NGSI-LD', boundary: JSON.stringify({ type: 'MultiPolygon', coordinates: [] }) }).returning(['id', 'slug', 'name']).executeTakeFirstOrThrow();
const secret = `mik_bench${Date.now()}`;
await db.insertInto('observatory_keys').values({ territory_id: territory.id, name: 'bench', scopes: ['read'], secret_digest: digest(secret) }).execute();

// A fixed pseudo-random sequence, so every run measures the same places.
let seed = 20261208;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const place = () => [BOX.minLon + random() * (BOX.maxLon - BOX.minLon), BOX.minLat + random() * (BOX.maxLat - BOX.minLat)] as [number, number];

const started = performance.now();
for (let i = 0; i < ENTITIES; i += 5000) {
  const rows = Array.from({ length: Math.min(5000, ENTITIES - i) }, (_, k) => {
    const [lon, lat] = place();
    const n = i + k;
    const attributes = { status: { type: 'Property', value: n % 3 === 0 ? 'occupied' : 'free' }, location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [lon, lat] } } };
    return { e: `urn:ngsi-ld:ParkingSpot:bench:${n}`, lat, lon, a: attributes };
  });
  await sql`insert into observatory_things (territory_id, entity_id, type, lat, lon, attributes)
    select ${territory.id}::bigint, r.e, 'ParkingSpot', r.lat, r.lon, r.a from json_to_recordset(${JSON.stringify(rows)}::json) as r(e text, lat double precision, lon double precision, a jsonb)`.execute(db);
}
await sql`analyze observatory_things`.execute(db);
console.log(`${ENTITIES} entities stored in ${((performance.now() - started) / 1000).toFixed(1)} s (${maille.database.kind})`);

const centres = Array.from({ length: N }, place);
const queryAt = (centre: [number, number]): EntityQuery => ({
  types: ['ParkingSpot'],
  geo: parseGeoQuery({ georel: 'near;maxDistance==250', geometry: 'Point', coordinates: JSON.stringify(centre) }),
  limit: 100,
  offset: 0,
});
/** The same query without the index box: every thing of the territory goes through the exact test. */
const fullScanAt = (centre: [number, number]): EntityQuery => {
  const q = queryAt(centre);
  return { ...q, geo: { geoproperty: q.geo!.geoproperty, test: q.geo!.test } };
};

const percentile = (times: number[], p: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
const show = (name: string, times: number[]) => `${name.padEnd(28)} p50 ${percentile(times, 50).toFixed(2).padStart(8)} ms   p99 ${percentile(times, 99).toFixed(2).padStart(8)} ms   (${times.length} queries)`;

// Both paths must find the same entities.
for (const centre of centres.slice(0, 3)) {
  const a = (await findEntities(db, territory, queryAt(centre))).entities.map((e) => e.id);
  const b = (await findEntities(db, territory, fullScanAt(centre))).entities.map((e) => e.id);
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`the indexed and the full-scan answers differ at ${JSON.stringify(centre)}`);
}

const timed = async (run: () => Promise<unknown>) => {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
};
const indexed: number[] = [];
const http: number[] = [];
const baseline: number[] = [];
let found = 0;
for (const [i, centre] of centres.entries()) {
  indexed.push(await timed(async () => (found += (await findEntities(db, territory, queryAt(centre))).count)));
  const url = `/ngsi-ld/v1/entities?type=ParkingSpot&georel=${encodeURIComponent('near;maxDistance==250')}&geometry=Point&coordinates=${encodeURIComponent(JSON.stringify(centre))}&limit=100`;
  http.push(
    await timed(async () => {
      const res = await maille.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}`, 'ngsild-tenant': slug } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    }),
  );
  if (i < BASELINE_RUNS) baseline.push(await timed(() => findEntities(db, territory, fullScanAt(centre))));
}
console.log(`near;maxDistance==250 finds ${(found / N).toFixed(0)} entities on average`);
console.log(show('full scan (baseline)', baseline));
console.log(show('index prefilter', indexed));
console.log(show('index prefilter, over HTTP', http));
console.log(`index / full scan at p99: ${(percentile(indexed, 99) / percentile(baseline, 99)).toFixed(4)} (${(percentile(baseline, 99) / percentile(indexed, 99)).toFixed(0)}x faster); target p99 < 20 ms: ${percentile(indexed, 99) < 20 ? 'met' : 'missed'}`);
await maille.close();

// Carpool matching at scale: the in-memory TripIndex against brute force (same run) and a tuned PostGIS
// query, on N synthetic commutes over Dijon Métropole (gravity model, bench/matching/generate-trips.ts).
// Targets: top-10 p99 < 2 ms at 1,000,000 trips; ≥ 30× PostGIS; identical ordered top-10 to brute force.
// Run: npm run bench:matching [-- --trips N --queries N --verify N --throughput N|all --postgis N]
// PostGIS: BENCH_DATABASE_URL, else the default local server when it answers and has PostGIS; else skipped.
import { loadavg } from 'node:os';
import { loadCommunes } from '../src/server/demo/load-communes.ts';
import { bruteForceTopMatches, MOBICOOP_RULES, type IndexedTrip } from '../src/server/carpool/matching.ts';
import { crowFliesRouter } from '../src/server/core/router.ts';
import { TripIndex } from '../src/server/carpool/trip-index.ts';
import { generateTrips } from './matching/generate-trips.ts';
import { count, fmt, sample, show, summarise, timeEach, usedMb, type Latency } from './matching/measure.ts';
import { explainTopDrivers, loadDrivers, openPostgis, queryTopDrivers } from './matching/postgis.ts';

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const TRIPS = Number(arg('trips', '1000000'));
const QUERIES = Number(arg('queries', '1000'));
const VERIFY = Number(arg('verify', '1000'));
const THROUGHPUT = arg('throughput', '100000');
const POSTGIS_QUERIES = Number(arg('postgis', '200'));
const K = 10;
const TARGET_P99_MS = 2;
const rules = MOBICOOP_RULES;
const router = crowFliesRouter();
const load = (): string => `load average ${loadavg()[0]!.toFixed(1)} on 2 cores`;

console.log(`Matching bench: ${count(TRIPS)} trips, top-${K}, rules ${JSON.stringify(rules)}, Node ${process.version}`);
let started = performance.now();
const trips = generateTrips(await loadCommunes(), TRIPS);
const requests = trips.filter((t) => t.role === 'passenger');
const offers = trips.length - requests.length;
console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${count(offers)} driver offers, ${count(requests.length)} passenger requests`);

// Build: every trip upserted one by one, as the server does from the database at start.
const before = usedMb();
const index = new TripIndex(router, rules);
started = performance.now();
for (const t of trips) index.upsert(t);
const buildS = (performance.now() - started) / 1000;
const indexMb = usedMb() - before;
console.log(`index build: ${buildS.toFixed(1)} s (${((buildS * 1e6) / TRIPS).toFixed(1)} µs/trip), memory ${indexMb.toFixed(0)} MB (${((indexMb * 1e6) / TRIPS).toFixed(0)} MB per million trips; trip objects not counted)`);

// Latency: a warm-up, then the sampled passenger queries.
const queries = sample(requests, QUERIES);
timeEach(sample(requests, 200, 7), (q) => index.topMatches(q, K));
const indexLatency = summarise(timeEach(queries, (q) => index.topMatches(q, K)));
console.log(`index top-${K}: ${show(indexLatency)}; ${load()}`);

// Throughput: every open request (or a large sample, extrapolated).
const pool = THROUGHPUT === 'all' ? requests : sample(requests, Number(THROUGHPUT), 3);
started = performance.now();
for (const q of pool) index.topMatches(q, K);
const perSecond = pool.length / ((performance.now() - started) / 1000);
const allS = requests.length / perSecond;
console.log(`index throughput: ${count(Math.round(perSecond))} requests/s on one core; all ${count(requests.length)} open requests in ${allS.toFixed(0)} s (${pool.length === requests.length ? 'measured on all' : `extrapolated from ${count(pool.length)}`})`);

// Exactness, and the brute-force baseline timed on the same queries.
const verifySet = sample(requests, VERIFY);
const driverSet = sample(trips.filter((t) => t.role === 'driver'), Math.max(1, Math.round(VERIFY / 10)));
const bruteMs: number[] = [];
const mismatches: IndexedTrip[] = [];
for (const q of [...verifySet, ...driverSet]) {
  const fast = index.topMatches(q, K);
  const at = performance.now();
  const slow = bruteForceTopMatches(trips, q, K, rules, router);
  if (q.role === 'passenger') bruteMs.push(performance.now() - at);
  if (JSON.stringify(fast) !== JSON.stringify(slow)) mismatches.push(q);
}
const brute = summarise(bruteMs);
console.log(`brute force top-${K}: ${show(brute)}; all open requests would take ${((brute.mean * requests.length) / 3.6e6).toFixed(1)} h (extrapolated from the mean)`);
const verdict = mismatches.length === 0 ? 'IDENTICAL' : `MISMATCH on ${mismatches.length}: ${mismatches.slice(0, 5).map((q) => q.id).join(', ')}`;
console.log(`exactness: ordered top-${K} of the index vs brute force on ${count(verifySet.length)} passenger + ${count(driverSet.length)} driver queries: ${verdict}`);

// PostGIS baseline.
let postgis: Latency | null = null;
const opened = await openPostgis();
if ('skipped' in opened) console.log(`PostGIS: skipped — ${opened.skipped}`);
else {
  const { client, source } = opened;
  try {
    const loadS = await loadDrivers(client, trips, router);
    console.log(`PostGIS (${source}): ${count(offers)} drivers loaded with COPY and indexed in ${loadS.toFixed(1)} s`);
    const pgQueries = sample(requests, POSTGIS_QUERIES, 1);
    for (const q of sample(requests, 20, 5)) await queryTopDrivers(client, q, K, rules, router);
    const ms: number[] = [];
    let agree = 0;
    for (const q of pgQueries) {
      const at = performance.now();
      const ids = await queryTopDrivers(client, q, K, rules, router);
      ms.push(performance.now() - at);
      if (JSON.stringify(ids) === JSON.stringify(index.topMatches(q, K).map((m) => m.driverTripId))) agree++;
    }
    postgis = summarise(ms);
    console.log(`PostGIS top-${K}: ${show(postgis)}; same ordered ids as the index on ${agree}/${pgQueries.length}; all open requests would take ${((postgis.mean * requests.length) / 3.6e6).toFixed(1)} h on one connection (extrapolated)`);
    if (process.argv.includes('--explain')) console.log(await explainTopDrivers(client, pgQueries[0]!, K, rules, router));
  } finally {
    await client.end();
  }
}

const ratio = (a: number, b: number): string => `${(a / b).toFixed(0)}×`;
console.log(`ratios: index vs brute force ${ratio(brute.p50, indexLatency.p50)} at p50, ${ratio(brute.mean, indexLatency.mean)} on mean`);
if (postgis) console.log(`ratios: index vs PostGIS ${ratio(postgis.p50, indexLatency.p50)} at p50, ${ratio(postgis.p99, indexLatency.p99)} at p99 (target ≥ 30×)`);
console.log(`p99 vs target: ${fmt(indexLatency.p99)} ms / ${TARGET_P99_MS} ms → ${indexLatency.p99 < TARGET_P99_MS ? 'OK' : 'OVER'}`);
if (mismatches.length > 0) process.exitCode = 1;

// The territory card (GET /api/territories/:slug), which every page waits for: the query path it had (communes
// grouped with their boundaries, then two counts) against the one it has now (one summary query, the bounding box
// kept while the communes stay the same), on the same demo database in the same run, interleaved; then the route
// itself over HTTP. Run: npm run bench:territory [N]   (default 200; MAILLE_DEMO_RESIDENTS residents, 2000 unless told)
import { sql } from 'kysely';
import { createMaille } from '../src/server/app.ts';
import { loadConfig } from '../src/server/core/config.ts';
import type { Database } from '../src/server/core/database/schema.ts';
import { DEMO_SLUG, seedDemoIfEmpty } from '../src/server/demo/seed-demo.ts';
import { getTerritory } from '../src/server/territories/get-territory.ts';
import { bboxOf } from '../src/server/territories/model.ts';

const N = Number(process.argv[2] ?? 200);
const WARMUP = 20;
const residents = Number(process.env.MAILLE_DEMO_RESIDENTS ?? 2000);

const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) });
const maille = await createMaille(config, { jobs: false, ...(process.env.DATABASE_URL ? {} : { open: { dataDir: 'memory://' } }) });
const db = maille.database.db;
await seedDemoIfEmpty(db, residents);
const territory = await db.selectFrom('territories').select(['id', 'slug', 'name']).where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
const scope = { territory, viewer: null, requestId: 'bench' };

/** The card as it was computed before: every commune grouped with its boundary (jsonb) and its members, then two counts. */
async function oldCard(database: Database, territoryId: string) {
  const communes = await database
    .selectFrom('communes as c')
    .leftJoin('territory_members as m', (j) => j.onRef('m.territory_id', '=', 'c.territory_id').onRef('m.commune_code', '=', 'c.code'))
    .select(['c.code', 'c.name', 'c.population', 'c.boundary', sql<string>`count(m.user_id)`.as('residents')])
    .where('c.territory_id', '=', territoryId)
    .groupBy(['c.code', 'c.name', 'c.population', 'c.boundary'])
    .orderBy('c.name')
    .execute();
  const members = await database.selectFrom('territory_members').select(sql<string>`count(*)`.as('n')).where('territory_id', '=', territoryId).executeTakeFirstOrThrow();
  const communities = await database.selectFrom('communities').select(sql<string>`count(*)`.as('n')).where('territory_id', '=', territoryId).executeTakeFirstOrThrow();
  return {
    bbox: bboxOf(communes.map((c) => c.boundary as { type: string })),
    figures: { communes: communes.length, population: communes.reduce((s, c) => s + c.population, 0), residents: Number(members.n), communities: Number(communities.n) },
  };
}

// Both paths must give the same card.
const before = await oldCard(db, territory.id);
const after = await getTerritory({ db, config }, scope);
if (JSON.stringify(before) !== JSON.stringify({ bbox: after.bbox, figures: after.figures })) {
  throw new Error(`the two paths disagree:\n${JSON.stringify(before)}\n${JSON.stringify(after)}`);
}

const times = { old: [] as number[], now: [] as number[], http: [] as number[] };
for (let i = 0; i < N + WARMUP; i += 1) {
  let started = performance.now();
  await oldCard(db, territory.id);
  const oldMs = performance.now() - started;
  started = performance.now();
  await getTerritory({ db, config }, scope);
  const nowMs = performance.now() - started;
  started = performance.now();
  const res = await maille.app.inject({ method: 'GET', url: `/api/territories/${DEMO_SLUG}` });
  const httpMs = performance.now() - started;
  if (res.statusCode !== 200) throw new Error(`GET /api/territories/${DEMO_SLUG}: ${res.statusCode} ${res.body}`);
  if (i < WARMUP) continue;
  times.old.push(oldMs);
  times.now.push(nowMs);
  times.http.push(httpMs);
}
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
await maille.close();

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const line = (label: string, xs: number[]) =>
  `${label.padEnd(34)} median ${quantile(xs, 0.5).toFixed(2).padStart(7)} ms   p90 ${quantile(xs, 0.9).toFixed(2).padStart(7)} ms`;
console.log(`territory card, ${engine}, demo with ${residents} residents, ${N} rounds (after ${WARMUP} warm-up)`);
console.log(line('before: communes grouped + 2 counts', times.old));
console.log(line('now: one summary query + kept bbox', times.now));
console.log(line('now, over HTTP (inject)', times.http));
console.log(`ratio before / now (medians): ${(quantile(times.old, 0.5) / quantile(times.now, 0.5)).toFixed(1)}×`);
console.log(`HTTP median under 10 ms: ${quantile(times.http, 0.5) < 10 ? 'yes' : 'no'}`);

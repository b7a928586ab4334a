// Ingest throughput: mqtt.js publishers at QoS 1 into Maille's embedded broker, readings stored with their rollups,
// for a fixed time (default 60 s; --seconds N), on the PostgreSQL server (TEST_DATABASE_URL, a fresh database) and
// on PGlite. Prints published = acknowledged = stored and readings/s, next to two baselines measured in the same run:
// the raw COPY of the same number of rows into a plain table (PostgreSQL), and the broker's own QoS 1 throughput with
// no storage at all. Each message carries --per-message readings (default 10) of one device, as gateways send them.
// Run: npm run bench:ingest -- --seconds 15 [--publishers 8] [--per-message 10] [--engines postgres,pglite]
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { digest } from '../src/server/core/auth/tokens.ts';
import { systemClock } from '../src/server/core/clock.ts';
import { loadConfig } from '../src/server/core/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/server/core/database/connect.ts';
import { migrateToLatest } from '../src/server/core/database/migrate.ts';
import { startMqttIngestion } from '../src/server/observatory/start-mqtt.ts';
import { readingsTopic } from '../src/server/observatory/mqtt-messages.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SECONDS = Number(arg('seconds', '60'));
const PUBLISHERS = Number(arg('publishers', '8'));
const PER_MESSAGE = Number(arg('per-message', '10'));
const INFLIGHT = Number(arg('inflight', '200'));
const DEVICES = 1000;
const ENGINES = arg('engines', process.env.TEST_DATABASE_URL ? 'postgres,pglite' : 'pglite').split(',');
const SLUG = 'bench';

interface Run {
  published: number;
  acked: number;
  readings: number;
  seconds: number;
}

/** Publishers sending QoS 1 messages with up to INFLIGHT unacknowledged each, until the time is up. */
async function publish(url: string, password: string, seconds: number): Promise<Run> {
  const started = Date.now();
  const until = started + seconds * 1000;
  let published = 0;
  let acked = 0;
  // Each message has its own instant per device, so no reading is a duplicate of another.
  let tick = 0;
  const base = Date.now() - 3600_000;
  const clients = await Promise.all(Array.from({ length: PUBLISHERS }, () => mqtt.connectAsync(url, { username: 'bench', password, reconnectPeriod: 0 })));
  await Promise.all(
    clients.map(async (client, p) => {
      await new Promise<void>((resolve, reject) => {
        let inflight = 0;
        const pump = () => {
          while (inflight < INFLIGHT && Date.now() < until) {
            const n = tick++;
            const device = `d-${(n * PUBLISHERS + p) % DEVICES}`;
            const at = new Date(base + n).toISOString();
            const payload = JSON.stringify(Array.from({ length: PER_MESSAGE }, (_, k) => ({ attribute: 'peopleCount', observedAt: new Date(base + n * PER_MESSAGE + k).toISOString() || at, value: k, unitCode: 'C62' })));
            inflight += 1;
            published += 1;
            client.publish(readingsTopic(SLUG, device), payload, { qos: 1 }, (error) => {
              if (error) return reject(error);
              inflight -= 1;
              acked += 1;
              if (Date.now() < until) pump();
              else if (inflight === 0) resolve();
            });
          }
        };
        pump();
      });
    }),
  );
  await Promise.all(clients.map((c) => c.endAsync()));
  return { published, acked, readings: acked * PER_MESSAGE, seconds: (Date.now() - started) / 1000 };
}

async function prepare(kind: string): Promise<{ database: DatabaseHandle; key: string; drop?: () => Promise<void> }> {
  let database: DatabaseHandle;
  let drop: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `maille_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: target.toString() });
    drop = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else database = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  const t = await database.db.insertInto('territories').values({ slug: SLUG, name: 'Bench', boundary: JSON.stringify({ type: 'MultiPolygon', coordinates: [] }) }).returning('id').executeTakeFirstOrThrow();
  await database.db
    .insertInto('observatory_things')
    .values(Array.from({ length: DEVICES }, (_, i) => ({ territory_id: t.id, entity_id: `urn:ngsi-ld:CrowdFlowObserved:${SLUG}:d-${i}`, type: 'CrowdFlowObserved', attributes: '{}' })))
    .execute();
  const key = `mik_bench_${randomBytes(8).toString('hex')}`;
  await database.db.insertInto('observatory_keys').values({ territory_id: t.id, name: 'bench', scopes: ['ingest'], secret_digest: digest(key) }).execute();
  return { database, key, ...(drop ? { drop } : {}) };
}

/** The broker alone: QoS 1 acknowledged at once, nothing stored. */
async function brokerOnly(seconds: number): Promise<Run> {
  const broker = await Aedes.createBroker({ authenticate: (_c, _u, _p, done) => done(null, true) });
  const server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const run = await publish(`mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`, 'x', seconds);
  await new Promise<void>((resolve) => broker.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return run;
}

/** COPY of `rows` rows shaped like readings into a plain table: the server's raw write ceiling for them. */
async function copyCeiling(rows: number): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await client.connect();
  await client.query('create temp table copy_ceiling (territory_id bigint, thing_id bigint, attribute text, observed_at timestamptz, value double precision, unit_code text, source text)');
  const base = Date.now() - 3600_000;
  const started = Date.now();
  let i = 0;
  const source = Readable.from(
    (function* () {
      while (i < rows) {
        let chunk = '';
        for (let k = 0; k < 1000 && i < rows; k++, i++) chunk += `1\t${i % DEVICES}\tpeopleCount\t${new Date(base + i).toISOString()}\t${i % 10}\tC62\tmqtt\n`;
        yield chunk;
      }
    })(),
  );
  await pipeline(source, client.query(copyFrom('copy copy_ceiling from stdin')));
  const seconds = (Date.now() - started) / 1000;
  await client.end();
  return rows / seconds;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
console.log(`Ingest bench: ${PUBLISHERS} mqtt.js publishers, QoS 1, ${PER_MESSAGE} readings per message, ${DEVICES} devices, ${SECONDS} s per run.`);
const broker = await brokerOnly(SECONDS);
console.log(`broker alone (aedes, QoS 1, no storage): ${fmt(broker.acked / broker.seconds)} messages/s = ${fmt(broker.readings / broker.seconds)} readings/s`);
for (const kind of ENGINES) {
  const { database, key, drop } = await prepare(kind);
  const ingestion = (await startMqttIngestion({ db: database.db, clock: systemClock, config: loadConfig({ MQTT_PORT: '0', LOG_LEVEL: 'silent' }) }))!;
  const run = await publish(`mqtt://127.0.0.1:${ingestion.port}`, key, SECONDS);
  await ingestion.close();
  const stored = Number((await database.db.selectFrom('observatory_readings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const rollups = Number((await database.db.selectFrom('observatory_rollups').select((eb) => eb.fn.sum<string>('n').as('n')).where('bucket', '=', '5m').executeTakeFirstOrThrow()).n);
  const lost = run.readings - stored;
  console.log(
    `${kind}: published ${fmt(run.published * PER_MESSAGE)} = acknowledged ${fmt(run.readings)} = stored ${fmt(stored)} readings (rollups count ${fmt(rollups)}; ${lost === 0 ? '0 lost' : `${lost} LOST`}): ${fmt(run.readings / run.seconds)} readings/s over ${run.seconds.toFixed(1)} s`,
  );
  if (kind === 'postgres') {
    const ceiling = await copyCeiling(stored);
    console.log(`postgres raw COPY of the same ${fmt(stored)} rows: ${fmt(ceiling)} rows/s (ingest reaches ${((run.readings / run.seconds / ceiling) * 100).toFixed(0)} % of it)`);
  }
  await database.close();
  await drop?.();
}

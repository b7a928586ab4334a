// MQTT ingestion with a real mqtt.js client, both engines: against the embedded broker (an ingest key as password,
// QoS 1 acknowledged only once the reading is in the database, a payload that is not JSON counted and the broker
// still up, another territory's topic refused), and against an external broker (the machine's Mosquitto:
// TEST_MQTT_URL, and always in the PostgreSQL run) that Maille subscribes to and acknowledges after storing.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { buildTerritory, type TerritoryFixture } from '../../../test/support/factories.ts';
import { digest } from '../core/auth/tokens.ts';
import { systemClock } from '../core/clock.ts';
import { loadConfig } from '../core/config.ts';
import type { DatabaseHandle } from '../core/database/connect.ts';
import { readingsTopic } from './mqtt-messages.ts';
import { startMqttIngestion, type MqttIngestion } from './start-mqtt.ts';
import { entityIdOf, upsertThing } from './things.ts';

// The machine's Mosquitto runs the external-broker case: when TEST_MQTT_URL names it, and in every PostgreSQL run.
const EXTERNAL = process.env.TEST_MQTT_URL ?? (databaseKinds().includes('postgres') ? 'mqtt://127.0.0.1:1883' : undefined);

async function setUp(kind: 'pglite' | 'postgres') {
  const database = await openTestDatabase(kind);
  const territory = await buildTerritory(database.db);
  const other = await buildTerritory(database.db);
  await upsertThing(database.db, territory.id, { entityId: entityIdOf('AirQualityObserved', territory.slug, 'air-1'), type: 'AirQualityObserved' }, new Date());
  const key = `mik_test_${territory.slug}`;
  await database.db.insertInto('observatory_keys').values({ territory_id: territory.id, name: 'passerelle', scopes: ['ingest'], secret_digest: digest(key) }).execute();
  return { database, territory, other, key };
}

const storedCount = (database: DatabaseHandle, territoryId: string) =>
  database.db.selectFrom('observatory_readings').select((eb) => eb.fn.countAll<string>().as('n')).where('territory_id', '=', territoryId).executeTakeFirstOrThrow().then((r) => Number(r.n));

describe.each(databaseKinds())('MQTT ingestion, embedded broker, on %s', (kind) => {
  let database: DatabaseHandle;
  let territory: TerritoryFixture;
  let other: TerritoryFixture;
  let key: string;
  let ingestion: MqttIngestion;
  beforeAll(async () => {
    ({ database, territory, other, key } = await setUp(kind));
    ingestion = (await startMqttIngestion({ db: database.db, clock: systemClock, config: loadConfig({ MQTT_PORT: '0', LOG_LEVEL: 'silent' }) }))!;
  });
  afterAll(async () => {
    await ingestion.close();
    await database.close();
  });

  const connect = (password: string) => mqtt.connectAsync(`mqtt://127.0.0.1:${ingestion.port}`, { username: 'passerelle', password, reconnectPeriod: 0 });

  it('acknowledges a QoS 1 reading only once it is stored, and stores a redelivery once', async () => {
    const client = await connect(key);
    const topic = readingsTopic(territory.slug, 'air-1');
    let seenAtAck = -1;
    await new Promise<void>((resolve, reject) =>
      client.publish(topic, JSON.stringify({ attribute: 'no2', observedAt: new Date().toISOString(), value: 21, unitCode: 'GQ' }), { qos: 1 }, (error) => {
        if (error) return reject(error);
        // The PUBACK's callback: the row must already be committed.
        void storedCount(database, territory.id).then((n) => {
          seenAtAck = n;
          resolve();
        }, reject);
      }),
    );
    expect(seenAtAck).toBe(1);
    const observedAt = new Date(Date.now() - 60_000).toISOString();
    const batch = JSON.stringify([{ attribute: 'pm10', observedAt, value: 11 }, { attribute: 'pm25', observedAt, value: 6 }]);
    await client.publishAsync(topic, batch, { qos: 1 });
    await client.publishAsync(topic, batch, { qos: 1 });
    expect(await storedCount(database, territory.id)).toBe(3);
    await client.endAsync();
  });

  it('counts a payload that is not JSON, keeps the broker up, and refuses bad keys and other territories', async () => {
    const client = await connect(key);
    await client.publishAsync(readingsTopic(territory.slug, 'air-1'), 'no2=21', { qos: 1 });
    const rejection = await database.db.selectFrom('observatory_rejections').select(['n', 'source']).where('territory_id', '=', territory.id).where('reason', '=', 'not_json').executeTakeFirstOrThrow();
    expect(rejection).toEqual({ n: 1, source: 'mqtt' });
    await client.publishAsync(readingsTopic(territory.slug, 'air-1'), JSON.stringify({ attribute: 'o3', observedAt: new Date().toISOString(), value: 50 }), { qos: 1 });
    expect(await storedCount(database, territory.id)).toBe(4);
    await client.endAsync();
    await expect(connect('mik_wrong')).rejects.toThrow();
    // Another territory's topic: the broker closes the connection without acknowledging.
    const intruder = await connect(key);
    const closed = new Promise<void>((resolve) => intruder.once('close', () => resolve()));
    intruder.publish(readingsTopic(other.slug, 'air-1'), JSON.stringify({ attribute: 'no2', observedAt: new Date().toISOString(), value: 1 }), { qos: 1 });
    await closed;
    await intruder.endAsync(true);
    expect(await storedCount(database, other.id)).toBe(0);
  });
});

describe.each(EXTERNAL === undefined ? [] : databaseKinds())('MQTT ingestion from an external broker on %s', (kind) => {
  it('subscribes to MQTT_URL at QoS 1 and stores what feeders publish there', { timeout: 30_000 }, async () => {
    const { database, territory } = await setUp(kind);
    const ingestion = (await startMqttIngestion({ db: database.db, clock: systemClock, config: loadConfig({ MQTT_URL: EXTERNAL!, LOG_LEVEL: 'silent' }) }))!;
    try {
      expect(ingestion.kind).toBe('external');
      const feeder = await mqtt.connectAsync(EXTERNAL!, { reconnectPeriod: 0 });
      const observedAt = new Date().toISOString();
      await feeder.publishAsync(readingsTopic(territory.slug, 'air-1'), JSON.stringify([{ attribute: 'no2', observedAt, value: 33 }, { attribute: 'pm10', observedAt, value: 9 }]), { qos: 1 });
      await feeder.endAsync();
      // The broker's PUBACK to the feeder does not wait for Maille: wait for the stored rows, not for time.
      for (let i = 0; i < 200 && (await storedCount(database, territory.id)) < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await storedCount(database, territory.id)).toBe(2);
    } finally {
      await ingestion.close();
      await database.close();
    }
  });
});

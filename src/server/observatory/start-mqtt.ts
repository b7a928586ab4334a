/**
 * @module The observatory's MQTT side, started with the API process: the embedded broker on MQTT_HOST:MQTT_PORT, or
 * with MQTT_URL a subscription to that external broker instead. Both store through one batcher.
 */
import type { Clock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import type { Database } from '../core/database/schema.ts';
import { createIngestBatcher } from './ingest-batcher.ts';
import { startEmbeddedBroker } from './mqtt-broker.ts';
import { cachedTerritories, type MqttIngestDeps } from './mqtt-ingest.ts';
import { subscribeExternalBroker } from './mqtt-subscriber.ts';

export interface MqttIngestion {
  /** `embedded` with the port it listens on, or `external` with MQTT_URL. */
  kind: 'embedded' | 'external';
  port: number | null;
  close(): Promise<void>;
}

/** Starts MQTT ingestion; null when MQTT_PORT is -1 and no MQTT_URL is set. */
export async function startMqttIngestion(
  deps: { db: Database; clock: Clock; config: Config },
  options: { localToken?: string | undefined; log?: MqttIngestDeps['log'] } = {},
): Promise<MqttIngestion | null> {
  const ctx: MqttIngestDeps = { deps, batcher: createIngestBatcher(deps), territories: cachedTerritories(deps.db), log: options.log };
  if (deps.config.mqttUrl) {
    const subscriber = await subscribeExternalBroker(ctx, deps.config.mqttUrl);
    return { kind: 'external', port: null, close: () => subscriber.close() };
  }
  if (deps.config.mqttPort < 0) return null;
  const start = (port: number) => startEmbeddedBroker(ctx, { host: deps.config.mqttHost, port, localToken: options.localToken });
  const broker = await start(deps.config.mqttPort).catch((error: unknown) => {
    // Another broker (a Mosquitto) holds the port: serve on a free one rather than not at all; `maille start` prints it.
    if ((error as { code?: string }).code !== 'EADDRINUSE' || deps.config.mqttPort === 0) throw error;
    options.log?.warn({ port: deps.config.mqttPort }, 'observatory: the MQTT port is taken; the embedded broker listens on a free port instead');
    return start(0);
  });
  return { kind: 'embedded', port: broker.port, close: () => broker.close() };
}

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
    return { kind: 'external', port: null, close: subscriber.close };
  }
  if (deps.config.mqttPort < 0) return null;
  const broker = await startEmbeddedBroker(ctx, { host: deps.config.mqttHost, port: deps.config.mqttPort, localToken: options.localToken });
  return { kind: 'embedded', port: broker.port, close: broker.close };
}

/**
 * @module The observatory on an external MQTT broker (MQTT_URL, e.g. Mosquitto): a persistent session subscribed at
 * QoS 1 to every territory's readings topics. mqtt.js sends a message's PUBACK after `handleMessage` calls back, so
 * the readings are stored there first: a message is acknowledged to the broker only once it is stored.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { ingestMqttMessage, type MqttIngestDeps } from './mqtt-ingest.ts';
import { READINGS_SUBSCRIPTION } from './mqtt-messages.ts';

export interface RunningSubscriber {
  client: MqttClient;
  close(): Promise<void>;
}

/** Connects, subscribes, and resolves once the subscription is granted (rejects when the broker cannot be reached in time). */
export async function subscribeExternalBroker(ctx: MqttIngestDeps, url: string, options: { clientId?: string; connectTimeoutMs?: number } = {}): Promise<RunningSubscriber> {
  const client = mqtt.connect(url, {
    // A stable client id and clean: false keep the session (and the unacknowledged messages) across restarts.
    clientId: options.clientId ?? 'maille-observatory',
    clean: false,
    reconnectPeriod: 2000,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
  });
  client.handleMessage = (packet, callback) => {
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    // The external broker authenticated its publishers: every territory's topics are accepted here.
    ingestMqttMessage(ctx, packet.topic, payload, null).then(
      () => callback(),
      (error: unknown) => {
        ctx.log?.warn({ err: error, topic: packet.topic }, 'observatory: storing an MQTT message failed; it stays unacknowledged');
        callback(error as Error);
      },
    );
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`MQTT_URL ${url}: no answer within ${options.connectTimeoutMs ?? 10_000} ms`)), options.connectTimeoutMs ?? 10_000);
    client.once('connect', () => {
      client.subscribe(READINGS_SUBSCRIPTION, { qos: 1 }, (error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      });
    });
    client.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  }).catch(async (error: unknown) => {
    await client.endAsync(true);
    throw error;
  });
  client.on('error', (error) => ctx.log?.warn({ err: error }, 'observatory: MQTT_URL connection error'));
  return {
    client,
    close: async () => {
      await client.endAsync();
      await ctx.batcher.idle();
    },
  };
}

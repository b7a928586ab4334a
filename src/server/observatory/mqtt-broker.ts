/**
 * @module The embedded MQTT broker (aedes) the observatory listens on by default. A device connects with an ingest
 * key as password (any user name) and publishes to its territory's topics. QoS 1: aedes sends PUBACK after
 * `authorizePublish` calls back, so the readings are stored there and the PUBACK leaves only once they are committed.
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { digest } from '../core/auth/tokens.ts';
import { findKeyBySecret } from './keys.ts';
import { ingestMqttMessage, type MqttIngestDeps } from './mqtt-ingest.ts';
import { territoryOfTopic } from './mqtt-messages.ts';

export interface BrokerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The data folder's local token (the lock file): the simulator on this machine connects with it, for any territory. */
  localToken?: string | undefined;
}

export interface RunningBroker {
  port: number;
  host: string;
  close(): Promise<void>;
}

/** Who a connection is: a key of one territory, or the local simulator (any territory). */
type Feeder = { territoryId: string | null; simulator: boolean };

function authError(message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: 4 as const });
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(digest(a)), Buffer.from(digest(b)));
}

/** Starts the broker and its TCP listener. */
export async function startEmbeddedBroker(ctx: MqttIngestDeps, options: BrokerOptions): Promise<RunningBroker> {
  const feeders = new WeakMap<Client, Feeder>();
  const broker = await Aedes.createBroker({
    authenticate: (client, _username, password, done) => {
      const secret = password?.toString('utf8') ?? '';
      if (options.localToken && secret && sameSecret(secret, options.localToken)) {
        feeders.set(client, { territoryId: null, simulator: true });
        return done(null, true);
      }
      findKeyBySecret(ctx.deps.db, secret, 'ingest').then(
        (key) => {
          if (!key) return done(authError('Unknown or revoked ingest key.'), false);
          feeders.set(client, { territoryId: key.territoryId, simulator: false });
          done(null, true);
        },
        (error: unknown) => done(Object.assign(error as Error, { returnCode: 3 as const }) as AuthenticateError, false),
      );
    },
    authorizePublish: (client, packet, done) => {
      const feeder = client ? feeders.get(client) : undefined;
      if (!feeder) return done(new Error('Not authenticated.'));
      ingestMqttMessage(ctx, packet.topic, packet.payload as Buffer, feeder.territoryId, feeder.simulator ? 'simulator' : 'mqtt').then(
        (outcome) => {
          if (outcome.status === 'refused' || outcome.status === 'unknown_territory') return done(new Error(`Publishing to ${packet.topic} is not allowed.`));
          if (outcome.status !== 'ignored') return done(null);
          // Other topics of the sender's own territory pass through the broker untouched (commands, their answers).
          void ownsTopic(feeder, packet.topic).then((ok) => done(ok ? null : new Error(`Publishing to ${packet.topic} is not allowed.`)), done);
        },
        // Storage failed: no PUBACK, the connection closes, and the device sends the message again.
        (error: unknown) => done(error as Error),
      );
    },
    authorizeSubscribe: (client, subscription, done) => {
      const feeder = feeders.get(client);
      const refuse = () => done(new Error(`Subscribing to ${subscription.topic} is not allowed.`));
      if (!feeder) return refuse();
      void ownsTopic(feeder, subscription.topic).then((ok) => (ok ? done(null, subscription) : refuse()), refuse);
    },
  });
  /** A topic under `maille/<territory>/` of the feeder's own territory (any, for the simulator). */
  async function ownsTopic(feeder: Feeder, topic: string): Promise<boolean> {
    const slug = territoryOfTopic(topic);
    if (slug === null || slug.includes('+') || slug.includes('#')) return false;
    if (feeder.territoryId === null) return true;
    return (await ctx.territories(slug))?.id === feeder.territoryId;
  }
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    host: options.host,
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.batcher.idle();
    },
  };
}

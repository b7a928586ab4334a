/** @module Carries chosen events between API processes through PostgreSQL LISTEN/NOTIFY. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database/schema.ts';
import type { EventBus, EventMap } from './events.ts';

const CHANNEL = 'maille_events';

export interface Bridge {
  bus: EventBus;
  close(): Promise<void>;
}

interface Envelope {
  origin: string;
  name: keyof EventMap;
  payload: unknown;
}

/**
 * Wraps `local`: publishing a shared event also NOTIFYs the other processes, and events NOTIFYed by
 * them are re-published here. Each process ignores its own notifications (it published them already).
 */
export async function bridgeThroughPostgres(
  local: EventBus,
  options: { db: Database; databaseUrl: string; shared: readonly (keyof EventMap)[]; onError: (error: unknown) => void },
): Promise<Bridge> {
  const origin = randomUUID();
  const listener = new pg.Client({ connectionString: options.databaseUrl });
  await listener.connect();
  listener.on('error', options.onError);
  listener.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    try {
      const envelope = JSON.parse(message.payload) as Envelope;
      if (envelope.origin !== origin && options.shared.includes(envelope.name)) {
        local.publish(envelope.name, envelope.payload as never);
      }
    } catch (error) {
      options.onError(error);
    }
  });
  await listener.query(`listen ${CHANNEL}`);
  const bus: EventBus = {
    subscribe: (name, handler) => local.subscribe(name, handler),
    publish: (name, payload) => {
      local.publish(name, payload);
      if (!options.shared.includes(name)) return;
      const envelope: Envelope = { origin, name, payload };
      sql`select pg_notify(${CHANNEL}, ${JSON.stringify(envelope)})`.execute(options.db).catch(options.onError);
    },
  };
  return { bus, close: () => listener.end() };
}

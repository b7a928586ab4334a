/**
 * @module One MQTT message to the observatory, whichever broker carried it: resolve the topic's territory, parse the
 * payload, store through the batcher, and resolve only once stored (the caller sends PUBACK then). A payload that is
 * not JSON is counted as a rejection of its device and acknowledged: it would never parse on redelivery either.
 */
import type { Executor } from '../core/database/schema.ts';
import { resolveScopeTerritory } from '../territories/index.ts';
import type { IngestBatcher } from './ingest-batcher.ts';
import { recordRejections, type IngestDeps } from './ingest-readings.ts';
import { parseReadingsTopic, readingsOfPayload } from './mqtt-messages.ts';
import type { ReadingSource } from './tables.ts';

type Territory = { id: string; slug: string };
export type TerritoryLookup = (slug: string) => Promise<Territory | null>;

/** Territories by slug, remembered for a minute (a message names its territory; a query each time would be waste). */
export function cachedTerritories(db: Executor, ttlMs = 60_000): TerritoryLookup {
  const cache = new Map<string, { at: number; territory: Territory | null }>();
  return async (slug) => {
    const hit = cache.get(slug);
    if (hit && Date.now() - hit.at < ttlMs) return hit.territory;
    const found = await resolveScopeTerritory(db, slug);
    const territory = found ? { id: found.id, slug: found.slug } : null;
    cache.set(slug, { at: Date.now(), territory });
    return territory;
  };
}

export interface MessageOutcome {
  /** `ignored`: not a readings topic; `refused`: the sender may not write to this territory. */
  status: 'stored' | 'ignored' | 'refused' | 'unknown_territory' | 'not_json';
  stored?: number;
  rejected?: number;
}

export interface MqttIngestDeps {
  deps: IngestDeps;
  batcher: IngestBatcher;
  territories: TerritoryLookup;
  log?: { warn(details: object, message: string): void } | undefined;
}

/**
 * Handles one message. `allowedTerritoryId` is the territory of the sender's key (null: any territory, for the
 * external broker's subscription and the local simulator). Throws only when storage fails: the message is then
 * not acknowledged, and QoS 1 brings it again.
 */
export async function ingestMqttMessage(ctx: MqttIngestDeps, topic: string, payload: Buffer, allowedTerritoryId: string | null, source: ReadingSource = 'mqtt'): Promise<MessageOutcome> {
  const target = parseReadingsTopic(topic);
  if (!target) return { status: 'ignored' };
  const territory = await ctx.territories(target.territory);
  if (!territory) return { status: 'unknown_territory' };
  if (allowedTerritoryId !== null && territory.id !== allowedTerritoryId) return { status: 'refused' };
  const readings = readingsOfPayload(target.device, payload);
  if (!readings) {
    ctx.log?.warn({ territory: territory.slug, device: target.device, bytes: payload.length }, 'observatory: an MQTT payload that is not JSON readings was counted and dropped');
    const now = (ctx.deps.clock ?? { now: () => new Date() }).now();
    await recordRejections(ctx.deps.db, territory.id, source, [{ deviceRef: target.device, reason: 'not_json', sample: payload.subarray(0, 200).toString('utf8') }], now);
    return { status: 'not_json' };
  }
  const result = await ctx.batcher.submit(territory, source, readings);
  return { status: 'stored', stored: result.stored, rejected: result.rejected.length };
}

/**
 * @module Subscription notifications (ETSI GS CIM 009 clauses 5.8.6, 5.3.1 Notification): after a write commits, each
 * live subscription of the tenant whose entities, watchedAttributes and q match the change is claimed (throttling is
 * decided in that one UPDATE, so two processes never both send) and an HTTP POST carries the Notification to its
 * endpoint, with a timeout; the outcome is counted on the subscription (timesSent, timesFailed, lastFailure).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/database/schema.ts';
import type { Tenant } from './access.ts';
import { presentEntity } from './entity-model.ts';
import { CORE_CONTEXT } from './media.ts';
import { refusedEndpoint } from './notify-endpoint.ts';
import { evaluateQuery, parseQuery } from './query-language.ts';
import { selects } from './read-entities.ts';
import { liveSubscriptions, type SubscriptionBody, type SubscriptionRow } from './subscriptions.ts';
import type { Change } from './write-entities.ts';

export const NOTIFY_TIMEOUT_MS = 5000;

export interface NotifyDeps {
  db: Database;
  clock: Clock;
  allowPrivate: boolean;
  log: (error: unknown) => void;
}

/** True when the change concerns this subscription. */
export function concerns(body: SubscriptionBody, change: Change): boolean {
  if (body.entities && !body.entities.some((e) => selects({ types: [e.type], ids: e.id ? [e.id] : undefined, idPattern: e.idPattern }, change.entity))) return false;
  if (body.watchedAttributes && !body.watchedAttributes.some((name) => change.attributes.includes(name))) return false;
  if (body.q && !evaluateQuery(parseQuery(body.q), change.entity.attributes)) return false;
  return true;
}

/** Takes the right to notify now, or false when throttling says not yet. */
async function claim(db: Database, tenant: Tenant, row: SubscriptionRow, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('observatory_ngsi_subscriptions')
    .set({ last_notification_at: now })
    .where('territory_id', '=', tenant.id)
    .where('subscription_id', '=', row.subscription_id)
    .where(sql<boolean>`(throttling_seconds is null or last_notification_at is null or last_notification_at <= ${now}::timestamptz - make_interval(secs => throttling_seconds))`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

async function record(db: Database, tenant: Tenant, id: string, now: Date, failure: string | null): Promise<void> {
  await db
    .updateTable('observatory_ngsi_subscriptions')
    .set(
      failure === null
        ? { times_sent: sql`times_sent + 1`, last_success_at: now }
        : { times_sent: sql`times_sent + 1`, times_failed: sql`times_failed + 1`, last_failure_at: now, last_failure_reason: failure.slice(0, 500) },
    )
    .where('territory_id', '=', tenant.id)
    .where('subscription_id', '=', id)
    .execute();
}

/** Sends one Notification; returns null on a 2xx, else the reason. */
export async function deliver(body: SubscriptionBody, subscriptionId: string, data: Record<string, unknown>[], now: Date, allowPrivate: boolean): Promise<string | null> {
  const { uri, accept = 'application/json' } = body.notification.endpoint;
  const refused = await refusedEndpoint(uri, allowPrivate);
  if (refused) return refused;
  const ld = accept === 'application/ld+json';
  const context = typeof body['@context'] === 'string' ? body['@context'] : CORE_CONTEXT;
  const notification = {
    id: `urn:ngsi-ld:Notification:${randomUUID()}`,
    type: 'Notification',
    subscriptionId,
    notifiedAt: now.toISOString(),
    data: ld ? data.map((entity) => ({ ...entity, '@context': body['@context'] ?? CORE_CONTEXT })) : data,
    ...(ld ? { '@context': body['@context'] ?? CORE_CONTEXT } : {}),
  };
  try {
    const res = await fetch(uri, {
      method: 'POST',
      headers: { 'content-type': accept, ...(ld ? {} : { link: `<${context}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"` }) },
      body: JSON.stringify(notification),
      redirect: 'manual',
      signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status >= 200 && res.status < 300 ? null : `the endpoint answered HTTP ${res.status}`;
  } catch (error) {
    const name = (error as { name?: string }).name;
    return name === 'TimeoutError' ? `no answer within ${NOTIFY_TIMEOUT_MS / 1000} s` : `the endpoint cannot be reached (${(error as Error).message ?? 'network error'})`.slice(0, 200);
  }
}

/** Notifies every live subscription the changes concern; never throws (failures are recorded or logged). */
export async function notifyChanges(deps: NotifyDeps, tenant: Tenant, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  try {
    const now = deps.clock.now();
    const subscriptions = await liveSubscriptions(deps.db, tenant, now);
    await Promise.all(
      subscriptions.map(async (row) => {
        const body = row.body as unknown as SubscriptionBody;
        const matching = changes.filter((change) => concerns(body, change));
        if (matching.length === 0 || !(await claim(deps.db, tenant, row, now))) return;
        const how = { keyValues: body.notification.format === 'keyValues', sysAttrs: false, ...(body.notification.attributes ? { attrs: body.notification.attributes } : {}) };
        const data = matching.map((change) => presentEntity(change.entity, how));
        const failure = await deliver(body, row.subscription_id, data, now, deps.allowPrivate);
        await record(deps.db, tenant, row.subscription_id, deps.clock.now(), failure);
      }),
    );
  } catch (error) {
    deps.log(error);
  }
}

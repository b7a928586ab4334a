/**
 * @module NGSI-LD subscriptions (ETSI GS CIM 009 clauses 5.2.12, 5.8): checking a subscription document, storing,
 * listing, patching and deleting it, and presenting it with its delivery status.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../core/database/schema.ts';
import type { Tenant } from './access.ts';
import { badRequest, NgsiError, notFound } from './errors.ts';
import { checkEntityId, checkName, isDateTime, isUri } from './entity-model.ts';
import { checkEndpoint } from './notify-endpoint.ts';
import { checkPatterns, parseQuery } from './query-language.ts';

/** What a subscription asks for, as stored in `body`. */
export interface SubscriptionBody {
  subscriptionName?: string;
  description?: string;
  entities?: { type: string; id?: string; idPattern?: string }[];
  watchedAttributes?: string[];
  q?: string;
  notification: {
    attributes?: string[];
    format?: 'normalized' | 'keyValues' | 'concise';
    endpoint: { uri: string; accept?: 'application/json' | 'application/ld+json' };
  };
  '@context'?: unknown;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const KNOWN = new Set(['id', 'type', '@context', 'subscriptionName', 'name', 'description', 'entities', 'watchedAttributes', 'q', 'notification', 'expiresAt', 'throttling', 'isActive', 'createdAt', 'modifiedAt', 'status']);

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw badRequest(`${name} must be a text of 1 to ${max} characters.`);
  return value;
}

function names(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) throw badRequest(`${name} must be a list of 1 to 100 attribute names.`);
  return value.map((n) => checkName(n, name));
}

function idPatternOf(value: unknown): string {
  const pattern = text(value, 'entities[].idPattern', 200);
  if (/\([^)]*[+*}][^)]*\)\s*[+*{]/.test(pattern)) throw badRequest('entities[].idPattern must not nest quantifiers.');
  try {
    new RegExp(pattern);
  } catch {
    throw badRequest('entities[].idPattern is not a valid regular expression.');
  }
  return pattern;
}

/** Checks the members a subscription may carry; `partial` for a PATCH (nothing required). */
export function parseSubscription(raw: unknown, partial: boolean, allowPrivate: boolean): { body: Partial<SubscriptionBody>; isActive?: boolean; expiresAt?: Date | null; throttling?: number | null; id?: string } {
  if (!isObject(raw)) throw badRequest('The body must be a JSON object (an NGSI-LD Subscription).');
  for (const key of Object.keys(raw)) if (!KNOWN.has(key)) throw badRequest(`The subscription member "${key.slice(0, 60)}" is not supported.`);
  if (raw.type !== undefined && raw.type !== 'Subscription') throw badRequest('type must be "Subscription".');
  if (!partial && raw.type === undefined) throw badRequest('type must be "Subscription".');
  const out: ReturnType<typeof parseSubscription> = { body: {} };
  if (raw.id !== undefined) out.id = checkEntityId(raw.id, 'id');
  const name = raw.subscriptionName ?? raw.name;
  if (name !== undefined) out.body.subscriptionName = text(name, 'subscriptionName', 200);
  if (raw.description !== undefined) out.body.description = text(raw.description, 'description', 2000);
  if (raw.entities !== undefined) {
    if (!Array.isArray(raw.entities) || raw.entities.length === 0 || raw.entities.length > 100) throw badRequest('entities must be a list of 1 to 100 selectors.');
    out.body.entities = raw.entities.map((e: unknown) => {
      if (!isObject(e)) throw badRequest('Each of entities is an object with a type.');
      return {
        type: checkName(e.type, 'entities[].type'),
        ...(e.id !== undefined ? { id: checkEntityId(e.id, 'entities[].id') } : {}),
        ...(e.idPattern !== undefined ? { idPattern: idPatternOf(e.idPattern) } : {}),
      };
    });
  }
  if (raw.watchedAttributes !== undefined) out.body.watchedAttributes = names(raw.watchedAttributes, 'watchedAttributes');
  if (!partial && !out.body.entities && !out.body.watchedAttributes) throw badRequest('A subscription names entities or watchedAttributes (or both).');
  if (raw.q !== undefined) {
    const q = text(raw.q, 'q', 4000);
    checkPatterns(parseQuery(q));
    out.body.q = q;
  }
  if (raw.notification !== undefined) {
    const n = raw.notification;
    if (!isObject(n) || !isObject(n.endpoint)) throw badRequest('notification.endpoint is required, with its uri.');
    const accept = n.endpoint.accept ?? 'application/json';
    if (accept !== 'application/json' && accept !== 'application/ld+json') throw badRequest('notification.endpoint.accept must be application/json or application/ld+json.');
    if (n.format !== undefined && n.format !== 'normalized' && n.format !== 'keyValues' && n.format !== 'concise') throw badRequest('notification.format must be normalized, keyValues or concise.');
    const uri = text(n.endpoint.uri, 'notification.endpoint.uri', 2000);
    checkEndpoint(uri, allowPrivate);
    out.body.notification = {
      ...(n.attributes !== undefined ? { attributes: names(n.attributes, 'notification.attributes') } : {}),
      ...(n.format !== undefined ? { format: n.format } : {}),
      endpoint: { uri, accept },
    };
  } else if (!partial) throw badRequest('notification is required.');
  if (raw.isActive !== undefined) {
    if (typeof raw.isActive !== 'boolean') throw badRequest('isActive must be true or false.');
    out.isActive = raw.isActive;
  }
  if (raw.expiresAt !== undefined) {
    if (raw.expiresAt !== null && !isDateTime(raw.expiresAt)) throw badRequest('expiresAt must be an ISO 8601 date-time with an offset.');
    out.expiresAt = raw.expiresAt === null ? null : new Date(raw.expiresAt);
  }
  if (raw.throttling !== undefined) {
    if (raw.throttling !== null && (typeof raw.throttling !== 'number' || !Number.isFinite(raw.throttling) || raw.throttling < 0 || raw.throttling > 31_536_000))
      throw badRequest('throttling is a number of seconds from 0 to a year.');
    out.throttling = raw.throttling;
  }
  if (raw['@context'] !== undefined) out.body['@context'] = raw['@context'];
  return out;
}

export interface SubscriptionRow {
  subscription_id: string;
  body: Record<string, unknown>;
  is_active: boolean;
  expires_at: Date | null;
  throttling_seconds: number | null;
  times_sent: number;
  times_failed: number;
  last_notification_at: Date | null;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  last_failure_reason: string | null;
  created_at: Date;
  modified_at: Date;
}

/** The subscription as the API shows it (clause 5.2.12), with its status and delivery counters. */
export function presentSubscription(row: SubscriptionRow, now: Date, sysAttrs: boolean): Record<string, unknown> {
  const body = row.body as unknown as SubscriptionBody;
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : undefined);
  const expired = row.expires_at !== null && new Date(row.expires_at) <= now;
  const failed = row.last_failure_at !== null && (row.last_success_at === null || new Date(row.last_failure_at) > new Date(row.last_success_at));
  const { ['@context']: _context, ...rest } = body;
  return {
    id: row.subscription_id,
    type: 'Subscription',
    ...rest,
    notification: {
      ...body.notification,
      status: failed ? 'failed' : 'ok',
      timesSent: row.times_sent,
      timesFailed: row.times_failed,
      ...(row.last_notification_at ? { lastNotification: iso(row.last_notification_at) } : {}),
      ...(row.last_success_at ? { lastSuccess: iso(row.last_success_at) } : {}),
      ...(row.last_failure_at ? { lastFailure: iso(row.last_failure_at), lastFailureReason: row.last_failure_reason ?? undefined } : {}),
    },
    isActive: row.is_active,
    status: expired ? 'expired' : row.is_active ? 'active' : 'paused',
    ...(row.expires_at ? { expiresAt: iso(row.expires_at) } : {}),
    ...(row.throttling_seconds !== null ? { throttling: row.throttling_seconds } : {}),
    ...(sysAttrs ? { createdAt: iso(row.created_at), modifiedAt: iso(row.modified_at) } : {}),
  };
}

const COLUMNS = ['subscription_id', 'body', 'is_active', 'expires_at', 'throttling_seconds', 'times_sent', 'times_failed', 'last_notification_at', 'last_success_at', 'last_failure_at', 'last_failure_reason', 'created_at', 'modified_at'] as const;

/** Stores a new subscription (clause 5.8.1); AlreadyExists when its id is taken. Returns its id. */
export async function createSubscription(db: Executor, tenant: Tenant, raw: unknown, now: Date, allowPrivate: boolean): Promise<string> {
  const parsed = parseSubscription(raw, false, allowPrivate);
  if (parsed.expiresAt && parsed.expiresAt <= now) throw badRequest('expiresAt must be in the future.');
  const id = parsed.id ?? `urn:ngsi-ld:Subscription:${randomUUID()}`;
  const row = await db
    .insertInto('observatory_ngsi_subscriptions')
    .values({
      territory_id: tenant.id,
      subscription_id: id,
      body: JSON.stringify(parsed.body),
      is_active: parsed.isActive ?? true,
      expires_at: parsed.expiresAt ?? null,
      throttling_seconds: parsed.throttling ?? null,
      created_at: now,
      modified_at: now,
    })
    .onConflict((oc) => oc.columns(['territory_id', 'subscription_id']).doNothing())
    .returning('subscription_id')
    .executeTakeFirst();
  if (!row) throw new NgsiError('AlreadyExists', `The subscription ${id} already exists.`);
  return id;
}

export async function findSubscription(db: Executor, tenant: Tenant, id: string): Promise<SubscriptionRow> {
  if (!isUri(id)) throw badRequest('The subscription id must be a URI.');
  const row = await db.selectFrom('observatory_ngsi_subscriptions').select(COLUMNS).where('territory_id', '=', tenant.id).where('subscription_id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`No subscription ${id}.`);
  return row;
}

export async function listSubscriptions(db: Executor, tenant: Tenant, page: { limit: number; offset: number }): Promise<{ rows: SubscriptionRow[]; count: number }> {
  const base = db.selectFrom('observatory_ngsi_subscriptions').where('territory_id', '=', tenant.id);
  const rows = await base.select(COLUMNS).orderBy('id').limit(page.limit).offset(page.offset).execute();
  const { n } = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows, count: Number(n) };
}

/** The subscriptions that may fire now: active and not expired. */
export async function liveSubscriptions(db: Executor, tenant: Tenant, now: Date): Promise<SubscriptionRow[]> {
  const rows = await db
    .selectFrom('observatory_ngsi_subscriptions')
    .select(COLUMNS)
    .where('territory_id', '=', tenant.id)
    .where('is_active', '=', true)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  return rows;
}

/** Patches a subscription (clause 5.8.2): the members sent replace the stored ones. */
export async function updateSubscription(db: Executor, tenant: Tenant, id: string, raw: unknown, now: Date, allowPrivate: boolean): Promise<void> {
  const parsed = parseSubscription(raw, true, allowPrivate);
  if (parsed.id !== undefined && parsed.id !== id) throw badRequest('The id in the body differs from the id in the URL.');
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('observatory_ngsi_subscriptions').select(['id', 'body']).where('territory_id', '=', tenant.id).where('subscription_id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound(`No subscription ${id}.`);
    const body = { ...row.body, ...parsed.body } as SubscriptionBody;
    if (!body.entities && !body.watchedAttributes) throw badRequest('A subscription names entities or watchedAttributes (or both).');
    await trx
      .updateTable('observatory_ngsi_subscriptions')
      .set({
        body: JSON.stringify(body),
        ...(parsed.isActive !== undefined ? { is_active: parsed.isActive } : {}),
        ...(parsed.expiresAt !== undefined ? { expires_at: parsed.expiresAt } : {}),
        ...(parsed.throttling !== undefined ? { throttling_seconds: parsed.throttling } : {}),
        modified_at: now,
      })
      .where('id', '=', row.id)
      .execute();
  });
}

export async function deleteSubscription(db: Executor, tenant: Tenant, id: string): Promise<void> {
  if (!isUri(id)) throw badRequest('The subscription id must be a URI.');
  const row = await db.deleteFrom('observatory_ngsi_subscriptions').where('territory_id', '=', tenant.id).where('subscription_id', '=', id).returning('id').executeTakeFirst();
  if (!row) throw notFound(`No subscription ${id}.`);
}

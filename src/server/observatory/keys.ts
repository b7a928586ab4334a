/**
 * @module Feeders' keys: a random secret shown once and stored as its digest, scoped to a territory and to `ingest`,
 * `read` or `command`, revocable. Operators and admins create, list and revoke them; each change is audited.
 */
import { digest, newSecret } from '../core/auth/tokens.ts';
import type { Executor } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { auditActor, recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import type { KeyScope } from './tables.ts';

export const KEY_SCOPES = ['ingest', 'read', 'command'] as const satisfies readonly KeyScope[];
/** Every key starts so: a leaked one is recognisable in a log or a repository scan. */
export const KEY_PREFIX = 'mik_';
const STAFF = ['operator', 'admin'] as const;

export interface ObservatoryKey {
  id: string;
  name: string;
  scopes: KeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

type KeyRow = { id: string; name: string; scopes: KeyScope[]; created_at: Date; last_used_at: Date | null; revoked_at: Date | null };
const present = (row: KeyRow): ObservatoryKey => ({ id: row.id, name: row.name, scopes: row.scopes, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at });

/** Stores a new key and returns it with its secret, which is never readable again. Audited. */
export async function createKey(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { name: string; scopes: KeyScope[] }): Promise<ObservatoryKey & { secret: string }> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  const now = deps.clock.now();
  const secret = `${KEY_PREFIX}${newSecret()}`;
  const scopes = [...new Set(input.scopes)];
  return inUnitOfWork(deps, async ({ db }) => {
    const row = await db
      .insertInto('observatory_keys')
      .values({ territory_id: territory.id, name: input.name.trim(), scopes, secret_digest: digest(secret), created_by: viewer!.userId, created_at: now })
      .returning(['id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action: 'observatory.key_created', subjectType: 'observatory_key', subjectId: row.id, details: { name: row.name, scopes }, requestId, at: now });
    return { ...present(row), secret };
  });
}

/** The territory's keys, newest first, without their secrets. */
export async function listKeys(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<{ items: ObservatoryKey[] }> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  const rows = await deps.db
    .selectFrom('observatory_keys')
    .select(['id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
    .where('territory_id', '=', territory.id)
    .orderBy('id', 'desc')
    .execute();
  return { items: rows.map(present) };
}

/** Revokes a key at once (a revoked key is refused from its next use); revoking twice changes nothing. Audited once. */
export async function revokeKey(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { id: string }): Promise<ObservatoryKey> {
  await requireTerritoryRole(deps.db, territory, viewer, STAFF);
  const now = deps.clock.now();
  return inUnitOfWork(deps, async ({ db }) => {
    const current = await db.selectFrom('observatory_keys').select(['id', 'revoked_at']).where('territory_id', '=', territory.id).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Key');
    if (!current.revoked_at) {
      await db.updateTable('observatory_keys').set({ revoked_at: now }).where('id', '=', input.id).execute();
      await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action: 'observatory.key_revoked', subjectType: 'observatory_key', subjectId: input.id, requestId, at: now });
    }
    const row = await db.selectFrom('observatory_keys').select(['id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at']).where('id', '=', input.id).executeTakeFirstOrThrow();
    return present(row);
  });
}

/**
 * The live key of `territoryId` holding `scope` whose secret this is, or null. Marks it used (at most once a
 * minute, so a busy feeder does not write on every request).
 */
export async function verifyKey(db: Executor, territoryId: string, secret: string, scope: KeyScope, now: Date = new Date()): Promise<{ id: string; name: string } | null> {
  if (typeof secret !== 'string' || !secret.startsWith(KEY_PREFIX) || secret.length > 200) return null;
  const row = await db
    .selectFrom('observatory_keys')
    .select(['id', 'name', 'scopes', 'last_used_at'])
    .where('secret_digest', '=', digest(secret))
    .where('territory_id', '=', territoryId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !row.scopes.includes(scope)) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('observatory_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { id: row.id, name: row.name };
}

/** The live key holding `scope` whose secret this is, whatever its territory (an MQTT connection names its territory later, in its topics), or null. */
export async function findKeyBySecret(db: Executor, secret: string, scope: KeyScope): Promise<{ id: string; name: string; territoryId: string } | null> {
  if (typeof secret !== 'string' || !secret.startsWith(KEY_PREFIX) || secret.length > 200) return null;
  const row = await db
    .selectFrom('observatory_keys')
    .select(['id', 'name', 'scopes', 'territory_id'])
    .where('secret_digest', '=', digest(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !row.scopes.includes(scope)) return null;
  await db.updateTable('observatory_keys').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  return { id: row.id, name: row.name, territoryId: row.territory_id };
}

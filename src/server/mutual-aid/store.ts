/** @module Mutual-aid rows in the database: the ports use-cases need, loading a request, commune names, notifying. */
import type { Selectable } from 'kysely';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Clock } from '../core/clock.ts';
import type { Database, Executor, Transaction } from '../core/database/schema.ts';
import type { EventBus } from '../core/events.ts';
import { AppError, notFound } from '../core/errors.ts';
import { notify, type NotificationInput } from '../notifications/index.ts';
import { requireResident, resolveTerritory, type TerritoryActor } from '../territories/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import type { Refusal } from './model.ts';
import type { AidRequestsTable } from './tables.ts';

/** The ports mutual-aid use-cases need: the database, the clock, the public URL for mail links, the bus to wake the mailer. */
export interface MutualAidDeps {
  db: Database;
  clock: Clock;
  config: { publicUrl: string; privacyMinGroup: number };
  bus?: EventBus | undefined;
}

export type RequestRow = Selectable<AidRequestsTable>;

/** The request of this territory; `lock` serialises changes to one request (offers, accept, done, cancel). */
export async function loadRequest(db: Executor, territoryId: string, id: string, lock = false): Promise<RequestRow> {
  let q = db.selectFrom('aid_requests').selectAll().where('territory_id', '=', territoryId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Request');
  return row;
}

/** Commune names of a territory by code. */
export async function communeNames(db: Executor, territoryId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('communes').select(['code', 'name']).where('territory_id', '=', territoryId).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Display names of people by id (erased accounts have none). */
export async function displayNames(db: Executor, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export function refuse(refusal: Refusal): AppError {
  return new AppError(refusal.code, refusal.message, { reason: refusal.reason });
}

/** After a commit that queued mail, wake the dispatcher. */
export function mailQueued(deps: { bus?: EventBus | undefined }, count: number): void {
  if (count > 0) deps.bus?.publish('mail.queued', { count });
}

/** notify() with this capability's context. */
export function tell(trx: Executor, deps: MutualAidDeps, input: NotificationInput): Promise<{ notified: number; mailed: number }> {
  return notify(trx, input, { now: deps.clock.now(), publicUrl: deps.config.publicUrl });
}

/** Web paths of the mutual-aid pages (French), used in notification links. */
export const aidLinks = {
  mine: (slug: string) => `/t/${slug}/entraide/mes-demandes`,
  nearby: (slug: string) => `/t/${slug}/entraide/a-proximite`,
};

/** The viewer as a resident and the locked request, inside one transaction; `change` returns the answer and the mails it queued. */
export async function withLockedRequest<T>(
  deps: MutualAidDeps,
  input: { slug: string; viewer: Viewer | null; id: string },
  change: (trx: Transaction, ctx: { request: RequestRow; actor: TerritoryActor; viewer: Viewer; territory: TerritoryRef }) => Promise<{ answer: T; mailed: number }>,
): Promise<T> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const actor = await requireResident(deps.db, territory, input.viewer);
  const outcome = await deps.db.transaction().execute(async (trx) => change(trx, { request: await loadRequest(trx, territory.id, input.id, true), actor, viewer: input.viewer!, territory }));
  mailQueued(deps, outcome.mailed);
  return outcome.answer;
}

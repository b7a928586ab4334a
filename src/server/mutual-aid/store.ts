/** @module Mutual-aid rows in the database: the ports use-cases need, loading a request, commune names, notifying. */
import type { Selectable } from 'kysely';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps, type UnitOfWork } from '../core/unit-of-work.ts';
import { notify, type NotificationInput } from '../notifications/index.ts';
import { requireResident, type TerritoryActor } from '../territories/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import type { Refusal } from './model.ts';
import type { AidRequestsTable } from './tables.ts';

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

/** notify() with this capability's context, in the unit of work: the mails it queues wake the dispatcher after commit. */
export async function tell(work: UnitOfWork, deps: Pick<Deps, 'clock' | 'config'>, input: NotificationInput): Promise<{ notified: number }> {
  const told = await notify(work.db, input, { now: deps.clock.now(), publicUrl: deps.config.publicUrl });
  work.mailQueued(told.mailed);
  return { notified: told.notified };
}

/** Web paths of the mutual-aid pages (French), used in notification links. */
export const aidLinks = {
  mine: (slug: string) => `/t/${slug}/entraide/mes-demandes`,
  nearby: (slug: string) => `/t/${slug}/entraide/a-proximite`,
};

/** The viewer as a resident and the locked request, in one unit of work (mail wakes the dispatcher after commit). */
export async function withLockedRequest<T>(
  deps: Deps,
  { territory, viewer }: RequestScope,
  id: string,
  change: (work: UnitOfWork, ctx: { request: RequestRow; actor: TerritoryActor; viewer: Viewer; territory: TerritoryRef }) => Promise<T>,
): Promise<T> {
  const actor = await requireResident(deps.db, territory, viewer);
  return inUnitOfWork(deps, async (work) => change(work, { request: await loadRequest(work.db, territory.id, id, true), actor, viewer: viewer!, territory }));
}

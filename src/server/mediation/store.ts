/** @module Mediation tables: assisted accounts with their person, sessions on behalf. */
import type { Executor } from '../core/database/schema.ts';
import { consentStatus } from './model.ts';
import type { AssistedAccount, MediationSession } from './schemas.ts';

export type { AssistedAccount } from './schemas.ts';

function assistedQuery(db: Executor, territoryId: string) {
  return db
    .selectFrom('assisted_accounts as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('territory_members as m', (join) => join.onRef('m.user_id', '=', 'a.user_id').onRef('m.territory_id', '=', 'a.territory_id'))
    .leftJoin('communes as c', (join) => join.onRef('c.code', '=', 'm.commune_code').onRef('c.territory_id', '=', 'a.territory_id'))
    .leftJoin('users as creator', 'creator.id', 'a.created_by')
    .select([
      'a.user_id',
      'u.display_name',
      'm.commune_code',
      'c.name as commune_name',
      'a.consent_ref',
      'a.consent_at',
      'a.created_at',
      'a.created_by',
      'creator.display_name as created_by_name',
      'a.consent_withdrawn_at',
      'a.taken_over_at',
    ])
    .where('a.territory_id', '=', territoryId)
    .where('u.deleted_at', 'is', null);
}

type AssistedRow = Awaited<ReturnType<ReturnType<typeof assistedQuery>['executeTakeFirstOrThrow']>>;

function toAssisted(r: AssistedRow): AssistedAccount {
  return {
    userId: r.user_id,
    displayName: r.display_name ?? '',
    communeCode: r.commune_code ?? null,
    communeName: r.commune_name ?? null,
    consentRef: r.consent_ref,
    consentAt: r.consent_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name ?? null,
    status: consentStatus(r),
    consentWithdrawnAt: r.consent_withdrawn_at,
    takenOverAt: r.taken_over_at,
  };
}

export async function listAssisted(db: Executor, territoryId: string): Promise<AssistedAccount[]> {
  const rows = await assistedQuery(db, territoryId).orderBy('u.display_name').orderBy('a.user_id').execute();
  return rows.map(toAssisted);
}

export async function findAssisted(db: Executor, territoryId: string, userId: string): Promise<AssistedAccount | undefined> {
  const row = await assistedQuery(db, territoryId).where('a.user_id', '=', userId).executeTakeFirst();
  return row ? toAssisted(row) : undefined;
}

/** A session on behalf as stored: its view plus the territory and mediator it belongs to. */
export type StoredSession = MediationSession & { territoryId: string; mediatorId: string };

function sessionQuery(db: Executor) {
  return db
    .selectFrom('mediation_sessions as s')
    .innerJoin('users as r', 'r.id', 's.resident_id')
    .select(['s.id', 's.territory_id', 's.mediator_id', 's.resident_id', 'r.display_name', 's.reason', 's.started_at', 's.expires_at', 's.ended_at']);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirstOrThrow']>>;

function toSession(r: SessionRow): StoredSession {
  return {
    id: r.id,
    territoryId: r.territory_id,
    mediatorId: r.mediator_id,
    residentId: r.resident_id,
    residentName: r.display_name ?? '',
    reason: r.reason,
    startedAt: r.started_at,
    expiresAt: r.expires_at,
    endedAt: r.ended_at,
  };
}

export async function findSession(db: Executor, id: string): Promise<StoredSession | undefined> {
  const row = await sessionQuery(db).where('s.id', '=', id).executeTakeFirst();
  return row ? toSession(row) : undefined;
}

/** A mediator's sessions in a territory, newest first. */
export async function listSessionsOf(db: Executor, territoryId: string, mediatorId: string, limit = 20): Promise<StoredSession[]> {
  const rows = await sessionQuery(db).where('s.territory_id', '=', territoryId).where('s.mediator_id', '=', mediatorId).orderBy('s.id', 'desc').limit(limit).execute();
  return rows.map(toSession);
}

/** Ends every open session of a resident (consent withdrawn, account taken over). */
export async function endSessionsFor(db: Executor, residentId: string, now: Date): Promise<void> {
  await db.updateTable('mediation_sessions').set({ ended_at: now }).where('resident_id', '=', residentId).where('ended_at', 'is', null).execute();
}

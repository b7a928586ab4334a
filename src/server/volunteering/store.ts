/** @module Volunteering rows read back, and how a mission row becomes its public view. */
import type { Selectable } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';
import type { MissionsTable, OrganisationsTable, ParticipationsTable } from './tables.ts';

export type OrganisationRow = Selectable<OrganisationsTable>;
export type MissionRow = Selectable<MissionsTable>;
export type ParticipationRow = Selectable<ParticipationsTable>;

export async function loadOrganisation(db: Executor, territoryId: string, id: string, lock = false): Promise<OrganisationRow> {
  let q = db.selectFrom('organisations').selectAll().where('territory_id', '=', territoryId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Organisation');
  return row;
}

/** The mission of this territory; `lock` serialises applications and answers on one mission (places are counted under it). */
export async function loadMission(db: Executor, territoryId: string, id: string, lock = false): Promise<MissionRow> {
  let q = db.selectFrom('missions').selectAll().where('territory_id', '=', territoryId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Mission');
  return row;
}

export async function loadParticipation(db: Executor, territoryId: string, id: string): Promise<ParticipationRow> {
  const row = await db.selectFrom('participations').selectAll().where('territory_id', '=', territoryId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Participation');
  return row;
}

/** The managers of an organisation (who are told about applications). */
export async function managersOf(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('organisation_members').select('user_id').where('organisation_id', '=', organisationId).orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

/** A weekly time as HH:MM. */
export function hhmm(minutes: number | null): string | null {
  if (minutes === null) return null;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

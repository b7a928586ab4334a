/** @module Check-in rows read back for the rules: an enrolment with its schedule and referents. */
import type { Selectable } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import { memberIdsWithRoles } from '../territories/index.ts';
import type { CheckInEnrolmentsTable } from './tables.ts';
import type { Schedule } from './schedule.ts';
import type { ReferentRecord } from './schemas.ts';

export type EnrolmentRow = Selectable<CheckInEnrolmentsTable>;

export function toSchedule(row: EnrolmentRow): Schedule {
  return {
    deadlineMinutes: row.deadline_minutes,
    weekdays: row.weekdays,
    countsFrom: row.counts_from,
    pausedFrom: row.paused_from,
    pausedUntil: row.paused_until,
  };
}

/** A resident's enrolment in this territory (locked for update when asked), or undefined. */
export async function findEnrolmentOf(db: Executor, territoryId: string, userId: string, lock = false): Promise<EnrolmentRow | undefined> {
  let q = db.selectFrom('check_in_enrolments').selectAll().where('territory_id', '=', territoryId).where('user_id', '=', userId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findEnrolment(db: Executor, territoryId: string, id: string, lock = false): Promise<EnrolmentRow | undefined> {
  let q = db.selectFrom('check_in_enrolments').selectAll().where('territory_id', '=', territoryId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The enrolment's referents (erased accounts left out), invited and active first. */
export async function listReferents(db: Executor, enrolmentId: string): Promise<ReferentRecord[]> {
  const rows = await db
    .selectFrom('check_in_referents as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.display_name', 'r.status', 'r.invited_at', 'r.answered_at'])
    .where('r.enrolment_id', '=', enrolmentId)
    .where('u.deleted_at', 'is', null)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, status: r.status, invitedAt: r.invited_at, answeredAt: r.answered_at }));
}

export async function activeReferentIds(db: Executor, enrolmentId: string): Promise<string[]> {
  return (await listReferents(db, enrolmentId)).filter((r) => r.status === 'active').map((r) => r.userId);
}

/** Whether `userId` is an active referent of the enrolment (consent given, not stepped down). */
export async function isActiveReferent(db: Executor, enrolmentId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('check_in_referents').select('status').where('enrolment_id', '=', enrolmentId).where('user_id', '=', userId).executeTakeFirst();
  return row?.status === 'active';
}

/** The people on duty for escalations: territory members holding the mediator or operator role (accounts not erased). */
export async function dutyIds(db: Executor, territoryId: string): Promise<string[]> {
  return memberIdsWithRoles(db, territoryId, ['mediator', 'operator']);
}

export async function displayNameOf(db: Executor, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? '—';
}

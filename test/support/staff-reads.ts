// Fixtures for staff reads of personal data: the people whose data a staff member may read (an assisted account with
// active consent, one whose consent was withdrawn, an ordinary resident, a resident of another territory) and the
// records that put them in front of staff — an escalated check-in alert, a reported private carpool message, an
// organisation awaiting validation — written directly, as the capabilities would store them.
import type { Database } from '../../src/server/core/database/schema.ts';
import { buildUser, type TerritoryFixture } from './factories.ts';

export const SUBJECT_KINDS = ['assisted with consent', 'assisted after withdrawal', 'ordinary resident', 'other territory'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

let n = 0;
const tag = () => `${Date.now().toString(36)}${(n += 1)}`;

/** A person of the given kind: assisted accounts are created by a fresh mediator of `territory`. */
export async function personOfKind(db: Database, kind: SubjectKind, territory: TerritoryFixture, elsewhere: TerritoryFixture): Promise<string> {
  if (kind === 'ordinary resident') return (await buildUser(db, { territory })).id;
  if (kind === 'other territory') return (await buildUser(db, { territory: elsewhere })).id;
  const mediator = await buildUser(db, { territory, roles: ['resident', 'mediator'] });
  const user = await db.insertInto('users').values({ email: null, password_hash: null, display_name: `Personne accompagnée ${tag()}`, deleted_at: null }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('territory_members').values({ territory_id: territory.id, user_id: user.id, commune_code: '21001' }).execute();
  const withdrawn = kind === 'assisted after withdrawal' ? new Date() : null;
  await db
    .insertInto('assisted_accounts')
    .values({ territory_id: territory.id, user_id: user.id, created_by: mediator.id, consent_ref: `F-${tag()}`, consent_at: new Date(), consent_withdrawn_at: withdrawn, withdrawn_by: withdrawn ? mediator.id : null })
    .execute();
  return user.id;
}

/** A check-in follow-up of `userId` in `territoryId` whose alert of today escalated to the people on duty. */
export async function escalatedAlert(db: Database, territoryId: string, userId: string): Promise<string> {
  const now = new Date();
  const raised = new Date(now.getTime() - 90 * 60_000);
  const e = await db
    .insertInto('check_in_enrolments')
    .values({ territory_id: territoryId, user_id: userId, deadline_minutes: 600, weekdays: [1, 2, 3, 4, 5, 6, 7], escalation_minutes: 30, counts_from: now, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const a = await db
    .insertInto('check_in_alerts')
    .values({ territory_id: territoryId, enrolment_id: e.id, local_date: now.toISOString().slice(0, 10), deadline_at: raised, raised_at: raised, escalate_at: new Date(raised.getTime() + 30 * 60_000), escalated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return a.id;
}

async function trip(db: Database, territoryId: string, userId: string, role: 'driver' | 'passenger'): Promise<string> {
  const row = await db
    .insertInto('carpool_trips')
    .values({
      territory_id: territoryId, user_id: userId, role, origin_cell: '881f8d4b29fffff', destination_cell: '881f8d4b2bfffff',
      origin_lat: 47.05, origin_lng: 5.02, destination_lat: 47.05, destination_lng: 5.18, origin_label: null, destination_label: null,
      trip_date: null, weekdays: [1, 2, 3, 4, 5], window_start: 450, window_end: 480, seats: role === 'driver' ? 3 : 1, max_detour_share: 0.2, closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A private message `senderId` wrote on a ride in `territoryId`, reported once by the other person of the ride. */
export async function reportedPrivateMessage(db: Database, territoryId: string, senderId: string, body: string): Promise<string> {
  const other = (await db.insertInto('users').values({ email: null, password_hash: null, display_name: 'Passagère', deleted_at: null }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('territory_members').values({ territory_id: territoryId, user_id: other, commune_code: '21001' }).execute();
  const at = new Date(Date.now() + 3 * 86_400_000);
  const match = await db
    .insertInto('carpool_matches')
    .values({
      territory_id: territoryId, driver_trip_id: await trip(db, territoryId, senderId, 'driver'), passenger_trip_id: await trip(db, territoryId, other, 'passenger'),
      driver_id: senderId, passenger_id: other, trip_date: at.toISOString().slice(0, 10), starts_at: at, seats: 1,
      driver_accepted_at: at, passenger_accepted_at: null, detour_km: 1, detour_min: 2, time_gap_min: 5, shared_community: false,
      shared_km: 10, driver_km: 11, driver_confirmed_at: null, passenger_confirmed_at: null, cancelled_by: null, cancel_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const msg = await db.insertInto('carpool_messages').values({ territory_id: territoryId, match_id: match.id, sender_id: senderId, body }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('moderation_reports').values({ territory_id: territoryId, subject_type: 'carpool_message', subject_id: msg.id, community_id: null, reporter_id: other, reason: 'abuse', comment: null, created_at: new Date() }).execute();
  return msg.id;
}

/** An organisation `userId` applied for in `territoryId`, awaiting the operators' validation. */
export async function pendingOrganisation(db: Database, territoryId: string, userId: string): Promise<string> {
  const row = await db
    .insertInto('organisations')
    .values({ territory_id: territoryId, name: `Association ${tag()}`, kind: 'association', description: 'Aide aux devoirs', contact_email: 'contact@example.org', contact_phone: null, commune_code: '21001', status: 'pending', applied_by: userId, applied_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('organisation_members').values({ territory_id: territoryId, organisation_id: row.id, user_id: userId }).execute();
  return row.id;
}

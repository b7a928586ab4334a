/** @module The database's tables as Kysely types; kept in step with migrations (see schema test). */
import type { ColumnType, Generated, Kysely, Selectable, Transaction as KyselyTransaction } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Id = ColumnType<string, never, never>;

export type TerritoryRole = 'resident' | 'mediator' | 'merchant' | 'operator' | 'commander' | 'admin';
export type CommunityKind = 'neighbourhood' | 'workplace' | 'school' | 'association' | 'other';
export type CommunityVisibility = 'public' | 'private';
export type JoinPolicy = 'open' | 'invite' | 'email_domain' | 'approval';
export type CommunityRole = 'member' | 'organiser';
export type MembershipStatus = 'active' | 'pending';

export interface TerritoriesTable {
  id: Id;
  slug: string;
  name: string;
  boundary: unknown;
  created_at: Timestamp;
}

export interface CommunesTable {
  territory_id: string;
  code: string;
  name: string;
  population: number;
  boundary: unknown;
}

export interface UsersTable {
  id: Id;
  email: string | null;
  password_hash: string | null;
  display_name: string | null;
  locale: Generated<'fr' | 'en'>;
  synthetic: Generated<boolean>;
  created_at: Timestamp;
  deleted_at: Date | null;
  /** When the address was proven to belong to the person (migration 0013); null: only the verification mail goes to it. */
  email_verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface TerritoryMembersTable {
  territory_id: string;
  user_id: string;
  roles: ColumnType<TerritoryRole[], TerritoryRole[] | undefined, TerritoryRole[]>;
  commune_code: string | null;
  joined_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
}

export interface PasswordResetTokensTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
}

export interface MailOutboxTable {
  id: Id;
  user_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: Timestamp;
  sent_at: Date | null;
  /** Besides the recipient, the people whose name or words the mail carries (migration 0013): scrubbed when one is erased. */
  about_user_ids: ColumnType<string[], string[] | undefined, string[]>;
  purpose: ColumnType<'notice' | 'verification' | 'password_reset', 'notice' | 'verification' | 'password_reset' | undefined, 'notice' | 'verification' | 'password_reset'>;
}

export interface CommunitiesTable {
  id: Id;
  territory_id: string;
  name: string;
  description: Generated<string>;
  kind: CommunityKind;
  visibility: CommunityVisibility;
  join_policy: JoinPolicy;
  email_domain: string | null;
  invite_code: string;
  created_by: string | null;
  created_at: Timestamp;
  /** Set while reported content is hidden (moderation, migration 0010). */
  hidden_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CommunityMembersTable {
  territory_id: string;
  community_id: string;
  user_id: string;
  role: CommunityRole;
  status: MembershipStatus;
  joined_at: Timestamp;
}

export interface AuditLogTable {
  id: Id;
  territory_id: string | null;
  at: Timestamp;
  actor_id: string | null;
  on_behalf_of_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
}


export type CommuteMode = 'car_alone' | 'carpool' | 'bike' | 'ebike' | 'walk' | 'bus' | 'tram' | 'metro' | 'ter' | 'telework';
export type CarpoolRole = 'driver' | 'passenger';
export type MatchStatus = 'proposed' | 'accepted' | 'done' | 'cancelled';
export type ReviewStatus = 'none' | 'pending' | 'cleared' | 'rejected';
export type GestureKind = 'carpool' | 'shift' | 'mode_switch';
export type Period = 'am' | 'pm';

/** A public place a person chose as a meeting point (a car park, a tram stop), never a home. */
export interface MeetingPoint {
  name: string;
  lat: number;
  lng: number;
}

export interface CommuteProfilesTable {
  territory_id: string;
  user_id: string;
  home_cell: string;
  work_cell: string;
  meeting_points: ColumnType<MeetingPoint[], string, string>;
  weekdays: number[];
  out_start: number;
  out_end: number;
  back_start: number;
  back_end: number;
  usual_mode: CommuteMode;
  car_occupancy: number;
  distance_km: number;
  updated_at: Timestamp;
}

export interface CarpoolTripsTable {
  id: Id;
  territory_id: string;
  user_id: string;
  role: CarpoolRole;
  origin_cell: string;
  destination_cell: string;
  origin_lat: number;
  origin_lng: number;
  destination_lat: number;
  destination_lng: number;
  origin_label: string | null;
  destination_label: string | null;
  trip_date: ColumnType<string | null, string | null, string | null>;
  weekdays: number[];
  window_start: number;
  window_end: number;
  seats: number;
  max_detour_share: number;
  status: Generated<'open' | 'closed'>;
  created_at: Timestamp;
  closed_at: Date | null;
}

export interface CarpoolSettingsTable {
  territory_id: string;
  time_tolerance_min: number;
  max_detour_share: number;
  min_shared_share: number;
  road_factor: number;
  updated_at: Timestamp;
}

export interface CarpoolMatchesTable {
  id: Id;
  territory_id: string;
  driver_trip_id: string;
  passenger_trip_id: string;
  driver_id: string;
  passenger_id: string;
  trip_date: ColumnType<string, string, string>;
  starts_at: Date;
  seats: number;
  status: Generated<MatchStatus>;
  driver_accepted_at: Date | null;
  passenger_accepted_at: Date | null;
  detour_km: number;
  detour_min: number;
  time_gap_min: number;
  shared_community: boolean;
  shared_km: number;
  driver_km: number;
  driver_confirmed_at: Date | null;
  passenger_confirmed_at: Date | null;
  fraud_flags: Generated<string[]>;
  review_status: Generated<ReviewStatus>;
  cancelled_by: string | null;
  cancel_reason: string | null;
  created_at: Timestamp;
  /** When both were asked to confirm the ride had happened (migration 0018): once. */
  confirm_reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CarpoolMessagesTable {
  id: Id;
  territory_id: string;
  match_id: string;
  sender_id: string | null;
  body: string;
  created_at: Timestamp;
  /** Set while a reported message is hidden (moderation, migration 0010). */
  hidden_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CorridorsTable {
  id: Id;
  territory_id: string;
  name: string;
  geometry: unknown;
  capacity_per_hour: number;
  free_flow_min: number;
  slot_minutes: Generated<number>;
  am_start: number;
  am_demand: number[];
  pm_start: number;
  pm_demand: number[];
  created_at: Timestamp;
}

export interface ShiftCommitmentsTable {
  id: Id;
  territory_id: string;
  user_id: string;
  corridor_id: string;
  period: Period;
  from_slot: number;
  to_slot: number;
  weekdays: number[];
  created_at: Timestamp;
  ended_at: Date | null;
}

export interface GesturesTable {
  id: Id;
  territory_id: string;
  user_id: string | null;
  kind: GestureKind;
  mode: string | null;
  occurred_on: ColumnType<string, string, string>;
  km: number;
  co2e_kg: number;
  car_km: number;
  euros: number;
  factors_version: number;
  corridor_id: string | null;
  from_slot: number | null;
  to_slot: number | null;
  source_type: string | null;
  source_id: string | null;
  /** Mode switches (migration 0015): the trip replaced, the people in its car, where that comes from. */
  instead_of: ColumnType<CommuteMode | null, CommuteMode | null | undefined, CommuteMode | null>;
  instead_of_occupancy: ColumnType<number | null, number | null | undefined, number | null>;
  counterfactual: ColumnType<'declared' | 'usual_mode' | 'none' | null, 'declared' | 'usual_mode' | 'none' | null | undefined, 'declared' | 'usual_mode' | 'none' | null>;
  counted: Generated<boolean>;
  idempotency_key: string;
  created_at: Timestamp;
}

export interface ImpactFactorsTable {
  territory_id: string;
  version: number;
  key: string;
  value: number;
  unit: string;
  source: string;
  published_on: ColumnType<string, string, string>;
  created_at: Timestamp;
  /** Migration 0014: where the value can be read, its use/construction parts, the figures it supports, what it rests on. */
  source_url: string | null;
  components: ColumnType<{ use: number; construction: number } | null, string | null, string | null>;
  significant_digits: ColumnType<number, number | undefined, number>;
  basis: string | null;
}

/**
 * Every table. Core imports no capability: a capability with its own `tables.ts` adds its tables to this interface
 * there (`declare module '../core/database/schema.ts'`), so the whole program sees one `DB`.
 */
export interface DB {
  territories: TerritoriesTable;
  communes: CommunesTable;
  users: UsersTable;
  territory_members: TerritoryMembersTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  mail_outbox: MailOutboxTable;
  communities: CommunitiesTable;
  community_members: CommunityMembersTable;
  audit_log: AuditLogTable;
  commute_profiles: CommuteProfilesTable;
  carpool_trips: CarpoolTripsTable;
  carpool_settings: CarpoolSettingsTable;
  carpool_matches: CarpoolMatchesTable;
  carpool_messages: CarpoolMessagesTable;
  corridors: CorridorsTable;
  shift_commitments: ShiftCommitmentsTable;
  gestures: GesturesTable;
  impact_factors: ImpactFactorsTable;
}

/** The database handle or an open transaction: queries accept either. */
export type Executor = Kysely<DB> | KyselyTransaction<DB>;
export type Database = Kysely<DB>;
export type Transaction = KyselyTransaction<DB>;
export type UserRow = Selectable<UsersTable>;
export type CommunityRow = Selectable<CommunitiesTable>;

/** @module The volunteering tables as Kysely types (migration 0007_volunteering); part of the database's DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Id, Timestamp } from '../core/database/schema.ts';

export type OrganisationKind = 'association' | 'public_service';
export type OrganisationStatus = 'pending' | 'validated' | 'refused';
export type MissionStatus = 'draft' | 'awaiting_validation' | 'published' | 'completed' | 'cancelled';
export type MissionSchedule = 'once' | 'weekly';
export type ParticipationStatus = 'applied' | 'waiting' | 'accepted' | 'refused' | 'cancelled';
export type CancelledBy = 'volunteer' | 'organisation' | 'mission_closed';
export type Attendance = 'present' | 'absent';

type Nullable<T> = T | null;
type Stamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OrganisationsTable {
  id: Id;
  territory_id: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  contact_email: Nullable<string>;
  contact_phone: Nullable<string>;
  commune_code: Nullable<string>;
  status: Generated<OrganisationStatus>;
  applied_by: Nullable<string>;
  applied_at: Timestamp;
  decided_by: Nullable<string>;
  decided_at: Stamp;
  refusal_reason: Nullable<string>;
  hidden_at: Stamp;
}

export interface OrganisationMembersTable {
  territory_id: string;
  organisation_id: string;
  user_id: string;
  role: Generated<'manager'>;
  added_at: Timestamp;
}

export interface MissionsTable {
  id: Id;
  territory_id: string;
  organisation_id: string;
  title: string;
  description: string;
  schedule: MissionSchedule;
  starts_at: Stamp;
  ends_at: Stamp;
  weekdays: Nullable<number[]>;
  start_minute: Nullable<number>;
  end_minute: Nullable<number>;
  /** YYYY-MM-DD (date columns are read as text). */
  first_day: Nullable<string>;
  last_day: Nullable<string>;
  online: boolean;
  commune_code: Nullable<string>;
  cell: Nullable<string>;
  approx_lat: Nullable<number>;
  approx_lng: Nullable<number>;
  volunteers_needed: number;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  publics: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<MissionStatus>;
  created_by: Nullable<string>;
  created_at: Timestamp;
  submitted_at: Stamp;
  published_at: Stamp;
  decided_by: Nullable<string>;
  returned_reason: Nullable<string>;
  completed_at: Stamp;
  cancelled_at: Stamp;
  cancel_reason: Nullable<string>;
  hidden_at: Stamp;
}

export interface MissionAddressesTable {
  mission_id: string;
  territory_id: string;
  address: string;
}

export interface ParticipationsTable {
  id: Id;
  territory_id: string;
  mission_id: string;
  user_id: Nullable<string>;
  message: Nullable<string>;
  status: ParticipationStatus;
  applied_at: Timestamp;
  awaiting_since: Stamp;
  answered_at: Stamp;
  refusal_reason: Nullable<string>;
  cancelled_at: Stamp;
  cancelled_by: Nullable<CancelledBy>;
  promoted_at: Stamp;
  reminded_at: Stamp;
  attendance: Nullable<Attendance>;
  attendance_at: Stamp;
}

export interface VolunteeringTables {
  organisations: OrganisationsTable;
  organisation_members: OrganisationMembersTable;
  missions: MissionsTable;
  mission_addresses: MissionAddressesTable;
  participations: ParticipationsTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends VolunteeringTables {}
}

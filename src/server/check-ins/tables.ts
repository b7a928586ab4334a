/** @module The check-ins tables as Kysely types (migration 0008_check_ins); part of the database's DB interface. */
import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../core/database/schema.ts';

export type ReferentStatus = 'invited' | 'active' | 'declined';
export type CheckInChannel = 'button' | 'phone';
export type AlertResolution = 'checked_in' | 'all_well';
export type AcknowledgementAction = 'on_my_way' | 'all_well';
type LocalDate = ColumnType<string, string, string>;

export interface CheckInEnrolmentsTable {
  id: Id;
  territory_id: string;
  user_id: string;
  deadline_minutes: number;
  weekdays: number[];
  escalation_minutes: number;
  counts_from: Date | null;
  paused_from: Date | null;
  paused_until: ColumnType<string | null, string | null, string | null>;
  enrolled_by: string | null;
  consent_ref: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CheckInReferentsTable {
  id: Id;
  territory_id: string;
  enrolment_id: string;
  user_id: string;
  status: ColumnType<ReferentStatus, ReferentStatus | undefined, ReferentStatus>;
  invited_at: Timestamp;
  answered_at: Date | null;
}

export interface CheckInsTable {
  id: Id;
  territory_id: string;
  enrolment_id: string;
  local_date: LocalDate;
  at: Timestamp;
  channel: CheckInChannel;
  recorded_by: string | null;
}

export interface CheckInAlertsTable {
  id: Id;
  territory_id: string;
  enrolment_id: string;
  local_date: LocalDate;
  deadline_at: Date;
  raised_at: Date;
  escalate_at: Date;
  acknowledged_at: Date | null;
  escalated_at: Date | null;
  resolved_at: Date | null;
  resolution: AlertResolution | null;
}

export interface CheckInAcknowledgementsTable {
  id: Id;
  territory_id: string;
  alert_id: string;
  user_id: string | null;
  role: 'referent' | 'duty';
  action: AcknowledgementAction;
  note: string | null;
  at: Timestamp;
}

export interface CheckInsTables {
  check_in_enrolments: CheckInEnrolmentsTable;
  check_in_referents: CheckInReferentsTable;
  check_ins: CheckInsTable;
  check_in_alerts: CheckInAlertsTable;
  check_in_acknowledgements: CheckInAcknowledgementsTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends CheckInsTables {}
}

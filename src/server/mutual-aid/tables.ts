/** @module The mutual-aid tables as Kysely types (migration 0006_mutual_aid); part of the database's DB interface. */
import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../core/database/schema.ts';

export type AidKind = 'groceries' | 'pharmacy' | 'visit' | 'call' | 'homework' | 'repairs' | 'lift' | 'other';
export type AidUrgency = 'today' | 'this_week' | 'flexible';
export type AidStatus = 'open' | 'offered' | 'matched' | 'done' | 'cancelled';
export type AidTime = 'morning' | 'afternoon' | 'evening';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface AidHelperProfilesTable {
  territory_id: string;
  user_id: string;
  skills: AidKind[];
  weekdays: number[];
  times: AidTime[];
  radius_km: number;
  home_cell: string;
  commune_code: string;
  updated_at: Timestamp;
}

export interface AidRequestsTable {
  id: Id;
  territory_id: string;
  requester_id: string;
  kind: AidKind;
  urgency: AidUrgency;
  window_from: Date;
  window_to: Date;
  description: string | null;
  cell: string;
  commune_code: string;
  status: ColumnType<AidStatus, AidStatus | undefined, AidStatus>;
  accepted_helper_id: Nullable<string>;
  hours_reported: Nullable<number>;
  idempotency_key: Nullable<string>;
  created_at: Timestamp;
  matched_at: Nullable<Date>;
  done_at: Nullable<Date>;
  cancelled_at: Nullable<Date>;
  thanks_message: Nullable<string>;
  thanked_at: Nullable<Date>;
  hidden_at: Nullable<Date>;
}

export interface AidRequestAddressesTable {
  request_id: string;
  territory_id: string;
  address: string;
  contact: string | null;
}

export interface AidRequestOffersTable {
  id: Id;
  territory_id: string;
  request_id: string;
  helper_id: string;
  message: string | null;
  created_at: Timestamp;
  withdrawn_at: Nullable<Date>;
}

export interface AidOffersTable {
  id: Id;
  territory_id: string;
  helper_id: string;
  kind: AidKind;
  text: string;
  weekdays: number[];
  times: AidTime[];
  cell: string;
  commune_code: string;
  created_at: Timestamp;
  closed_at: Nullable<Date>;
  hidden_at: Nullable<Date>;
}

export interface MutualAidTables {
  aid_helper_profiles: AidHelperProfilesTable;
  aid_requests: AidRequestsTable;
  aid_request_addresses: AidRequestAddressesTable;
  aid_request_offers: AidRequestOffersTable;
  aid_offers: AidOffersTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends MutualAidTables {}
}

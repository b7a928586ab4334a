/** @module The mediation tables as Kysely types (migration 0009_mediation); part of the database's DB interface. */
import type { Id, Timestamp } from '../core/database/schema.ts';

export interface AssistedAccountTable {
  territory_id: string;
  user_id: string;
  created_by: string | null;
  consent_ref: string;
  consent_at: Timestamp;
  created_at: Timestamp;
  consent_withdrawn_at: Date | null;
  withdrawn_by: string | null;
  taken_over_at: Date | null;
}

export interface MediationSessionTable {
  id: Id;
  territory_id: string;
  mediator_id: string;
  resident_id: string;
  reason: string;
  started_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Date | null;
}

export interface MediationTakeoverCodeTable {
  id: string;
  territory_id: string;
  user_id: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Date | null;
}

export interface MediationTables {
  assisted_accounts: AssistedAccountTable;
  mediation_sessions: MediationSessionTable;
  mediation_takeover_codes: MediationTakeoverCodeTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends MediationTables {}
}

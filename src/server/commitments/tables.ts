/** @module The commitments tables as Kysely types (migrations 0003_commitments, 0005_commitment_followup, 0012_offline_signatures); part of the database's DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Id } from '../core/database/schema.ts';

export type SignatureEntry = 'self' | 'mediator' | 'offline';

export interface CommitmentsTable {
  id: Id;
  territory_id: string;
  created_by: string | null;
  wording: string;
  action: 'carpool' | 'shift' | 'mode_switch' | 'help' | 'free_text';
  scope: ColumnType<unknown, string, string>;
  community_id: string | null;
  corridor_id: string | null;
  created_at: Date;
  signing_deadline: Date;
  action_start: Date;
  action_end: Date;
  fired: Generated<string[]>;
  last_nudged_at: Date | null;
  check_asked_at: Date | null;
}

export interface CommitmentSignaturesTable {
  territory_id: string;
  commitment_id: string;
  user_id: string;
  commune_code: string | null;
  public_name: Generated<boolean>;
  signed_at: Date;
  /** `self`, or entered by a mediator (with consent) or an organiser (collected offline). */
  entry: Generated<SignatureEntry>;
  /** The mediator or organiser who entered it; null when self-signed. */
  signed_by: string | null;
  /** Reference of the paper consent form (mediator) or of the offline collection; null when self-signed. */
  consent_ref: string | null;
  /** The "did you do it?" answer, null until given. */
  kept: boolean | null;
  checked_at: Date | null;
}

export type OfflineEntryState = 'pending' | 'confirmed' | 'withdrawn';

/** A signature typed in from paper: it counts only once confirmed (then a commitment_signatures row exists). */
export interface CommitmentOfflineEntriesTable {
  id: Id;
  territory_id: string;
  commitment_id: string;
  user_id: string;
  commune_code: string | null;
  reference: string;
  entered_by: string | null;
  entered_at: Date;
  state: Generated<OfflineEntryState>;
  /** `person` (they confirmed it) or `mediator_session` (entered inside a session for them, with active consent). */
  confirmed_by: 'person' | 'mediator_session' | null;
  decided_at: Date | null;
}

export interface CommitmentsTables {
  commitments: CommitmentsTable;
  commitment_signatures: CommitmentSignaturesTable;
  commitment_offline_entries: CommitmentOfflineEntriesTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends CommitmentsTables {}
}

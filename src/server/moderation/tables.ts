/** @module The moderation tables as Kysely types (migration 0010_moderation); part of the database's DB interface. */
import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../core/database/schema.ts';

export type ReportReason = 'spam' | 'abuse' | 'unsafe' | 'personal_data' | 'other';
export type ModerationDecision = 'keep' | 'remove';
export type DecidedAs = 'operator' | 'organiser';

export interface ModerationReportsTable {
  id: Id;
  territory_id: string;
  subject_type: string;
  subject_id: string;
  community_id: string | null;
  reporter_id: string | null;
  reason: ReportReason;
  comment: string | null;
  created_at: Timestamp;
  decision_id: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ModerationDecisionsTable {
  id: Id;
  territory_id: string;
  subject_type: string;
  subject_id: string;
  decision: ModerationDecision;
  reason: string;
  decided_by: string | null;
  decided_as: DecidedAs;
  decided_at: Timestamp;
}

export interface UserBlocksTable {
  blocker_id: string;
  blocked_id: string;
  territory_id: string | null;
  created_at: Timestamp;
}

export interface ModerationTables {
  moderation_reports: ModerationReportsTable;
  moderation_decisions: ModerationDecisionsTable;
  user_blocks: UserBlocksTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends ModerationTables {}
}

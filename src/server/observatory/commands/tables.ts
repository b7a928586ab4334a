/** @module The observatory's command tables as Kysely types (migration 0023_observatory_commands); part of the database's DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Id, Timestamp } from '../../core/database/schema.ts';
import type { CommandStatus, TargetStatus } from './model.ts';

export interface ObservatoryCommandsTable {
  id: Id;
  territory_id: string;
  command: string;
  params: ColumnType<Record<string, unknown>, string, string>;
  reason: string;
  sensitive: boolean;
  status: CommandStatus;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  idempotency_key: string;
  timeout_seconds: number;
  max_attempts: number;
}

export interface ObservatoryCommandTargetsTable {
  command_id: string;
  thing_id: string;
  status: TargetStatus;
  attempts: Generated<number>;
  last_sent_at: Date | null;
  answered_at: Date | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  failure: string | null;
}

export interface ObservatoryCommandTables {
  observatory_commands: ObservatoryCommandsTable;
  observatory_command_targets: ObservatoryCommandTargetsTable;
}

declare module '../../core/database/schema.ts' {
  interface DB extends ObservatoryCommandTables {}
}

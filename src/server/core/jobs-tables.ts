/** @module The jobs tables as Kysely types (migration 0016_jobs); part of the database's DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Id, Timestamp } from './database/schema.ts';

export type JobRunStatus = 'running' | 'succeeded' | 'failed';

export interface JobsTable {
  name: string;
  next_run_at: Timestamp;
  locked_by: string | null;
  locked_until: Date | null;
  failures: Generated<number>;
}

export interface JobRunsTable {
  id: Id;
  job: string;
  attempt: number;
  runner: string;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  status: JobRunStatus;
  summary: string | null;
  error: string | null;
}

export interface JobsTables {
  jobs: JobsTable;
  job_runs: JobRunsTable;
}

/** Registers these tables in the database's one `DB` interface, as each capability does with its own. */
declare module './database/schema.ts' {
  interface DB extends JobsTables {}
}

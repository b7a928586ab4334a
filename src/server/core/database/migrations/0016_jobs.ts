/** @module Migration 0016: periodic jobs on a queue: one row per job (when it is next due, who runs it now), and its runs. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One row per declared job. A process runs a job only after claiming its row (locked_by, locked_until) with
    -- one UPDATE, so a due job runs once across every API process; a claim left by a dead process expires.
    create table jobs (
      name text primary key check (name ~ '^[a-z][a-z0-9-]*([.][a-z][a-z0-9-]*)+$'),
      next_run_at timestamptz not null,
      locked_by text,
      locked_until timestamptz,
      failures integer not null default 0 check (failures >= 0),
      check ((locked_by is null) = (locked_until is null))
    );

    -- Each run, for the operator: when, where, how it ended, and the error of a failed one.
    create table job_runs (
      id bigint generated always as identity primary key,
      job text not null references jobs (name) on delete cascade,
      attempt integer not null check (attempt >= 1),
      runner text not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      status text not null check (status in ('running', 'succeeded', 'failed')),
      summary text,
      error text,
      check ((status = 'running') = (finished_at is null))
    );
    create index job_runs_started on job_runs (started_at desc);
    create index job_runs_job_started on job_runs (job, started_at desc);
  `.execute(db);
}

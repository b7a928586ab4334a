/** @module The jobs queue's storage: job rows claimed with one UPDATE (so one process wins), runs recorded, the operator's list. */
import { sql } from 'kysely';
import type { Database } from './database/schema.ts';
import type { JobRunStatus } from './jobs-tables.ts';

/** Runs are kept this long for the operator, then removed as new ones finish. */
export const JOB_RUNS_KEPT_DAYS = 14;

/** Adds a row for each job not yet known, first due one interval from now (as a timer started now would be). */
export async function registerJobs(db: Database, jobs: readonly { name: string; schedule: { everyMs: number } }[], now: Date): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('jobs')
    .values(jobs.map((j) => ({ name: j.name, next_run_at: new Date(now.getTime() + j.schedule.everyMs) })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/** The jobs among `names` that are due and free, soonest first. */
export async function dueJobs(db: Database, names: readonly string[], now: Date): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectFrom('jobs')
    .select('name')
    .where('name', 'in', names)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .orderBy('next_run_at')
    .execute();
  return rows.map((r) => r.name);
}

/**
 * Takes the job for `runner` until `now + leaseMs`, if it is due (or `force`) and no live claim holds it. One UPDATE:
 * when two processes try at once, the second waits for the first's row lock, then finds the row claimed.
 */
export async function claimJob(
  db: Database,
  p: { name: string; runner: string; now: Date; leaseMs: number; force: boolean },
): Promise<{ failures: number } | 'not_due' | 'busy'> {
  const claimed = await db
    .updateTable('jobs')
    .set({ locked_by: p.runner, locked_until: new Date(p.now.getTime() + p.leaseMs) })
    .where('name', '=', p.name)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', p.now)]))
    .$if(!p.force, (q) => q.where('next_run_at', '<=', p.now))
    .returning('failures')
    .executeTakeFirst();
  if (claimed) return { failures: claimed.failures };
  if (p.force) return 'busy';
  return 'not_due';
}

/** Records a run as started; a run of this job still marked running was cut short (its claim had expired). */
export async function startRun(db: Database, p: { job: string; attempt: number; runner: string; now: Date }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('job_runs')
      .set({ status: 'failed', finished_at: p.now, error: 'Cut short: its process stopped before the run ended.' })
      .where('job', '=', p.job)
      .where('status', '=', 'running')
      .execute();
    const row = await trx
      .insertInto('job_runs')
      .values({ job: p.job, attempt: p.attempt, runner: p.runner, started_at: p.now, status: 'running' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** Ends a run: its outcome recorded, the job released and due again at `nextRunAt`, old runs removed. */
export async function finishRun(
  db: Database,
  p: { runId: string; job: string; now: Date; nextRunAt: Date; failures: number; summary?: string; error?: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('job_runs')
      .set({ status: p.error === undefined ? 'succeeded' : 'failed', finished_at: p.now, summary: p.summary ?? null, error: p.error ?? null })
      .where('id', '=', p.runId)
      .execute();
    await trx
      .updateTable('jobs')
      .set({ next_run_at: p.nextRunAt, failures: p.failures, locked_by: null, locked_until: null })
      .where('name', '=', p.job)
      .execute();
    await trx
      .deleteFrom('job_runs')
      .where('job', '=', p.job)
      .where('started_at', '<', new Date(p.now.getTime() - JOB_RUNS_KEPT_DAYS * 86_400_000))
      .execute();
  });
}

/** Brings a job forward to `at` at the latest (several calls keep the earliest). */
export async function runSoonAt(db: Database, name: string, at: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ next_run_at: sql<Date>`least(next_run_at, ${at})` })
    .where('name', '=', name)
    .execute();
}

export interface JobState {
  name: string;
  nextRunAt: Date;
  runningSince: Date | null;
  runner: string | null;
  failures: number;
}

export interface JobRun {
  id: string;
  job: string;
  attempt: number;
  runner: string;
  status: JobRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  summary: string | null;
  error: string | null;
}

/** Every job's state and its latest runs (newest first), failed ones only when asked. */
export async function listJobs(db: Database, p: { limit: number; failedOnly: boolean }): Promise<{ jobs: JobState[]; runs: JobRun[] }> {
  const jobs = await db.selectFrom('jobs').selectAll().orderBy('name').execute();
  const started = new Map<string, Date>();
  for (const r of await db.selectFrom('job_runs').select(['job', 'started_at']).where('status', '=', 'running').execute()) started.set(r.job, r.started_at);
  const runs = await db
    .selectFrom('job_runs')
    .selectAll()
    .$if(p.failedOnly, (q) => q.where('status', '=', 'failed'))
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(p.limit)
    .execute();
  return {
    jobs: jobs.map((j) => ({
      name: j.name,
      nextRunAt: j.next_run_at,
      runningSince: j.locked_by === null ? null : (started.get(j.name) ?? null),
      runner: j.locked_by,
      failures: j.failures,
    })),
    runs: runs.map((r) => ({
      id: r.id,
      job: r.job,
      attempt: r.attempt,
      runner: r.runner,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      summary: r.summary,
      error: r.error,
    })),
  };
}

/**
 * @module Periodic jobs as data, on a queue in the database: each capability declares its jobs (`{ name, schedule,
 * run }`), the API processes and `maille jobs run` read the one list. A due job is claimed by one process (one UPDATE
 * on its row), so it runs once across processes; a failure is recorded and retried with backoff; stopping waits
 * for the run under way.
 */
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { LocalDataDir } from './database/connect.ts';
import type { Database } from './database/schema.ts';
import type { EventBus } from './events.ts';
import { claimJob, dueJobs, finishRun, registerJobs, runSoonAt, startRun } from './jobs-store.ts';

/** What a job's run receives: the database, the configuration, the event bus and the clock of this Maille. */
export interface JobDeps {
  db: Database;
  config: Config;
  clock: Clock;
  bus?: EventBus | undefined;
  /** The PGlite data folder this process owns, if any. */
  local?: LocalDataDir | undefined;
}

export interface JobOutcome {
  /** One line for the log, the operator's list of runs and `maille jobs run`. */
  summary: string;
  /** Mails the run queued (the CLI sends them after the jobs when SMTP is configured). */
  mailed?: number;
}

/** A periodic job, declared by its capability. Runs must be idempotent: a run cut short is run again. */
export interface Job {
  /** `<capability>.<job>`, lower case. */
  name: string;
  schedule: { everyMs: number };
  /** Whether this process runs it at all (e.g. backups only on a PGlite folder); always when absent. */
  enabled?: (deps: JobDeps) => boolean;
  run(deps: JobDeps): Promise<JobOutcome>;
}

/** How long a claim holds before another process may take the job over (its process died mid-run). */
export const JOB_LEASE_MS = 15 * 60_000;
/** How often an API process looks for due jobs. */
export const JOB_POLL_MS = 5_000;

/** Delay before the next attempt after `failures` failures in a row: 30 s, 1 min, 2 min … at most an hour. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(failures - 1, 0), 3_600_000);
}

/** Where a run comes from, for the operator: host and pid. */
export function runnerName(): string {
  return `${process.env.HOSTNAME ?? 'maille'}:${process.pid}`;
}

export type RunResult = { status: 'succeeded'; outcome: JobOutcome } | { status: 'failed'; error: unknown } | { status: 'busy' };

/**
 * Claims `job` and runs it: when due (or at once with `force`, for `maille jobs run`). Returns null when it was
 * not due, `busy` when another process holds it. `schedule` is the clock that decides when jobs are due (real time
 * in a server); the job itself reads `deps.clock`.
 */
export async function runJob(job: Job, deps: JobDeps, options: { schedule: Clock; runner: string; force?: boolean }): Promise<RunResult | null> {
  const startedAt = options.schedule.now();
  const claim = await claimJob(deps.db, { name: job.name, runner: options.runner, now: startedAt, leaseMs: Math.max(JOB_LEASE_MS, job.schedule.everyMs), force: options.force ?? false });
  if (claim === 'not_due') return null;
  if (claim === 'busy') return { status: 'busy' };
  const runId = await startRun(deps.db, { job: job.name, attempt: claim.failures + 1, runner: options.runner, now: startedAt });
  try {
    const outcome = await job.run(deps);
    const now = options.schedule.now();
    await finishRun(deps.db, { runId, job: job.name, now, nextRunAt: new Date(now.getTime() + job.schedule.everyMs), failures: 0, summary: outcome.summary });
    return { status: 'succeeded', outcome };
  } catch (error) {
    const now = options.schedule.now();
    const failures = claim.failures + 1;
    await finishRun(deps.db, { runId, job: job.name, now, nextRunAt: new Date(now.getTime() + retryDelayMs(failures)), failures, error: describeError(error) });
    return { status: 'failed', error };
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

export interface JobRunner {
  /** Brings `name` forward to run within `delayMs` (here or in another process); later calls before then add nothing. */
  runSoon(name: string, delayMs: number): void;
  /** Stops looking for due jobs and waits for the run under way, so the database can close. */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  /** The clock that decides when jobs are due; the real one in a server. */
  schedule: Clock;
  pollMs?: number;
  runner?: string;
  onRun?: (job: Job, result: RunResult) => void;
  onError: (error: unknown) => void;
}

/** Runs the enabled jobs of `jobs` in this process: one at a time, the due ones every `pollMs` (unref'd timer). */
export function startJobRunner(jobs: readonly Job[], deps: JobDeps, options: JobRunnerOptions): JobRunner {
  const enabled = jobs.filter((j) => j.enabled?.(deps) ?? true);
  const byName = new Map(enabled.map((j) => [j.name, j]));
  const runner = options.runner ?? runnerName();
  let stopped = false;
  let going: Promise<void> = registerJobs(deps.db, enabled, options.schedule.now()).catch(options.onError);
  // Jobs brought forward in this process, each with the timer that looks for them when they come due.
  const soon = new Map<string, NodeJS.Timeout>();

  const tick = async (): Promise<void> => {
    for (const name of await dueJobs(deps.db, [...byName.keys()], options.schedule.now())) {
      if (stopped) return;
      const result = await runJob(byName.get(name)!, deps, { schedule: options.schedule, runner });
      if (result) options.onRun?.(byName.get(name)!, result);
    }
  };
  // One pass at a time: a pass asked for while one is going runs after it.
  const pass = () => {
    if (stopped) return;
    going = going.then(() => (stopped ? undefined : tick().catch(options.onError)));
  };
  const poll = setInterval(pass, options.pollMs ?? JOB_POLL_MS).unref();

  return {
    runSoon(name, delayMs) {
      if (stopped || !byName.has(name) || soon.has(name)) return;
      const at = new Date(options.schedule.now().getTime() + delayMs);
      going = going.then(() => runSoonAt(deps.db, name, at).catch(options.onError));
      soon.set(
        name,
        setTimeout(() => {
          soon.delete(name);
          pass();
        }, delayMs).unref(),
      );
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      for (const timer of soon.values()) clearTimeout(timer);
      soon.clear();
      await going;
    },
  };
}

/** Runs every enabled job once now, one after the other (`maille jobs run`); a job another process is running is left to it. */
export async function runJobsOnce(jobs: readonly Job[], deps: JobDeps, schedule: Clock): Promise<{ job: Job; result: RunResult }[]> {
  const results: { job: Job; result: RunResult }[] = [];
  await registerJobs(deps.db, jobs, schedule.now());
  for (const job of jobs.filter((j) => j.enabled?.(deps) ?? true)) {
    results.push({ job, result: (await runJob(job, deps, { schedule, runner: runnerName(), force: true }))! });
  }
  return results;
}

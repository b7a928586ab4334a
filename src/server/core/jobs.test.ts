// Periodic jobs on the queue: a due job runs once and is due again an interval later; a failure is recorded and
// retried with backoff; a job brought forward runs once for a burst; stopping waits for the run under way; several
// runners (separate connections on the PostgreSQL server) run a due job exactly once.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { fixedClock, systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { openDatabase, type DatabaseHandle } from './database/connect.ts';
import { listJobs } from './jobs-store.ts';
import { retryDelayMs, runJob, runJobsOnce, runnerName, startJobRunner, type Job, type JobDeps } from './jobs.ts';

const config = loadConfig({ LOG_LEVEL: 'silent' });
const MINUTE = 60_000;

function countingJob(name: string, behave: () => Promise<void> = async () => undefined): Job & { runs: number } {
  const job = {
    name,
    schedule: { everyMs: 5 * MINUTE },
    runs: 0,
    run: async () => {
      job.runs += 1;
      await behave();
      return { summary: `${name} ran` };
    },
  };
  return job;
}

async function due(db: DatabaseHandle['db'], name: string): Promise<void> {
  await db.updateTable('jobs').set({ next_run_at: new Date(0) }).where('name', '=', name).execute();
}

describe.each(databaseKinds())('periodic jobs on %s', (kind) => {
  let handle: DatabaseHandle;
  let deps: JobDeps;
  const schedule = fixedClock(new Date('2026-03-02T08:00:00Z'));
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    deps = { db: handle.db, config, clock: schedule };
  });
  afterAll(() => handle.close());

  it('runs a due job once, records the run, and makes it due one interval later', async () => {
    const job = countingJob('test.once');
    await runJobsOnce([], deps, schedule);
    expect(await runJob(job, deps, { schedule, runner: 'a' })).toBeNull(); // not registered: not due
    const [forced] = await runJobsOnce([job], deps, schedule);
    expect(forced?.result).toEqual({ status: 'succeeded', outcome: { summary: 'test.once ran' } });
    expect(await runJob(job, deps, { schedule, runner: 'a' })).toBeNull(); // just ran: due in 5 minutes
    schedule.set(new Date(schedule.now().getTime() + 5 * MINUTE));
    expect(await runJob(job, deps, { schedule, runner: 'a' })).toMatchObject({ status: 'succeeded' });
    expect(job.runs).toBe(2);
    const { jobs, runs } = await listJobs(handle.db, { limit: 10, failedOnly: false });
    expect(jobs.find((j) => j.name === 'test.once')).toMatchObject({ failures: 0, runner: null, nextRunAt: new Date(schedule.now().getTime() + 5 * MINUTE) });
    expect(runs.filter((r) => r.job === 'test.once').map((r) => [r.status, r.summary])).toEqual([
      ['succeeded', 'test.once ran'],
      ['succeeded', 'test.once ran'],
    ]);
  });

  it('records a failure with its error, retries after 30 s then 1 min, and a success clears the count', async () => {
    let fail = true;
    const job = countingJob('test.flaky', async () => {
      if (fail) throw new Error('the mail server is down');
    });
    await runJobsOnce([job], deps, schedule);
    const at = schedule.now().getTime();
    const state = async () => (await listJobs(handle.db, { limit: 10, failedOnly: true })).jobs.find((j) => j.name === 'test.flaky')!;
    expect(await state()).toMatchObject({ failures: 1, nextRunAt: new Date(at + 30_000) });
    schedule.set(new Date(at + 29_000));
    expect(await runJob(job, deps, { schedule, runner: 'a' })).toBeNull();
    schedule.set(new Date(at + 30_000));
    expect(await runJob(job, deps, { schedule, runner: 'a' })).toMatchObject({ status: 'failed' });
    expect(await state()).toMatchObject({ failures: 2, nextRunAt: new Date(at + 30_000 + MINUTE) });
    const failed = (await listJobs(handle.db, { limit: 10, failedOnly: true })).runs.filter((r) => r.job === 'test.flaky');
    expect(failed.map((r) => [r.attempt, r.status, r.error])).toEqual([
      [2, 'failed', 'Error: the mail server is down'],
      [1, 'failed', 'Error: the mail server is down'],
    ]);
    fail = false;
    schedule.set(new Date(at + 30_000 + MINUTE));
    expect(await runJob(job, deps, { schedule, runner: 'a' })).toMatchObject({ status: 'succeeded' });
    expect(await state()).toMatchObject({ failures: 0, nextRunAt: new Date(at + 30_000 + 6 * MINUTE) });
    expect([1, 2, 3, 7, 8, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it('runs a job brought forward once for a burst, and stopping waits for the run under way', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const job = countingJob('test.slow', () => {
      started();
      return new Promise<void>((resolve) => (release = resolve));
    });
    // Real time here: a job brought forward comes due 20 ms later.
    const runner = startJobRunner([job], deps, { schedule: systemClock, pollMs: 3_600_000, onError: (error) => expect.fail(String(error)) });
    for (let i = 0; i < 3; i++) runner.runSoon('test.slow', 20);
    await running;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    const mid = await listJobs(handle.db, { limit: 10, failedOnly: false });
    expect(mid.runs.find((r) => r.job === 'test.slow')?.status).toBe('running');
    expect(mid.jobs.find((j) => j.name === 'test.slow')?.runner).not.toBeNull();
    release();
    await stopping;
    expect(job.runs).toBe(1);
    const after = await listJobs(handle.db, { limit: 10, failedOnly: false });
    expect(after.runs.filter((r) => r.job === 'test.slow').map((r) => r.status)).toEqual(['succeeded']);
  });

  it('marks a run cut short by a dead process as failed when another process takes the job over', async () => {
    const job = countingJob('test.orphan');
    await runJobsOnce([job], deps, schedule);
    await handle.db.updateTable('jobs').set({ locked_by: 'gone:1', locked_until: new Date(schedule.now().getTime() - 1) }).where('name', '=', job.name).execute();
    await handle.db.insertInto('job_runs').values({ job: job.name, attempt: 1, runner: 'gone:1', started_at: schedule.now(), status: 'running' }).execute();
    await due(handle.db, job.name);
    expect(await runJob(job, deps, { schedule, runner: 'b' })).toMatchObject({ status: 'succeeded' });
    const runs = (await listJobs(handle.db, { limit: 10, failedOnly: false })).runs.filter((r) => r.job === job.name);
    expect(runs.map((r) => [r.runner, r.status])).toEqual([
      ['b', 'succeeded'],
      ['gone:1', 'failed'],
      [runnerName(), 'succeeded'],
    ]);
  });

  it('runs a due job exactly once when three runners on their own connections look for it together', async () => {
    // On the PostgreSQL server each runner has its own pool, as three API processes would; PGlite is one connection.
    const others = kind === 'postgres' ? [await openDatabase({ databaseUrl: handle.url! }), await openDatabase({ databaseUrl: handle.url! })] : [];
    try {
      const dbs = [handle.db, ...others.map((o) => o.db), handle.db].slice(0, 3);
      const shared = countingJob('test.shared', () => new Promise((resolve) => setTimeout(resolve, 50)));
      await runJobsOnce([shared], deps, schedule);
      for (let round = 0; round < 5; round++) {
        await due(handle.db, shared.name);
        const before = shared.runs;
        const runners = dbs.map((db, i) => startJobRunner([shared], { ...deps, db }, { schedule, pollMs: 5, runner: `p${i}`, onError: (error) => expect.fail(String(error)) }));
        await new Promise((resolve) => setTimeout(resolve, 400));
        await Promise.all(runners.map((r) => r.stop()));
        expect(shared.runs - before).toBe(1);
      }
      const rows = await sql<{ n: number }>`select count(*)::int as n from job_runs where job = 'test.shared'`.execute(handle.db);
      expect(rows.rows[0]?.n).toBe(6);
    } finally {
      for (const o of others) await o.close();
    }
  });
});

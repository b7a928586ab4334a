// Periodic jobs in running Maille instances: on the PostgreSQL server three instances (each its own pool, as three API
// processes) share the queue and each due job runs exactly once; an admin lists jobs and runs, nobody else does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD } from '../../../test/support/factories.ts';
import { Client } from '../../../test/support/http.ts';
import { createMaille, jobs, type Maille } from '../app.ts';
import { fixedClock } from '../core/clock.ts';
import { loadConfig } from '../core/config.ts';
import { openDatabase } from '../core/database/connect.ts';

describe.each(databaseKinds())('periodic jobs in Maille on %s', (kind) => {
  const instances: Maille[] = [];
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' });
  const clock = fixedClock(new Date());
  beforeAll(async () => {
    const first = await openTestDatabase(kind);
    // PGlite is one process's; the PostgreSQL server takes three, each on its own pool.
    const handles = kind === 'postgres' ? [first, await openDatabase({ databaseUrl: first.url! }), await openDatabase({ databaseUrl: first.url! })] : [first];
    for (const database of handles) instances.push(await createMaille(config, { database, clock, jobs: { pollMs: 20 } }));
  });
  afterAll(async () => {
    // The first handle's close drops the test database: the others close before it.
    for (const m of [...instances].reverse()) await m.close();
  });

  // Room for a crowded machine: every job of Maille runs once, then three sign-ins.
  it(`runs each due job exactly once across ${kind === 'postgres' ? 'three instances' : 'the instance'}, and lists them to an admin only`, { timeout: 120_000 }, async () => {
    const db = instances[0]!.database.db;
    const names = jobs.filter((j) => j.enabled?.({ db, config, clock }) ?? true).map((j) => j.name);
    await expect.poll(async () => (await db.selectFrom('jobs').select('name').execute()).length, { timeout: 30_000 }).toBe(names.length);
    await db.updateTable('jobs').set({ next_run_at: new Date(0) }).execute();
    const finished = async () => (await db.selectFrom('job_runs').select(['job', 'runner']).where('status', '=', 'succeeded').execute()).length;
    await expect.poll(finished, { timeout: 60_000 }).toBe(names.length);
    // Every instance kept looking for due jobs meanwhile: none ran one again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const runs = await db.selectFrom('job_runs').select(['job', 'status']).orderBy('job').execute();
    expect(runs).toEqual([...names].sort().map((job) => ({ job, status: 'succeeded' })));

    const territory = await buildTerritory(db);
    const admin = await new Client(instances[0]!.app).signIn((await buildUser(db, { territory, roles: ['resident', 'admin'] })).email, PASSWORD);
    const resident = await new Client(instances[0]!.app).signIn((await buildUser(db, { territory })).email, PASSWORD);
    const list = await admin.get('/api/jobs?limit=100');
    expect(list.statusCode).toBe(200);
    const body = list.json<{ jobs: { name: string; failures: number }[]; runs: { job: string; status: string; summary: string }[] }>();
    expect(body.jobs.map((j) => j.name).sort()).toEqual([...names].sort());
    expect(body.runs.find((r) => r.job === 'commitments.sweep')?.summary).toMatch(/^Commitments: \d+ examined/);
    expect((await admin.get('/api/jobs?failed=true')).json()).toMatchObject({ runs: [] });
    expect((await resident.get('/api/jobs')).statusCode).toBe(403);
    expect((await new Client(instances[0]!.app).get('/api/jobs')).statusCode).toBe(401);
  });
});

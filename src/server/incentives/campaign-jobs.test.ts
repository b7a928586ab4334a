// Running campaigns are settled without an operator: by the periodic job, brought forward when a gesture is recorded
// (a burst of them shares one run), and by settling every active campaign of a territory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { systemClock } from '../core/clock.ts';
import { startJobRunner } from '../core/jobs.ts';
import { settleActiveCampaigns } from './campaign-jobs.ts';
import { incentiveJobs, SETTLE_CAMPAIGNS } from './jobs.ts';
import { addDays, campaignBody, corridor, shiftGesture, today } from './campaign-test-fixtures.ts';
import { balanceOf } from './ledger-store.ts';

describe.each(databaseKinds())('campaign jobs on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('settles soon after a gesture brings the job forward, once for a burst, and a territory on demand', { timeout: 120_000 }, async () => {
    const db = t.database.db;
    const territory = await buildTerritory(db);
    const operatorUser = await buildUser(db, { territory, roles: ['resident', 'operator'] });
    const operator = await new Client(t.app).signIn(operatorUser.email, PASSWORD);
    const person = await buildUser(db, { territory });
    const corridorId = await corridor(db, territory.id);
    const day = (n: number) => addDays(today(t.clock.now()), n);
    const base = `/api/territories/${territory.slug}/campaigns`;
    const id = (await operator.post(base, campaignBody({ startsOn: day(-7), endsOn: day(7) }))).json().id;
    expect((await operator.post(`${base}/${id}/launch`)).statusCode).toBe(200);

    const errors: unknown[] = [];
    // The job is due in 5 minutes of real time; only being brought forward makes it run within this test.
    const runner = startJobRunner(incentiveJobs, { db, config: t.config, clock: t.clock }, { schedule: systemClock, pollMs: 10, onError: (error) => errors.push(error) });
    try {
      await shiftGesture(db, { territoryId: territory.id, userId: person.id, corridorId, date: day(-1) });
      // Three gestures in a row: one settlement.
      for (let i = 0; i < 3; i++) runner.runSoon(SETTLE_CAMPAIGNS, 20);
      await expect.poll(() => balanceOf(db, territory.id, `wallet:${person.id}`), { timeout: 30_000 }).toBe(100);
    } finally {
      await runner.stop();
    }
    expect(errors).toEqual([]);
    const runs = await db.selectFrom('job_runs').select(['status', 'summary']).where('job', '=', SETTLE_CAMPAIGNS).execute();
    expect(runs).toEqual([{ status: 'succeeded', summary: expect.stringMatching(/^Campaigns: \d+ settled, 1 gestures awarded, 100 cents paid\.$/) }]);

    await shiftGesture(db, { territoryId: territory.id, userId: person.id, corridorId, date: day(0) });
    const results = await settleActiveCampaigns({ db, clock: t.clock }, { territoryId: territory.id });
    expect(results.get(id)).toMatchObject({ awarded: 1, paidCents: 100 });
    expect(await balanceOf(db, territory.id, `wallet:${person.id}`)).toBe(200);
  });
});

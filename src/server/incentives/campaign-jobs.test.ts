// Running campaigns are settled without an operator: soon after a gesture is recorded in their territory
// (debounced), and by the periodic sweep of every active campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { createEventBus } from '../core/events.ts';
import { settleActiveCampaigns, startCampaignJobs } from './campaign-jobs.ts';
import { addDays, campaignBody, corridor, shiftGesture, today } from './campaign-test-fixtures.ts';
import { balanceOf } from './ledger-store.ts';

describe.each(databaseKinds())('campaign jobs on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('settles a territory soon after a gesture is recorded there, and every active campaign on the sweep', async () => {
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

    const bus = createEventBus();
    const errors: unknown[] = [];
    const jobs = startCampaignJobs({ db, clock: t.clock, bus }, (error) => errors.push(error), { everyMs: 3_600_000, debounceMs: 20 });
    try {
      await shiftGesture(db, { territoryId: territory.id, userId: person.id, corridorId, date: day(-1) });
      // Three events in a row: one settlement.
      for (let i = 0; i < 3; i++) bus.publish('gesture.recorded', { territoryId: territory.id, userId: person.id });
      await expect.poll(() => balanceOf(db, territory.id, `wallet:${person.id}`), { timeout: 5_000 }).toBe(100);
    } finally {
      await jobs.stop();
    }
    expect(errors).toEqual([]);

    await shiftGesture(db, { territoryId: territory.id, userId: person.id, corridorId, date: day(0) });
    const results = await settleActiveCampaigns({ db, clock: t.clock }, { territoryId: territory.id });
    expect(results.get(id)).toMatchObject({ awarded: 1, paidCents: 100 });
    expect(await balanceOf(db, territory.id, `wallet:${person.id}`)).toBe(200);
  });
});

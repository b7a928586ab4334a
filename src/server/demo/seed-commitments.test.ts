// The demo's conditional commitments: one at every stage, added once, read over HTTP as anyone sees them — the one
// close to binding needs 12 more, the completed one shows its kept rate to the public, and the demo resident, who
// launched one and signed three, may answer "did you do it?" on the completed one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { commitmentJobs } from '../commitments/index.ts';
import { DEMO_COMMITMENTS, ensureDemoCommitments } from './seed-commitments.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG, seedDemoIfEmpty } from './seed-demo.ts';

describe('demo commitments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await seedDemoIfEmpty(t.database.db, 40);
  });
  afterAll(() => t.close());

  const C = `/api/territories/${DEMO_SLUG}/commitments`;
  type Item = { wording: string; status: string; progress: { remaining: number }; keptRate: { rate: number | null; answered: number }; createdByMe: boolean; signedByMe: boolean; canCheck: boolean };
  const byStage = (items: Item[], stage: string) => items.find((i) => i.wording === DEMO_COMMITMENTS.find((c) => c.stage === stage)!.wording)!;

  it('adds one commitment at every stage, once', async () => {
    expect(await ensureDemoCommitments(t.database.db, t.clock.now())).toBe(DEMO_COMMITMENTS.length);
    expect(await ensureDemoCommitments(t.database.db, t.clock.now())).toBe(0);
    const { items } = (await new Client(t.app).get(C)).json<{ items: Item[] }>();
    expect(items.map((i) => i.status).sort()).toEqual(['active', 'collecting', 'collecting', 'completed', 'failed', 'succeeded']);
    expect(byStage(items, 'close').progress.remaining).toBe(12);
    expect(byStage(items, 'failed').status).toBe('failed');
    expect(byStage(items, 'completed').keptRate).toMatchObject({ answered: 20, rate: 0.7 });
  });

  it('sends nothing new when the sweep runs at the demo’s start', async () => {
    const sweep = commitmentJobs.find((j) => j.name === 'commitments.sweep')!;
    const report = await sweep.run({ db: t.database.db, config: t.config, clock: t.clock });
    expect(report.summary).toContain(' 0 failure notices, 0 creators nudged, 0 "did you do it?" asked, 0 mails queued');
  });

  it('shows the demo resident what she launched and signed, and the check she may answer', async () => {
    const helene = await new Client(t.app).signIn(DEMO_ACCOUNTS.find((a) => a.note === 'resident')!.email, DEMO_PASSWORD);
    const { items } = (await helene.get(`/api/territories/${DEMO_SLUG}/me/commitments`)).json<{ items: Item[] }>();
    expect(items).toHaveLength(3);
    expect(byStage(items, 'close')).toMatchObject({ createdByMe: true, signedByMe: true });
    expect(byStage(items, 'completed')).toMatchObject({ signedByMe: true, canCheck: true });
  });
});

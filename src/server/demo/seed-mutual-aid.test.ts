// The demo's mutual aid: synthetic helpers, open requests near the demo resident (who finds them as a helper,
// approximate area only), standing offers, done requests in past weeks behind the hours of help; added once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG, seedDemoIfEmpty } from './seed-demo.ts';
import { inVoice, voiceOf } from './names.ts';
import { ensureDemoMutualAid, OPEN, STANDING } from './seed-mutual-aid.ts';

describe('demo mutual aid', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The demo finishes 2 to 4 requests a week: under the default of 5, its weeks would read « moins de 5 personnes ».
    t = await startTestApp('pglite', { PRIVACY_MIN_GROUP: '2' });
    await seedDemoIfEmpty(t.database.db, 60);
  });
  afterAll(() => t.close());

  const A = `/api/territories/${DEMO_SLUG}/mutual-aid`;
  const signIn = (email: string) => new Client(t.app).signIn(email, DEMO_PASSWORD);

  it('adds helpers, open requests, offers and past done requests, once', async () => {
    const added = await ensureDemoMutualAid(t.database.db, t.clock.now());
    expect(added).not.toBeNull();
    expect(added!.openRequests).toBeGreaterThanOrEqual(8);
    expect(added!.doneRequests).toBeGreaterThanOrEqual(12);
    expect(added!.helpers).toBeGreaterThanOrEqual(10);
    expect(await ensureDemoMutualAid(t.database.db, t.clock.now())).toBeNull();
    // Only requests under way keep an address; every one is marked as invented.
    const addresses = await t.database.db.selectFrom('aid_request_addresses').select('address').execute();
    expect(addresses).toHaveLength(added!.openRequests);
    expect(addresses.every((a) => a.address.includes('fictive'))).toBe(true);
  });

  it('writes each request and standing offer in words that agree with its author’s first name', async () => {
    const db = t.database.db;
    const requests = await db.selectFrom('aid_requests as r').innerJoin('users as u', 'u.id', 'r.requester_id').select(['r.description as text', 'u.display_name']).execute();
    const offers = await db.selectFrom('aid_offers as o').innerJoin('users as u', 'u.id', 'o.helper_id').select(['o.text', 'u.display_name']).execute();
    const templates = [...OPEN.map((o) => o.text), ...STANDING.map((s) => s.text), 'Un coup de main.'];
    expect(requests.length + offers.length).toBeGreaterThan(20);
    for (const { text, display_name } of [...requests, ...offers]) {
      const voice = voiceOf(display_name ?? '');
      expect(voice, display_name ?? '').not.toBeNull();
      expect(templates.map((x) => inVoice(x, voice)), `${display_name ?? ''}: ${text}`).toContain(text);
    }
  });

  it('lets the demo resident find requests near her, approximate area only', async () => {
    const helene = await signIn(DEMO_ACCOUNTS[0]!.email);
    const nearby = await helene.get(`${A}/requests/nearby`);
    const body = nearby.json();
    expect(body.hasProfile).toBe(true);
    expect(body.items.length).toBeGreaterThanOrEqual(4);
    expect(body.items.some((i: { communeName: string; skillMatch: boolean }) => i.communeName === 'Dijon' && i.skillMatch)).toBe(true);
    expect(nearby.body).not.toContain('fictive');
    const offers = (await helene.get(`${A}/offers`)).json().items;
    expect(offers.length).toBe(6);
  });

  it('shows hours of help in past weeks, with reported and estimated hours apart', async () => {
    const impact = (await new Client(t.app).get(`${A}/impact?weeks=8`)).json();
    expect(impact.totals.requestsDone).toBeGreaterThanOrEqual(12);
    expect(impact.totals.hoursReported).toBeGreaterThan(0);
    expect(impact.totals.hoursEstimated).toBeGreaterThan(0);
    expect(impact.totals.peopleHelped).toBeGreaterThan(5);
    expect(impact.weeks.filter((w: { requestsDone: number }) => w.requestsDone > 0).length).toBeGreaterThanOrEqual(5);
  });
});

// The demo's volunteering: five invented organisations in Dijon Métropole, a dozen published missions in the coming
// weeks with applications, response figures computed from past answers, the organiser managing one organisation,
// the operator's queue not empty; added once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG, seedDemoIfEmpty } from './seed-demo.ts';
import { inVoice, voiceOf } from './names.ts';
import { DEMO_ORGANISATIONS, ensureDemoVolunteering, MESSAGES } from './seed-volunteering.ts';

describe('demo volunteering', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await seedDemoIfEmpty(t.database.db, 40);
  });
  afterAll(() => t.close());

  const V = `/api/territories/${DEMO_SLUG}/volunteering`;
  const signIn = (start: string) => new Client(t.app).signIn(DEMO_ACCOUNTS.find((a) => a.email.startsWith(start))!.email, DEMO_PASSWORD);

  it('adds organisations, missions and applications once', async () => {
    const added = await ensureDemoVolunteering(t.database.db, t.clock.now());
    expect(added).toMatchObject({ organisations: 6, missions: 18 });
    expect(added!.participations).toBeGreaterThan(30);
    expect(await ensureDemoVolunteering(t.database.db, t.clock.now())).toBeNull();
  });

  it('writes each synthetic applicant’s message in words that agree with their first name', async () => {
    const messages = await t.database.db
      .selectFrom('participations as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.message', 'u.display_name'])
      .where('u.synthetic', '=', true)
      .execute();
    expect(messages.length).toBeGreaterThan(30);
    for (const { message, display_name } of messages) {
      const voice = voiceOf(display_name ?? '');
      expect(voice, display_name ?? '').not.toBeNull();
      expect(MESSAGES.map((x) => inVoice(x, voice)), `${display_name ?? ''}: ${message ?? ''}`).toContain(message);
    }
  });

  it('shows a dozen published missions in the coming weeks, on site in Dijon Métropole communes or online, never an address', async () => {
    const res = (await new Client(t.app).get(`${V}/missions`)).json();
    expect(res.total).toBe(12);
    const soon = Date.now() + 40 * 86_400_000;
    for (const m of res.items) {
      expect(m.organisation.name).toContain('(démo)');
      expect(new Date(m.nextOccurrence).getTime()).toBeLessThan(soon);
      if (!m.online) expect(m.communeName).toBeTruthy();
    }
    expect(res.items.filter((m: { online: boolean }) => m.online)).toHaveLength(2);
    expect(new Set(res.items.map((m: { communeName: string | null }) => m.communeName))).toEqual(new Set([null, 'Chenôve', 'Quetigny', 'Dijon', 'Talant', 'Longvic', 'Fontaine-lès-Dijon']));
    const text = JSON.stringify(res);
    for (const o of DEMO_ORGANISATIONS) for (const m of o.missions) if (m.place) expect(text).not.toContain(m.place.address);
    const near = (await new Client(t.app).get(`${V}/missions?commune=21231&radiusKm=3&mode=on_site`)).json();
    expect(near.total).toBeGreaterThan(0);
    expect(near.total).toBeLessThan(10);
  });

  it('gives every organisation response figures computed from its answered applications', async () => {
    const items = (await new Client(t.app).get(`${V}/organisations`)).json().items;
    expect(items.map((o: { name: string }) => o.name).sort()).toEqual(DEMO_ORGANISATIONS.map((o) => o.name).sort());
    for (const o of items) {
      expect(o.response.answered, o.name).toBeGreaterThan(0);
      expect(o.response.medianHours, o.name).toBeGreaterThan(0);
      // Applications still unanswered after a week count against the organisation.
      expect(o.response.rate, o.name).toBeGreaterThan(0.5);
      expect(o.response.rate, o.name).toBeLessThanOrEqual(1);
    }
  });

  it('lets the demo organiser manage the tutoring association, with applications to answer', async () => {
    const omar = await signIn('organisateur');
    const mine = (await omar.get(`${V}/my-organisations`)).json().items;
    expect(mine).toEqual([expect.objectContaining({ name: 'Coup de pouce scolaire des Grésilles (démo)', status: 'validated', manager: true })]);
    const page = (await omar.get(`${V}/organisations/${mine[0].id}`)).json();
    const homework = page.missions.find((m: { title: string }) => m.title === 'Aide aux devoirs (CP–CM2)');
    const applications = (await omar.get(`${V}/missions/${homework.id}/participations`)).json().items;
    expect(applications.filter((a: { status: string }) => a.status === 'applied')).toHaveLength(2);
  });

  it('puts one organisation and one mission in the operator’s queue, and an accepted mission in the resident’s list', async () => {
    const queue = (await (await signIn('operatrice')).get(`${V}/validation?reason=demandes%20du%20jour`)).json();
    expect(queue.organisations).toHaveLength(1);
    expect(queue.missions).toHaveLength(1);
    const mine = (await (await signIn('habitante')).get(`${V}/me/participations`)).json().items;
    expect(mine).toEqual([expect.objectContaining({ status: 'accepted', address: 'Place du marché, Talant' })]);
  });
});

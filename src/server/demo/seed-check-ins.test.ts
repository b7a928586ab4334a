// The demo's daily check-ins: four synthetic follow-ups with referents and two weeks of history, added once; the demo
// resident looks after one of them (and sees its acknowledged missed day); the demo mediator, on duty, sees the one
// passed on to the people on duty; nothing is missed when the demo starts, so its own sweep raises no alert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { sweepCheckIns } from '../check-ins/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG, seedDemoIfEmpty } from './seed-demo.ts';
import { inVoice, voiceOf } from './names.ts';
import { DEMO_ACKNOWLEDGEMENT_NOTES, DEMO_FOLLOW_UPS, ensureDemoCheckIns } from './seed-check-ins.ts';

describe('demo check-ins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await seedDemoIfEmpty(t.database.db, 40);
  });
  afterAll(() => t.close());

  const C = `/api/territories/${DEMO_SLUG}/check-ins`;
  const signIn = (note: string) => new Client(t.app).signIn(DEMO_ACCOUNTS.find((a) => a.note.startsWith(note))!.email, DEMO_PASSWORD);

  it('adds four follow-ups with referents and history, once', async () => {
    expect(await ensureDemoCheckIns(t.database.db, t.clock.now())).toBe(DEMO_FOLLOW_UPS.length);
    expect(await ensureDemoCheckIns(t.database.db, t.clock.now())).toBe(0);
    const referents = await t.database.db.selectFrom('check_in_referents').select('status').execute();
    expect(referents.length).toBe(DEMO_FOLLOW_UPS.reduce((n, f) => n + f.referents, 0) + 1);
    expect(referents.every((r) => r.status === 'active')).toBe(true);
    expect((await t.database.db.selectFrom('check_ins').select('id').execute()).length).toBeGreaterThan(40);
    const enrolledByMediator = await t.database.db.selectFrom('check_in_enrolments').select('consent_ref').where('enrolled_by', 'is not', null).execute();
    expect(enrolledByMediator).toEqual([{ consent_ref: 'Formulaire papier BQ-2026-014' }]);
  });

  it('raises nothing when the demo starts: every past day has a hello or a closed alert', async () => {
    const report = await sweepCheckIns({ db: t.database.db, config: t.config }, t.clock.now());
    expect(report).toMatchObject({ raised: 0, escalated: 0 });
    expect(await t.database.db.selectFrom('check_in_alerts').select('id').where('resolved_at', 'is', null).execute()).toEqual([]);
  });

  it('shows the demo resident the person she looks after, with the missed day a referent answered', async () => {
    const helene = await signIn('resident');
    const { watching } = (await helene.get(`${C}/watching`)).json();
    expect(watching).toHaveLength(1);
    const history = (await helene.get(`${C}/enrolments/${watching[0].enrolmentId}/history`)).json();
    expect(history.alerts).toEqual([expect.objectContaining({ resolution: 'all_well' })]);
    expect(history.alerts[0].acknowledgements.map((a: { action: string }) => a.action)).toEqual(['on_my_way', 'all_well']);
  });

  it('speaks of each resident in words that agree with their first name', async () => {
    const notes = await t.database.db
      .selectFrom('check_in_acknowledgements as k')
      .innerJoin('check_in_alerts as a', 'a.id', 'k.alert_id')
      .innerJoin('check_in_enrolments as e', 'e.id', 'a.enrolment_id')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['k.note', 'u.display_name'])
      .execute();
    expect(notes.length).toBeGreaterThanOrEqual(3);
    for (const { note, display_name } of notes) {
      const voice = voiceOf(display_name ?? '');
      expect(voice, display_name ?? '').not.toBeNull();
      expect(Object.values(DEMO_ACKNOWLEDGEMENT_NOTES).map((n) => inVoice(n, voice)), display_name ?? '').toContain(note);
    }
  });

  it('shows the demo mediator, on duty, the alert passed on to her and closed by a late hello', async () => {
    const maryse = await signIn('mediator');
    const { items } = (await maryse.get(`${C}/duty?reason=permanence%20du%20jour`)).json();
    expect(items).toEqual([expect.objectContaining({ resolution: 'checked_in', acknowledgements: [expect.objectContaining({ role: 'duty', action: 'on_my_way' })] })]);
    // Other residents' histories stay closed to her without a reason.
    expect((await maryse.get(`${C}/enrolments/${items[0].enrolmentId}/history`)).statusCode).toBe(403);
  });
});

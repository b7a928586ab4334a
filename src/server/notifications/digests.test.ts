// E-mail preferences and digests on a real database with a fixed clock: immediately (the default) mails at once,
// never sends nothing, daily and weekly hold the mail for one digest per period at 07:00 Paris time (Monday for
// weekly), sent once however often the job runs; the in-app notification is always recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import type { Viewer } from '../core/auth/sessions.ts';
import { notify } from './notify.ts';
import { getPreferences, setPreferences } from './preferences.ts';
import { sendDigests } from './send-digests.ts';

describe.each(databaseKinds())('notification e-mail preferences and digests on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  /** Paris is UTC+1 in March before the 29th: 07:00 Paris is 06:00Z. */
  const at = (iso: string) => t.clock.set(new Date(iso));
  const person = async (email?: 'immediately' | 'daily' | 'weekly' | 'never') => {
    const u = await buildUser(db(), { territory });
    // Sessions follow the real time, so the preference is stored directly (the HTTP route is tested above).
    if (email) await db().insertInto('notification_preferences').values({ user_id: u.id, email, updated_at: t.clock.now() }).execute();
    return u;
  };
  const tell = (u: UserFixture, n: number) =>
    db()
      .transaction()
      .execute((trx) =>
        notify(trx, { territoryId: territory.id, userIds: [u.id], kind: 'test.notice', params: { n }, link: `/t/${territory.slug}/engagements/${n}`, mail: (l) => ({ subject: l === 'fr' ? `Nouvelle n°${n}` : `News #${n}`, text: `Texte ${n}` }) }, { now: t.clock.now(), publicUrl: t.config.publicUrl }),
      );
  const mails = (u: UserFixture) => db().selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', u.email).orderBy('id').execute();
  const notices = async (u: UserFixture) => (await db().selectFrom('notifications').select('id').where('user_id', '=', u.id).execute()).length;
  const run = () => sendDigests({ db: db(), config: t.config }, t.clock.now());

  it('reads and sets the preference: immediately by default, only the four choices', async () => {
    const u = await buildUser(db(), { territory });
    const c = await new Client(t.app).signIn(u.email, PASSWORD);
    expect((await c.get('/api/notifications/preferences')).json()).toEqual({ email: 'immediately', hasEmail: true, lastDigestAt: null });
    expect((await c.put('/api/notifications/preferences', { email: 'daily' })).json()).toMatchObject({ email: 'daily' });
    expect((await c.put('/api/notifications/preferences', { email: 'daily' })).statusCode).toBe(200);
    const bad = await c.put('/api/notifications/preferences', { email: 'hourly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: '/email' });
    expect((await new Client(t.app).get('/api/notifications/preferences')).statusCode).toBe(401);
  });

  it('mails at once by default, and never when the person chose never (in-app kept)', async () => {
    at('2026-03-11T09:00:00Z');
    const eager = await person();
    const quiet = await person('never');
    expect((await tell(eager, 1)).mailed).toBe(1);
    expect((await tell(quiet, 1)).mailed).toBe(0);
    expect(await mails(eager)).toEqual([{ subject: 'Nouvelle n°1', body_text: `Texte 1\n\n${t.config.publicUrl}/t/${territory.slug}/engagements/1` }]);
    expect(await mails(quiet)).toEqual([]);
    expect(await notices(quiet)).toBe(1);
    at('2026-03-12T06:30:00Z');
    expect((await run()).sent).toBe(0);
    expect(await mails(quiet)).toEqual([]);
  });

  it('sends one daily digest at 07:00 Paris time with what was held, once', async () => {
    at('2026-03-11T09:00:00Z'); // Wednesday 10:00 in Paris
    const u = await person('daily');
    await tell(u, 1);
    await tell(u, 2);
    expect(await mails(u)).toEqual([]);
    expect(await notices(u)).toBe(2);
    await run();
    expect(await mails(u)).toEqual([]); // today's 07:00 had passed before they were told
    at('2026-03-12T05:59:00Z'); // 06:59 in Paris
    await run();
    expect(await mails(u)).toEqual([]);
    at('2026-03-12T06:00:00Z'); // 07:00 in Paris
    await run();
    at('2026-03-12T06:10:00Z');
    await run();
    await Promise.all([run(), run()]);
    const sent = await mails(u);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Maille : votre résumé de la journée (2)');
    expect(sent[0]!.body_text).toContain('• Nouvelle n°1');
    expect(sent[0]!.body_text).toContain('• Nouvelle n°2');
    expect(sent[0]!.body_text).toContain(`${t.config.publicUrl}/t/${territory.slug}/engagements/2`);
    // Told again after the digest: it waits for tomorrow's.
    at('2026-03-12T08:00:00Z');
    await tell(u, 3);
    await run();
    expect(await mails(u)).toHaveLength(1);
    at('2026-03-13T06:05:00Z');
    await run();
    const next = await mails(u);
    expect(next).toHaveLength(2);
    expect(next[1]!.subject).toBe('Maille : votre résumé de la journée (1)');
    expect(next[1]!.body_text).not.toContain('n°1');
    const digests = await db().selectFrom('notification_digests').select(['cadence', 'period', 'notifications']).where('user_id', '=', u.id).orderBy('id').execute();
    expect(digests).toEqual([
      { cadence: 'daily', period: '2026-03-12', notifications: 2 },
      { cadence: 'daily', period: '2026-03-13', notifications: 1 },
    ]);
  });

  it('sends one weekly digest on Monday at 07:00 Paris time, once', async () => {
    at('2026-03-11T09:00:00Z'); // Wednesday
    const u = await person('weekly');
    await tell(u, 1);
    at('2026-03-13T12:00:00Z'); // Friday
    await tell(u, 2);
    at('2026-03-14T06:00:00Z'); // Saturday 07:00: no weekly digest
    await run();
    expect(await mails(u)).toEqual([]);
    at('2026-03-16T05:30:00Z'); // Monday 06:30 in Paris
    await run();
    expect(await mails(u)).toEqual([]);
    at('2026-03-16T06:00:00Z'); // Monday 07:00 in Paris
    await run();
    at('2026-03-16T12:00:00Z');
    await run();
    at('2026-03-17T06:00:00Z');
    await run();
    const sent = await mails(u);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Maille : votre résumé de la semaine (2)');
    const digests = await db().selectFrom('notification_digests').select(['cadence', 'period']).where('user_id', '=', u.id).execute();
    expect(digests).toEqual([{ cadence: 'weekly', period: '2026-03-16' }]);
    expect(await getPreferences(db(), { userId: u.id } as Viewer)).toMatchObject({ email: 'weekly', lastDigestAt: new Date('2026-03-16T06:00:00Z') });
  });

  it('follows a changed choice: held notices go in no mail once the person chose never', async () => {
    at('2026-03-11T09:00:00Z');
    const u = await person('daily');
    await tell(u, 1);
    await setPreferences({ db: db(), clock: t.clock }, { userId: u.id } as Viewer, 'never');
    at('2026-03-12T06:00:00Z');
    expect((await run()).dropped).toBeGreaterThanOrEqual(1);
    expect(await mails(u)).toEqual([]);
    expect(await notices(u)).toBe(1);
  });
});

// E-mail verification: a new address gets its verification link and nothing else, e-mail-domain communities open
// only to verified addresses, the link is single-use, and a new address replaces the old one only once verified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { enqueueMail } from '../core/mailer/outbox.ts';
import { notify } from '../notifications/index.ts';
import { VERIFY_MAILS } from './verify-email.ts';

describe.each(databaseKinds())('e-mail verification on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const mailsTo = (email: string) => db().selectFrom('mail_outbox').select(['subject', 'body_text', 'purpose']).where('to_address', '=', email).orderBy('id').execute();
  const tokenIn = (text: string) => /verifier\?token=([\w-]+)/.exec(text)?.[1] ?? '';
  const signUp = async (email: string) => {
    const client = new Client(t.app);
    const res = await client.post('/api/auth/sign-up', { email, password: PASSWORD, displayName: 'Nina', territory: territory.slug });
    expect(res.statusCode).toBe(201);
    return { client, me: res.json() };
  };
  const tell = (userId: string) =>
    db().transaction().execute((trx) => notify(trx, { territoryId: territory.id, userIds: [userId], kind: 'test.notice', mail: () => ({ subject: 'Une nouvelle', text: 'Texte' }) }, { now: t.clock.now(), publicUrl: t.config.publicUrl }));

  it('sends only the verification link to a new address, holds every other mail back, and keeps domain communities closed', async () => {
    const { client, me } = await signUp('nina@ville-exemple.fr');
    expect(me).toMatchObject({ email: 'nina@ville-exemple.fr', emailVerified: false, pendingEmail: null });
    const mails = await mailsTo('nina@ville-exemple.fr');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ purpose: 'verification', subject: 'Maille : confirmez votre adresse e-mail' });
    expect(mails[0]!.body_text).toContain(`${t.config.publicUrl}/verifier?token=`);
    const stored = await db().selectFrom('email_verification_tokens').select('id').where('user_id', '=', me.id).execute();
    expect(stored.map((s) => s.id)).not.toContain(tokenIn(mails[0]!.body_text)); // a digest, never the secret

    // Notices: recorded in the app, no mail queued; a direct notice mail is refused by the outbox.
    expect(await tell(me.id)).toEqual({ notified: 1, mailed: 0 });
    expect(await db().transaction().execute((trx) => enqueueMail(trx, { to: 'nina@ville-exemple.fr', userId: me.id, subject: 'x', text: 'y' }))).toBe(false);
    expect(await mailsTo('nina@ville-exemple.fr')).toHaveLength(1);

    const community = await buildCommunity(db(), { territory, joinPolicy: 'email_domain', emailDomain: 'ville-exemple.fr', visibility: 'public' });
    const refused = await client.post(`/api/territories/${territory.slug}/communities/${community.id}/join`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'email_unverified' });
    expect(await db().selectFrom('community_members').select('user_id').where('community_id', '=', community.id).where('user_id', '=', me.id).execute()).toHaveLength(0);

    const verified = await new Client(t.app).post('/api/auth/verify-email', { token: tokenIn(mails[0]!.body_text) });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ email: 'nina@ville-exemple.fr' });
    expect((await client.get('/api/me')).json()).toMatchObject({ emailVerified: true });
    expect((await client.post(`/api/territories/${territory.slug}/communities/${community.id}/join`, {})).json()).toEqual({ status: 'active' });
    expect(await tell(me.id)).toEqual({ notified: 1, mailed: 1 });

    const again = await new Client(t.app).post('/api/auth/verify-email', { token: tokenIn(mails[0]!.body_text) });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ field: '/token' });
  });

  it('refuses an unknown or expired link naming the field, and writes nothing', async () => {
    const unknown = await new Client(t.app).post('/api/auth/verify-email', { token: 'x'.repeat(43) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'invalid', field: '/token' });
    const { me } = await signUp('late@example.org');
    const [mail] = await mailsTo('late@example.org');
    t.clock.advance(49 * 3_600_000);
    expect((await new Client(t.app).post('/api/auth/verify-email', { token: tokenIn(mail!.body_text) })).statusCode).toBe(400);
    const row = await db().selectFrom('users').select('email_verified_at').where('id', '=', me.id).executeTakeFirstOrThrow();
    expect(row.email_verified_at).toBeNull();
  });

  it(`resends the link at most ${VERIFY_MAILS.perAccount} times an hour, and not for a verified address`, async () => {
    const { client } = await signUp('again@example.org');
    for (let i = 1; i < VERIFY_MAILS.perAccount; i += 1) expect((await client.post('/api/me/email/verification')).statusCode).toBe(202);
    const capped = await client.post('/api/me/email/verification');
    expect(capped.statusCode).toBe(429);
    expect(await mailsTo('again@example.org')).toHaveLength(VERIFY_MAILS.perAccount);
    const verifiedUser = await buildUser(db(), { territory });
    const done = await (await new Client(t.app).signIn(verifiedUser.email, PASSWORD)).post('/api/me/email/verification');
    expect(done.statusCode).toBe(409);
  });

  it('changes the address only once the new one is verified, with the password, never to a taken one', async () => {
    const user = await buildUser(db(), { territory });
    const taken = await buildUser(db(), { territory });
    const client = await new Client(t.app).signIn(user.email, PASSWORD);
    const wrong = await client.post('/api/me/email', { email: 'new-home@example.org', password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: '/password' });
    expect((await client.post('/api/me/email', { email: taken.email, password: PASSWORD })).statusCode).toBe(409);
    const asked = await client.post('/api/me/email', { email: 'New-Home@example.org', password: PASSWORD });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ email: user.email, emailVerified: true, pendingEmail: 'new-home@example.org' });
    // Until then the current address keeps receiving mail, the new one only its link.
    expect(await tell(user.id)).toEqual({ notified: 1, mailed: 1 });
    const [link] = await mailsTo('new-home@example.org');
    expect(link).toMatchObject({ purpose: 'verification' });
    expect((await client.get('/api/me/export')).json().emailVerifications).toEqual([expect.objectContaining({ email: 'new-home@example.org', usedAt: null })]);
    expect((await new Client(t.app).post('/api/auth/verify-email', { token: tokenIn(link!.body_text) })).statusCode).toBe(200);
    expect((await client.get('/api/me')).json()).toMatchObject({ email: 'new-home@example.org', emailVerified: true, pendingEmail: null });
    expect((await new Client(t.app).post('/api/auth/sign-in', { email: user.email, password: PASSWORD })).statusCode).toBe(401);
    await new Client(t.app).signIn('new-home@example.org', PASSWORD);
  });
});

// Accounts over HTTP on a real database: sign-up, sign-in, throttling, CSRF, password reset, erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTerritory, buildUser, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { THROTTLE } from './sign-in-throttle.ts';

describe.each(databaseKinds())('accounts on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;

  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const signUpBody = (email: string) => ({ email, password: 'a long enough password', displayName: 'Zoé', territory: territory.slug });

  it('signs up, sets an HttpOnly session cookie and a readable CSRF cookie, and answers /api/me', async () => {
    const client = new Client(t.app);
    const res = await client.post('/api/auth/sign-up', signUpBody('zoe@example.org'));
    expect(res.statusCode).toBe(201);
    const session = res.cookies.find((c) => c.name === 'maille_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.cookies.find((c) => c.name === 'maille_csrf')?.httpOnly).toBeFalsy();
    const me = await client.get('/api/me');
    expect(me.json()).toMatchObject({ email: 'zoe@example.org', displayName: 'Zoé', territories: [{ slug: territory.slug, roles: ['resident'] }] });
  });

  it('refuses a duplicate e-mail with 409, whatever its case, and writes nothing', async () => {
    const before = await t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const res = await new Client(t.app).post('/api/auth/sign-up', signUpBody('ZOE@example.org'));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', field: '/email' });
    const after = await t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a weak password naming the field, and an unknown territory with 404', async () => {
    const weak = await new Client(t.app).post('/api/auth/sign-up', { ...signUpBody('w@example.org'), password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('/password');
    const nowhere = await new Client(t.app).post('/api/auth/sign-up', { ...signUpBody('n@example.org'), territory: 'atlantis' });
    expect(nowhere.statusCode).toBe(404);
    const count = await t.database.db.selectFrom('users').select('id').where('email', 'in', ['w@example.org', 'n@example.org']).execute();
    expect(count).toHaveLength(0);
  });

  it('answers a wrong password exactly like an unknown e-mail', async () => {
    const user = await buildUser(t.database.db, { territory });
    const wrong = await new Client(t.app).post('/api/auth/sign-in', { email: user.email, password: 'not the password' });
    const unknown = await new Client(t.app).post('/api/auth/sign-in', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it(`throttles an account after ${THROTTLE.perAccount} failures with 429 and Retry-After, even with the right password`, async () => {
    const user = await buildUser(t.database.db, { territory });
    for (let i = 0; i < THROTTLE.perAccount; i += 1) {
      expect((await new Client(t.app).post('/api/auth/sign-in', { email: user.email, password: 'wrong password' })).statusCode).toBe(401);
    }
    const blocked = await new Client(t.app).post('/api/auth/sign-in', { email: user.email, password: user.password });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance((THROTTLE.windowMinutes * 60 + 1) * 1000);
    expect((await new Client(t.app).post('/api/auth/sign-in', { email: user.email, password: user.password })).statusCode).toBe(200);
  });

  it('throttles one IP trying many accounts', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < THROTTLE.perIp; i += 1) {
      await new Client(t.app).request({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: ip, payload: { email: `x${i}@example.org`, password: 'whatever it is' } });
    }
    const res = await new Client(t.app).request({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: ip, payload: { email: 'y@example.org', password: 'whatever it is' } });
    expect(res.statusCode).toBe(429);
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const user = await buildUser(t.database.db, { territory });
    const client = await new Client(t.app).signIn(user.email, user.password);
    const res = await t.app.inject({ method: 'PATCH', url: '/api/me', cookies: client.cookies, payload: { displayName: 'Hacked' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    const ok = await client.patch('/api/me', { displayName: 'Renamed' });
    expect(ok.statusCode).toBe(200);
    const crossSite = await client.request({ method: 'PATCH', url: '/api/me', headers: { origin: 'https://evil.example' }, payload: { displayName: 'X' } });
    expect(crossSite.statusCode).toBe(403);
  });

  it('signs out: the session no longer works', async () => {
    const user = await buildUser(t.database.db, { territory });
    const client = await new Client(t.app).signIn(user.email, user.password);
    const cookies = { ...client.cookies };
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies })).statusCode).toBe(401);
  });

  it('resets a password through the mailed single-use link and signs out other sessions', async () => {
    const user = await buildUser(t.database.db, { territory });
    const other = await new Client(t.app).signIn(user.email, user.password);
    expect((await new Client(t.app).post('/api/auth/password-reset', { email: user.email })).statusCode).toBe(202);
    expect((await new Client(t.app).post('/api/auth/password-reset', { email: 'ghost@example.org' })).statusCode).toBe(202);
    const admin = await new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles: ['resident', 'admin'] })).email, user.password);
    const mail = await admin.get('/api/dev/mail');
    const text: string = mail.json().items.find((m: { to: string }) => m.to === user.email).text;
    const token = /token=([\w-]+)/.exec(text)?.[1];
    expect(token).toBeDefined();
    const confirm = await new Client(t.app).post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' });
    expect(confirm.statusCode).toBe(204);
    const again = await new Client(t.app).post('/api/auth/password-reset/confirm', { token, password: 'another new password' });
    expect(again.statusCode).toBe(400);
    expect(again.json().field).toBe('/token');
    expect((await other.get('/api/me')).statusCode).toBe(401);
    await new Client(t.app).signIn(user.email, 'a brand new password');
  });

  it('exports everything about the caller, then erases the account keeping an anonymous tombstone', async () => {
    const client = new Client(t.app);
    await client.post('/api/auth/sign-up', { ...signUpBody('leaving@example.org'), commune: '21002' });
    const community = await client.post(`/api/territories/${territory.slug}/communities`, { name: 'Jardin', kind: 'association', visibility: 'public', joinPolicy: 'open' });
    expect(community.statusCode).toBe(201);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(t.clock.now());
    expect((await client.post(`/api/territories/${territory.slug}/gestures/mode-switches`, { mode: 'bike', date: today, leg: 'out', km: 4 })).statusCode).toBe(200);
    const exported = await client.get('/api/me/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const data = exported.json();
    expect(data.account.email).toBe('leaving@example.org');
    expect(data.territories[0]).toMatchObject({ slug: territory.slug, communeCode: '21002' });
    expect(data.communities[0]).toMatchObject({ community: 'Jardin', role: 'organiser' });
    expect(data.auditLog.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['account.signed_up', 'community.created']));

    const wrong = await client.delete('/api/me', { password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect((await client.delete('/api/me', { password: 'a long enough password' })).statusCode).toBe(204);
    const row = await t.database.db.selectFrom('users').selectAll().where('id', '=', data.account.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, display_name: null, password_hash: null });
    expect(row.deleted_at).not.toBeNull();
    const memberships = await t.database.db.selectFrom('community_members').select('user_id').where('user_id', '=', data.account.id).execute();
    expect(memberships).toHaveLength(0);
    expect(data.mobility.gestures).toHaveLength(1);
    // The gesture stays in the territory's totals, with no link to the erased person.
    const gesture = await t.database.db.selectFrom('gestures').select('user_id').where('id', '=', data.mobility.gestures[0].id).executeTakeFirstOrThrow();
    expect(gesture.user_id).toBeNull();
    expect((await new Client(t.app).post('/api/auth/sign-in', { email: 'leaving@example.org', password: 'a long enough password' })).statusCode).toBe(401);
    // The e-mail is free again.
    expect((await new Client(t.app).post('/api/auth/sign-up', signUpBody('leaving@example.org'))).statusCode).toBe(201);
  });
});

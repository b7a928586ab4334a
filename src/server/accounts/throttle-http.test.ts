// Password throttling under concurrency: a burst of parallel guesses at one account gets at most the limit checked
// (argon2 verifications counted), at sign-in and at account deletion, from one IP or from many.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { passwordChecks } from '../core/auth/password.ts';
import { THROTTLE } from './sign-in-throttle.ts';

describe.each(databaseKinds())('password throttling under concurrency on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const count = (codes: number[], code: number) => codes.filter((c) => c === code).length;

  it(`checks at most ${THROTTLE.perAccount} of 100 parallel wrong passwords for one account, each from its own IP`, async () => {
    const user = await buildUser(t.database.db, { territory });
    const before = passwordChecks.count;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: `198.51.${Math.floor(i / 250)}.${i % 250}`, payload: { email: user.email, password: `wrong password ${i}` } }),
      ),
    );
    const checked = passwordChecks.count - before;
    const codes = answers.map((a) => a.statusCode);
    expect(checked).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(count(codes, 401)).toBe(checked);
    expect(count(codes, 429)).toBe(100 - checked);
    // The right password waits for the window too, without being checked.
    const right = await new Client(t.app).post('/api/auth/sign-in', { email: user.email, password: user.password });
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(passwordChecks.count - before).toBe(checked);
  });

  it('counts an unknown address like a known one (no enumeration by throttling)', async () => {
    const before = passwordChecks.count;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: `203.0.113.${i}`, payload: { email: 'nobody-here@example.org', password: 'whatever it is' } })),
    );
    expect(passwordChecks.count - before).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(count(answers.map((a) => a.statusCode), 429)).toBe(20 - (passwordChecks.count - before));
  });

  it(`checks at most ${THROTTLE.perAccount} of 30 parallel wrong passwords at account deletion, and the account stays`, async () => {
    const user = await buildUser(t.database.db, { territory });
    const client = await new Client(t.app).signIn(user.email, user.password);
    const before = passwordChecks.count;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => client.delete('/api/me', { password: `guess number ${i}` })));
    const checked = passwordChecks.count - before;
    const codes = answers.map((a) => a.statusCode);
    expect(checked).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(count(codes, 400)).toBe(checked);
    expect(count(codes, 429)).toBe(30 - checked);
    expect(answers.find((a) => a.statusCode === 429)?.json()).toMatchObject({ code: 'rate_limited' });
    const row = await t.database.db.selectFrom('users').select('deleted_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).toBeNull();
    // Guesses at deletion and at sign-in share one counter.
    expect((await new Client(t.app).post('/api/auth/sign-in', { email: user.email, password: user.password })).statusCode).toBe(429);
    t.clock.advance((THROTTLE.windowMinutes * 60 + 1) * 1000);
    expect((await client.delete('/api/me', { password: user.password })).statusCode).toBe(204);
  });

  it('forgives the account after the right password, and gives the IP its attempt back', async () => {
    const user = await buildUser(t.database.db, { territory });
    const ip = '192.0.2.77';
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: ip, payload: { email: user.email, password } });
    for (let i = 0; i < THROTTLE.perAccount - 1; i += 1) expect((await attempt('not the password')).statusCode).toBe(401);
    expect((await attempt(user.password)).statusCode).toBe(200);
    for (let i = 0; i < THROTTLE.perAccount; i += 1) expect((await attempt('not the password')).statusCode).toBe(401);
    expect((await attempt(user.password)).statusCode).toBe(429);
  });
});

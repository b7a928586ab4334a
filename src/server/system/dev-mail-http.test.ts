// The demo mail outbox holds live reset links: demo mode only, and a signed-in admin only, wherever the request comes from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

describe.each(databaseKinds())('demo mail outbox on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;

  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const signedIn = async (roles: ('resident' | 'operator' | 'admin')[]) =>
    new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles })).email, PASSWORD);

  it('shows the reset link to a signed-in admin of a territory', async () => {
    const person = await buildUser(t.database.db, { territory });
    expect((await new Client(t.app).post('/api/auth/password-reset', { email: person.email })).statusCode).toBe(202);
    const res = await (await signedIn(['resident', 'admin'])).get('/api/dev/mail');
    expect(res.statusCode).toBe(200);
    const mail = res.json<{ items: { to: string; text: string }[] }>().items.find((m) => m.to === person.email);
    expect(mail?.text).toMatch(/token=[\w-]+/);
  });

  it('refuses anyone else, even from this machine or through a proxy on it', async () => {
    const local = { remoteAddress: '127.0.0.1' };
    const proxied = { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.7' } };
    for (const how of [local, proxied]) {
      const anonymous = await new Client(t.app).request({ method: 'GET', url: '/api/dev/mail', ...how });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(anonymous.body).not.toMatch(/token=/);
    }
    expect((await (await signedIn(['resident'])).get('/api/dev/mail')).statusCode).toBe(403);
    expect((await (await signedIn(['resident', 'operator'])).get('/api/dev/mail')).statusCode).toBe(403);
    // An admin elsewhere is an admin of a territory too; a resident here who administers nothing is not.
    const other = await buildTerritory(t.database.db);
    const adminElsewhere = await new Client(t.app).signIn((await buildUser(t.database.db, { territory: other, roles: ['resident', 'admin'] })).email, PASSWORD);
    expect((await adminElsewhere.get('/api/dev/mail')).statusCode).toBe(200);
  });

  it('does not exist outside demo mode, even for an admin', async () => {
    const live = await startTestApp(kind, { MAILLE_DEMO: 'false' });
    try {
      const here = await buildTerritory(live.database.db);
      const admin = await new Client(live.app).signIn((await buildUser(live.database.db, { territory: here, roles: ['resident', 'admin'] })).email, PASSWORD);
      const res = await admin.get('/api/dev/mail');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    } finally {
      await live.close();
    }
  });
});

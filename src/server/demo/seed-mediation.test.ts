// The demo's assisted residents: two invented people created by the demo mediator with consent references; added once;
// the demo mediator sees them and can act for them, nobody else reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG, seedDemoIfEmpty } from './seed-demo.ts';
import { DEMO_ASSISTED, ensureDemoAssisted } from './seed-mediation.ts';

describe('demo assisted residents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await seedDemoIfEmpty(t.database.db, 20);
  });
  afterAll(() => t.close());

  const T = `/api/territories/${DEMO_SLUG}/mediation`;
  const signIn = (email: string) => new Client(t.app).signIn(email, DEMO_PASSWORD);
  const mediator = DEMO_ACCOUNTS.find((a) => a.roles.includes('mediator'))!;

  it('adds two assisted residents with consent references, once', async () => {
    expect(await ensureDemoAssisted(t.database.db, t.clock.now())).toBe(2);
    expect(await ensureDemoAssisted(t.database.db, t.clock.now())).toBe(0);
    const items = (await (await signIn(mediator.email)).get(`${T}/assisted`)).json().items;
    expect(items.map((a: { displayName: string; consentRef: string; status: string; createdByName: string }) => [a.displayName, a.consentRef, a.status, a.createdByName]).sort()).toEqual(
      DEMO_ASSISTED.map((p) => [p.displayName, p.consentRef, 'active', mediator.displayName]).sort(),
    );
    expect(items.map((a: { communeName: string }) => a.communeName).sort()).toEqual(['Chenôve', 'Talant']);
    const users = await t.database.db.selectFrom('users').select(['email', 'password_hash']).where('display_name', 'in', DEMO_ASSISTED.map((p) => p.displayName)).execute();
    expect(users).toEqual([
      { email: null, password_hash: null },
      { email: null, password_hash: null },
    ]);
  });

  it('lets the demo mediator open a session for one of them; the demo resident and operator cannot read them', async () => {
    const client = await signIn(mediator.email);
    const [first] = (await client.get(`${T}/assisted`)).json().items;
    const res = await client.post(`${T}/sessions`, { residentId: first.userId, reason: 'Démonstration de la médiation' });
    expect(res.statusCode, res.body).toBe(201);
    for (const email of ['habitante@demo.maille.fr', 'operatrice@demo.maille.fr']) {
      expect((await (await signIn(email)).get(`${T}/assisted`)).statusCode).toBe(403);
    }
  });
});

// The exact address of a help request, followed through its life: only the requester and — once accepted, while the
// request is under way — the accepted helper read it. Another helper who offered, the territory's operator and admin,
// a mediator, someone from another territory and an anonymous caller never do; once the request is done or cancelled
// nobody does (it is erased). No list or read of a request carries it, and each read by the helper is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from './support/factories.ts';
import { Client, startTestApp, type TestApp } from './support/http.ts';

const ADDRESS = '7 impasse des Glycines, bâtiment B';
const HOME = { lat: 47.05, lng: 5.05 };
type Who = 'requester' | 'accepted' | 'otherHelper' | 'operator' | 'admin' | 'mediator' | 'outsider' | 'anonymous';
type Stage = 'open' | 'offered' | 'matched' | 'done' | 'cancelled';

// [status, reason] each caller gets from GET …/requests/:id/address at each stage.
const EXPECTED: Record<Stage, Record<Who, [number, string?]>> = {
  open: { requester: [200], accepted: [403, 'not_entitled'], otherHelper: [403, 'not_entitled'], operator: [403, 'not_entitled'], admin: [403, 'not_entitled'], mediator: [403, 'not_entitled'], outsider: [403], anonymous: [401] },
  offered: { requester: [200], accepted: [403, 'not_entitled'], otherHelper: [403, 'not_entitled'], operator: [403, 'not_entitled'], admin: [403, 'not_entitled'], mediator: [403, 'not_entitled'], outsider: [403], anonymous: [401] },
  matched: { requester: [200], accepted: [200], otherHelper: [403, 'not_entitled'], operator: [403, 'not_entitled'], admin: [403, 'not_entitled'], mediator: [403, 'not_entitled'], outsider: [403], anonymous: [401] },
  done: { requester: [403, 'closed'], accepted: [403, 'closed'], otherHelper: [403, 'not_entitled'], operator: [403, 'not_entitled'], admin: [403, 'not_entitled'], mediator: [403, 'not_entitled'], outsider: [403], anonymous: [401] },
  cancelled: { requester: [403, 'closed'], accepted: [403, 'closed'], otherHelper: [403, 'not_entitled'], operator: [403, 'not_entitled'], admin: [403, 'not_entitled'], mediator: [403, 'not_entitled'], outsider: [403], anonymous: [401] },
};

describe.each(databaseKinds())('mutual-aid address privacy on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  const users = {} as Record<Exclude<Who, 'anonymous'>, UserFixture>;
  const clients = {} as Record<Who, Client>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    const elsewhere = await buildTerritory(t.database.db);
    const roles = { requester: ['resident'], accepted: ['resident'], otherHelper: ['resident'], operator: ['resident', 'operator'], admin: ['resident', 'admin'], mediator: ['resident', 'mediator'], outsider: ['resident'] } as const;
    for (const [who, r] of Object.entries(roles) as [Exclude<Who, 'anonymous'>, readonly ('resident' | 'operator' | 'admin' | 'mediator')[]][]) {
      users[who] = await buildUser(t.database.db, { territory: who === 'outsider' ? elsewhere : territory, roles: [...r] });
      clients[who] = await new Client(t.app).signIn(users[who].email, PASSWORD);
    }
    clients.anonymous = new Client(t.app);
    for (const who of ['accepted', 'otherHelper', 'operator', 'admin'] as const) {
      const res = await clients[who].put(`${A()}/helper-profile`, { skills: ['groceries'], weekdays: [1, 2, 3, 4, 5], times: ['morning'], radiusKm: 5, home: HOME });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(() => t.close());

  const A = () => `/api/territories/${territory.slug}/mutual-aid`;
  const inHours = (h: number) => new Date(t.clock.now().getTime() + h * 3_600_000).toISOString();

  async function requestAt(stage: Stage): Promise<string> {
    const res = await clients.requester.post(`${A()}/requests`, {
      kind: 'groceries',
      urgency: 'today',
      window: { from: inHours(1), to: inHours(6) },
      description: 'Du pain, du lait et des fruits.',
      place: HOME,
      address: ADDRESS,
      contact: 'Sonner deux fois',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    if (stage === 'open') return id;
    if (stage === 'cancelled') {
      await clients.accepted.post(`${A()}/requests/${id}/offers`, {});
      await clients.requester.post(`${A()}/requests/${id}/accept`, { helperId: users.accepted.id });
      expect((await clients.requester.post(`${A()}/requests/${id}/cancel`)).statusCode).toBe(200);
      return id;
    }
    for (const who of ['accepted', 'otherHelper', 'operator', 'admin'] as const) await clients[who].post(`${A()}/requests/${id}/offers`, {});
    if (stage === 'offered') return id;
    expect((await clients.requester.post(`${A()}/requests/${id}/accept`, { helperId: users.accepted.id })).statusCode).toBe(200);
    if (stage === 'matched') return id;
    expect((await clients.accepted.post(`${A()}/requests/${id}/done`, {})).statusCode).toBe(200);
    return id;
  }

  for (const stage of Object.keys(EXPECTED) as Stage[]) {
    it(`answers the address at stage "${stage}" to the requester and accepted helper only`, async () => {
      const id = await requestAt(stage);
      for (const [who, [status, reason]] of Object.entries(EXPECTED[stage]) as [Who, [number, string?]][]) {
        const res = await clients[who].get(`${A()}/requests/${id}/address`);
        expect(res.statusCode, `${who} at ${stage}: ${res.body}`).toBe(status);
        if (status === 200) expect(res.json()).toMatchObject({ address: ADDRESS, contact: 'Sonner deux fois' });
        else expect(res.body).not.toContain('Glycines');
        if (reason) expect(res.json().reason, who).toBe(reason);
      }
    });
  }

  it('never carries the address in lists or reads of requests, for anyone', async () => {
    const id = await requestAt('matched');
    const reads = [
      ...(['requester', 'accepted', 'otherHelper', 'operator', 'admin'] as const).flatMap((who) => [
        clients[who].get(`${A()}/requests/nearby`),
        clients[who].get(`${A()}/requests/helping`),
        clients[who].get(`${A()}/requests/mine`),
        clients[who].get(`${A()}/requests/${id}`),
      ]),
      clients.anonymous.get(`${A()}/impact`),
    ];
    for (const res of await Promise.all(reads)) expect(res.body).not.toContain('Glycines');
    const helperMails = await t.database.db.selectFrom('mail_outbox').select('body_text').where('user_id', '=', users.accepted.id).execute();
    expect(helperMails.map((m) => m.body_text).join('\n')).not.toContain('Glycines');
  });

  it('audits each read by the accepted helper, naming the helper', async () => {
    const id = await requestAt('matched');
    await clients.accepted.get(`${A()}/requests/${id}/address`);
    const entries = await t.database.db.selectFrom('audit_log').select(['actor_id', 'action', 'reason']).where('subject_type', '=', 'aid_request').where('subject_id', '=', id).where('action', '=', 'mutual_aid.address_read').execute();
    expect(entries).toEqual([{ actor_id: users.accepted.id, action: 'mutual_aid.address_read', reason: 'accepted_helper' }]);
  });

  it('answers 404 for a request that does not exist in this territory', async () => {
    expect((await clients.requester.get(`${A()}/requests/999999999/address`)).statusCode).toBe(404);
  });
});

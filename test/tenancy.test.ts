// Tenancy: nothing under territory B's slug reads or writes territory A's data, even for a person who
// belongs to both (organiser in A, admin in B) — the strongest caller there is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type CommunityFixture, type TerritoryFixture, type UserFixture } from './support/factories.ts';
import { Client, startTestApp, type TestApp } from './support/http.ts';

describe.each(databaseKinds())('tenancy on %s', (kind) => {
  let t: TestApp;
  let a: TerritoryFixture;
  let b: TerritoryFixture;
  let aPublic: CommunityFixture;
  let aPrivate: CommunityFixture;
  let aMember: UserFixture;
  let aCommunityIds: string[];
  /** Organiser of A's communities and admin of B. */
  let both: Client;
  let bothUser: UserFixture;
  let bAdmin: Client;
  let bResident: Client;

  const B = () => `/api/territories/${b.slug}`;
  const snapshotOfA = async () => {
    const db = t.database.db;
    return {
      communities: await db.selectFrom('communities').selectAll().where('territory_id', '=', a.id).orderBy('id').execute(),
      members: await db.selectFrom('community_members').selectAll().where('territory_id', '=', a.id).orderBy('community_id').orderBy('user_id').execute(),
      roles: await db.selectFrom('territory_members').select(['user_id', 'roles', 'commune_code']).where('territory_id', '=', a.id).orderBy('user_id').execute(),
    };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    a = await buildTerritory(db);
    b = await buildTerritory(db);
    // A commune only A has, to tell the two maps apart.
    await db.insertInto('communes').values({ territory_id: a.id, code: '21999', name: 'Seulement-A', population: 42, boundary: JSON.stringify({ type: 'Point', coordinates: [4, 46] }) }).execute();
    bothUser = await buildUser(db, { territory: a });
    await db.insertInto('territory_members').values({ territory_id: b.id, user_id: bothUser.id, roles: ['resident', 'admin'], commune_code: '21002' }).execute();
    aPublic = await buildCommunity(db, { territory: a, organiser: bothUser, name: 'Jardin partagé Alpha' });
    aPrivate = await buildCommunity(db, { territory: a, organiser: bothUser, visibility: 'private', joinPolicy: 'invite', name: 'Cercle privé Alpha' });
    aMember = await buildUser(db, { territory: a });
    await addMember(db, aPublic, aMember);
    await addMember(db, aPrivate, aMember, 'member', 'pending');
    aCommunityIds = [aPublic.id, aPrivate.id];
    await buildCommunity(db, { territory: b, name: 'Jardin partagé Bêta' });
    both = await new Client(t.app).signIn(bothUser.email, PASSWORD);
    bAdmin = await new Client(t.app).signIn((await buildUser(db, { territory: b, roles: ['resident', 'admin'] })).email, PASSWORD);
    bResident = await new Client(t.app).signIn((await buildUser(db, { territory: b })).email, PASSWORD);
    // Real activity in A, so A's audit log holds entries of every kind.
    const aClient = await new Client(t.app).signIn(bothUser.email, PASSWORD);
    const created = await aClient.post(`/api/territories/${a.slug}/communities`, { name: 'Créée en A', kind: 'school', visibility: 'public', joinPolicy: 'open' });
    expect(created.statusCode).toBe(201);
    aCommunityIds.push(created.json().id);
    expect((await aClient.post(`/api/territories/${a.slug}/communities/${aPublic.id}/invite-code`)).statusCode).toBe(200);
    const aAdmin = await new Client(t.app).signIn((await buildUser(db, { territory: a, roles: ['resident', 'admin'] })).email, PASSWORD);
    expect((await aAdmin.get(`/api/territories/${a.slug}/people/${aMember.id}?reason=checking%20tenancy`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it("answers 404 for A's communities under B's slug, on every community route, and writes nothing", async () => {
    const before = await snapshotOfA();
    const audits = await t.database.db.selectFrom('audit_log').select('id').execute();
    for (const id of aCommunityIds) {
      const c = `${B()}/communities/${id}`;
      const calls: [Client, string, string, unknown?][] = [
        [both, 'GET', c],
        [both, 'GET', `${c}/members`],
        [bResident, 'POST', `${c}/join`, {}],
        [both, 'POST', `${c}/join`, { inviteCode: aPublic.inviteCode }],
        [both, 'POST', `${c}/leave`],
        [both, 'PATCH', c, { name: 'Renamed through B' }],
        [bAdmin, 'PATCH', c, { name: 'Renamed through B' }],
        [both, 'POST', `${c}/invite-code`],
        [both, 'POST', `${c}/members/${aMember.id}/approve`],
        [both, 'PUT', `${c}/members/${aMember.id}/role`, { role: 'organiser' }],
        [bAdmin, 'DELETE', `${c}/members/${aMember.id}`],
      ];
      for (const [client, method, url, body] of calls) {
        const res = await client.request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
        expect(res.json().code).toBe('not_found');
      }
    }
    expect(await snapshotOfA()).toEqual(before);
    expect(await t.database.db.selectFrom('audit_log').select('id').execute()).toHaveLength(audits.length);
  });

  it("answers 404 for A's invite codes under B's slug, and A's codes do not open B's communities", async () => {
    const codes = await t.database.db.selectFrom('communities').select('invite_code').where('territory_id', '=', a.id).execute();
    expect(codes.map((c) => c.invite_code)).toContain(aPrivate.inviteCode);
    for (const { invite_code: code } of codes) {
      const res = await bResident.get(`${B()}/invites/${code}`);
      expect(res.statusCode).toBe(404);
      expect((await bResident.get(`/api/territories/${a.slug}/invites/${code}`)).statusCode).toBe(200);
    }
    const bInvite = await buildCommunity(t.database.db, { territory: b, joinPolicy: 'invite' });
    const res = await bResident.post(`${B()}/communities/${bInvite.id}/join`, { inviteCode: aPublic.inviteCode });
    expect(res.statusCode).toBe(403);
    expect(res.json().field).toBe('/inviteCode');
  });

  it("refuses B's admin A's residents, and shows a shared person only B's side", async () => {
    const before = await snapshotOfA();
    const viewed = await bAdmin.get(`${B()}/people/${aMember.id}?reason=curious%20admin`);
    expect(viewed.statusCode).toBe(404);
    const roles = await bAdmin.put(`${B()}/people/${aMember.id}/roles`, { roles: ['resident', 'operator'], reason: 'wrong territory' });
    expect(roles.statusCode).toBe(404);
    expect(await snapshotOfA()).toEqual(before);

    const shared = await bAdmin.get(`${B()}/people/${bothUser.id}?reason=support%20request`);
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ userId: bothUser.id, roles: ['resident', 'admin'], communeCode: '21002', communities: [] });
    const changed = await bAdmin.put(`${B()}/people/${bothUser.id}/roles`, { roles: ['resident', 'admin', 'mediator'], reason: 'mediator in B' });
    expect(changed.statusCode).toBe(200);
    expect((await snapshotOfA()).roles).toEqual(before.roles);
  });

  it("never lists A's communities in B's directory or in B's 'mine', whoever asks", async () => {
    for (const client of [new Client(t.app), bResident, bAdmin, both]) {
      const all = await client.get(`${B()}/communities?limit=100`);
      expect(all.statusCode).toBe(200);
      const ids = all.json().items.map((c: { id: string }) => c.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id: string) => aCommunityIds.includes(id))).toEqual([]);
      const search = await client.get(`${B()}/communities?q=Alpha`);
      expect(search.json()).toEqual({ items: [], total: 0 });
    }
    const mine = await both.get(`${B()}/communities/mine`);
    expect(mine.json()).toEqual({ items: [] });
    const mineInA = await both.get(`/api/territories/${a.slug}/communities/mine`);
    expect(mineInA.json().items.length).toBe(3);
  });

  it("never shows A's audit entries in B's audit log", async () => {
    expect((await bAdmin.get(`${B()}/people/${bothUser.id}?reason=audit%20check`)).statusCode).toBe(200);
    const aEntries = await t.database.db.selectFrom('audit_log').select(['id', 'action']).where('territory_id', '=', a.id).execute();
    expect(aEntries.map((e) => e.action)).toEqual(expect.arrayContaining(['community.created', 'community.invite_rotated', 'personal_data.viewed']));
    const res = await both.get(`${B()}/audit?limit=500`);
    expect(res.statusCode).toBe(200);
    const items: { id: string; subjectType: string | null; subjectId: string | null; action: string }[] = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    const aIds = new Set(aEntries.map((e) => e.id));
    expect(items.filter((e) => aIds.has(e.id))).toEqual([]);
    // Ids are per table: a community and a user may share a number, so compare (type, id) pairs.
    const aSubjects = [...aCommunityIds.map((id) => `community:${id}`), `user:${aMember.id}`];
    expect(items.filter((e) => aSubjects.includes(`${e.subjectType}:${e.subjectId}`))).toEqual([]);
    expect(items.map((e) => e.action)).toContain('personal_data.viewed');
  });

  it("keeps B's map and figures to B's communes, residents and communities", async () => {
    const map = await new Client(t.app).get(`${B()}/communes`);
    expect(map.statusCode).toBe(200);
    const features: { properties: { code: string; name: string; residents: number } }[] = map.json().features;
    expect(features.map((f) => f.properties.code).sort()).toEqual(['21001', '21002']);
    expect(features.some((f) => f.properties.name === 'Seulement-A')).toBe(false);
    const bResidents = await t.database.db.selectFrom('territory_members').select('user_id').where('territory_id', '=', b.id).execute();
    expect(features.reduce((sum, f) => sum + f.properties.residents, 0)).toBe(bResidents.length);
    const aMap = await new Client(t.app).get(`/api/territories/${a.slug}/communes`);
    expect(aMap.json().features).toHaveLength(3);
    const bCommunities = await t.database.db.selectFrom('communities').select('id').where('territory_id', '=', b.id).execute();
    const card = await new Client(t.app).get(B());
    expect(card.json().figures).toMatchObject({ communes: 2, population: 4000, residents: bResidents.length, communities: bCommunities.length });
    expect((await new Client(t.app).get(`/api/territories/${a.slug}`)).json().figures).toMatchObject({ communes: 3, population: 4042 });
  });
});

// Communities over HTTP on a real database: create, directory, join policies, leave, organiser tools, audit.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

describe.each(databaseKinds())('communities on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;

  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const base = (slug = territory.slug) => `/api/territories/${slug}/communities`;
  const signedIn = (user: UserFixture) => new Client(t.app).signIn(user.email, PASSWORD);
  async function person(options: { territory?: TerritoryFixture; email?: string; admin?: boolean } = {}) {
    const user = await buildUser(t.database.db, {
      territory: options.territory ?? territory,
      ...(options.email ? { email: options.email } : {}),
      roles: options.admin ? ['resident', 'admin'] : ['resident'],
    });
    return { user, client: await signedIn(user) };
  }
  const auditOf = (communityId: string) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'subject_type', 'subject_id', 'details'])
      .where((eb) =>
        eb.or([
          eb.and([eb('subject_type', '=', 'community'), eb('subject_id', '=', communityId)]),
          eb(sql<string>`details->>'communityId'`, '=', communityId),
        ]),
      )
      .orderBy('id')
      .execute();

  it('creates a community whose creator is its organiser; only organisers see the invite code', async () => {
    const { user, client } = await person();
    const res = await client.post(base(), { name: '  Jardin des Lentillères ', description: 'Un potager', kind: 'association', visibility: 'public', joinPolicy: 'open' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Jardin des Lentillères', kind: 'association', memberCount: 1, myRole: 'organiser', myStatus: 'active', emailDomain: null });
    expect(created.inviteCode).toMatch(/^[A-Z2-9]{10}$/);
    const row = await t.database.db.selectFrom('community_members').selectAll().where('community_id', '=', created.id).execute();
    expect(row).toMatchObject([{ user_id: user.id, role: 'organiser', status: 'active' }]);

    expect((await client.get(`${base()}/${created.id}`)).json().inviteCode).toBe(created.inviteCode);
    const member = await person();
    expect((await member.client.post(`${base()}/${created.id}/join`)).json()).toEqual({ status: 'active' });
    const admin = await person({ admin: true });
    for (const other of [member.client, admin.client, new Client(t.app)]) {
      const seen = await other.get(`${base()}/${created.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).not.toHaveProperty('inviteCode');
      const listed = (await other.get(`${base()}?q=Lentill`)).json().items;
      expect(listed).toHaveLength(1);
      expect(listed[0]).not.toHaveProperty('inviteCode');
    }
    expect((await client.get(`${base()}/mine`)).json().items[0].inviteCode).toBe(created.inviteCode);
    expect((await member.client.get(`${base()}/mine`)).json().items[0]).not.toHaveProperty('inviteCode');
  });

  it('searches the directory by text and kind, pages it, counts active members, and shows private ones to members only', async () => {
    const here = await buildTerritory(t.database.db);
    const db = t.database.db;
    const organiser = await buildUser(db, { territory: here });
    const big = await buildCommunity(db, { territory: here, organiser, name: 'Quartier Grésilles', kind: 'neighbourhood' });
    for (let i = 0; i < 3; i += 1) await addMember(db, big, await buildUser(db, { territory: here }));
    await addMember(db, big, await buildUser(db, { territory: here }), 'member', 'pending');
    await buildCommunity(db, { territory: here, organiser, name: 'École Voltaire', kind: 'school' });
    await db.insertInto('communities').values({ territory_id: here.id, name: 'Chorale 100% Dijon', description: 'On chante au quartier', kind: 'association', visibility: 'public', join_policy: 'open', invite_code: `X${Date.now()}`, created_by: organiser.id }).execute();
    const secret = await buildCommunity(db, { territory: here, organiser, name: 'Cercle secret du quartier', visibility: 'private', joinPolicy: 'invite' });

    const anon = new Client(t.app);
    const all = (await anon.get(base(here.slug))).json();
    expect(all.total).toBe(3);
    expect(all.items.map((c: { name: string }) => c.name)).toEqual(['Quartier Grésilles', 'École Voltaire', 'Chorale 100% Dijon']);
    expect(all.items[0]).toMatchObject({ memberCount: 4, myRole: null, myStatus: null });
    expect(all.items[2].memberCount).toBe(0);

    const byText = (await anon.get(`${base(here.slug)}?q=QUARTIER`)).json();
    expect(byText.items.map((c: { name: string }) => c.name).sort()).toEqual(['Chorale 100% Dijon', 'Quartier Grésilles']);
    expect((await anon.get(`${base(here.slug)}?q=${encodeURIComponent('100%')}`)).json().total).toBe(1);
    expect((await anon.get(`${base(here.slug)}?q=${encodeURIComponent('%')}`)).json().total).toBe(1);
    expect((await anon.get(`${base(here.slug)}?kind=school`)).json().items.map((c: { name: string }) => c.name)).toEqual(['École Voltaire']);
    const bad = await anon.get(`${base(here.slug)}?kind=castle`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('/query/kind');

    const page = (await anon.get(`${base(here.slug)}?limit=2&offset=2`)).json();
    expect(page).toMatchObject({ total: 3, items: [{ name: 'Chorale 100% Dijon' }] });
    expect((await anon.get(`${base(here.slug)}?limit=101`)).statusCode).toBe(400);

    const insider = await signedIn(organiser);
    const mine = (await insider.get(`${base(here.slug)}?q=quartier`)).json();
    expect(mine.total).toBe(3);
    expect(mine.items.find((c: { id: string }) => c.id === secret.id)).toMatchObject({ visibility: 'private', myRole: 'organiser' });
    const { client: stranger } = await person({ territory: here });
    expect((await stranger.get(`${base(here.slug)}?q=secret`)).json()).toEqual({ items: [], total: 0 });
  });

  it('lets one in at once where the community is open, and joining twice changes nothing', async () => {
    const c = await buildCommunity(t.database.db, { territory });
    const { user, client } = await person();
    expect((await client.post(`${base()}/${c.id}/join`)).json()).toEqual({ status: 'active' });
    expect((await client.post(`${base()}/${c.id}/join`, {})).json()).toEqual({ status: 'active' });
    const rows = await t.database.db.selectFrom('community_members').selectAll().where('community_id', '=', c.id).where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect((await auditOf(c.id)).filter((e) => e.action === 'community.member_joined')).toHaveLength(1);
    expect((await client.get(`${base()}/${c.id}`)).json()).toMatchObject({ memberCount: 2, myRole: 'member', myStatus: 'active' });
  });

  it('queues a request where approval is needed; the organiser sees it and approves it', async () => {
    const c = await buildCommunity(t.database.db, { territory, joinPolicy: 'approval' });
    const organiser = await signedIn(c.organiser);
    const { user, client } = await person();
    expect((await client.post(`${base()}/${c.id}/join`)).json()).toEqual({ status: 'pending' });
    expect((await client.get(`${base()}/${c.id}`)).json()).toMatchObject({ memberCount: 1, myStatus: 'pending' });
    expect((await client.get(`${base()}/${c.id}/members`)).statusCode).toBe(403);
    const asOrganiser = (await organiser.get(`${base()}/${c.id}/members`)).json().items;
    expect(asOrganiser).toContainEqual(expect.objectContaining({ userId: user.id, status: 'pending', role: 'member' }));
    expect((await client.get(`${base()}/mine`)).json().items).toMatchObject([{ id: c.id, myStatus: 'pending' }]);

    expect((await organiser.post(`${base()}/${c.id}/members/${user.id}/approve`)).statusCode).toBe(204);
    expect((await client.get(`${base()}/${c.id}`)).json()).toMatchObject({ memberCount: 2, myStatus: 'active' });
    expect((await client.get(`${base()}/${c.id}/members`)).statusCode).toBe(200);
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['community.member_requested', 'community.member_approved']);
  });

  it('lets a pending request in at once when the person then uses an invite link', async () => {
    const c = await buildCommunity(t.database.db, { territory, joinPolicy: 'approval' });
    const { client } = await person();
    expect((await client.post(`${base()}/${c.id}/join`)).json()).toEqual({ status: 'pending' });
    expect((await client.post(`${base()}/${c.id}/join`, { inviteCode: c.inviteCode })).json()).toEqual({ status: 'active' });
    expect((await client.get(`${base()}/${c.id}`)).json()).toMatchObject({ memberCount: 2, myStatus: 'active' });
  });

  it('needs the invite code where the community is by invitation; a wrong code is refused naming /inviteCode', async () => {
    const c = await buildCommunity(t.database.db, { territory, joinPolicy: 'invite' });
    const { client } = await person();
    const without = await client.post(`${base()}/${c.id}/join`);
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('forbidden');
    const wrong = await client.post(`${base()}/${c.id}/join`, { inviteCode: 'WRONGCODE9' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().field).toBe('/inviteCode');
    expect((await client.post(`${base()}/${c.id}/join`, { inviteCode: c.inviteCode.toLowerCase() })).json()).toEqual({ status: 'active' });
    expect((await auditOf(c.id)).at(-1)).toMatchObject({ action: 'community.member_joined', details: { via: 'invite' } });
  });

  it('hides a private community without its code (404) and lets its code in', async () => {
    const c = await buildCommunity(t.database.db, { territory, visibility: 'private', joinPolicy: 'approval' });
    const { client } = await person();
    expect((await client.post(`${base()}/${c.id}/join`)).statusCode).toBe(404);
    expect((await client.post(`${base()}/${c.id}/join`, { inviteCode: 'WRONGCODE9' })).statusCode).toBe(404);
    expect((await client.get(`${base()}/${c.id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/territories/${territory.slug}/invites/${c.inviteCode}`)).json()).toEqual({
      community: { id: c.id, name: expect.any(String), kind: 'neighbourhood', description: '', memberCount: 1 },
    });
    expect((await client.post(`${base()}/${c.id}/join`, { inviteCode: c.inviteCode })).json()).toEqual({ status: 'active' });
    expect((await client.get(`${base()}/${c.id}`)).json()).toMatchObject({ visibility: 'private', myRole: 'member' });
  });

  it('admits addresses of the community e-mail domain (and its subdomains) only', async () => {
    const c = await buildCommunity(t.database.db, { territory, joinPolicy: 'email_domain', emailDomain: 'ville-dijon.fr' });
    for (const email of [`a-${Date.now()}@ville-dijon.fr`, `b-${Date.now()}@SERVICES.Ville-Dijon.fr`]) {
      const { client } = await person({ email });
      expect((await client.post(`${base()}/${c.id}/join`)).json()).toEqual({ status: 'active' });
    }
    for (const email of [`c-${Date.now()}@example.org`, `d-${Date.now()}@notville-dijon.fr`]) {
      const { client } = await person({ email });
      const res = await client.post(`${base()}/${c.id}/join`);
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toContain('ville-dijon.fr');
    }
    expect((await new Client(t.app).get(`${base()}/${c.id}`)).json().memberCount).toBe(3);
  });

  it('lets a member leave, but not the last organiser (409)', async () => {
    const c = await buildCommunity(t.database.db, { territory });
    const organiser = await signedIn(c.organiser);
    const { client } = await person();
    await client.post(`${base()}/${c.id}/join`);
    expect((await client.post(`${base()}/${c.id}/leave`)).statusCode).toBe(204);
    expect((await client.post(`${base()}/${c.id}/leave`)).statusCode).toBe(404);
    const last = await organiser.post(`${base()}/${c.id}/leave`);
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('conflict');
    expect((await organiser.get(`${base()}/${c.id}`)).json()).toMatchObject({ memberCount: 1, myRole: 'organiser' });
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['community.member_joined', 'community.member_left']);
  });

  it('promotes and demotes, never leaving the community without an organiser', async () => {
    const c = await buildCommunity(t.database.db, { territory });
    const organiser = await signedIn(c.organiser);
    const { user, client } = await person();
    await client.post(`${base()}/${c.id}/join`);
    const lastOne = await organiser.put(`${base()}/${c.id}/members/${c.organiser.id}/role`, { role: 'member' });
    expect(lastOne.statusCode).toBe(409);
    expect((await organiser.put(`${base()}/${c.id}/members/${user.id}/role`, { role: 'organiser' })).statusCode).toBe(204);
    expect((await client.get(`${base()}/${c.id}`)).json().inviteCode).toBe(c.inviteCode);
    expect((await client.put(`${base()}/${c.id}/members/${c.organiser.id}/role`, { role: 'member' })).statusCode).toBe(204);
    expect((await organiser.post(`${base()}/${c.id}/invite-code`)).statusCode).toBe(403);
    expect((await organiser.post(`${base()}/${c.id}/leave`)).statusCode).toBe(204);
    const bad = await client.put(`${base()}/${c.id}/members/${user.id}/role`, { role: 'boss' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('/role');
    const changes = (await auditOf(c.id)).filter((e) => e.action === 'community.role_changed');
    expect(changes.map((e) => e.details)).toEqual([
      { communityId: c.id, before: 'member', after: 'organiser' },
      { communityId: c.id, before: 'organiser', after: 'member' },
    ]);
  });

  it('removes a member, who then no longer sees the member list; an unknown member is 404', async () => {
    const c = await buildCommunity(t.database.db, { territory });
    const organiser = await signedIn(c.organiser);
    const { user, client } = await person();
    await client.post(`${base()}/${c.id}/join`);
    expect((await client.get(`${base()}/${c.id}/members`)).json().items).toHaveLength(2);
    expect((await organiser.delete(`${base()}/${c.id}/members/${user.id}`)).statusCode).toBe(204);
    expect((await client.get(`${base()}/${c.id}/members`)).statusCode).toBe(403);
    expect((await organiser.delete(`${base()}/${c.id}/members/${user.id}`)).statusCode).toBe(404);
    expect((await organiser.delete(`${base()}/${c.id}/members/${c.organiser.id}`)).statusCode).toBe(409);
    expect((await auditOf(c.id)).at(-1)).toMatchObject({ action: 'community.member_removed', subject_type: 'user', subject_id: user.id, actor_id: c.organiser.id });
  });

  it('rotates the invite code: links with the old one stop working', async () => {
    const c = await buildCommunity(t.database.db, { territory, joinPolicy: 'invite' });
    const organiser = await signedIn(c.organiser);
    const res = await organiser.post(`${base()}/${c.id}/invite-code`);
    const fresh: string = res.json().inviteCode;
    expect(fresh).not.toBe(c.inviteCode);
    const { client } = await person();
    expect((await client.get(`/api/territories/${territory.slug}/invites/${c.inviteCode}`)).statusCode).toBe(404);
    expect((await client.post(`${base()}/${c.id}/join`, { inviteCode: c.inviteCode })).statusCode).toBe(403);
    expect((await client.get(`/api/territories/${territory.slug}/invites/${fresh}`)).json().community.id).toBe(c.id);
    expect((await client.post(`${base()}/${c.id}/join`, { inviteCode: fresh })).json()).toEqual({ status: 'active' });
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['community.invite_rotated', 'community.member_joined']);
  });

  it('validates edits: an e-mail-domain policy needs a domain, a name cannot be blank', async () => {
    const c = await buildCommunity(t.database.db, { territory });
    const organiser = await signedIn(c.organiser);
    const url = `${base()}/${c.id}`;
    const noDomain = await organiser.patch(url, { joinPolicy: 'email_domain' });
    expect(noDomain.statusCode).toBe(400);
    expect(noDomain.json()).toMatchObject({ code: 'invalid', field: '/emailDomain' });
    expect((await organiser.patch(url, { joinPolicy: 'email_domain', emailDomain: 'not a domain' })).json().field).toBe('/emailDomain');
    expect((await organiser.patch(url, { name: '   ' })).json().field).toBe('/name');
    expect((await organiser.patch(url, { colour: 'red' })).json().field).toBe('/colour');
    const row = await t.database.db.selectFrom('communities').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ join_policy: 'open', email_domain: null });
    const ok = await organiser.patch(url, { joinPolicy: 'email_domain', emailDomain: ' @Ville-Dijon.FR ', visibility: 'private' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ joinPolicy: 'email_domain', emailDomain: 'ville-dijon.fr', visibility: 'private', inviteCode: c.inviteCode });
    expect((await auditOf(c.id)).map((e) => [e.action, e.details])).toEqual([['community.updated', { fields: ['joinPolicy', 'emailDomain', 'visibility'] }]]);
  });

  it('shows members to active members only: 403 on a public community, 404 on a private one', async () => {
    const pub = await buildCommunity(t.database.db, { territory });
    const priv = await buildCommunity(t.database.db, { territory, visibility: 'private' });
    const { client } = await person();
    const outsider = await client.get(`${base()}/${pub.id}/members`);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('forbidden');
    expect((await client.get(`${base()}/${priv.id}/members`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`${base()}/${pub.id}/members`)).statusCode).toBe(401);
    const members = (await (await signedIn(priv.organiser)).get(`${base()}/${priv.id}/members`)).json().items;
    expect(members).toMatchObject([{ userId: priv.organiser.id, role: 'organiser', status: 'active' }]);
    expect(Object.keys(members[0]).sort()).toEqual(['displayName', 'joinedAt', 'role', 'status', 'userId']);
  });

  it('writes nothing when a request fails', async () => {
    const { user, client } = await person();
    const db = t.database.db;
    const count = async () => ({
      communities: (await db.selectFrom('communities').select('id').where('created_by', '=', user.id).execute()).length,
      audit: (await db.selectFrom('audit_log').select('id').where('actor_id', '=', user.id).execute()).length,
    });
    const before = await count();
    const bad = await client.post(base(), { name: 'Agents', kind: 'workplace', visibility: 'private', joinPolicy: 'email_domain', emailDomain: 'nodot' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('/emailDomain');
    expect((await client.post(base(), { name: ' ', kind: 'workplace', visibility: 'public', joinPolicy: 'open' })).json().field).toBe('/name');
    expect((await client.post(base(), { name: 'X', kind: 'castle', visibility: 'public', joinPolicy: 'open' })).json().field).toBe('/kind');
    expect(await count()).toEqual(before);
    expect((await client.post(base(), { name: 'Agents', kind: 'workplace', visibility: 'private', joinPolicy: 'email_domain', emailDomain: 'dijon.fr' })).statusCode).toBe(201);
    expect(await count()).toEqual({ communities: before.communities + 1, audit: before.audit + 1 });
  });
});

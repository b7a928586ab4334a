// Tenancy: nothing under territory B's slug reads or writes territory A's data, even for a person who
// belongs to both (organiser in A, admin in B) — the strongest caller there is. Mobility too: A's trips,
// rides, corridors, commitments and community figures stay A's, and B's figures never count A's gestures.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekday, localDate } from '../src/server/core/time-of-day.ts';
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
    await db.insertInto('communes').values({ territory_id: a.id, code: '21999', name: 'Seulement-A', population: 42, boundary: JSON.stringify({ type: 'Polygon', coordinates: [[[4, 46], [4.01, 46], [4.01, 46.01], [4, 46]]] }) }).execute();
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
    expect(aMap.statusCode, aMap.body).toBe(200);
    expect(aMap.json().features).toHaveLength(3);
    const bCommunities = await t.database.db.selectFrom('communities').select('id').where('territory_id', '=', b.id).execute();
    const card = await new Client(t.app).get(B());
    expect(card.json().figures).toMatchObject({ communes: 2, population: 4000, residents: bResidents.length, communities: bCommunities.length });
    expect((await new Client(t.app).get(`/api/territories/${a.slug}`)).json().figures).toMatchObject({ communes: 3, population: 4042 });
  });

  describe('mobility', () => {
    /** B residents besides the walker who record a gesture: as many as the small-group rule needs. */
    const B_OTHERS = 5;
    const A = () => `/api/territories/${a.slug}`;
    const today = () => localDate(t.clock.now());
    const weekdays = [1, 2, 3, 4, 5];
    const driverTrip = { role: 'driver', origin: { lat: 47.05, lng: 5.02 }, destination: { lat: 47.05, lng: 5.18 }, weekdays, window: { start: '07:30', end: '08:00' }, seats: 1 };
    const passengerTrip = { role: 'passenger', origin: { lat: 47.052, lng: 5.035 }, destination: { lat: 47.05, lng: 5.17 }, weekdays, window: { start: '07:40', end: '08:10' }, seats: 1 };
    const nextMonday = () => {
      const d = new Date(`${today()}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
      return d.toISOString().slice(0, 10);
    };
    async function created(client: Client, url: string, body: unknown): Promise<string> {
      const res = await client.post(url, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
      return res.json().id;
    }
    /** A's activity, all of it by `both` with an A resident: a trip, a proposed ride, a confirmed (and held) ride, a corridor, a commitment. */
    let aTrip: string;
    let aPartnerTrip: string;
    let aMatch: string;
    let aPast: string;
    let aCorridor: string;
    let aCommitment: string;
    /** B's community where `both` is a member, and a B resident who records B's only gestures. */
    let bCommunity: CommunityFixture;
    let bWalker: Client;

    const mobilityOfA = async () => {
      const db = t.database.db;
      // Every mobility table has a territory_id; one of them stands for all in the query's types.
      const of = (table: 'carpool_trips' | 'carpool_matches' | 'carpool_messages' | 'shift_commitments' | 'gestures' | 'corridors' | 'commute_profiles') =>
        db
          .selectFrom(table as 'gestures')
          .selectAll()
          .where('territory_id', '=', a.id)
          .execute()
          .then((rows) => rows.map((r) => JSON.stringify(r)).sort());
      return {
        trips: await of('carpool_trips'),
        matches: await of('carpool_matches'),
        messages: await of('carpool_messages'),
        commitments: await of('shift_commitments'),
        gestures: await of('gestures'),
        corridors: await of('corridors'),
        profiles: await of('commute_profiles'),
      };
    };

    beforeAll(async () => {
      const db = t.database.db;
      const aPartnerUser = await buildUser(db, { territory: a });
      const aPartner = await new Client(t.app).signIn(aPartnerUser.email, PASSWORD);
      const aOperator = await new Client(t.app).signIn((await buildUser(db, { territory: a, roles: ['resident', 'operator'] })).email, PASSWORD);
      expect((await both.put(`${A()}/commute-profile`, { home: { lat: 47.0512, lng: 5.0311 }, work: { lat: 47.0498, lng: 5.1533 }, weekdays, out: { start: '07:30', end: '08:00' }, back: { start: '17:00', end: '17:45' }, usualMode: 'car_alone' })).statusCode).toBe(200);
      aTrip = await created(both, `${A()}/carpool/trips`, passengerTrip);
      aPartnerTrip = await created(aPartner, `${A()}/carpool/trips`, driverTrip);
      aMatch = await created(aPartner, `${A()}/carpool/trips/${aPartnerTrip}/matches`, { tripId: aTrip, date: nextMonday() });
      expect((await both.post(`${A()}/carpool/matches/${aMatch}/messages`, { body: 'À lundi.' })).statusCode).toBe(201);
      // A ride that happened an hour ago: both confirm it (carpool gestures in A), then it is held for review.
      const pastTrip = await created(both, `${A()}/carpool/trips`, passengerTrip);
      const pastDriverTrip = await created(aPartner, `${A()}/carpool/trips`, driverTrip);
      aPast = await created(aPartner, `${A()}/carpool/trips/${pastDriverTrip}/matches`, { tripId: pastTrip, date: nextMonday() });
      const now = t.clock.now();
      await db.updateTable('carpool_matches').set({ status: 'accepted', passenger_accepted_at: now, trip_date: today(), starts_at: new Date(now.getTime() - 3_600_000) }).where('id', '=', aPast).execute();
      for (const client of [both, aPartner]) expect((await client.post(`${A()}/carpool/matches/${aPast}/confirm`)).statusCode).toBe(200);
      await db.updateTable('carpool_matches').set({ review_status: 'pending', fraud_flags: ['short'] }).where('id', '=', aPast).execute();
      aCorridor = await created(aOperator, `${A()}/corridors`, {
        name: 'Avenue Alpha',
        geometry: { type: 'LineString', coordinates: [[5.01, 47.05], [5.15, 47.05]] },
        capacityPerHour: 1000,
        freeFlowMin: 10,
        amStart: '06:30',
        amDemand: [150, 200, 150, 300, 200, 150, 100],
        pmStart: '16:30',
        pmDemand: [100, 150, 200, 150, 100],
      });
      aCommitment = await created(both, `${A()}/corridors/${aCorridor}/commitments`, { period: 'am', fromSlot: 3, toSlot: 2, weekdays: [isoWeekday(today())] });
      expect((await both.post(`${A()}/shift-commitments/${aCommitment}/shifts`, { date: today() })).statusCode).toBe(200);
      for (const client of [both, await new Client(t.app).signIn(aMember.email, PASSWORD)]) {
        expect((await client.post(`${A()}/gestures/mode-switches`, { mode: 'bike', date: today(), leg: 'out', km: 7 })).statusCode).toBe(200);
      }
      // B: a public community with `both` in it, and one B resident who records B's only gesture.
      const walker = await buildUser(db, { territory: b });
      bCommunity = await buildCommunity(db, { territory: b, organiser: walker, name: 'Covoiturage Bêta' });
      await addMember(db, bCommunity, bothUser);
      // Five other B residents walk first, so B's figures reach the small-group threshold and are shown.
      for (let i = 0; i < B_OTHERS; i += 1) {
        const other = await new Client(t.app).signIn((await buildUser(db, { territory: b })).email, PASSWORD);
        expect((await other.post(`${B()}/gestures/mode-switches`, { mode: 'walk', date: today(), leg: 'out', km: 2 })).statusCode).toBe(200);
      }
      bWalker = await new Client(t.app).signIn(walker.email, PASSWORD);
      const walked = await bWalker.post(`${B()}/gestures/mode-switches`, { mode: 'walk', date: today(), leg: 'out', km: 2 });
      expect(walked.statusCode).toBe(200);
      // "Not alone" counts others in B only: A has several people active today, B exactly the five others.
      expect(walked.json().notAlone).toMatchObject({ territory: B_OTHERS });
    });

    it("answers 404 for A's trips, rides, corridor and commitment under B's slug, on every route, and writes nothing", async () => {
      const before = await mobilityOfA();
      const bTrip = await created(both, `${B()}/carpool/trips`, passengerTrip);
      const c = `${B()}/carpool`;
      const calls: [Client, string, string, unknown?][] = [
        [both, 'POST', `${c}/trips/${aTrip}/close`],
        [both, 'GET', `${c}/trips/${aTrip}/matches`],
        [both, 'POST', `${c}/trips/${aTrip}/matches`, { tripId: aPartnerTrip, date: nextMonday() }],
        // B's own trip cannot be paired with A's trip either.
        [both, 'POST', `${c}/trips/${bTrip}/matches`, { tripId: aPartnerTrip, date: nextMonday() }],
        [both, 'POST', `${c}/matches/${aMatch}/accept`],
        [both, 'POST', `${c}/matches/${aMatch}/cancel`, { reason: 'through B' }],
        [both, 'POST', `${c}/matches/${aPast}/confirm`],
        [both, 'GET', `${c}/matches/${aMatch}/messages`],
        [both, 'POST', `${c}/matches/${aMatch}/messages`, { body: 'Through B' }],
        [both, 'POST', `${c}/matches/${aPast}/review`, { decision: 'rejected', reason: 'reviewed through B' }],
        [bAdmin, 'POST', `${c}/matches/${aPast}/review`, { decision: 'cleared', reason: 'reviewed through B' }],
        [bResident, 'GET', `${B()}/corridors/${aCorridor}`],
        [new Client(t.app), 'GET', `${B()}/corridors/${aCorridor}`],
        [both, 'POST', `${B()}/corridors/${aCorridor}/commitments`, { period: 'am', fromSlot: 3, toSlot: 2, weekdays: [1] }],
        [both, 'DELETE', `${B()}/shift-commitments/${aCommitment}`],
        [both, 'POST', `${B()}/shift-commitments/${aCommitment}/shifts`, { date: today() }],
      ];
      for (const [client, method, url, body] of calls) {
        const res = await client.request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
        expect(res.json().code).toBe('not_found');
      }
      // B's lists show none of it.
      const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((i) => i.id);
      expect(ids(await both.get(`${c}/trips/mine`))).toEqual([bTrip]);
      expect(ids(await both.get(`${c}/matches/mine`))).toEqual([]);
      expect(ids(await bAdmin.get(`${c}/reviews`))).toEqual([]);
      expect(ids(await both.get(`${B()}/shift-commitments/mine`))).toEqual([]);
      expect(ids(await new Client(t.app).get(`${B()}/corridors`))).toEqual([]);
      expect((await both.get(`${B()}/commute-profile`)).json()).toEqual({ profile: null });
      expect(await mobilityOfA()).toEqual(before);
    });

    it("answers 404 for A's community figures and live updates under B's slug", async () => {
      for (const id of aCommunityIds) {
        for (const client of [new Client(t.app), both, bAdmin]) {
          for (const url of [`${B()}/communities/${id}/impact`, `${B()}/communities/${id}/impact/stream`]) {
            const res = await client.get(url); // a 404 ends the response, so inject can read the stream's refusal
            expect(res.statusCode, url).toBe(404);
            expect(res.json().code).toBe('not_found');
          }
        }
      }
      expect((await both.get(`${A()}/communities/${aPublic.id}/impact`)).statusCode).toBe(200);
    });

    it("never counts A's gestures in B's figures, rankings or the figures of B's communities", async () => {
      const db = t.database.db;
      const aGestures = await db.selectFrom('gestures').select(['user_id', 'kind']).where('territory_id', '=', a.id).execute();
      expect(new Set(aGestures.map((g) => g.kind))).toEqual(new Set(['carpool', 'shift', 'mode_switch']));
      expect(aGestures.filter((g) => g.user_id === bothUser.id).length).toBeGreaterThanOrEqual(3);
      const bGestures = await db.selectFrom('gestures').select('user_id').where('territory_id', '=', b.id).execute();
      expect(bGestures.length).toBeGreaterThan(0);
      expect(bGestures.filter((g) => g.user_id === bothUser.id)).toEqual([]);

      for (const client of [new Client(t.app), both, bAdmin]) {
        const figures = (await client.get(`${B()}/impact`)).json();
        expect(figures.totals).toMatchObject({ gestures: bGestures.length, carpools: 0, shifts: 0, modeSwitches: bGestures.length, delaySavedVehicleHours: 0 });
        expect(figures.weeks.at(-1).people).toBe(new Set(bGestures.map((g) => g.user_id)).size);
        const ranking = (await client.get(`${B()}/impact/rankings?limit=100`)).json();
        expect(ranking.items.filter((r: { communityId: string }) => aCommunityIds.includes(r.communityId))).toEqual([]);
        // Two members, the walker and `both`: outside it, a community that small shows no figures at all.
        const row = ranking.items.find((r: { communityId: string }) => r.communityId === bCommunity.id);
        if (client !== both) expect(row).toMatchObject({ members: 2, suppressed: true });
      }
      // Its member `both` sees it whole: `both`'s gestures in A do not make them active in B.
      const ranking = (await both.get(`${B()}/impact/rankings?limit=100`)).json();
      expect(ranking.items.find((r: { communityId: string }) => r.communityId === bCommunity.id)).toMatchObject({ members: 2, active: 1, rate: 0.5 });
      const community = (await both.get(`${B()}/communities/${bCommunity.id}/impact`)).json();
      expect(community.totals).toMatchObject({ gestures: 1, modeSwitches: 1, carpools: 0, shifts: 0 });
      expect(community.participation).toMatchObject({ members: 2, active: 1 });
      const mine = (await both.get(`${B()}/impact/me`)).json();
      expect(mine.totals.gestures).toBe(0);
      expect(mine.notAlone.territory).toBe(B_OTHERS + 1);
      // A's own figures do count them (the numbers above are not zero by accident).
      expect((await both.get(`${A()}/impact/me`)).json().totals.gestures).toBeGreaterThanOrEqual(3);
      expect((await both.get(`${A()}/communities/${aPublic.id}/impact`)).json().totals.gestures).toBeGreaterThanOrEqual(3);
    });

    it("does not push A's gestures to the live updates of B's communities", async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      const controller = new AbortController();
      // Read as `both`, a member: outsiders of a community this small get no events at all (the small-group rule).
      const cookie = Object.entries(both.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(`http://127.0.0.1:${port}${B()}/communities/${bCommunity.id}/impact/stream`, { signal: controller.signal, headers: { cookie } });
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let next = reader.read();
      next.catch(() => undefined);
      /** Reads what arrives within `ms`, or until `done` holds. */
      async function readFor(ms: number, done: () => boolean = () => false): Promise<void> {
        const deadline = Date.now() + ms;
        while (!done() && Date.now() < deadline) {
          const chunk = await Promise.race([next, new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
          if (!chunk || chunk.done) return;
          text += decoder.decode(chunk.value);
          next = reader.read();
          next.catch(() => undefined);
        }
      }
      const events = () => text.split('event: gesture').length - 1;
      try {
        await readFor(2_000, () => text.includes(': connected'));
        // `both`, a member of this B community, records a gesture in A: nothing must reach B's page.
        expect((await both.post(`${A()}/gestures/mode-switches`, { mode: 'bike', date: today(), leg: 'back', km: 7 })).statusCode).toBe(200);
        await readFor(400);
        expect(events(), 'an event for a gesture recorded in territory A').toBe(0);
        // A gesture in B by a member does reach it (the stream works).
        expect((await bWalker.post(`${B()}/gestures/mode-switches`, { mode: 'walk', date: today(), leg: 'back', km: 2 })).statusCode).toBe(200);
        await readFor(5_000, () => events() > 0);
        expect(events()).toBe(1);
      } finally {
        controller.abort();
      }
    });
  });
});

// The matrix of staff reads of personal data and of signatures collected on paper. Every staff read (the check-in
// duty list, the moderation queue and a reported private message, the volunteering validation queue, the operator's
// person view) is tried about four kinds of people — an assisted account with consent, one after its consent was
// withdrawn, an ordinary resident, a resident of another territory — and by four kinds of callers — a mediator acting
// inside a session for an assisted person, the same after withdrawal, an ordinary resident, staff of another
// territory. Staff of the territory read with a stated reason (400 naming `/query/reason` without), each read audited
// with that reason and the ids of the people shown; people of another territory never appear; nobody else reads.
// Offline signatures: organisers and staff enter them (pending); an unrelated resident or the commitment's creator
// who organises nothing is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTING_FOR_HEADER } from '../src/server/mediation/model.ts';
import { databaseKinds } from './support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from './support/factories.ts';
import { Client, startTestApp, type TestApp } from './support/http.ts';
import { unique } from './support/matrix.ts';
import { escalatedAlert, pendingOrganisation, personOfKind, reportedPrivateMessage, SUBJECT_KINDS, type SubjectKind } from './support/staff-reads.ts';

interface Stage {
  t: TestApp;
  territory: TerritoryFixture;
  elsewhere: TerritoryFixture;
}

interface StaffRead {
  route: string;
  /** The roles of the territory's staff who make this read. */
  reader: 'mediator' | 'operator';
  /** Puts a person in front of staff (in `place`) and returns the path, without the reason. */
  setUp: (s: Stage, personId: string, place: TerritoryFixture) => Promise<string>;
  /** Whether the answer shows this person (known by id and display name). */
  shows: (body: unknown, personId: string, name: string) => boolean;
}

const T = (s: Stage) => `/api/territories/${s.territory.slug}`;
const REASON = 'Demande du CCAS du jour';
const withReason = (path: string) => `${path}${path.includes('?') ? '&' : '?'}reason=${encodeURIComponent(REASON)}`;

const READS: StaffRead[] = [
  {
    route: 'GET /api/territories/:t/check-ins/duty',
    reader: 'mediator',
    setUp: async (s, personId, place) => (await escalatedAlert(s.t.database.db, place.id, personId), `${T(s)}/check-ins/duty`),
    shows: (body, id) => (body as { items: { resident: { userId: string } }[] }).items.some((i) => i.resident.userId === id),
  },
  {
    route: 'GET /api/territories/:t/moderation/reports',
    reader: 'operator',
    setUp: async (s, personId, place) => {
      await s.t.database.db.insertInto('moderation_reports').values({ territory_id: place.id, subject_type: 'user', subject_id: personId, community_id: null, reporter_id: null, reason: 'abuse', comment: null, created_at: new Date() }).execute();
      return `${T(s)}/moderation/reports`;
    },
    shows: (body, id) => (body as { items: { subjectType: string; subjectId: string }[] }).items.some((i) => i.subjectType === 'user' && i.subjectId === id),
  },
  {
    route: 'GET /api/territories/:t/moderation/reports/:subjectType/:subjectId/content',
    reader: 'operator',
    setUp: async (s, personId, place) => `${T(s)}/moderation/reports/carpool_message/${await reportedPrivateMessage(s.t.database.db, place.id, personId, `Mon numéro ${unique()}`)}/content`,
    shows: (body) => /^Mon numéro /.test((body as { text?: string }).text ?? ''),
  },
  {
    route: 'GET /api/territories/:t/volunteering/validation',
    reader: 'operator',
    setUp: async (s, personId, place) => (await pendingOrganisation(s.t.database.db, place.id, personId), `${T(s)}/volunteering/validation`),
    shows: (body, _id, name) => (body as { organisations: { applicant: string | null }[] }).organisations.some((o) => o.applicant === name),
  },
  {
    route: 'GET /api/territories/:t/people/:userId',
    reader: 'operator',
    setUp: async (s, personId) => `${T(s)}/people/${personId}`,
    shows: (body, id) => (body as { userId?: string }).userId === id,
  },
];

describe.each(databaseKinds())('staff reads of personal data on %s', (kind) => {
  let s: Stage;
  const staff = {} as Record<'mediator' | 'operator', Client>;
  const staffIds = {} as Record<'mediator' | 'operator', string>;
  beforeAll(async () => {
    const t = await startTestApp(kind);
    s = { t, territory: await buildTerritory(t.database.db), elsewhere: await buildTerritory(t.database.db) };
    for (const role of ['mediator', 'operator'] as const) {
      const u = await buildUser(t.database.db, { territory: s.territory, roles: ['resident', role] });
      staffIds[role] = u.id;
      staff[role] = await new Client(t.app).signIn(u.email, PASSWORD);
    }
  });
  afterAll(() => s.t.close());

  const db = () => s.t.database.db;
  const audited = (actorId: string) =>
    db().selectFrom('audit_log').select(['reason', 'details', 'territory_id']).where('action', '=', 'personal_data.viewed').where('actor_id', '=', actorId).orderBy('id', 'desc').limit(1).executeTakeFirst();

  for (const read of READS) {
    for (const subject of SUBJECT_KINDS) {
      const foreign = subject === 'other territory';
      it(`${read.route} about ${subject} → ${foreign ? 'never shown' : 'shown with a reason, audited'}`, async () => {
        const personId = await personOfKind(db(), subject, s.territory, s.elsewhere);
        const path = await read.setUp(s, personId, foreign ? s.elsewhere : s.territory);
        const reader = staff[read.reader];
        const bare = await reader.get(path);
        expect([bare.statusCode, bare.json().field], bare.body).toEqual([400, '/query/reason']);
        const res = await reader.get(withReason(path));
        if (foreign && (read.route.endsWith('/content') || read.route.endsWith('/:userId'))) {
          expect(res.statusCode, res.body).toBe(404);
          return;
        }
        expect(res.statusCode, res.body).toBe(200);
        const { display_name: name } = await db().selectFrom('users').select('display_name').where('id', '=', personId).executeTakeFirstOrThrow();
        expect(read.shows(res.json(), personId, name ?? '')).toBe(!foreign);
        const entry = await audited(staffIds[read.reader]);
        expect(entry).toMatchObject({ reason: REASON, territory_id: s.territory.id });
        expect((entry!.details as { people: string[] }).people.includes(personId)).toBe(!foreign);
      });
    }

    const callers: [string, () => Promise<Client | ((path: string) => Promise<{ statusCode: number; body: string }>)>][] = [
      ['a mediator acting for an assisted person with consent', () => actingFor('assisted with consent')],
      ['a mediator acting for an assisted person after withdrawal', () => actingFor('assisted after withdrawal')],
      ['an ordinary resident', async () => new Client(s.t.app).signIn((await buildUser(db(), { territory: s.territory })).email, PASSWORD)],
      ['staff of another territory', async () => new Client(s.t.app).signIn((await buildUser(db(), { territory: s.elsewhere, roles: ['resident', 'mediator', 'operator', 'admin'] })).email, PASSWORD)],
    ];
    for (const [who, make] of callers) {
      it(`${read.route} by ${who} → 403`, async () => {
        const personId = await personOfKind(db(), 'ordinary resident', s.territory, s.elsewhere);
        const path = withReason(await read.setUp(s, personId, s.territory));
        const caller = await make();
        const res = caller instanceof Client ? await caller.get(path) : await caller(path);
        expect(res.statusCode, res.body).toBe(403);
      });
    }
  }

  /** A territory mediator (also operator, so the read's role is not what refuses) with a session open for an assisted person. */
  async function actingFor(subject: SubjectKind): Promise<(path: string) => Promise<{ statusCode: number; body: string }>> {
    const mediatorUser = await buildUser(db(), { territory: s.territory, roles: ['resident', 'mediator', 'operator'] });
    const mediator = await new Client(s.t.app).signIn(mediatorUser.email, PASSWORD);
    const residentId = await personOfKind(db(), subject, s.territory, s.elsewhere);
    const now = new Date();
    const session = await db()
      .insertInto('mediation_sessions')
      .values({ territory_id: s.territory.id, mediator_id: mediatorUser.id, resident_id: residentId, reason: 'Rendez-vous', started_at: now, expires_at: new Date(now.getTime() + 30 * 60_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (path) => mediator.request({ method: 'GET', url: path, headers: { [ACTING_FOR_HEADER]: session.id } });
  }

  it('never lists a person’s private communities in the operator’s person view', async () => {
    const person = await buildUser(db(), { territory: s.territory });
    const open = await buildCommunity(db(), { territory: s.territory, name: 'Jardin partagé' });
    const closed = await buildCommunity(db(), { territory: s.territory, name: 'Groupe de parole', visibility: 'private', joinPolicy: 'invite' });
    await addMember(db(), { id: open.id, territory: s.territory }, person);
    await addMember(db(), { id: closed.id, territory: s.territory }, person);
    const res = await staff.operator.get(withReason(`${T(s)}/people/${person.id}`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().communities.map((c: { name: string }) => c.name)).toEqual(['Jardin partagé']);
    expect(res.body).not.toContain('Groupe de parole');
  });

  it('keeps a reported private message’s text out of the queue; only operators read it, while a report is open', async () => {
    const sender = await buildUser(db(), { territory: s.territory });
    const id = await reportedPrivateMessage(db(), s.territory.id, sender.id, 'Rappelle-moi au 06 12 34 56 78');
    const queue = await staff.operator.get(withReason(`${T(s)}/moderation/reports`));
    expect(queue.json().items.find((i: { subjectId: string }) => i.subjectId === id)).toMatchObject({ subjectType: 'carpool_message', private: true, label: '' });
    expect(queue.body).not.toContain('06 12 34 56 78');
    const organiser = await buildUser(db(), { territory: s.territory });
    await buildCommunity(db(), { territory: s.territory, organiser });
    const asOrganiser = await new Client(s.t.app).signIn(organiser.email, PASSWORD);
    expect((await asOrganiser.get(withReason(`${T(s)}/moderation/reports/carpool_message/${id}/content`))).statusCode).toBe(403);
    const read = await staff.operator.get(withReason(`${T(s)}/moderation/reports/carpool_message/${id}/content`));
    expect(read.json()).toEqual({ text: 'Rappelle-moi au 06 12 34 56 78' });
    await staff.operator.post(`${T(s)}/moderation/reviews`, { subjectType: 'carpool_message', subjectId: id, decision: 'remove', reason: 'Numéro personnel' });
    expect((await staff.operator.get(withReason(`${T(s)}/moderation/reports/carpool_message/${id}/content`))).statusCode).toBe(404);
  });
});

describe.each(databaseKinds())('signatures collected on paper on %s', (kind) => {
  let s: Stage;
  beforeAll(async () => {
    const t = await startTestApp(kind);
    s = { t, territory: await buildTerritory(t.database.db), elsewhere: await buildTerritory(t.database.db) };
  });
  afterAll(() => s.t.close());

  const db = () => s.t.database.db;
  const signIn = async (roles: ('resident' | 'mediator' | 'operator' | 'admin')[] = ['resident']) => {
    const u = await buildUser(db(), { territory: s.territory, roles });
    return { id: u.id, client: await new Client(s.t.app).signIn(u.email, PASSWORD) };
  };
  const launch = async (client: Client, communityId?: string) => {
    const at = (days: number) => new Date(s.t.clock.now().getTime() + days * 86_400_000).toISOString();
    const target = { kind: 'count', count: 5 };
    const res = await client.post(`${T(s)}/commitments`, {
      wording: 'Je prends le tram le lundi si d’autres le font',
      action: 'mode_switch',
      scope: communityId ? { kind: 'community', communityId, target } : { kind: 'territory', target },
      signingDeadline: at(7),
      actionStart: at(8),
      actionEnd: at(20),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  const CASES: [string, number, () => Promise<{ client: Client; id: string }>][] = [
    ['the community’s organiser', 201, async () => {
      const organiser = await signIn();
      const c = await buildCommunity(db(), { territory: s.territory, organiser: { id: organiser.id, email: '', password: PASSWORD, territory: s.territory } });
      return { client: organiser.client, id: await launch(organiser.client, c.id) };
    }],
    ['staff of the territory', 201, async () => ({ client: (await signIn(['resident', 'mediator'])).client, id: await launch((await signIn()).client) })],
    ['an unrelated resident', 403, async () => ({ client: (await signIn()).client, id: await launch((await signIn()).client) })],
    ['the commitment’s creator who organises nothing', 403, async () => {
      const creator = await signIn();
      return { client: creator.client, id: await launch(creator.client) };
    }],
  ];
  for (const [who, status, make] of CASES) {
    it(`POST /api/territories/:t/commitments/:id/offline-signatures by ${who} → ${status}${status === 201 ? ' (pending, not counted)' : ''}`, async () => {
      const { client, id } = await make();
      const person = await buildUser(db(), { territory: s.territory });
      const res = await client.post(`${T(s)}/commitments/${id}/offline-signatures`, { userId: person.id, reference: 'Feuille de la réunion' });
      expect(res.statusCode, res.body).toBe(status);
      if (status === 201) expect(res.json()).toMatchObject({ state: 'pending', status: 'collecting' });
      expect(await db().selectFrom('commitment_signatures').select('user_id').where('commitment_id', '=', id).execute()).toEqual([]);
    });
  }
});

// Volunteering over HTTP on a real database: organisations apply and are validated or refused by an operator
// (audited); missions go draft → awaiting validation → published → completed / cancelled; applications, the waiting
// list and its promotion, answers with reasons, cancellations, attendance; bad input refused with the field named and
// nothing written; the exact address shown to accepted volunteers only; search; response figures; the export and erasure.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { localDate, localInstant } from '../core/time-of-day.ts';
import { addDays } from './model.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ALPHA = { lat: 47.05, lng: 5.05 };

describe.each(databaseKinds())('volunteering over HTTP on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let operator: Client;
  let start: Date;
  beforeAll(async () => {
    t = await startTestApp(kind);
    start = t.clock.now();
    territory = await buildTerritory(t.database.db);
    operator = await signIn(await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] }));
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const V = () => `/api/territories/${territory.slug}/volunteering`;
  const user = (roles: ('resident' | 'operator')[] = ['resident']) => buildUser(db(), { territory, roles });
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  const resident = async () => {
    const u = await user();
    return { user: u, client: await signIn(u) };
  };
  const kindsOf = async (userId: string) =>
    (await db().selectFrom('notifications').select('kind').where('user_id', '=', userId).where('kind', 'like', 'volunteering.%').orderBy('id').execute()).map((n) => n.kind);
  const auditOf = (subjectType: string, subjectId: string) =>
    db().selectFrom('audit_log').select(['action', 'actor_id', 'reason']).where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('id').execute();
  const at = (days: number, minutes = 9 * 60) => localInstant(addDays(localDate(t.clock.now()), days), minutes);
  let orgCount = 0;
  const orgBody = (overrides: Record<string, unknown> = {}) => ({
    name: `Banque alimentaire ${(orgCount += 1)} ${Math.random().toString(36).slice(2, 6)}`,
    kind: 'association',
    description: 'Collecte et distribution de colis alimentaires chaque semaine.',
    contactEmail: 'contact@example.org',
    ...overrides,
  });
  const missionBody = (overrides: Record<string, unknown> = {}) => ({
    title: 'Distribution de colis',
    description: 'Préparer et distribuer les colis aux familles inscrites.',
    schedule: { kind: 'once', startsAt: at(3).toISOString(), endsAt: at(3, 12 * 60).toISOString() },
    place: { kind: 'on_site', ...ALPHA, address: '12 rue des Tilleuls, Alpha' },
    volunteersNeeded: 2,
    skills: ['food_aid', 'logistics'],
    publics: ['families'],
    ...overrides,
  });

  /** A validated organisation and its manager. */
  async function organisation() {
    const manager = await resident();
    const res = await manager.client.post(`${V()}/organisations`, orgBody());
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const ok = await operator.post(`${V()}/organisations/${id}/decision`, { decision: 'validate' });
    expect(ok.statusCode, ok.body).toBe(200);
    return { id, manager };
  }
  /** A published mission of a new organisation. */
  async function published(overrides: Record<string, unknown> = {}) {
    const org = await organisation();
    const created = await org.manager.client.post(`${V()}/organisations/${org.id}/missions`, missionBody(overrides));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await org.manager.client.post(`${V()}/missions/${id}/submit`)).statusCode).toBe(200);
    const pub = await operator.post(`${V()}/missions/${id}/decision`, { decision: 'publish' });
    expect(pub.statusCode, pub.body).toBe(200);
    return { id, org };
  }
  const apply = async (missionId: string, message = 'Disponible, j’ai déjà fait des distributions.') => {
    const volunteer = await resident();
    const res = await volunteer.client.post(`${V()}/missions/${missionId}/participations`, { message });
    expect(res.statusCode, res.body).toBe(201);
    return { ...volunteer, participation: res.json<{ id: string; status: string; position: number | null }>() };
  };

  describe('organisations', () => {
    it('applies as pending, appears in the operator queue, not in the public list', async () => {
      const applicant = await resident();
      expect((await new Client(t.app).post(`${V()}/organisations`, orgBody())).statusCode).toBe(401);
      const body = orgBody({ kind: 'public_service', name: 'CCAS de test', commune: '21001' });
      const res = await applicant.client.post(`${V()}/organisations`, body);
      expect(res.statusCode, res.body).toBe(201);
      const { id, status } = res.json<{ id: string; status: string }>();
      expect(status).toBe('pending');
      expect((await new Client(t.app).get(`${V()}/organisations`)).json().items.map((o: { id: string }) => o.id)).not.toContain(id);
      expect((await new Client(t.app).get(`${V()}/organisations/${id}`)).statusCode).toBe(404);
      expect((await applicant.client.get(`${V()}/organisations/${id}`)).json()).toMatchObject({ status: 'pending', viewer: { applicant: true, manager: false } });
      expect((await applicant.client.get(`${V()}/my-organisations`)).json().items).toEqual([expect.objectContaining({ id, status: 'pending', manager: false })]);
      const queue = (await operator.get(`${V()}/validation`)).json();
      expect(queue.organisations).toContainEqual(expect.objectContaining({ id, name: 'CCAS de test', kind: 'public_service', communeName: 'Alpha' }));
      expect((await applicant.client.get(`${V()}/validation`)).statusCode).toBe(403);
      expect(await auditOf('organisation', id)).toEqual([expect.objectContaining({ action: 'volunteering.organisation_applied', actor_id: applicant.user.id })]);
      // Same name while the first is pending: 409.
      const again = await (await resident()).client.post(`${V()}/organisations`, { ...body, name: 'ccas de TEST' });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ reason: 'name_taken', field: '/name' });
    });

    it('refuses bad applications, naming the field, and writes nothing', async () => {
      const applicant = await resident();
      const before = (await db().selectFrom('organisations').select('id').execute()).length;
      const cases: [Record<string, unknown>, string][] = [
        [{ name: ' x ' }, '/name'],
        [{ description: 'court' }, '/description'],
        [{ contactEmail: 'pas-une-adresse' }, '/contactEmail'],
        [{ contactEmail: undefined }, '/contactEmail'],
        [{ contactPhone: 'abc' }, '/contactPhone'],
        [{ commune: '99999' }, '/commune'],
        [{ kind: 'company' }, '/kind'],
        [{ extra: true }, '/extra'],
      ];
      for (const [change, field] of cases) {
        const res = await applicant.client.post(`${V()}/organisations`, orgBody(change));
        expect(res.statusCode, JSON.stringify(change)).toBe(400);
        expect(res.json().field).toBe(field);
      }
      expect((await db().selectFrom('organisations').select('id').execute()).length).toBe(before);
    });

    it('validates: the applicant becomes manager and is told; audited; decided only once', async () => {
      const applicant = await resident();
      const id = (await applicant.client.post(`${V()}/organisations`, orgBody())).json<{ id: string }>().id;
      expect((await applicant.client.post(`${V()}/organisations/${id}/decision`, { decision: 'validate' })).statusCode).toBe(403);
      const res = await operator.post(`${V()}/organisations/${id}/decision`, { decision: 'validate' });
      expect(res.json()).toEqual({ id, status: 'validated' });
      expect(await db().selectFrom('organisation_members').select(['user_id', 'role']).where('organisation_id', '=', id).execute()).toEqual([{ user_id: applicant.user.id, role: 'manager' }]);
      expect(await kindsOf(applicant.user.id)).toEqual(['volunteering.organisation_validated']);
      expect((await auditOf('organisation', id)).map((a) => a.action)).toEqual(['volunteering.organisation_applied', 'volunteering.organisation_validated']);
      const twice = await operator.post(`${V()}/organisations/${id}/decision`, { decision: 'refuse', reason: 'doublon' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().reason).toBe('already_decided');
      const page = (await new Client(t.app).get(`${V()}/organisations/${id}`)).json();
      expect(page).toMatchObject({ status: 'validated', response: { counted: 0, rate: null, medianHours: null }, managers: [] });
      expect((await applicant.client.get(`${V()}/organisations/${id}`)).json().managers).toHaveLength(1);
    });

    it('refuses only with a reason (nothing written without one); the applicant reads it', async () => {
      const applicant = await resident();
      const id = (await applicant.client.post(`${V()}/organisations`, orgBody())).json<{ id: string }>().id;
      const bare = await operator.post(`${V()}/organisations/${id}/decision`, { decision: 'refuse', reason: '  ' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().field).toBe('/reason');
      expect((await db().selectFrom('organisations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('pending');
      expect(await auditOf('organisation', id)).toHaveLength(1);
      await operator.post(`${V()}/organisations/${id}/decision`, { decision: 'refuse', reason: 'Pas d’activité sur le territoire.' });
      expect((await applicant.client.get(`${V()}/my-organisations`)).json().items[0]).toMatchObject({ status: 'refused', refusalReason: 'Pas d’activité sur le territoire.' });
      expect(await auditOf('organisation', id)).toContainEqual(expect.objectContaining({ action: 'volunteering.organisation_refused', reason: 'Pas d’activité sur le territoire.' }));
      expect(await kindsOf(applicant.user.id)).toEqual(['volunteering.organisation_refused']);
      // A refused organisation posts nothing.
      const res = await applicant.client.post(`${V()}/organisations/${id}/missions`, missionBody());
      expect(res.statusCode).toBe(403);
    });
  });

  describe('missions', () => {
    it('goes draft → awaiting validation → (sent back) → published, operator decisions audited and managers told', async () => {
      const org = await organisation();
      const outsider = await resident();
      expect((await outsider.client.post(`${V()}/organisations/${org.id}/missions`, missionBody())).statusCode).toBe(403);
      const id = (await org.manager.client.post(`${V()}/organisations/${org.id}/missions`, missionBody())).json<{ id: string }>().id;
      expect((await new Client(t.app).get(`${V()}/missions/${id}`)).statusCode).toBe(404);
      expect((await org.manager.client.get(`${V()}/missions/${id}`)).json()).toMatchObject({ status: 'draft', viewer: { manager: true } });
      const edited = await org.manager.client.put(`${V()}/missions/${id}`, missionBody({ title: 'Distribution du samedi', volunteersNeeded: 3 }));
      expect(edited.statusCode, edited.body).toBe(200);
      expect((await outsider.client.post(`${V()}/missions/${id}/submit`)).statusCode).toBe(403);
      expect((await operator.post(`${V()}/missions/${id}/decision`, { decision: 'publish' })).json().reason).toBe('wrong_state');
      expect((await org.manager.client.post(`${V()}/missions/${id}/submit`)).json()).toEqual({ id, status: 'awaiting_validation' });
      const locked = await org.manager.client.put(`${V()}/missions/${id}`, missionBody());
      expect(locked.statusCode).toBe(409);
      expect(locked.json().reason).toBe('not_editable');
      expect((await operator.get(`${V()}/validation`)).json().missions).toContainEqual(expect.objectContaining({ id, title: 'Distribution du samedi', volunteersNeeded: 3 }));
      expect((await org.manager.client.post(`${V()}/missions/${id}/decision`, { decision: 'publish' })).statusCode).toBe(403);
      const bare = await operator.post(`${V()}/missions/${id}/decision`, { decision: 'return' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().field).toBe('/reason');
      expect((await operator.post(`${V()}/missions/${id}/decision`, { decision: 'return', reason: 'Précisez le lieu de rendez-vous.' })).json().status).toBe('draft');
      expect((await org.manager.client.get(`${V()}/missions/${id}`)).json()).toMatchObject({ status: 'draft', returnedReason: 'Précisez le lieu de rendez-vous.' });
      await org.manager.client.post(`${V()}/missions/${id}/submit`);
      expect((await operator.post(`${V()}/missions/${id}/decision`, { decision: 'publish' })).json()).toEqual({ id, status: 'published' });
      expect((await auditOf('mission', id)).map((a) => a.action)).toEqual(['volunteering.mission_returned', 'volunteering.mission_published']);
      expect(await kindsOf(org.manager.user.id)).toEqual(['volunteering.organisation_validated', 'volunteering.mission_returned', 'volunteering.mission_published']);
      expect((await new Client(t.app).get(`${V()}/missions/${id}`)).json()).toMatchObject({ status: 'published', title: 'Distribution du samedi', placesLeft: 3 });
    });

    it('refuses bad missions with the field named and writes nothing', async () => {
      const org = await organisation();
      const count = async () => (await db().selectFrom('missions').select('id').where('organisation_id', '=', org.id).execute()).length;
      const cases: [Record<string, unknown>, string, string?][] = [
        [{ volunteersNeeded: 0 }, '/volunteersNeeded', 'no_places'],
        [{ volunteersNeeded: -2 }, '/volunteersNeeded'],
        [{ schedule: { kind: 'once', startsAt: at(-1).toISOString(), endsAt: at(-1, 600).toISOString() } }, '/schedule/startsAt', 'past_date'],
        [{ schedule: { kind: 'once', startsAt: at(2).toISOString(), endsAt: at(2, 8 * 60).toISOString() } }, '/schedule/endsAt'],
        [{ schedule: { kind: 'weekly', weekdays: [2], startTime: '14:00', endTime: '16:00', firstDay: addDays(localDate(t.clock.now()), -3) } }, '/schedule/firstDay', 'past_date'],
        [{ schedule: { kind: 'weekly', weekdays: [2], startTime: '16:00', endTime: '14:00', firstDay: addDays(localDate(t.clock.now()), 1) } }, '/schedule/endTime'],
        [{ place: { kind: 'on_site', lat: 48.85, lng: 2.35, address: 'Paris' } }, '/place'],
        [{ place: { kind: 'on_site', ...ALPHA, address: ' ' } }, '/place/address'],
        [{ title: 'ab' }, '/title'],
        [{ skills: ['juggling'] }, '/skills/0'],
      ];
      for (const [change, field, reason] of cases) {
        const res = await org.manager.client.post(`${V()}/organisations/${org.id}/missions`, missionBody(change));
        expect(res.statusCode, `${JSON.stringify(change)} ${res.body}`).toBe(400);
        expect(res.json().field, JSON.stringify(change)).toBe(field);
        if (reason) expect(res.json().reason).toBe(reason);
      }
      expect(await count()).toBe(0);
    });

    it('keeps the exact address from everyone but the managers and accepted volunteers, operators included', async () => {
      const { id, org } = await published();
      const anonymous = (await new Client(t.app).get(`${V()}/missions/${id}`)).json();
      expect(anonymous).toMatchObject({ online: false, communeCode: '21001', communeName: 'Alpha', address: null });
      expect(anonymous.area.cell).toMatch(/^88/); // resolution 8
      expect(JSON.stringify(anonymous)).not.toContain('Tilleuls');
      expect(JSON.stringify((await operator.get(`${V()}/missions/${id}`)).json())).not.toContain('Tilleuls');
      expect(JSON.stringify((await operator.get(`${V()}/validation`)).json())).not.toContain('Tilleuls');
      expect((await org.manager.client.get(`${V()}/missions/${id}`)).json().address).toBe('12 rue des Tilleuls, Alpha');
      const v = await apply(id);
      expect((await v.client.get(`${V()}/missions/${id}`)).json().address).toBeNull();
      expect((await v.client.get(`${V()}/me/participations`)).json().items[0].address).toBeNull();
      await org.manager.client.post(`${V()}/participations/${v.participation.id}/accept`);
      expect((await v.client.get(`${V()}/missions/${id}`)).json().address).toBe('12 rue des Tilleuls, Alpha');
      expect((await v.client.get(`${V()}/me/participations`)).json().items[0]).toMatchObject({ status: 'accepted', address: '12 rue des Tilleuls, Alpha' });
    });

    it('cancels with a reason; everyone who applied, waits or was accepted is told; audited', async () => {
      const { id, org } = await published({ volunteersNeeded: 1 });
      const a = await apply(id);
      const b = await apply(id);
      await org.manager.client.post(`${V()}/participations/${a.participation.id}/accept`);
      const bare = await org.manager.client.post(`${V()}/missions/${id}/cancel`, { reason: '' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().field).toBe('/reason');
      expect((await a.client.post(`${V()}/missions/${id}/cancel`, { reason: 'non' })).statusCode).toBe(403);
      const res = await org.manager.client.post(`${V()}/missions/${id}/cancel`, { reason: 'Local indisponible.' });
      expect(res.json()).toEqual({ id, status: 'cancelled', notified: 2 });
      expect(await kindsOf(a.user.id)).toEqual(['volunteering.accepted', 'volunteering.mission_cancelled']);
      expect(await kindsOf(b.user.id)).toEqual(['volunteering.mission_cancelled']);
      const statuses = await db().selectFrom('participations').select(['status', 'cancelled_by']).where('mission_id', '=', id).execute();
      expect(statuses.every((p) => p.status === 'cancelled' && p.cancelled_by === 'mission_closed')).toBe(true);
      expect(await auditOf('mission', id)).toContainEqual(expect.objectContaining({ action: 'volunteering.mission_cancelled', reason: 'Local indisponible.' }));
      const late = await (await resident()).client.post(`${V()}/missions/${id}/participations`, {});
      expect(late.statusCode).toBe(409);
      expect(late.json().reason).toBe('mission_closed');
      expect((await org.manager.client.post(`${V()}/missions/${id}/cancel`, { reason: 'encore' })).json().reason).toBe('wrong_state');
    });

    it('an operator may cancel a published mission too', async () => {
      const { id } = await published();
      expect((await operator.post(`${V()}/missions/${id}/cancel`, { reason: 'Contenu signalé.' })).statusCode).toBe(200);
    });
  });

  describe('participations', () => {
    it('applies once (409 already_applied, one row) and tells the managers', async () => {
      const { id, org } = await published();
      const v = await apply(id);
      expect(v.participation).toMatchObject({ status: 'applied', position: null });
      const twice = await v.client.post(`${V()}/missions/${id}/participations`, { message: 'encore' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().reason).toBe('already_applied');
      expect((await db().selectFrom('participations').select('id').where('mission_id', '=', id).execute()).length).toBe(1);
      expect(await kindsOf(org.manager.user.id)).toContain('volunteering.application_received');
      expect(await auditOf('participation', v.participation.id)).toEqual([expect.objectContaining({ action: 'volunteering.applied', actor_id: v.user.id })]);
      expect((await new Client(t.app).post(`${V()}/missions/${id}/participations`, {})).statusCode).toBe(401);
      const list = (await org.manager.client.get(`${V()}/missions/${id}/participations`)).json().items;
      expect(list).toEqual([expect.objectContaining({ status: 'applied', message: 'Disponible, j’ai déjà fait des distributions.', volunteer: expect.objectContaining({ id: v.user.id }) })]);
      expect((await v.client.get(`${V()}/missions/${id}/participations`)).statusCode).toBe(403);
    });

    it('puts applications beyond the places on a waiting list and moves it up when a place frees', async () => {
      const { id, org } = await published({ volunteersNeeded: 1 });
      const first = await apply(id);
      const second = await apply(id);
      const third = await apply(id);
      expect([first, second, third].map((v) => [v.participation.status, v.participation.position])).toEqual([['applied', null], ['waiting', 1], ['waiting', 2]]);
      expect((await new Client(t.app).get(`${V()}/missions/${id}`)).json()).toMatchObject({ placesLeft: 0, waiting: 2 });
      // Refusing needs a reason; without one nothing changes.
      const bare = await org.manager.client.post(`${V()}/participations/${first.participation.id}/refuse`, { reason: ' ' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().field).toBe('/reason');
      expect((await db().selectFrom('participations').select('status').where('id', '=', first.participation.id).executeTakeFirstOrThrow()).status).toBe('applied');
      expect(await kindsOf(second.user.id)).toEqual([]);
      // A refusal frees the place: the second moves up (and is told), the third becomes first in line.
      const refused = await org.manager.client.post(`${V()}/participations/${first.participation.id}/refuse`, { reason: 'Mission réservée aux majeurs.' });
      expect(refused.json()).toEqual({ id: first.participation.id, status: 'refused' });
      expect(await kindsOf(first.user.id)).toEqual(['volunteering.refused']);
      expect(await kindsOf(second.user.id)).toEqual(['volunteering.promoted']);
      expect((await second.client.get(`${V()}/missions/${id}`)).json().viewer.participation).toMatchObject({ status: 'applied', position: null });
      expect((await third.client.get(`${V()}/me/participations`)).json().items[0]).toMatchObject({ status: 'waiting', position: 1 });
      expect((await first.client.get(`${V()}/me/participations`)).json().items[0]).toMatchObject({ status: 'refused', refusalReason: 'Mission réservée aux majeurs.' });
      // Refused once: applying again is still "already applied".
      expect((await first.client.post(`${V()}/missions/${id}/participations`, {})).json().reason).toBe('already_applied');
      // The waiting person cannot be accepted over the line.
      const over = await org.manager.client.post(`${V()}/participations/${third.participation.id}/accept`);
      expect(over.statusCode).toBe(409);
      expect(over.json().reason).toBe('on_waiting_list');
      expect((await org.manager.client.post(`${V()}/participations/${second.participation.id}/accept`)).json().status).toBe('accepted');
      expect(await kindsOf(second.user.id)).toEqual(['volunteering.promoted', 'volunteering.accepted']);
      expect((await org.manager.client.post(`${V()}/participations/${second.participation.id}/accept`)).json().reason).toBe('already_answered');
      // The accepted volunteer withdraws: the third moves up.
      const withdrawn = await second.client.post(`${V()}/participations/${second.participation.id}/cancel`);
      expect(withdrawn.json()).toEqual({ id: second.participation.id, status: 'cancelled', by: 'volunteer' });
      expect(await kindsOf(third.user.id)).toEqual(['volunteering.promoted']);
      // Having withdrawn, one may apply again (a new application, at the back).
      const back = await second.client.post(`${V()}/missions/${id}/participations`, { message: 'Finalement je peux.' });
      expect(back.json()).toMatchObject({ status: 'waiting', position: 1 });
      expect((await second.client.post(`${V()}/participations/${second.participation.id}/cancel`)).json().reason).toBe('already_closed');
    });

    it('lets the organisation cancel a participation with a reason (the volunteer is told); strangers get 404', async () => {
      const { id, org } = await published();
      const v = await apply(id);
      const stranger = await resident();
      expect((await stranger.client.post(`${V()}/participations/${v.participation.id}/cancel`, {})).statusCode).toBe(404);
      const bare = await org.manager.client.post(`${V()}/participations/${v.participation.id}/cancel`, {});
      expect(bare.statusCode).toBe(400);
      expect(bare.json().field).toBe('/reason');
      const res = await org.manager.client.post(`${V()}/participations/${v.participation.id}/cancel`, { reason: 'Créneau complet.' });
      expect(res.json()).toMatchObject({ status: 'cancelled', by: 'organisation' });
      expect(await kindsOf(v.user.id)).toEqual(['volunteering.participation_cancelled']);
    });

    it('records attendance afterwards only, for accepted volunteers, by managers; completes the mission', async () => {
      const { id, org } = await published();
      const came = await apply(id);
      const pending = await apply(id);
      await org.manager.client.post(`${V()}/participations/${came.participation.id}/accept`);
      const early = await org.manager.client.post(`${V()}/participations/${came.participation.id}/attendance`, { attendance: 'present' });
      expect(early.statusCode).toBe(409);
      expect(early.json().reason).toBe('not_started');
      expect((await org.manager.client.post(`${V()}/missions/${id}/complete`)).json().reason).toBe('not_started');
      t.clock.set(new Date(at(3).getTime() + 4 * HOUR));
      try {
        expect((await came.client.post(`${V()}/participations/${came.participation.id}/attendance`, { attendance: 'present' })).statusCode).toBe(403);
        expect((await org.manager.client.post(`${V()}/participations/${pending.participation.id}/attendance`, { attendance: 'present' })).json().reason).toBe('not_accepted');
        const bad = await org.manager.client.post(`${V()}/participations/${came.participation.id}/attendance`, { attendance: 'maybe' });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().field).toBe('/attendance');
        expect((await org.manager.client.post(`${V()}/participations/${came.participation.id}/attendance`, { attendance: 'absent' })).json()).toEqual({ id: came.participation.id, attendance: 'absent' });
        expect((await org.manager.client.post(`${V()}/participations/${came.participation.id}/attendance`, { attendance: 'present' })).json().attendance).toBe('present');
        expect((await org.manager.client.post(`${V()}/missions/${id}/complete`)).json()).toEqual({ id, status: 'completed' });
        expect((await came.client.get(`${V()}/me/participations`)).json().items[0]).toMatchObject({ status: 'accepted', attendance: 'present' });
        expect((await pending.client.get(`${V()}/me/participations`)).json().items[0]).toMatchObject({ status: 'cancelled', cancelledBy: 'mission_closed' });
        expect((await auditOf('participation', came.participation.id)).map((a) => a.action)).toEqual([
          'volunteering.applied',
          'volunteering.application_accepted',
          'volunteering.attendance_recorded',
          'volunteering.attendance_recorded',
        ]);
      } finally {
        t.clock.set(start);
      }
    });
  });

  describe('search', () => {
    it('finds published missions by distance, dates, skill, weekday and mode; never hidden ones', async () => {
      // A fresh territory so other tests' missions do not interfere.
      const saved = territory;
      const savedOperator = operator;
      territory = await buildTerritory(db());
      operator = await signIn(await buildUser(db(), { territory, roles: ['resident', 'operator'] }));
      try {
        const tuesday = (() => {
          let d = addDays(localDate(t.clock.now()), 1);
          while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 2) d = addDays(d, 1);
          return d;
        })();
        const near = await published({ title: 'Aide aux devoirs', skills: ['tutoring'], schedule: { kind: 'weekly', weekdays: [2], startTime: '17:00', endTime: '18:30', firstDay: tuesday } });
        const far = await published({ title: 'Jardin partagé', skills: ['gardening'], place: { kind: 'on_site', lat: 47.05, lng: 5.19, address: 'Bêta' }, schedule: { kind: 'once', startsAt: localInstant(addDays(tuesday, 1), 600).toISOString(), endsAt: localInstant(addDays(tuesday, 1), 720).toISOString() } });
        const online = await published({ title: 'Écoute téléphonique', skills: ['listening'], place: { kind: 'online' } });
        const hidden = await published({ title: 'Mission masquée' });
        await db().updateTable('missions').set({ hidden_at: t.clock.now() }).where('id', '=', hidden.id).execute();
        const hiddenOrg = await published({ title: 'Organisation masquée' });
        await db().updateTable('organisations').set({ hidden_at: t.clock.now() }).where('id', '=', hiddenOrg.org.id).execute();
        const titles = async (query: string) => {
          const res = await new Client(t.app).get(`${V()}/missions${query}`);
          expect(res.statusCode, res.body).toBe(200);
          return res.json<{ items: { title: string }[] }>().items.map((m) => m.title);
        };
        expect((await titles('')).sort()).toEqual(['Aide aux devoirs', 'Jardin partagé', 'Écoute téléphonique'].sort());
        // 5 km around Alpha's centre: Bêta's mission (~11 km) is out; the online one has no distance.
        expect(await titles(`?lat=${ALPHA.lat}&lng=${ALPHA.lng}&radiusKm=5`)).toEqual(['Aide aux devoirs', 'Écoute téléphonique']);
        expect(await titles(`?commune=21002&radiusKm=3&mode=on_site`)).toEqual(['Jardin partagé']);
        expect(await titles(`?commune=21001&radiusKm=20&mode=on_site`)).toEqual(['Aide aux devoirs', 'Jardin partagé']);
        expect(await titles('?skill=tutoring')).toEqual(['Aide aux devoirs']);
        expect(await titles('?mode=online')).toEqual(['Écoute téléphonique']);
        expect(await titles(`?weekday=2&mode=on_site`)).toEqual(['Aide aux devoirs']);
        expect(await titles(`?weekday=3&weekday=7&mode=on_site`)).toEqual(['Jardin partagé']);
        expect(await titles(`?from=${addDays(tuesday, 1)}&to=${addDays(tuesday, 1)}&mode=on_site`)).toEqual(['Jardin partagé']);
        const first = (await new Client(t.app).get(`${V()}/missions?lat=${ALPHA.lat}&lng=${ALPHA.lng}&radiusKm=20&mode=on_site`)).json();
        expect(first.items[0].distanceKm).toBeLessThan(1);
        expect(first.items[1].distanceKm).toBeGreaterThan(9);
        expect(JSON.stringify(first)).not.toContain('Tilleuls');
        expect(near.id && far.id && online.id).toBeTruthy();
        // Hidden content is out of public lists and pages.
        expect((await new Client(t.app).get(`${V()}/missions/${hidden.id}`)).statusCode).toBe(404);
        expect((await new Client(t.app).get(`${V()}/organisations`)).json().items.map((o: { id: string }) => o.id)).not.toContain(hiddenOrg.org.id);
        for (const [query, field] of [
          ['?commune=21001&radiusKm=0', '/query/radiusKm'],
          ['?commune=21001&radiusKm=51', '/query/radiusKm'],
          ['?radiusKm=5', '/query/radiusKm'],
          ['?lat=47', '/query/lng'],
          ['?commune=99999', '/query/commune'],
          ['?from=2030-01-10&to=2030-01-01', '/query/to'],
          ['?skill=juggling', '/query/skill'],
          ['?weekday=8', '/query/weekday/0'],
        ] as const) {
          const res = await new Client(t.app).get(`${V()}/missions${query}`);
          expect(res.statusCode, query).toBe(400);
          expect(res.json().field, query).toBe(field);
        }
      } finally {
        territory = saved;
        operator = savedOperator;
      }
    });
  });

  describe('response figures', () => {
    it('shows the share of applications answered and the median delay, computed from the data', async () => {
      const { id, org } = await published({ volunteersNeeded: 5 });
      const a = await apply(id);
      t.clock.set(new Date(start.getTime() + 2 * HOUR));
      const b = await apply(id);
      const c = await apply(id);
      try {
        t.clock.set(new Date(start.getTime() + 6 * HOUR));
        await org.manager.client.post(`${V()}/participations/${a.participation.id}/accept`); // 6 h
        t.clock.set(new Date(start.getTime() + 12 * HOUR));
        await org.manager.client.post(`${V()}/participations/${b.participation.id}/refuse`, { reason: 'Profil différent.' }); // 10 h
        // c waits unanswered: within the grace period it does not count yet.
        let page = (await new Client(t.app).get(`${V()}/organisations/${org.id}`)).json();
        expect(page.response).toMatchObject({ counted: 2, answered: 2, rate: 1, medianHours: 8, graceDays: 7, windowDays: 365 });
        t.clock.set(new Date(start.getTime() + 8 * DAY));
        page = (await new Client(t.app).get(`${V()}/organisations/${org.id}`)).json();
        expect(page.response).toMatchObject({ counted: 3, answered: 2, medianHours: 8 });
        expect(page.response.rate).toBeCloseTo(2 / 3, 5);
        expect(c.participation.status).toBe('applied');
        const listed = (await new Client(t.app).get(`${V()}/organisations`)).json().items.find((o: { id: string }) => o.id === org.id);
        expect(listed.response).toMatchObject({ counted: 3, answered: 2 });
      } finally {
        t.clock.set(start);
      }
    });
  });

  describe('reminders', () => {
    it('reminds each accepted volunteer once, the day before, with the fixed clock; completes missions that are over', async () => {
      const { runVolunteeringJob } = await import('./reminders.ts');
      const job = () => runVolunteeringJob({ db: db(), config: t.config }, t.clock.now());
      const { id, org } = await published();
      const accepted = await apply(id);
      const waiting = await apply(id);
      await org.manager.client.post(`${V()}/participations/${accepted.participation.id}/accept`);
      const reminders = async (u: UserFixture) => (await kindsOf(u.id)).filter((k) => k === 'volunteering.reminder').length;
      try {
        expect((await job()).reminded).toBe(0);
        // The day before (the mission is at day +3, 09:00): just before midnight nothing, just after the reminder.
        t.clock.set(new Date(localInstant(addDays(localDate(start), 2), 0).getTime() - 60_000));
        await job();
        expect(await reminders(accepted.user)).toBe(0);
        t.clock.set(localInstant(addDays(localDate(start), 2), 8 * 60));
        expect((await job()).reminded).toBeGreaterThanOrEqual(1);
        expect(await reminders(accepted.user)).toBe(1);
        expect(await reminders(waiting.user)).toBe(0);
        const row = await db().selectFrom('participations').select('reminded_at').where('id', '=', accepted.participation.id).executeTakeFirstOrThrow();
        expect(row.reminded_at).toEqual(t.clock.now());
        // Once: later runs, even closer to the start, send nothing more.
        t.clock.advance(12 * HOUR);
        await job();
        await job();
        expect(await reminders(accepted.user)).toBe(1);
        const mail = await db().selectFrom('mail_outbox').select('subject').where('to_address', '=', accepted.user.email).where('subject', 'like', '%rappel%').execute();
        expect(mail).toHaveLength(1);
        // After the end the job completes the mission and closes what was left open.
        t.clock.set(new Date(at(3, 12 * 60).getTime() + HOUR));
        expect((await job()).completed).toBeGreaterThanOrEqual(1);
        expect((await new Client(t.app).get(`${V()}/missions/${id}`)).json().status).toBe('completed');
        expect((await waiting.client.get(`${V()}/me/participations`)).json().items[0]).toMatchObject({ status: 'cancelled', cancelledBy: 'mission_closed' });
      } finally {
        t.clock.set(start);
      }
    });
  });

  describe('personal data', () => {
    it('exports my volunteering, and erasing my account frees my place (the job moves the waiting list up) and keeps the figures', async () => {
      const { id, org } = await published({ volunteersNeeded: 1 });
      const leaving = await apply(id, 'Mon message personnel');
      const next = await apply(id);
      const exported = (await leaving.client.get('/api/me/export')).json();
      expect(exported.volunteering.participations).toEqual([expect.objectContaining({ message: 'Mon message personnel', status: 'applied' })]);
      const managerExport = (await org.manager.client.get('/api/me/export')).json();
      expect(managerExport.volunteering.organisationsManaged).toHaveLength(1);
      expect(managerExport.volunteering.missionsCreated).toHaveLength(1);
      await org.manager.client.post(`${V()}/participations/${leaving.participation.id}/accept`);
      const del = await leaving.client.delete('/api/me', { password: PASSWORD });
      expect(del.statusCode, del.body).toBe(204);
      const rows = await db().selectFrom('participations').selectAll().where('mission_id', '=', id).orderBy('id').execute();
      expect(rows[0]).toMatchObject({ user_id: null, message: null, status: 'cancelled', cancelled_by: 'volunteer' });
      expect(rows[0]!.answered_at).not.toBeNull();
      expect(JSON.stringify(rows)).not.toContain('Mon message personnel');
      const { runVolunteeringJob } = await import('./reminders.ts');
      expect((await runVolunteeringJob({ db: db(), config: t.config }, t.clock.now())).refilled).toBeGreaterThanOrEqual(1);
      expect(await kindsOf(next.user.id)).toEqual(['volunteering.promoted']);
      expect((await new Client(t.app).get(`${V()}/organisations/${org.id}`)).json().response).toMatchObject({ answered: 1 });
    });
  });

  it('audits an application a mediator makes for an assisted resident "by mediator M on behalf of R"', async () => {
    const { id, org } = await published();
    const mediator = await buildUser(db(), { territory, roles: ['resident', 'mediator'] });
    const resident = await db().insertInto('users').values({ email: null, password_hash: null, display_name: 'Personne accompagnée', deleted_at: null }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('territory_members').values({ territory_id: territory.id, user_id: resident.id, commune_code: '21001' }).execute();
    await db().insertInto('assisted_accounts').values({ territory_id: territory.id, user_id: resident.id, created_by: mediator.id, consent_ref: `F-${Math.random()}`, consent_at: t.clock.now() }).execute();
    const session = await db()
      .insertInto('mediation_sessions')
      .values({ territory_id: territory.id, mediator_id: mediator.id, resident_id: resident.id, reason: 'Inscription à une mission par téléphone', started_at: t.clock.now(), expires_at: new Date(t.clock.now().getTime() + 30 * 60_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const client = await signIn(mediator);
    const res = await client.request({ method: 'POST', url: `${V()}/missions/${id}/participations`, payload: { message: 'Inscrite par téléphone.' }, headers: { 'x-maille-acting-for': session.id } });
    expect(res.statusCode, res.body).toBe(201);
    const participationId = res.json<{ id: string }>().id;
    const row = await db().selectFrom('participations').select('user_id').where('id', '=', participationId).executeTakeFirstOrThrow();
    expect(row.user_id).toBe(resident.id);
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'on_behalf_of_id']).where('action', '=', 'volunteering.applied').where('subject_id', '=', participationId).execute();
    expect(audit).toEqual([{ actor_id: mediator.id, on_behalf_of_id: resident.id }]);
    expect(await kindsOf(org.manager.user.id)).toContain('volunteering.application_received');
  });

  it('uses tables that all carry the territory', async () => {
    for (const table of ['organisations', 'organisation_members', 'missions', 'mission_addresses', 'participations']) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns where table_name = ${table} and column_name = 'territory_id'`.execute(db());
      expect(rows[0]!.n, table).toBe(1);
    }
  });
});

// Volunteering participations over HTTP on a real database: applications, the waiting list and its promotion, answers
// with reasons, cancellations, attendance; a mediator applying on behalf of a resident; the export and erasure.
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildUser, PASSWORD } from '../../../test/support/factories.ts';
import { Client } from '../../../test/support/http.ts';
import { HOUR, volunteeringOverHttp } from './test-fixtures.ts';

describe.each(databaseKinds())('volunteering over HTTP on %s', (kind) => {
  const fx = volunteeringOverHttp(kind);
  const { db, V, signIn, resident, kindsOf, auditOf, at, published, apply } = fx;

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
      expect((await new Client(fx.t.app).post(`${V()}/missions/${id}/participations`, {})).statusCode).toBe(401);
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
      expect((await new Client(fx.t.app).get(`${V()}/missions/${id}`)).json()).toMatchObject({ placesLeft: 0, waiting: 2 });
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
      fx.t.clock.set(new Date(at(3).getTime() + 4 * HOUR));
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
        fx.t.clock.set(fx.start);
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
      expect((await runVolunteeringJob({ db: db(), config: fx.t.config }, fx.t.clock.now())).refilled).toBeGreaterThanOrEqual(1);
      expect(await kindsOf(next.user.id)).toEqual(['volunteering.promoted']);
      // The erased volunteer's answer still counts in the figures, which the managers read whole; outside the
      // organisation, two volunteers are fewer than the small-group threshold, so the figures are suppressed.
      expect((await org.manager.client.get(`${V()}/organisations/${org.id}`)).json().response).toMatchObject({ answered: 1 });
      expect((await new Client(fx.t.app).get(`${V()}/organisations/${org.id}`)).json().response).toEqual({ suppressed: true, reason: 'small_group', minGroup: 5 });
    });
  });

  it('audits an application a mediator makes for an assisted resident "by mediator M on behalf of R"', async () => {
    const { id, org } = await published();
    const mediator = await buildUser(db(), { territory: fx.territory, roles: ['resident', 'mediator'] });
    const resident = await db().insertInto('users').values({ email: null, password_hash: null, display_name: 'Personne accompagnée', deleted_at: null }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('territory_members').values({ territory_id: fx.territory.id, user_id: resident.id, commune_code: '21001' }).execute();
    await db().insertInto('assisted_accounts').values({ territory_id: fx.territory.id, user_id: resident.id, created_by: mediator.id, consent_ref: `F-${Math.random()}`, consent_at: fx.t.clock.now() }).execute();
    const session = await db()
      .insertInto('mediation_sessions')
      .values({ territory_id: fx.territory.id, mediator_id: mediator.id, resident_id: resident.id, reason: 'Inscription à une mission par téléphone', started_at: fx.t.clock.now(), expires_at: new Date(fx.t.clock.now().getTime() + 30 * 60_000) })
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
});

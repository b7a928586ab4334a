// Volunteering organisations over HTTP on a real database: they apply and are validated or refused by an operator
// (audited), bad applications are refused with the field named and nothing written; response figures computed from
// the data; every volunteering table carries the territory.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { Client } from '../../../test/support/http.ts';
import { HOUR, volunteeringOverHttp } from './test-fixtures.ts';

const DAY = 86_400_000;

describe.each(databaseKinds())('volunteering over HTTP on %s', (kind) => {
  const fx = volunteeringOverHttp(kind);
  const { db, V, resident, kindsOf, auditOf, orgBody, missionBody, published, apply } = fx;

  describe('organisations', () => {
    it('applies as pending, appears in the operator queue, not in the public list', async () => {
      const applicant = await resident();
      expect((await new Client(fx.t.app).post(`${V()}/organisations`, orgBody())).statusCode).toBe(401);
      const body = orgBody({ kind: 'public_service', name: 'CCAS de test', commune: '21001' });
      const res = await applicant.client.post(`${V()}/organisations`, body);
      expect(res.statusCode, res.body).toBe(201);
      const { id, status } = res.json<{ id: string; status: string }>();
      expect(status).toBe('pending');
      expect((await new Client(fx.t.app).get(`${V()}/organisations`)).json().items.map((o: { id: string }) => o.id)).not.toContain(id);
      expect((await new Client(fx.t.app).get(`${V()}/organisations/${id}`)).statusCode).toBe(404);
      expect((await applicant.client.get(`${V()}/organisations/${id}`)).json()).toMatchObject({ status: 'pending', viewer: { applicant: true, manager: false } });
      expect((await applicant.client.get(`${V()}/my-organisations`)).json().items).toEqual([expect.objectContaining({ id, status: 'pending', manager: false })]);
      const queue = (await fx.operator.get(`${V()}/validation?reason=${encodeURIComponent('Demandes du jour')}`)).json();
      expect(queue.organisations).toContainEqual(expect.objectContaining({ id, name: 'CCAS de test', kind: 'public_service', communeName: 'Alpha' }));
      expect((await applicant.client.get(`${V()}/validation?reason=${encodeURIComponent('Demandes du jour')}`)).statusCode).toBe(403);
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
      const res = await fx.operator.post(`${V()}/organisations/${id}/decision`, { decision: 'validate' });
      expect(res.json()).toEqual({ id, status: 'validated' });
      expect(await db().selectFrom('organisation_members').select(['user_id', 'role']).where('organisation_id', '=', id).execute()).toEqual([{ user_id: applicant.user.id, role: 'manager' }]);
      expect(await kindsOf(applicant.user.id)).toEqual(['volunteering.organisation_validated']);
      expect((await auditOf('organisation', id)).map((a) => a.action)).toEqual(['volunteering.organisation_applied', 'volunteering.organisation_validated']);
      const twice = await fx.operator.post(`${V()}/organisations/${id}/decision`, { decision: 'refuse', reason: 'doublon' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().reason).toBe('already_decided');
      const page = (await new Client(fx.t.app).get(`${V()}/organisations/${id}`)).json();
      // Built from fewer than 5 volunteers, the response figures are not shown to the public (docs/privacy.md).
      expect(page).toMatchObject({ status: 'validated', response: { suppressed: true, reason: 'small_group', minGroup: 5 }, managers: [] });
      expect((await applicant.client.get(`${V()}/organisations/${id}`)).json().response).toMatchObject({ counted: 0, rate: null, medianHours: null });
      expect((await applicant.client.get(`${V()}/organisations/${id}`)).json().managers).toHaveLength(1);
    });

    it('refuses only with a reason (nothing written without one); the applicant reads it', async () => {
      const applicant = await resident();
      const id = (await applicant.client.post(`${V()}/organisations`, orgBody())).json<{ id: string }>().id;
      const bare = await fx.operator.post(`${V()}/organisations/${id}/decision`, { decision: 'refuse', reason: '  ' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().field).toBe('/reason');
      expect((await db().selectFrom('organisations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('pending');
      expect(await auditOf('organisation', id)).toHaveLength(1);
      await fx.operator.post(`${V()}/organisations/${id}/decision`, { decision: 'refuse', reason: 'Pas d’activité sur le territoire.' });
      expect((await applicant.client.get(`${V()}/my-organisations`)).json().items[0]).toMatchObject({ status: 'refused', refusalReason: 'Pas d’activité sur le territoire.' });
      expect(await auditOf('organisation', id)).toContainEqual(expect.objectContaining({ action: 'volunteering.organisation_refused', reason: 'Pas d’activité sur le territoire.' }));
      expect(await kindsOf(applicant.user.id)).toEqual(['volunteering.organisation_refused']);
      // A refused organisation posts nothing.
      const res = await applicant.client.post(`${V()}/organisations/${id}/missions`, missionBody());
      expect(res.statusCode).toBe(403);
    });
  });

  describe('response figures', () => {
    it('shows the share of applications answered and the median delay, computed from the data', async () => {
      const { id, org } = await published({ volunteersNeeded: 5 });
      const a = await apply(id);
      fx.t.clock.set(new Date(fx.start.getTime() + 2 * HOUR));
      const b = await apply(id);
      const c = await apply(id);
      try {
        fx.t.clock.set(new Date(fx.start.getTime() + 6 * HOUR));
        await org.manager.client.post(`${V()}/participations/${a.participation.id}/accept`); // 6 h
        fx.t.clock.set(new Date(fx.start.getTime() + 12 * HOUR));
        await org.manager.client.post(`${V()}/participations/${b.participation.id}/refuse`, { reason: 'Profil différent.' }); // 10 h
        // c waits unanswered: within the grace period it does not count yet.
        // Its managers see the figures whole; three volunteers are too few to show them to anyone else.
        let page = (await org.manager.client.get(`${V()}/organisations/${org.id}`)).json();
        expect(page.response).toMatchObject({ counted: 2, answered: 2, rate: 1, medianHours: 8, graceDays: 7, windowDays: 365 });
        expect((await new Client(fx.t.app).get(`${V()}/organisations/${org.id}`)).json().response).toEqual({ suppressed: true, reason: 'small_group', minGroup: 5 });
        fx.t.clock.set(new Date(fx.start.getTime() + 8 * DAY));
        page = (await org.manager.client.get(`${V()}/organisations/${org.id}`)).json();
        expect(page.response).toMatchObject({ counted: 3, answered: 2, medianHours: 8 });
        expect(page.response.rate).toBeCloseTo(2 / 3, 5);
        expect(c.participation.status).toBe('applied');
        const listed = (await new Client(fx.t.app).get(`${V()}/organisations`)).json().items.find((o: { id: string }) => o.id === org.id);
        expect(listed.response).toMatchObject({ suppressed: true, minGroup: 5 });
        const mine = (await org.manager.client.get(`${V()}/my-organisations`)).json().items.find((o: { id: string }) => o.id === org.id);
        expect(mine.response).toMatchObject({ counted: 3, answered: 2 });
      } finally {
        fx.t.clock.set(fx.start);
      }
    });
  });

  it('uses tables that all carry the territory', async () => {
    for (const table of ['organisations', 'organisation_members', 'missions', 'mission_addresses', 'participations']) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns where table_name = ${table} and column_name = 'territory_id'`.execute(db());
      expect(rows[0]!.n, table).toBe(1);
    }
  });
});

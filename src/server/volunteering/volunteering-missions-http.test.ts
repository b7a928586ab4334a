// Volunteering missions over HTTP on a real database: draft → awaiting validation → published → completed / cancelled,
// bad input refused with the field named and nothing written, the exact address shown to accepted volunteers only,
// search, and the reminders job with the fixed clock.
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, type UserFixture } from '../../../test/support/factories.ts';
import { Client } from '../../../test/support/http.ts';
import { localDate, localInstant } from '../core/time-of-day.ts';
import { addDays } from './model.ts';
import { ALPHA, HOUR, volunteeringOverHttp } from './test-fixtures.ts';

describe.each(databaseKinds())('volunteering over HTTP on %s', (kind) => {
  const fx = volunteeringOverHttp(kind);
  const { db, V, signIn, resident, kindsOf, auditOf, at, missionBody, organisation, published, apply } = fx;

  describe('missions', () => {
    it('goes draft → awaiting validation → (sent back) → published, operator decisions audited and managers told', async () => {
      const org = await organisation();
      const outsider = await resident();
      expect((await outsider.client.post(`${V()}/organisations/${org.id}/missions`, missionBody())).statusCode).toBe(403);
      const id = (await org.manager.client.post(`${V()}/organisations/${org.id}/missions`, missionBody())).json<{ id: string }>().id;
      expect((await new Client(fx.t.app).get(`${V()}/missions/${id}`)).statusCode).toBe(404);
      expect((await org.manager.client.get(`${V()}/missions/${id}`)).json()).toMatchObject({ status: 'draft', viewer: { manager: true } });
      const edited = await org.manager.client.put(`${V()}/missions/${id}`, missionBody({ title: 'Distribution du samedi', volunteersNeeded: 3 }));
      expect(edited.statusCode, edited.body).toBe(200);
      expect((await outsider.client.post(`${V()}/missions/${id}/submit`)).statusCode).toBe(403);
      expect((await fx.operator.post(`${V()}/missions/${id}/decision`, { decision: 'publish' })).json().reason).toBe('wrong_state');
      expect((await org.manager.client.post(`${V()}/missions/${id}/submit`)).json()).toEqual({ id, status: 'awaiting_validation' });
      const locked = await org.manager.client.put(`${V()}/missions/${id}`, missionBody());
      expect(locked.statusCode).toBe(409);
      expect(locked.json().reason).toBe('not_editable');
      expect((await fx.operator.get(`${V()}/validation?reason=${encodeURIComponent('Demandes du jour')}`)).json().missions).toContainEqual(expect.objectContaining({ id, title: 'Distribution du samedi', volunteersNeeded: 3 }));
      expect((await org.manager.client.post(`${V()}/missions/${id}/decision`, { decision: 'publish' })).statusCode).toBe(403);
      const bare = await fx.operator.post(`${V()}/missions/${id}/decision`, { decision: 'return' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().field).toBe('/reason');
      expect((await fx.operator.post(`${V()}/missions/${id}/decision`, { decision: 'return', reason: 'Précisez le lieu de rendez-vous.' })).json().status).toBe('draft');
      expect((await org.manager.client.get(`${V()}/missions/${id}`)).json()).toMatchObject({ status: 'draft', returnedReason: 'Précisez le lieu de rendez-vous.' });
      await org.manager.client.post(`${V()}/missions/${id}/submit`);
      expect((await fx.operator.post(`${V()}/missions/${id}/decision`, { decision: 'publish' })).json()).toEqual({ id, status: 'published' });
      expect((await auditOf('mission', id)).map((a) => a.action)).toEqual(['volunteering.mission_returned', 'volunteering.mission_published']);
      expect(await kindsOf(org.manager.user.id)).toEqual(['volunteering.organisation_validated', 'volunteering.mission_returned', 'volunteering.mission_published']);
      expect((await new Client(fx.t.app).get(`${V()}/missions/${id}`)).json()).toMatchObject({ status: 'published', title: 'Distribution du samedi', placesLeft: 3 });
    });

    it('refuses bad missions with the field named and writes nothing', async () => {
      const org = await organisation();
      const count = async () => (await db().selectFrom('missions').select('id').where('organisation_id', '=', org.id).execute()).length;
      const cases: [Record<string, unknown>, string, string?][] = [
        [{ volunteersNeeded: 0 }, '/volunteersNeeded', 'no_places'],
        [{ volunteersNeeded: -2 }, '/volunteersNeeded'],
        [{ schedule: { kind: 'once', startsAt: at(-1).toISOString(), endsAt: at(-1, 600).toISOString() } }, '/schedule/startsAt', 'past_date'],
        [{ schedule: { kind: 'once', startsAt: at(2).toISOString(), endsAt: at(2, 8 * 60).toISOString() } }, '/schedule/endsAt'],
        [{ schedule: { kind: 'weekly', weekdays: [2], startTime: '14:00', endTime: '16:00', firstDay: addDays(localDate(fx.t.clock.now()), -3) } }, '/schedule/firstDay', 'past_date'],
        [{ schedule: { kind: 'weekly', weekdays: [2], startTime: '16:00', endTime: '14:00', firstDay: addDays(localDate(fx.t.clock.now()), 1) } }, '/schedule/endTime'],
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
      const anonymous = (await new Client(fx.t.app).get(`${V()}/missions/${id}`)).json();
      expect(anonymous).toMatchObject({ online: false, communeCode: '21001', communeName: 'Alpha', address: null });
      expect(anonymous.area.cell).toMatch(/^88/); // resolution 8
      expect(JSON.stringify(anonymous)).not.toContain('Tilleuls');
      expect(JSON.stringify((await fx.operator.get(`${V()}/missions/${id}`)).json())).not.toContain('Tilleuls');
      expect(JSON.stringify((await fx.operator.get(`${V()}/validation?reason=${encodeURIComponent('Demandes du jour')}`)).json())).not.toContain('Tilleuls');
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
      expect((await fx.operator.post(`${V()}/missions/${id}/cancel`, { reason: 'Contenu signalé.' })).statusCode).toBe(200);
    });
  });

  describe('search', () => {
    it('finds published missions by distance, dates, skill, weekday and mode; never hidden ones', async () => {
      // A fresh territory so other tests' missions do not interfere.
      const saved = fx.territory;
      const savedOperator = fx.operator;
      fx.territory = await buildTerritory(db());
      fx.operator = await signIn(await buildUser(db(), { territory: fx.territory, roles: ['resident', 'operator'] }));
      try {
        const tuesday = (() => {
          let d = addDays(localDate(fx.t.clock.now()), 1);
          while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 2) d = addDays(d, 1);
          return d;
        })();
        const near = await published({ title: 'Aide aux devoirs', skills: ['tutoring'], schedule: { kind: 'weekly', weekdays: [2], startTime: '17:00', endTime: '18:30', firstDay: tuesday } });
        const far = await published({ title: 'Jardin partagé', skills: ['gardening'], place: { kind: 'on_site', lat: 47.05, lng: 5.19, address: 'Bêta' }, schedule: { kind: 'once', startsAt: localInstant(addDays(tuesday, 1), 600).toISOString(), endsAt: localInstant(addDays(tuesday, 1), 720).toISOString() } });
        const online = await published({ title: 'Écoute téléphonique', skills: ['listening'], place: { kind: 'online' } });
        const hidden = await published({ title: 'Mission masquée' });
        await db().updateTable('missions').set({ hidden_at: fx.t.clock.now() }).where('id', '=', hidden.id).execute();
        const hiddenOrg = await published({ title: 'Organisation masquée' });
        await db().updateTable('organisations').set({ hidden_at: fx.t.clock.now() }).where('id', '=', hiddenOrg.org.id).execute();
        const titles = async (query: string) => {
          const res = await new Client(fx.t.app).get(`${V()}/missions${query}`);
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
        const first = (await new Client(fx.t.app).get(`${V()}/missions?lat=${ALPHA.lat}&lng=${ALPHA.lng}&radiusKm=20&mode=on_site`)).json();
        expect(first.items[0].distanceKm).toBeLessThan(1);
        expect(first.items[1].distanceKm).toBeGreaterThan(9);
        expect(JSON.stringify(first)).not.toContain('Tilleuls');
        expect(near.id && far.id && online.id).toBeTruthy();
        // Hidden content is out of public lists and pages.
        expect((await new Client(fx.t.app).get(`${V()}/missions/${hidden.id}`)).statusCode).toBe(404);
        expect((await new Client(fx.t.app).get(`${V()}/organisations`)).json().items.map((o: { id: string }) => o.id)).not.toContain(hiddenOrg.org.id);
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
          const res = await new Client(fx.t.app).get(`${V()}/missions${query}`);
          expect(res.statusCode, query).toBe(400);
          expect(res.json().field, query).toBe(field);
        }
      } finally {
        fx.territory = saved;
        fx.operator = savedOperator;
      }
    });
  });

  describe('reminders', () => {
    it('reminds each accepted volunteer once, the day before, with the fixed clock; completes missions that are over', async () => {
      const { runVolunteeringJob } = await import('./reminders.ts');
      const job = () => runVolunteeringJob({ db: db(), config: fx.t.config }, fx.t.clock.now());
      const { id, org } = await published();
      const accepted = await apply(id);
      const waiting = await apply(id);
      await org.manager.client.post(`${V()}/participations/${accepted.participation.id}/accept`);
      const reminders = async (u: UserFixture) => (await kindsOf(u.id)).filter((k) => k === 'volunteering.reminder').length;
      try {
        expect((await job()).reminded).toBe(0);
        // The day before (the mission is at day +3, 09:00): just before midnight nothing, just after the reminder.
        fx.t.clock.set(new Date(localInstant(addDays(localDate(fx.start), 2), 0).getTime() - 60_000));
        await job();
        expect(await reminders(accepted.user)).toBe(0);
        fx.t.clock.set(localInstant(addDays(localDate(fx.start), 2), 8 * 60));
        expect((await job()).reminded).toBeGreaterThanOrEqual(1);
        expect(await reminders(accepted.user)).toBe(1);
        expect(await reminders(waiting.user)).toBe(0);
        const row = await db().selectFrom('participations').select('reminded_at').where('id', '=', accepted.participation.id).executeTakeFirstOrThrow();
        expect(row.reminded_at).toEqual(fx.t.clock.now());
        // Once: later runs, even closer to the start, send nothing more.
        fx.t.clock.advance(12 * HOUR);
        await job();
        await job();
        expect(await reminders(accepted.user)).toBe(1);
        const mail = await db().selectFrom('mail_outbox').select('subject').where('to_address', '=', accepted.user.email).where('subject', 'like', '%rappel%').execute();
        expect(mail).toHaveLength(1);
        // After the end the job completes the mission and closes what was left open.
        fx.t.clock.set(new Date(at(3, 12 * 60).getTime() + HOUR));
        expect((await job()).completed).toBeGreaterThanOrEqual(1);
        expect((await new Client(fx.t.app).get(`${V()}/missions/${id}`)).json().status).toBe('completed');
        expect((await waiting.client.get(`${V()}/me/participations`)).json().items[0]).toMatchObject({ status: 'cancelled', cancelledBy: 'mission_closed' });
      } finally {
        fx.t.clock.set(fx.start);
      }
    });
  });
});

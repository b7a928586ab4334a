// Mediation over HTTP on a real database: assisted accounts created with consent (a retry gives the same account),
// bad input refused with the field named and nothing written, and who may read them (staff with an audited reason).
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser } from '../../../test/support/factories.ts';
import { Client } from '../../../test/support/http.ts';
import { mediationOverHttp } from './test-fixtures.ts';

describe.each(databaseKinds())('mediation on %s', (kind) => {
  const fx = mediationOverHttp(kind);
  const { db, base, signIn, createAssisted } = fx;

  describe('assisted accounts', () => {
    it('creates a person without e-mail or password, resident in a commune, with the consent record, audited', async () => {
      const res = await fx.mediator.post(`${base()}/assisted`, { displayName: '  Jeanne Sans-Courriel ', commune: '21002', consentRef: 'CCAS-2026-0042', consentDate: '2026-01-05' });
      expect(res.statusCode, res.body).toBe(201);
      const account = res.json();
      expect(account).toMatchObject({ displayName: 'Jeanne Sans-Courriel', communeCode: '21002', communeName: 'Bêta', consentRef: 'CCAS-2026-0042', status: 'active', createdBy: fx.mediatorUser.id, createdByName: 'Mona Médiatrice' });
      const user = await db().selectFrom('users').selectAll().where('id', '=', account.userId).executeTakeFirstOrThrow();
      expect([user.email, user.password_hash]).toEqual([null, null]);
      const member = await db().selectFrom('territory_members').select(['roles', 'commune_code']).where('user_id', '=', account.userId).executeTakeFirstOrThrow();
      expect(member).toEqual({ roles: ['resident'], commune_code: '21002' });
      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'mediation.assisted_created').where('subject_id', '=', account.userId).executeTakeFirstOrThrow();
      expect([audit.actor_id, audit.on_behalf_of_id]).toEqual([fx.mediatorUser.id, account.userId]);
      // A retry with the same form gives the same account back; another name with that reference is refused.
      const again = await fx.mediator.post(`${base()}/assisted`, { displayName: 'Jeanne Sans-Courriel', commune: '21002', consentRef: 'ccas-2026-0042' });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().userId).toBe(account.userId);
      const reused = await fx.mediator.post(`${base()}/assisted`, { displayName: 'Quelqu’un d’autre', commune: '21002', consentRef: 'CCAS-2026-0042' });
      expect([reused.statusCode, reused.json().field, reused.json().reason]).toEqual([409, '/consentRef', 'consent_ref_used']);
    });

    it('refuses a missing or blank consent reference, a bad commune or date, naming the field, and writes nothing', async () => {
      const before = await db().selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const cases: [object, string][] = [
        [{ displayName: 'A', commune: '21001' }, '/consentRef'],
        [{ displayName: 'A', commune: '21001', consentRef: '   ' }, '/consentRef'],
        [{ displayName: 'A', commune: '99999', consentRef: 'X-1' }, '/commune'],
        [{ displayName: 'A', commune: '21001', consentRef: 'X-2', consentDate: '2999-01-01' }, '/consentDate'],
        [{ displayName: 'A', commune: '21001', consentRef: 'X-3', consentDate: '2026-02-30' }, '/consentDate'],
        [{ displayName: ' ', commune: '21001', consentRef: 'X-4' }, '/displayName'],
      ];
      for (const [body, field] of cases) {
        const res = await fx.mediator.post(`${base()}/assisted`, body);
        expect([res.statusCode, res.json().field], JSON.stringify(body)).toEqual([400, field]);
      }
      const after = await db().selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });

    it('lets only mediators create and read them; operators and admins read only with a reason, which is audited', async () => {
      const account = await createAssisted();
      const resident = await signIn(await buildUser(db(), { territory: fx.territory }));
      expect((await resident.post(`${base()}/assisted`, { displayName: 'B', commune: '21001', consentRef: 'R-1' })).statusCode).toBe(403);
      expect((await resident.get(`${base()}/assisted`)).json().reason).toBe('not_a_mediator');
      expect((await resident.get(`${base()}/assisted/${account.userId}`)).statusCode).toBe(403);
      expect((await new Client(fx.t.app).get(`${base()}/assisted`)).statusCode).toBe(401);

      const list = await fx.mediator.get(`${base()}/assisted`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((a: { userId: string }) => a.userId)).toContain(account.userId);

      for (const role of ['operator', 'admin'] as const) {
        const staffUser = await buildUser(db(), { territory: fx.territory, roles: ['resident', role] });
        const staff = await signIn(staffUser);
        const refused = await staff.get(`${base()}/assisted/${account.userId}`);
        expect([refused.statusCode, refused.json().reason]).toEqual([403, 'reason_required']);
        expect((await staff.get(`${base()}/assisted?reason=abc`)).statusCode).toBe(403);
        const read = await staff.get(`${base()}/assisted/${account.userId}?reason=${encodeURIComponent('Signalement du CCAS n° 12')}`);
        expect(read.statusCode, read.body).toBe(200);
        const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'personal_data.viewed').where('actor_id', '=', staffUser.id).execute();
        expect(audit.map((a) => [a.subject_type, a.subject_id, a.reason])).toEqual([['user', account.userId, 'Signalement du CCAS n° 12']]);
      }
      // A mediator of another territory sees nothing here.
      const elsewhere = await buildTerritory(db());
      const otherMediator = await signIn(await buildUser(db(), { territory: elsewhere, roles: ['resident', 'mediator'] }));
      expect((await otherMediator.get(`${base()}/assisted`)).statusCode).toBe(403);
    });
  });
});

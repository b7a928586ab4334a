// Commands to equipment over HTTP on a real database, both engines: only commanders ask; a sensitive green wave
// waits for a second commander (told), never its requester; a retried request is the same command; delivery sends
// each light, a light that answers is acknowledged, one that does not is sent again after the timeout and marked
// failed when its attempts are spent, and the command ends partly failed, audited, its requester told; bad
// parameters and wrong types are 400s naming the field; an unapproved sensitive command expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../../test/support/http.ts';
import { createKey } from '../keys.ts';
import { deliverCommands } from './deliver-commands.ts';

describe.each(databaseKinds())('observatory commands on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let asker: Client;
  let approver: Client;
  let operator: Client;
  let askerId: string;
  let approverId: string;
  let lights: { id: string; entity: string }[];
  let lamp: string;
  let secret: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { MAILLE_DEMO: 'false' });
    territory = await buildTerritory(t.database.db);
    const a = await buildUser(t.database.db, { territory, roles: ['resident', 'operator', 'commander'] });
    const b = await buildUser(t.database.db, { territory, roles: ['resident', 'operator', 'commander'] });
    const o = await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] });
    askerId = a.id;
    approverId = b.id;
    asker = await new Client(t.app).signIn(a.email, PASSWORD);
    approver = await new Client(t.app).signIn(b.email, PASSWORD);
    operator = await new Client(t.app).signIn(o.email, PASSWORD);
    const thing = (type: string, local: string) => ({ territory_id: territory.id, entity_id: `urn:ngsi-ld:${type}:${territory.slug}:${local}`, type, name: local, owner_service: 'Voirie', lat: 47.05, lon: 5.05, commune_code: '21001', attributes: '{}' });
    const rows = await t.database.db.insertInto('observatory_things').values([thing('TrafficLight', 'feu-1'), thing('TrafficLight', 'feu-2'), thing('Streetlight', 'lampe-1')]).returning(['id', 'entity_id']).execute();
    lights = rows.slice(0, 2).map((r) => ({ id: r.id, entity: r.entity_id }));
    lamp = rows[2]!.id;
    secret = (await createKey({ db: t.database.db, clock: t.clock }, { territory, viewer: { userId: o.id, sessionId: 'x', csrfToken: 'x' }, requestId: 'test' }, { name: 'Contrôleur de feux', scopes: ['command'] })).secret;
  });
  afterAll(() => t.close());

  const C = () => `/api/territories/${territory.slug}/observatory/commands`;
  const deliver = () => deliverCommands({ db: t.database.db, clock: t.clock, config: t.config });
  const noticesOf = (userId: string, kind: string) => t.database.db.selectFrom('notifications').select('params').where('user_id', '=', userId).where('kind', '=', kind).execute();
  const greenWave = (key: string) => ({ command: 'trafficLight.greenWave', thingIds: lights.map((l) => l.id), params: { minutes: 8 }, reason: 'Ambulance vers le CHU par le boulevard', idempotencyKey: key, timeoutSeconds: 30, maxAttempts: 2 });

  it('lets only commanders ask, and refuses bad parameters and the wrong type of thing, naming the field', async () => {
    expect((await operator.post(C(), greenWave('op-key-0001'))).statusCode).toBe(403);
    expect((await new Client(t.app).post(C(), greenWave('anon-key-01'))).statusCode).toBe(401);
    const tooLong = await asker.post(C(), { ...greenWave('bad-key-0001'), params: { minutes: 90 } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ field: '/params/minutes', reason: 'bad_params' });
    const wrong = await asker.post(C(), { ...greenWave('bad-key-0002'), thingIds: [lights[0]!.id, lamp] });
    expect(wrong.json()).toMatchObject({ field: '/thingIds/1', reason: 'wrong_type' });
    expect(await t.database.db.selectFrom('observatory_commands').select('id').where('territory_id', '=', territory.id).execute()).toEqual([]);
  });

  it('holds a sensitive green wave for a second commander, runs it, retries a silent light and fails it, and tells the requester', async () => {
    const asked = await asker.post(C(), greenWave('wave-key-0001'));
    expect(asked.statusCode, asked.body).toBe(201);
    const command = asked.json<{ id: string; status: string; sensitive: boolean }>();
    expect(command).toMatchObject({ status: 'awaiting_approval', sensitive: true });
    const again = await asker.post(C(), greenWave('wave-key-0001'));
    expect(again.statusCode).toBe(200);
    expect(again.json<{ id: string }>().id).toBe(command.id);
    expect(await noticesOf(approverId, 'observatory.command_to_approve')).toHaveLength(1);
    // Nothing leaves before the approval.
    expect((await deliver()).sent).toBe(0);
    const own = await asker.post(`${C()}/${command.id}/decision`, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ reason: 'own_request' });
    const approved = await approver.post(`${C()}/${command.id}/decision`, { decision: 'approve', note: 'Vu avec le SAMU' });
    expect(approved.json()).toMatchObject({ status: 'approved', decision: { approved: true, note: 'Vu avec le SAMU' } });
    expect(await noticesOf(askerId, 'observatory.command_approved')).toHaveLength(1);
    expect((await approver.post(`${C()}/${command.id}/decision`, { decision: 'refuse' })).json()).toMatchObject({ reason: 'not_awaiting' });

    expect((await deliver()).sent).toBe(2);
    // The first light answers; a second answer and a stranger's key are refused.
    const answer = (body: Record<string, unknown>, key = secret) => t.app.inject({ method: 'POST', url: `${C()}/${command.id}/answers`, headers: { authorization: `Bearer ${key}` }, payload: body });
    expect((await answer({ entityId: lights[0]!.entity, ok: true }, 'mik_wrong')).statusCode).toBe(403);
    expect((await answer({ entityId: lights[0]!.entity, ok: true, result: { phase: 'green' } })).json()).toEqual({ status: 'acknowledged' });
    expect((await answer({ entityId: lights[0]!.entity, ok: true })).json()).toMatchObject({ reason: 'already_answered' });
    // The second light is silent: sent again after 30 s, failed after its second try.
    expect((await deliver()).sent).toBe(0);
    t.clock.advance(31_000);
    expect(await deliver()).toMatchObject({ sent: 1, failed: 0 });
    t.clock.advance(31_000);
    expect(await deliver()).toMatchObject({ sent: 0, failed: 1, finished: 1 });
    const done = (await operator.get(`${C()}/${command.id}`)).json<{ status: string; targets: { entityId: string; status: string; attempts: number; failure: string | null }[] }>();
    expect(done.status).toBe('partly_failed');
    expect(done.targets).toEqual([
      expect.objectContaining({ entityId: lights[0]!.entity, status: 'acknowledged', attempts: 1 }),
      expect.objectContaining({ entityId: lights[1]!.entity, status: 'failed', attempts: 2, failure: 'No answer after 2 attempts of 30 s.' }),
    ]);
    expect(await noticesOf(askerId, 'observatory.command_partly_failed')).toHaveLength(1);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'reason']).where('subject_type', '=', 'observatory_command').where('subject_id', '=', command.id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'observatory.command_requested', actor_id: askerId, reason: 'Ambulance vers le CHU par le boulevard' },
      { action: 'observatory.command_approved', actor_id: approverId, reason: 'Vu avec le SAMU' },
      { action: 'observatory.command_finished', actor_id: null, reason: null },
    ]);
  });

  it('sends a command that needs no approval at once, and expires a sensitive one nobody approved', async () => {
    const dim = await asker.post(C(), { command: 'streetlight.dim', thingIds: [lamp], params: { level: 0.4 }, reason: 'Économie nocturne', idempotencyKey: 'dim-key-0001' });
    expect(dim.json()).toMatchObject({ status: 'approved', sensitive: false });
    expect((await deliver()).sent).toBe(1);
    const wave = (await asker.post(C(), greenWave('wave-key-0002'))).json<{ id: string }>();
    t.clock.advance(16 * 60_000);
    expect((await deliver()).expired).toBe(1);
    expect((await operator.get(`${C()}/${wave.id}`)).json()).toMatchObject({ status: 'expired', targets: [{ status: 'cancelled' }, { status: 'cancelled' }] });
    expect((await approver.post(`${C()}/${wave.id}/decision`, { decision: 'approve' })).json()).toMatchObject({ reason: 'not_awaiting' });
  });
});

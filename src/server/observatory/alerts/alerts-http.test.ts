// Observatory alerts and zones over HTTP on a real database, both engines: an operator writes a rule, the
// evaluation job opens one alert per rule and thing (told to operators in-app and by mail), refreshes it while
// it fires and resolves it when the condition clears; an operator acknowledges and resolves with who and when
// (audited, idempotent); residents and anonymous visitors are refused; zones are coloured per commune from an
// imported indicator against an admin's thresholds, with the source, and published as Smart Data Models alerts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../../test/support/http.ts';
import { evaluateAlerts } from './evaluate-alerts.ts';

const MIN = 60_000;

describe.each(databaseKinds())('observatory alerts and zones on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let operator: Client;
  let admin: Client;
  let resident: Client;
  let operatorId: string;
  let thingId: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { MAILLE_DEMO: 'false' });
    territory = await buildTerritory(t.database.db);
    const op = await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] });
    operatorId = op.id;
    operator = await new Client(t.app).signIn(op.email, PASSWORD);
    admin = await new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles: ['resident', 'admin'] })).email, PASSWORD);
    resident = await new Client(t.app).signIn((await buildUser(t.database.db, { territory })).email, PASSWORD);
    const thing = await t.database.db
      .insertInto('observatory_things')
      .values({ territory_id: territory.id, entity_id: `urn:ngsi-ld:AirQualityObserved:${territory.slug}:aq-1`, type: 'AirQualityObserved', name: 'Station Alpha', owner_service: 'Environnement', lat: 47.05, lon: 5.05, commune_code: '21001', attributes: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    thingId = thing.id;
  });
  afterAll(() => t.close());

  const O = `/api/territories/${'{slug}'}/observatory`;
  const path = (rest: string) => O.replace('{slug}', territory.slug) + rest;
  const readings = async (values: number[], step = 15 * MIN) => {
    const now = t.clock.now().getTime();
    await t.database.db
      .insertInto('observatory_readings')
      .values(values.map((value, i) => ({ territory_id: territory.id, thing_id: thingId, attribute: 'pm10', observed_at: new Date(now - (values.length - 1 - i) * step), value, text_value: null, unit_code: 'GQ', source: 'http' as const })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await t.database.db.updateTable('observatory_things').set({ last_seen_at: new Date(now) }).where('id', '=', thingId).execute();
  };
  const evaluate = () => evaluateAlerts({ db: t.database.db, clock: t.clock, config: t.config });

  it('refuses rules from residents and anonymous visitors, and a rule without one target', async () => {
    const body = { name: 'PM10 élevées', thingType: 'AirQualityObserved', condition: { kind: 'threshold', attribute: 'pm10', op: '>', value: 50, forMinutes: 60 } };
    expect((await new Client(t.app).post(path('/alert-rules'), body)).statusCode).toBe(401);
    expect((await resident.post(path('/alert-rules'), body)).statusCode).toBe(403);
    const both = await operator.post(path('/alert-rules'), { ...body, thingId });
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ reason: 'rule_target' });
    const badOp = await operator.post(path('/alert-rules'), { ...body, condition: { ...body.condition, op: '=>' } });
    expect(badOp.statusCode).toBe(400);
    expect((await resident.get(path('/alerts'))).statusCode).toBe(403);
  });

  it('opens one alert when PM10 stays over 50 for an hour, tells the operators, refreshes it, and resolves it when it clears', async () => {
    const rule = await operator.post(path('/alert-rules'), { name: 'PM10 au-dessus de 50 µg/m³ pendant une heure', thingType: 'AirQualityObserved', condition: { kind: 'threshold', attribute: 'pm10', op: '>', value: 50, forMinutes: 60 }, severity: 'critical' });
    expect(rule.statusCode, rule.body).toBe(201);
    await readings([40, 55, 60, 58, 52]); // over for 45 minutes only
    expect((await evaluate()).opened).toBe(0);
    t.clock.advance(15 * MIN);
    await readings([57]);
    expect(await evaluate()).toMatchObject({ opened: 1 });
    expect((await evaluate()).opened).toBe(0); // one live alert per rule and thing
    const list = (await operator.get(path('/alerts'))).json<{ alerts: { id: string; status: string; observed: number; expected: number; severity: string; thing: { name: string } }[]; counts: { open: number } }>();
    expect(list.counts.open).toBe(1);
    expect(list.alerts[0]).toMatchObject({ status: 'open', severity: 'critical', observed: 57, expected: 50, thing: { name: 'Station Alpha' } });
    const told = await t.database.db.selectFrom('notifications').select(['kind', 'link']).where('user_id', '=', operatorId).where('kind', '=', 'observatory.alert_opened').execute();
    expect(told).toEqual([{ kind: 'observatory.alert_opened', link: `/t/${territory.slug}/observatoire` }]);
    // Cleared: the next reading is under the threshold.
    t.clock.advance(15 * MIN);
    await readings([30]);
    expect(await evaluate()).toMatchObject({ resolved: 1 });
    const resolved = (await operator.get(path(`/alerts/${list.alerts[0]!.id}`))).json();
    expect(resolved).toMatchObject({ status: 'resolved', resolved: { by: null } });
  });

  it('lets an operator acknowledge then resolve an alert with a note, audited, and says so when it is done twice', async () => {
    t.clock.advance(2 * 60 * MIN); // past the readings above: the next hour is a fresh series
    await readings([70, 71, 72, 73, 74, 75]);
    await evaluate();
    const [alert] = (await operator.get(path('/alerts'))).json<{ alerts: { id: string }[] }>().alerts;
    expect((await resident.post(path(`/alerts/${alert!.id}/acknowledge`))).statusCode).toBe(403);
    const ack = await operator.post(path(`/alerts/${alert!.id}/acknowledge`));
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledged: { by: expect.any(String) } });
    expect((await operator.post(path(`/alerts/${alert!.id}/acknowledge`))).json()).toMatchObject({ status: 'acknowledged' });
    const done = await operator.post(path(`/alerts/${alert!.id}/resolve`), { note: 'Chantier terminé' });
    expect(done.json()).toMatchObject({ status: 'resolved', note: 'Chantier terminé', resolved: { by: expect.any(String) } });
    expect((await operator.post(path(`/alerts/${alert!.id}/acknowledge`))).json()).toMatchObject({ reason: 'already_resolved' });
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', alert!.id).where('subject_type', '=', 'observatory_alert').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['observatory.alert_acknowledged', 'observatory.alert_resolved']);
    // The condition still holds: a new alert opens on the next run, since the last one was closed by hand.
    expect((await evaluate()).opened).toBe(1);
  });

  it('pauses a rule (audited), after which it opens nothing', async () => {
    const rule = (await operator.post(path('/alert-rules'), { name: 'Silence', thingId, condition: { kind: 'silence', minutes: 30 } })).json<{ id: string }>();
    const paused = await operator.patch(path(`/alert-rules/${rule.id}`), { active: false });
    expect(paused.json()).toMatchObject({ active: false });
    t.clock.advance(3 * 60 * MIN);
    const before = (await evaluate()).opened;
    expect(before).toBe(0);
    expect((await operator.get(path('/alert-rules'))).json<{ rules: unknown[] }>().rules.length).toBeGreaterThanOrEqual(2);
  });

  it('colours communes from an imported indicator against the admin’s thresholds, publicly, with the source', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get(path('/zones'))).json()).toMatchObject({ configured: false, zones: [{ colour: null, reason: 'no_data' }, { colour: null }] });
    expect((await operator.put(path('/zones/settings'), { indicator: 'cas', orange: 50, red: 150 })).statusCode).toBe(403);
    expect((await admin.put(path('/zones/settings'), { indicator: 'cas', orange: 150, red: 50 })).json()).toMatchObject({ field: '/red', reason: 'thresholds_order' });
    const source = await t.database.db.insertInto('observatory_indicator_sources').values({ territory_id: territory.id, title: 'Cas par commune', publisher: 'Santé publique France (exemple inventé)', licence: 'Licence Ouverte 2.0', url: null }).returning('id').executeTakeFirstOrThrow();
    // Alpha (1,000 inhabitants): 1 case a day → 700 per 100,000 over 7 days; Bêta (3,000): 6 days only → no colour.
    const days = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10));
    await t.database.db.insertInto('observatory_indicator_values').values([
      ...days.map((day) => ({ source_id: source.id, territory_id: territory.id, commune_code: '21001', day, indicator: 'cas', value: 1 })),
      ...days.slice(1).map((day) => ({ source_id: source.id, territory_id: territory.id, commune_code: '21002', day, indicator: 'cas', value: 0 })),
    ]).execute();
    const set = await admin.put(path('/zones/settings'), { indicator: 'cas', orange: 50, red: 150 });
    expect(set.statusCode, set.body).toBe(200);
    const zones = (await anonymous.get(path('/zones'))).json<{ day: string; source: { publisher: string }; zones: { communeCode: string; colour: string | null; value: number | null }[]; alerts: { id: string; type: string; severity: string }[] }>();
    expect(zones.day).toBe('2026-12-07');
    expect(zones.source.publisher).toBe('Santé publique France (exemple inventé)');
    expect(zones.zones.find((z) => z.communeCode === '21001')).toMatchObject({ colour: 'red', value: 700 });
    expect(zones.zones.find((z) => z.communeCode === '21002')).toMatchObject({ colour: null, value: null });
    expect(zones.alerts).toEqual([expect.objectContaining({ id: `urn:ngsi-ld:Alert:${territory.slug}:zone:21001:2026-12-07`, type: 'Alert', severity: 'high' })]);
    const audit = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'observatory.zones_configured').where('territory_id', '=', territory.id).execute();
    expect(audit).toHaveLength(1);
  });
});

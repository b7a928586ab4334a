// The authorization matrix of the observatory: every route × every kind of caller → the status it must get. Same
// harness as the core table (support/matrix.ts). Zones and clusters are public; things, keys, indicators, readings
// sent from a session, alerts and alert rules are the territory's operators' and admins'; only admins set the zones'
// thresholds; commands need the `commander` role, which none of the matrix's callers holds (commands-http.test.ts
// covers commanders), and equipment answers with a key, never a session. The NGSI-LD API (tag ngsi-ld) has its own
// tenant header and keys, and its conformance tests check who may call it (test/ngsi-ld/errors.test.ts).
import { anyone, describeMatrix, hasTag, operators, T, unique, type Expect, type Row, type World } from './support/matrix.ts';

const O = (w: World) => `${T(w)}/observatory`;
const adminsOnly: Expect = [401, 403, 403, 403, 200, 403];
const commandersOnly: Expect = [401, 403, 403, 403, 403, 403];
const keyOnly: Expect = [401, 401, 401, 401, 401, 401];

async function thing(w: World, type = 'AirQualityObserved'): Promise<{ id: string; entityId: string }> {
  const local = `m-${unique()}`;
  const row = await w.t.database.db
    .insertInto('observatory_things')
    .values({ territory_id: w.territory.id, entity_id: `urn:ngsi-ld:${type}:${w.territory.slug}:${local}`, type, name: local, owner_service: 'Environnement', lat: 47.05, lon: 5.05, commune_code: '21001', attributes: '{}' })
    .returning(['id', 'entity_id'])
    .executeTakeFirstOrThrow();
  return { id: row.id, entityId: row.entity_id };
}

async function rule(w: World): Promise<string> {
  const row = await w.t.database.db
    .insertInto('observatory_alert_rules')
    .values({ territory_id: w.territory.id, name: `Règle ${unique()}`, thing_type: 'AirQualityObserved', thing_id: null, rule: JSON.stringify({ kind: 'silence', minutes: 60 }), created_by: null, created_at: new Date(), updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function alert(w: World): Promise<string> {
  const row = await w.t.database.db
    .insertInto('observatory_alerts')
    .values({ territory_id: w.territory.id, rule_id: await rule(w), thing_id: (await thing(w)).id, status: 'open', since: null, observed: null, expected: 60, opened_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function command(w: World): Promise<string> {
  const light = await thing(w, 'TrafficLight');
  const row = await w.t.database.db
    .insertInto('observatory_commands')
    .values({ territory_id: w.territory.id, command: 'trafficLight.greenWave', params: JSON.stringify({ minutes: 5 }), reason: 'Essai de la matrice', sensitive: true, status: 'awaiting_approval', requested_by: null, requested_at: new Date(), idempotency_key: `matrix-${unique()}`, timeout_seconds: 30, max_attempts: 3 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await w.t.database.db.insertInto('observatory_command_targets').values({ command_id: row.id, thing_id: light.id, status: 'waiting' }).execute();
  return row.id;
}

async function key(w: World): Promise<string> {
  const row = await w.t.database.db
    .insertInto('observatory_keys')
    .values({ territory_id: w.territory.id, name: `Clé ${unique()}`, scopes: ['ingest'], secret_digest: `digest-${unique()}`, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const now = () => new Date().toISOString();

// One row per route. `expect` reads, in order: [anonymous, resident, organiser, operator, admin, outsider]
// prettier-ignore
const MATRIX: Row[] = [
  { route: 'POST /api/territories/:t/observatory/readings', note: 'from a session', build: async (w) => ({ url: `${O(w)}/readings`, body: [{ entityId: (await thing(w)).entityId, attribute: 'pm10', observedAt: now(), value: 21, unitCode: 'GQ' }] }), expect: operators(200) },
  { route: 'GET /api/territories/:t/observatory/things', build: (w) => ({ url: `${O(w)}/things` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/observatory/things', build: (w) => ({ url: `${O(w)}/things`, body: { type: 'AirQualityObserved', localId: `aq-${unique()}`, lat: 47.05, lon: 5.05 } }), expect: operators(201) },
  { route: 'GET /api/territories/:t/observatory/things/:id', build: async (w) => ({ url: `${O(w)}/things/${(await thing(w)).id}` }), expect: operators(200) },
  { route: 'PATCH /api/territories/:t/observatory/things/:id', build: async (w) => ({ url: `${O(w)}/things/${(await thing(w)).id}`, body: { name: 'Station renommée' } }), expect: operators(200) },
  { route: 'GET /api/territories/:t/observatory/keys', build: (w) => ({ url: `${O(w)}/keys` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/observatory/keys', build: (w) => ({ url: `${O(w)}/keys`, body: { name: `Capteurs ${unique()}`, scopes: ['ingest'] } }), expect: operators(201) },
  { route: 'DELETE /api/territories/:t/observatory/keys/:id', build: async (w) => ({ url: `${O(w)}/keys/${await key(w)}` }), expect: operators(204) },
  { route: 'GET /api/territories/:t/observatory/indicators', build: (w) => ({ url: `${O(w)}/indicators` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/observatory/indicators', build: (w) => ({ url: `${O(w)}/indicators`, body: { title: 'Cas (exemple)', publisher: 'Autorité (exemple)', licence: 'Licence Ouverte 2.0', csv: 'com,jour,indicateur,valeur\n21001,2026-12-01,cas,3\n' } }), expect: operators(200) },
  { route: 'GET /api/territories/:t/observatory/alerts', build: (w) => ({ url: `${O(w)}/alerts` }), expect: operators(200) },
  { route: 'GET /api/territories/:t/observatory/alerts/:id', build: async (w) => ({ url: `${O(w)}/alerts/${await alert(w)}` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/observatory/alerts/:id/acknowledge', build: async (w) => ({ url: `${O(w)}/alerts/${await alert(w)}/acknowledge` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/observatory/alerts/:id/resolve', build: async (w) => ({ url: `${O(w)}/alerts/${await alert(w)}/resolve`, body: { note: 'Vu' } }), expect: operators(200) },
  { route: 'GET /api/territories/:t/observatory/alert-rules', build: (w) => ({ url: `${O(w)}/alert-rules` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/observatory/alert-rules', build: (w) => ({ url: `${O(w)}/alert-rules`, body: { name: 'Silence', thingType: 'AirQualityObserved', condition: { kind: 'silence', minutes: 60 } } }), expect: operators(201) },
  { route: 'PATCH /api/territories/:t/observatory/alert-rules/:id', build: async (w) => ({ url: `${O(w)}/alert-rules/${await rule(w)}`, body: { active: false } }), expect: operators(200) },
  { route: 'GET /api/territories/:t/observatory/zones', build: (w) => ({ url: `${O(w)}/zones` }), expect: anyone },
  { route: 'PUT /api/territories/:t/observatory/zones/settings', build: (w) => ({ url: `${O(w)}/zones/settings`, body: { indicator: 'cas', orange: 50, red: 150 } }), expect: adminsOnly },
  { route: 'GET /api/territories/:t/observatory/zones/clusters', build: (w) => ({ url: `${O(w)}/zones/clusters` }), expect: anyone },
  { route: 'POST /api/territories/:t/observatory/commands', build: async (w) => ({ url: `${O(w)}/commands`, body: { command: 'trafficLight.resume', thingIds: [(await thing(w, 'TrafficLight')).id], reason: 'Retour au cycle', idempotencyKey: `matrix-${unique()}` } }), expect: commandersOnly },
  { route: 'GET /api/territories/:t/observatory/commands', build: (w) => ({ url: `${O(w)}/commands` }), expect: operators(200) },
  { route: 'GET /api/territories/:t/observatory/commands/:id', build: async (w) => ({ url: `${O(w)}/commands/${await command(w)}` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/observatory/commands/:id/decision', build: async (w) => ({ url: `${O(w)}/commands/${await command(w)}/decision`, body: { decision: 'approve' } }), expect: commandersOnly },
  { route: 'POST /api/territories/:t/observatory/commands/:id/answers', note: 'a session is not a key', build: async (w) => ({ url: `${O(w)}/commands/${await command(w)}/answers`, body: { entityId: 'urn:ngsi-ld:TrafficLight:x:y', ok: true } }), expect: keyOnly },
];

describeMatrix('authorization matrix (observatory)', MATRIX, { covers: hasTag('observatory'), atLeast: 25 });

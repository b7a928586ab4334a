// Erasure leaves nothing: a person whose name, address and words are unique markers acts across every capability
// that keeps something about a person (commitments, carpool, mutual aid with thanks, volunteering, check-ins,
// notifications and mail to others), erases the account, and then every text, json and array column of every table
// (read from information_schema, so tables added later are scanned too) is searched for the markers.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from './support/factories.ts';
import { Client, startTestApp, type TestApp } from './support/http.ts';
import { localDate } from '../src/server/core/time-of-day.ts';

const NAME = 'Zéphyrine Qwxv7';
const EMAIL = 'zephyrine.qwxv7@example.org';
const THANKS = 'Merci infiniment Kjhq3';
const WORDING = 'Je partirai avant 7 h 40 si 3 voisins Plmz9 le font';

interface Hit {
  table: string;
  column: string;
  marker: string;
}

/** Every (table, column) holding text, json or arrays in the public schema. */
async function textColumns(t: TestApp): Promise<{ table: string; column: string }[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
    order by 1, 2`.execute(t.database.db);
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

async function scan(t: TestApp, markers: readonly string[]): Promise<Hit[]> {
  const byTable = new Map<string, string[]>();
  for (const { table, column } of await textColumns(t)) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const hits: Hit[] = [];
  // One query per table: for each column and marker, whether any row holds it.
  for (const [table, columns] of byTable) {
    const probes = columns.flatMap((column) => markers.map((marker) => ({ column, marker })));
    const { rows } = await sql<Record<string, boolean | null>>`select ${sql.join(
      probes.map((p, i) => sql`bool_or(${sql.ref(p.column)}::text ilike ${`%${p.marker}%`}) as ${sql.ref(`p${i}`)}`),
    )} from ${sql.table(table)}`.execute(t.database.db);
    probes.forEach((p, i) => {
      if (rows[0]?.[`p${i}`]) hits.push({ table, column: p.column, marker: p.marker });
    });
  }
  return hits;
}

describe.each(databaseKinds())('account erasure on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const T = () => `/api/territories/${territory.slug}`;
  const ok = (res: { statusCode: number; body: string }, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return JSON.parse(res.body || 'null');
  };
  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
  const other = async (roles: ('resident' | 'operator')[] = ['resident']) => {
    const user = await buildUser(t.database.db, { territory, roles });
    return { user, client: await new Client(t.app).signIn(user.email, PASSWORD) };
  };

  it('finds none of the person’s name, address or words anywhere after DELETE /api/me', async () => {
    const db = t.database.db;
    // The person signs up and verifies the address, so mail reaches them and names them.
    const me = new Client(t.app);
    const signedUp = ok(await me.post('/api/auth/sign-up', { email: EMAIL, password: PASSWORD, displayName: NAME, territory: territory.slug, commune: '21001' }), 201);
    const link = await db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', EMAIL).executeTakeFirstOrThrow();
    ok(await new Client(t.app).post('/api/auth/verify-email', { token: /token=([\w-]+)/.exec(link.body_text)![1] }));

    // Commitments: launches one (others sign: milestones carry its wording to them), and signs another publicly.
    const commitment = ok(await me.post(`${T()}/commitments`, { wording: WORDING, action: 'shift', scope: { kind: 'territory', target: { kind: 'count', count: 3 } }, signingDeadline: inDays(7), actionStart: inDays(8), actionEnd: inDays(40) }), 201);
    const signers = [await other(), await other()];
    for (const s of signers) ok(await s.client.post(`${T()}/commitments/${commitment.id}/sign`, { publicName: true }));
    const theirs = await other();
    const theirCommitment = ok(await theirs.client.post(`${T()}/commitments`, { wording: 'Je prendrai le vélo le jeudi si 2 voisins le font', action: 'shift', scope: { kind: 'territory', target: { kind: 'count', count: 2 } }, signingDeadline: inDays(7), actionStart: inDays(8), actionEnd: inDays(40) }), 201);
    ok(await me.post(`${T()}/commitments/${theirCommitment.id}/sign`, { publicName: true }));

    // Carpool: a driver's trip, a passenger's match, accepted, and a message from the person.
    const weekdays = [1, 2, 3, 4, 5];
    const driverTrip = ok(await me.post(`${T()}/carpool/trips`, { role: 'driver', origin: { lat: 47.05, lng: 5.02 }, destination: { lat: 47.05, lng: 5.18 }, weekdays, window: { start: '07:30', end: '08:00' }, seats: 1 }), 201);
    const passenger = await other();
    const passengerTrip = ok(await passenger.client.post(`${T()}/carpool/trips`, { role: 'passenger', origin: { lat: 47.052, lng: 5.035 }, destination: { lat: 47.05, lng: 5.17 }, weekdays, window: { start: '07:40', end: '08:10' }, seats: 1 }), 201);
    const monday = new Date(`${localDate(t.clock.now())}T12:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() + (((8 - monday.getUTCDay()) % 7) || 7));
    const match = ok(await passenger.client.post(`${T()}/carpool/trips/${passengerTrip.id}/matches`, { tripId: driverTrip.id, date: monday.toISOString().slice(0, 10) }), 201);
    ok(await me.post(`${T()}/carpool/matches/${match.id}/accept`));
    ok(await me.post(`${T()}/carpool/matches/${match.id}/messages`, { body: `Bonjour, c’est ${NAME}, je vous attends devant la gare.` }), 201);

    // Mutual aid: asks for help, accepts a helper, and thanks them in words of their own.
    const helper = await other();
    ok(await helper.client.put(`${T()}/mutual-aid/helper-profile`, { skills: ['groceries'], weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['morning', 'afternoon', 'evening'], radiusKm: 3, home: { lat: 47.052, lng: 5.062 } }));
    const request = ok(await me.post(`${T()}/mutual-aid/requests`, { kind: 'groceries', urgency: 'this_week', window: { from: inDays(0.1), to: inDays(2) }, description: `Des courses pour ${NAME}.`, place: { lat: 47.05, lng: 5.05 }, address: `12 rue des Tilleuls, chez ${NAME}`, contact: EMAIL }), 201);
    ok(await helper.client.post(`${T()}/mutual-aid/requests/${request.id}/offers`, { message: 'Je peux passer demain.' }));
    ok(await me.post(`${T()}/mutual-aid/requests/${request.id}/accept`, { helperId: helper.user.id }));
    ok(await me.post(`${T()}/mutual-aid/requests/${request.id}/done`, { hours: 1 }));
    ok(await me.post(`${T()}/mutual-aid/requests/${request.id}/thanks`, { message: `${THANKS}, de la part de ${NAME}` }));

    // Volunteering: applies to a published mission with a message.
    const operator = await other(['resident', 'operator']);
    const manager = await other();
    const organisation = ok(await manager.client.post(`${T()}/volunteering/organisations`, { name: 'Banque alimentaire Qwxv', kind: 'association', description: 'Collecte et distribution de colis alimentaires.', contactEmail: 'contact@example.org' }), 201);
    ok(await operator.client.post(`${T()}/volunteering/organisations/${organisation.id}/decision`, { decision: 'validate' }));
    const mission = ok(await manager.client.post(`${T()}/volunteering/organisations/${organisation.id}/missions`, { title: 'Distribution de colis', description: 'Préparer et distribuer les colis aux familles.', schedule: { kind: 'once', startsAt: inDays(3), endsAt: inDays(3.1) }, place: { kind: 'on_site', lat: 47.05, lng: 5.05, address: '1 place de la Mairie' }, volunteersNeeded: 2, skills: ['food_aid'], publics: ['families'] }), 201);
    ok(await manager.client.post(`${T()}/volunteering/missions/${mission.id}/submit`));
    ok(await operator.client.post(`${T()}/volunteering/missions/${mission.id}/decision`, { decision: 'publish' }));
    ok(await me.post(`${T()}/volunteering/missions/${mission.id}/participations`, { message: `Disponible, ${NAME}, joignable à ${EMAIL}` }), 201);

    // Check-ins: enrols with a referent, who accepts (the referent's notices name the person).
    const referent = await other();
    const enrolment = ok(await me.post(`${T()}/check-ins/enrolment`, { deadline: '10:00', escalationMinutes: 30, referents: [referent.user.id] }), 201);
    ok(await referent.client.post(`${T()}/check-ins/enrolments/${enrolment.id ?? enrolment.enrolment?.id}/accept`));
    ok(await me.post(`${T()}/check-ins/today`));

    // Before: the markers are spread over many tables, notifications and mail to others included.
    const before = await scan(t, [NAME, EMAIL, THANKS, WORDING]);
    const tablesBefore = new Set(before.map((h) => h.table));
    for (const table of ['users', 'notifications', 'mail_outbox', 'carpool_messages', 'aid_requests']) expect(tablesBefore, table).toContain(table);
    expect(before.some((h) => h.table === 'notifications' && h.marker === THANKS)).toBe(true);
    expect(before.some((h) => h.table === 'notifications' && h.marker === WORDING)).toBe(true);

    ok(await me.delete('/api/me', { password: PASSWORD }), 204);

    // A commitment's wording is the commitment's text and stays with it (others signed it); nowhere else.
    const after = await scan(t, [NAME, EMAIL, THANKS, WORDING]);
    expect(after.filter((h) => !(h.marker === WORDING && h.table === 'commitments' && h.column === 'wording'))).toEqual([]);
    // The others keep their notices, without the person's words.
    const thanks = await db.selectFrom('notifications').select('params').where('user_id', '=', helper.user.id).where('kind', '=', 'mutual_aid.thanks').executeTakeFirstOrThrow();
    expect(thanks.params).toMatchObject({ requestId: request.id, kind: 'groceries', message: '—' });
    expect(signedUp.id).toBeDefined();
  }, 240_000);
});

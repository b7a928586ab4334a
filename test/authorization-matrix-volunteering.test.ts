// The authorization matrix of volunteering: every route × every kind of caller → the status it must get. In this
// world the matrix's organiser manages a validated organisation (the organisation_members row), so its routes answer
// the organiser and refuse other residents — operators and admins included, who validate and may cancel but never
// answer applications or read the exact address. Fixtures are written directly; the flows themselves are tested in
// src/server/volunteering/volunteering-{organisations,missions,participations}-http.test.ts.
import { buildUser, PASSWORD } from './support/factories.ts';
import { Client } from './support/http.ts';
import { anyone, describeMatrix, hasTag, operators, residents, T, unique, type Expect, type Row, type World } from './support/matrix.ts';

/** The organisation's manager only (the matrix's organiser). */
const managerOnly = (ok: number): Expect => [401, 403, ok, 403, 403, 403];
/** Not public: the organisation's manager and the territory's operators see it; others are told it does not exist. */
const managerOrStaff: Expect = [404, 404, 200, 200, 200, 404];

const HOUR = 3_600_000;
const V = (w: World) => `${T(w)}/volunteering`;

/** The organiser's validated organisation, once per world. */
const orgs = new WeakMap<World, Promise<string>>();
function organisation(w: World): Promise<string> {
  let o = orgs.get(w);
  if (!o) {
    o = (async () => {
      const db = w.t.database.db;
      const now = new Date();
      const row = await db
        .insertInto('organisations')
        .values({ territory_id: w.territory.id, name: `Association de la matrice ${unique()}`, kind: 'association', description: 'Une association de test.', contact_email: 'a@example.org', status: 'validated', applied_by: w.users.organiser.id, applied_at: now, decided_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('organisation_members').values({ territory_id: w.territory.id, organisation_id: row.id, user_id: w.users.organiser.id }).execute();
      return row.id;
    })();
    orgs.set(w, o);
  }
  return o;
}

/** A pending organisation applied for by the organiser. */
async function pendingOrganisation(w: World): Promise<string> {
  const row = await w.t.database.db
    .insertInto('organisations')
    .values({ territory_id: w.territory.id, name: `En attente ${unique()}`, kind: 'public_service', description: 'Un service public de test.', contact_phone: '0380000000', applied_by: w.users.organiser.id, applied_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A mission of the organiser's organisation in `status`; `startedHoursAgo` puts its start in the past (for attendance and completion). */
async function mission(w: World, status: 'draft' | 'awaiting_validation' | 'published', startedHoursAgo?: number): Promise<string> {
  const now = Date.now();
  const startsAt = new Date(startedHoursAgo === undefined ? now + 72 * HOUR : now - startedHoursAgo * HOUR);
  const db = w.t.database.db;
  const row = await db
    .insertInto('missions')
    .values({
      territory_id: w.territory.id,
      organisation_id: await organisation(w),
      title: 'Mission de la matrice',
      description: 'Une mission pour tester les droits.',
      schedule: 'once',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 96 * HOUR),
      online: false,
      commune_code: '21001',
      cell: '881f8e6d8bfffff',
      approx_lat: 47.05,
      approx_lng: 5.05,
      volunteers_needed: 50,
      status,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('mission_addresses').values({ mission_id: row.id, territory_id: w.territory.id, address: '1 rue Secrète' }).execute();
  return row.id;
}

/** An application of a new resident to a published mission (accepted when asked). */
async function application(w: World, accepted = false, startedHoursAgo?: number): Promise<string> {
  const missionId = await mission(w, 'published');
  const volunteer = await buildUser(w.t.database.db, { territory: w.territory });
  const client = await new Client(w.t.app).signIn(volunteer.email, PASSWORD);
  const res = await client.post(`${V(w)}/missions/${missionId}/participations`, { message: 'Je peux aider.' });
  if (res.statusCode !== 201) throw new Error(`fixture application: ${res.statusCode} ${res.body}`);
  const id = res.json<{ id: string }>().id;
  if (accepted) await w.t.database.db.updateTable('participations').set({ status: 'accepted', answered_at: new Date() }).where('id', '=', id).execute();
  // Then the mission starts (attendance is recorded afterwards).
  if (startedHoursAgo !== undefined) await w.t.database.db.updateTable('missions').set({ starts_at: new Date(Date.now() - startedHoursAgo * HOUR) }).where('id', '=', missionId).execute();
  return id;
}

const body = () => ({
  title: 'Accueil du public',
  description: 'Accueillir et orienter les visiteurs.',
  schedule: { kind: 'once', startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), endsAt: new Date(Date.now() + 50 * HOUR).toISOString() },
  place: { kind: 'on_site', lat: 47.05, lng: 5.05, address: '3 place du Marché' },
  volunteersNeeded: 2,
});

// One row per route. `expect` reads, in order: [anonymous, resident, organiser, operator, admin, outsider]
// prettier-ignore
const MATRIX: Row[] = [
  // ── Organisations ─────────────────────────────────────────────────────
  { route: 'POST /api/territories/:t/volunteering/organisations', build: (w) => ({ url: `${V(w)}/organisations`, body: { name: `Asso ${unique()}`, kind: 'association', description: 'Une association du quartier.', contactEmail: 'x@example.org' } }), expect: residents(201) },
  { route: 'GET /api/territories/:t/volunteering/organisations', build: async (w) => { await organisation(w); return { url: `${V(w)}/organisations` }; }, expect: anyone },
  { route: 'GET /api/territories/:t/volunteering/organisations/:id', build: async (w) => ({ url: `${V(w)}/organisations/${await organisation(w)}` }), expect: anyone },
  { route: 'GET /api/territories/:t/volunteering/organisations/:id', note: 'pending', build: async (w) => ({ url: `${V(w)}/organisations/${await pendingOrganisation(w)}` }), expect: managerOrStaff },
  { route: 'POST /api/territories/:t/volunteering/organisations/:id/decision', build: async (w) => ({ url: `${V(w)}/organisations/${await pendingOrganisation(w)}/decision`, body: { decision: 'validate' } }), expect: operators(200) },
  { route: 'POST /api/territories/:t/volunteering/organisations/:id/missions', build: async (w) => ({ url: `${V(w)}/organisations/${await organisation(w)}/missions`, body: body() }), expect: managerOnly(201) },
  { route: 'GET /api/territories/:t/volunteering/my-organisations', build: (w) => ({ url: `${V(w)}/my-organisations` }), expect: residents(200) },
  { route: 'GET /api/territories/:t/volunteering/validation', build: (w) => ({ url: `${V(w)}/validation?reason=demandes%20du%20jour` }), expect: operators(200) },
  // Applicants' names and contacts are personal data: without a stated reason the edge answers 400, whoever asks.
  { route: 'GET /api/territories/:t/volunteering/validation', note: 'no reason', build: (w) => ({ url: `${V(w)}/validation` }), expect: [400, 400, 400, 400, 400, 400] },
  // ── Missions ──────────────────────────────────────────────────────────
  { route: 'GET /api/territories/:t/volunteering/missions', build: async (w) => { await mission(w, 'published'); return { url: `${V(w)}/missions?commune=21001&radiusKm=5` }; }, expect: anyone },
  { route: 'GET /api/territories/:t/volunteering/missions/:id', build: async (w) => ({ url: `${V(w)}/missions/${await mission(w, 'published')}` }), expect: anyone },
  { route: 'GET /api/territories/:t/volunteering/missions/:id', note: 'draft', build: async (w) => ({ url: `${V(w)}/missions/${await mission(w, 'draft')}` }), expect: managerOrStaff },
  { route: 'PUT /api/territories/:t/volunteering/missions/:id', build: async (w) => ({ url: `${V(w)}/missions/${await mission(w, 'draft')}`, body: body() }), expect: managerOnly(200) },
  { route: 'POST /api/territories/:t/volunteering/missions/:id/submit', build: async (w) => ({ url: `${V(w)}/missions/${await mission(w, 'draft')}/submit` }), expect: managerOnly(200) },
  { route: 'POST /api/territories/:t/volunteering/missions/:id/decision', build: async (w) => ({ url: `${V(w)}/missions/${await mission(w, 'awaiting_validation')}/decision`, body: { decision: 'publish' } }), expect: operators(200) },
  { route: 'POST /api/territories/:t/volunteering/missions/:id/cancel', build: async (w) => ({ url: `${V(w)}/missions/${await mission(w, 'published')}/cancel`, body: { reason: 'Annulée pour le test.' } }), expect: [401, 403, 200, 200, 200, 403] },
  { route: 'POST /api/territories/:t/volunteering/missions/:id/complete', build: async (w) => ({ url: `${V(w)}/missions/${await mission(w, 'published', 2)}/complete` }), expect: managerOnly(200) },
  // ── Participations ────────────────────────────────────────────────────
  { route: 'POST /api/territories/:t/volunteering/missions/:id/participations', build: async (w) => ({ url: `${V(w)}/missions/${await mission(w, 'published')}/participations`, body: { message: 'Disponible le samedi.' } }), expect: residents(201) },
  { route: 'GET /api/territories/:t/volunteering/missions/:id/participations', build: async (w) => ({ url: `${V(w)}/missions/${await mission(w, 'published')}/participations` }), expect: managerOnly(200) },
  { route: 'POST /api/territories/:t/volunteering/participations/:id/accept', build: async (w) => ({ url: `${V(w)}/participations/${await application(w)}/accept` }), expect: managerOnly(200) },
  { route: 'POST /api/territories/:t/volunteering/participations/:id/refuse', build: async (w) => ({ url: `${V(w)}/participations/${await application(w)}/refuse`, body: { reason: 'Complet.' } }), expect: managerOnly(200) },
  { route: 'POST /api/territories/:t/volunteering/participations/:id/cancel', build: async (w) => ({ url: `${V(w)}/participations/${await application(w)}/cancel`, body: { reason: 'Créneau annulé.' } }), expect: [401, 404, 200, 404, 404, 403] },
  { route: 'POST /api/territories/:t/volunteering/participations/:id/attendance', build: async (w) => ({ url: `${V(w)}/participations/${await application(w, true, 3)}/attendance`, body: { attendance: 'present' } }), expect: managerOnly(200) },
  { route: 'GET /api/territories/:t/volunteering/me/participations', build: (w) => ({ url: `${V(w)}/me/participations` }), expect: residents(200) },
];

describeMatrix('authorization matrix (volunteering)', MATRIX, { covers: hasTag('volunteering'), atLeast: 21 });

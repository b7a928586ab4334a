// The authorization matrix of mutual aid: every route × every kind of caller → the status it must get. Same harness
// as the core table (support/matrix.ts). In this world the matrix's resident asks for help; a partner resident (the
// helper) offers. The exact address answers the requester only — the organiser, the operator and the admin of the
// territory get 403 like anyone else (test/mutual-aid-address-privacy.test.ts follows it through the lifecycle).
import { buildUser, PASSWORD, type UserFixture } from './support/factories.ts';
import { Client } from './support/http.ts';
import { anyone, describeMatrix, hasTag, residents, T, unique, type Expect, type Row, type World } from './support/matrix.ts';

/** The requester's own request: the matrix's resident; every other member of the territory is refused. */
const requesterOnly = (ok: number): Expect => [401, ok, 403, 403, 403, 403];

const HOME = { lat: 47.05, lng: 5.05 };
const A = (w: World) => `${T(w)}/mutual-aid`;
const inHours = (w: World, h: number) => new Date(w.t.clock.now().getTime() + h * 3_600_000).toISOString();
const requestBody = (w: World) => ({
  kind: 'groceries',
  urgency: 'today',
  window: { from: inHours(w, 1), to: inHours(w, 8) },
  description: `Courses ${unique()}`,
  place: HOME,
  address: '3 place du Marché',
});
const profile = { skills: ['groceries'], weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['morning', 'afternoon', 'evening'], radiusKm: 5, home: HOME };

/** A partner resident with a helper profile, and every matrix member a helper too; once per world. */
const partners = new WeakMap<World, Promise<{ user: UserFixture; client: Client }>>();
function partner(w: World) {
  let p = partners.get(w);
  if (!p) {
    p = (async () => {
      const user = await buildUser(w.t.database.db, { territory: w.territory });
      const client = await new Client(w.t.app).signIn(user.email, PASSWORD);
      for (const c of [client, w.clients.resident, w.clients.organiser, w.clients.operator, w.clients.admin]) {
        const res = await c.put(`${A(w)}/helper-profile`, profile);
        if (res.statusCode !== 200) throw new Error(`fixture profile: ${res.statusCode} ${res.body}`);
      }
      return { user, client };
    })();
    partners.set(w, p);
  }
  return p;
}

async function request(w: World, by: Client): Promise<string> {
  const res = await by.post(`${A(w)}/requests`, requestBody(w));
  if (res.statusCode !== 201) throw new Error(`fixture request: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A request of the matrix's resident, at a stage of its life (the partner offers, is accepted, marks it done). */
async function residentRequest(w: World, stage: 'open' | 'offered' | 'matched' | 'done'): Promise<string> {
  const { user, client } = await partner(w);
  const id = await request(w, w.clients.resident);
  if (stage === 'open') return id;
  await client.post(`${A(w)}/requests/${id}/offers`, {});
  if (stage === 'offered') return id;
  await w.clients.resident.post(`${A(w)}/requests/${id}/accept`, { helperId: user.id });
  if (stage === 'matched') return id;
  await client.post(`${A(w)}/requests/${id}/done`, {});
  return id;
}

/** An open request of the partner on which every matrix member has offered. */
async function offeredByEveryone(w: World): Promise<string> {
  const id = await request(w, (await partner(w)).client);
  for (const c of [w.clients.resident, w.clients.organiser, w.clients.operator, w.clients.admin]) await c.post(`${A(w)}/requests/${id}/offers`, {});
  return id;
}

// One row per route. `expect` reads, in order: [anonymous, resident, organiser, operator, admin, outsider]
// prettier-ignore
const MATRIX: Row[] = [
  { route: 'POST /api/territories/:t/mutual-aid/requests', build: (w) => ({ url: `${A(w)}/requests`, body: requestBody(w) }), expect: residents(201) },
  { route: 'GET /api/territories/:t/mutual-aid/requests/mine', build: (w) => ({ url: `${A(w)}/requests/mine` }), expect: residents(200) },
  { route: 'GET /api/territories/:t/mutual-aid/requests/nearby', build: async (w) => { await partner(w); return { url: `${A(w)}/requests/nearby` }; }, expect: residents(200) },
  { route: 'GET /api/territories/:t/mutual-aid/requests/helping', build: (w) => ({ url: `${A(w)}/requests/helping` }), expect: residents(200) },
  { route: 'GET /api/territories/:t/mutual-aid/requests/:id', build: async (w) => ({ url: `${A(w)}/requests/${await request(w, (await partner(w)).client)}` }), expect: residents(200) },
  { route: 'GET /api/territories/:t/mutual-aid/requests/:id/address', build: async (w) => ({ url: `${A(w)}/requests/${await residentRequest(w, 'offered')}/address` }), expect: requesterOnly(200) },
  { route: 'POST /api/territories/:t/mutual-aid/requests/:id/offers', build: async (w) => ({ url: `${A(w)}/requests/${await request(w, (await partner(w)).client)}/offers`, body: { message: 'Je peux' } }), expect: residents(200) },
  { route: 'DELETE /api/territories/:t/mutual-aid/requests/:id/offers/mine', build: async (w) => ({ url: `${A(w)}/requests/${await offeredByEveryone(w)}/offers/mine` }), expect: residents(200) },
  { route: 'POST /api/territories/:t/mutual-aid/requests/:id/accept', build: async (w) => ({ url: `${A(w)}/requests/${await residentRequest(w, 'offered')}/accept`, body: { helperId: (await partner(w)).user.id } }), expect: requesterOnly(200) },
  { route: 'POST /api/territories/:t/mutual-aid/requests/:id/done', build: async (w) => ({ url: `${A(w)}/requests/${await residentRequest(w, 'matched')}/done`, body: { hours: 1 } }), expect: requesterOnly(200) },
  { route: 'POST /api/territories/:t/mutual-aid/requests/:id/cancel', build: async (w) => ({ url: `${A(w)}/requests/${await residentRequest(w, 'open')}/cancel` }), expect: requesterOnly(200) },
  { route: 'POST /api/territories/:t/mutual-aid/requests/:id/thanks', build: async (w) => ({ url: `${A(w)}/requests/${await residentRequest(w, 'done')}/thanks`, body: { message: 'Merci beaucoup !' } }), expect: requesterOnly(200) },
  { route: 'GET /api/territories/:t/mutual-aid/helper-profile', build: (w) => ({ url: `${A(w)}/helper-profile` }), expect: residents(200) },
  { route: 'PUT /api/territories/:t/mutual-aid/helper-profile', build: (w) => ({ url: `${A(w)}/helper-profile`, body: profile }), expect: residents(200) },
  { route: 'DELETE /api/territories/:t/mutual-aid/helper-profile', build: (w) => ({ url: `${A(w)}/helper-profile` }), freshActor: true, expect: residents(204) },
  { route: 'GET /api/territories/:t/mutual-aid/offers', build: (w) => ({ url: `${A(w)}/offers?kind=groceries` }), expect: residents(200) },
  { route: 'POST /api/territories/:t/mutual-aid/offers', build: (w) => ({ url: `${A(w)}/offers`, body: { kind: 'groceries', text: 'Courses le mardi', weekdays: [2], times: ['morning'], place: HOME } }), expect: residents(201) },
  {
    route: 'DELETE /api/territories/:t/mutual-aid/offers/:id',
    build: async (w) => {
      const res = await w.clients.resident.post(`${A(w)}/offers`, { kind: 'call', text: 'Un appel le soir', weekdays: [1], times: ['evening'], place: HOME });
      return { url: `${A(w)}/offers/${res.json<{ id: string }>().id}` };
    },
    expect: [401, 204, 403, 403, 403, 403],
  },
  { route: 'GET /api/territories/:t/mutual-aid/impact', build: (w) => ({ url: `${A(w)}/impact?weeks=4` }), expect: anyone },
  { route: 'GET /api/territories/:t/mutual-aid/impact/me', build: (w) => ({ url: `${A(w)}/impact/me` }), expect: residents(200) },
];

describeMatrix('authorization matrix (mutual aid)', MATRIX, { covers: hasTag('mutual-aid'), atLeast: 20 });

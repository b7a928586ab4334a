// The authorization matrix of the mobility API (commute profile, carpool, corridors, impact): every route ×
// every kind of caller → the status it must get. Same harness as the core table (support/matrix.ts).
// Cells that change state build fresh fixtures: a trip of the resident, a ride between the resident and a
// partner, a corridor, a commitment of the resident — so the order of cells does not matter.
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { localDate, isoWeekday } from '../src/server/core/time-of-day.ts';
import { insertCorridor } from '../src/server/corridors/create-corridor.ts';
import { DEFAULT_EDITION, DEFAULT_FACTORS } from '../src/server/impact/factors.ts';
import { buildUser, PASSWORD, type UserFixture } from './support/factories.ts';
import { Client } from './support/http.ts';
import { ACTORS, anyone, community, describeMatrix, isMobility, operators, residentOnly, residents, T, unique, type Expect, type Row, type World } from './support/matrix.ts';

const STREAM = 'GET /api/territories/:t/communities/:id/impact/stream';
/**
 * Routes left out of the generated cells. The impact stream answers 200 with a text/event-stream that
 * never ends, and app.inject resolves only when the response ends, so a cell would hang until its timeout.
 * Its statuses are checked below over a real socket instead ("impact stream" test).
 */
const RIDE_STREAM = 'GET /api/territories/:t/carpool/matches/:matchId/stream';
const EXCLUDED: Record<string, string> = {
  [STREAM]: 'server-sent events: the response never ends, app.inject cannot return it; checked over a socket below',
  [RIDE_STREAM]: 'server-sent events, like the impact stream: checked over a socket below',
};

const today = (w: World) => localDate(w.t.clock.now());
function nextMonday(w: World): string {
  const d = new Date(`${today(w)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

/** POSTs as `client` and returns the new id; a fixture that cannot be built is a broken test, not a cell. */
async function created(client: Client, url: string, body: unknown): Promise<string> {
  const res = await client.post(url, body);
  if (res.statusCode !== 201) throw new Error(`fixture ${url}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

// ── Fixtures ────────────────────────────────────────────────────────────
// Places inside the factory territory's communes (squares lng 5.0–5.1 and 5.1–5.2, lat 47.0–47.1).
const profile = { home: { lat: 47.0512, lng: 5.0311 }, work: { lat: 47.0498, lng: 5.1533 }, weekdays: [1, 2, 3, 4, 5], out: { start: '07:30', end: '08:00' }, back: { start: '17:00', end: '17:45' }, usualMode: 'car_alone' };
const weekdays = [1, 2, 3, 4, 5];
const driverTrip = { role: 'driver', origin: { lat: 47.05, lng: 5.02 }, destination: { lat: 47.05, lng: 5.18 }, weekdays, window: { start: '07:30', end: '08:00' }, seats: 1 };
const passengerTrip = { role: 'passenger', origin: { lat: 47.052, lng: 5.035 }, destination: { lat: 47.05, lng: 5.17 }, weekdays, window: { start: '07:40', end: '08:10' }, seats: 1 };

/** Another resident of the territory, the other party of the resident's rides (one per world). */
const partners = new WeakMap<World, Promise<{ user: UserFixture; client: Client }>>();
function partner(w: World) {
  let p = partners.get(w);
  if (!p) {
    p = (async () => {
      const user = await buildUser(w.t.database.db, { territory: w.territory });
      return { user, client: await new Client(w.t.app).signIn(user.email, PASSWORD) };
    })();
    partners.set(w, p);
  }
  return p;
}

const C = (w: World) => `${T(w)}/carpool`;
/** A new open trip of the resident (a passenger's, matching the partner's driver trips). */
const residentTrip = (w: World) => created(w.clients.resident, `${C(w)}/trips`, passengerTrip);

/**
 * A new ride between the partner (driver, who proposed it for next Monday) and the resident (passenger):
 * `proposed`; `past` = accepted by both and already started, so it can be confirmed; `held` = waiting for
 * an operator's review.
 */
async function ride(w: World, state: 'proposed' | 'past' | 'held' = 'proposed'): Promise<string> {
  const { client } = await partner(w);
  const mine = await residentTrip(w);
  const theirs = await created(client, `${C(w)}/trips`, driverTrip);
  const id = await created(client, `${C(w)}/trips/${theirs}/matches`, { tripId: mine, date: nextMonday(w) });
  const now = w.t.clock.now();
  if (state === 'past') {
    await w.t.database.db
      .updateTable('carpool_matches')
      .set({ status: 'accepted', passenger_accepted_at: now, trip_date: today(w), starts_at: new Date(now.getTime() - 3_600_000) })
      .where('id', '=', id)
      .execute();
  }
  if (state === 'held') await w.t.database.db.updateTable('carpool_matches').set({ review_status: 'pending', fraud_flags: ['short'] }).where('id', '=', id).execute();
  return id;
}

/** A new corridor of the territory, inserted as the demo seed does (the operator route has its own row). */
const corridorBody = () => ({
  name: `Avenue ${unique()}`,
  geometry: { type: 'LineString' as const, coordinates: [[5.01, 47.05], [5.15, 47.05]] },
  capacityPerHour: 1000,
  freeFlowMin: 10,
  amStart: '06:30',
  amDemand: [150, 200, 150, 300, 200, 150, 100],
  pmStart: '16:30',
  pmDemand: [100, 150, 200, 150, 100],
});
const corridor = (w: World) => insertCorridor(w.t.database.db, w.territory.id, corridorBody());

/** A new commitment of the resident on a new corridor, covering today (so a shift can be recorded today). */
const commitment = async (w: World) =>
  created(w.clients.resident, `${T(w)}/corridors/${await corridor(w)}/commitments`, { period: 'am', fromSlot: 3, toSlot: 2, weekdays: [isoWeekday(today(w))] });

// One row per route (and per kind of community where it matters). `expect` reads, in order:
//        [anonymous, resident, organiser, operator, admin, outsider]
// "resident" owns the trip, ride or commitment in question (the others are members who do not: 404);
// "organiser" organises the community in question; "outsider" lives in another territory (403).
// prettier-ignore
const MATRIX: Row[] = [
  // ── Commute profile: one's own ────────────────────────────────────────
  { route: 'GET /api/territories/:t/commute-profile', build: (w) => ({ url: `${T(w)}/commute-profile` }), expect: residents(200) },
  { route: 'PUT /api/territories/:t/commute-profile', build: (w) => ({ url: `${T(w)}/commute-profile`, body: profile }), expect: residents(200) },
  { route: 'DELETE /api/territories/:t/commute-profile', build: (w) => ({ url: `${T(w)}/commute-profile` }), expect: residents(204) },
  // ── Carpool: trips are their owner's only ────────────────────────────
  { route: 'POST /api/territories/:t/carpool/trips', build: (w) => ({ url: `${C(w)}/trips`, body: driverTrip }), expect: residents(201) },
  { route: 'GET /api/territories/:t/carpool/trips/mine', build: (w) => ({ url: `${C(w)}/trips/mine` }), expect: residents(200) },
  { route: 'POST /api/territories/:t/carpool/trips/:id/close', build: async (w) => ({ url: `${C(w)}/trips/${await residentTrip(w)}/close` }), expect: residentOnly(204) },
  { route: 'GET /api/territories/:t/carpool/trips/:id/matches', build: async (w) => ({ url: `${C(w)}/trips/${await residentTrip(w)}/matches?limit=5` }), expect: residentOnly(200) },
  { route: 'POST /api/territories/:t/carpool/trips/:id/matches', build: async (w) => ({ url: `${C(w)}/trips/${await residentTrip(w)}/matches`, body: { tripId: await created((await partner(w)).client, `${C(w)}/trips`, driverTrip), date: nextMonday(w) } }), expect: residentOnly(201) },
  // ── Carpool: a ride is its two parties' only ─────────────────────────
  { route: 'GET /api/territories/:t/carpool/matches/mine', build: (w) => ({ url: `${C(w)}/matches/mine` }), expect: residents(200) },
  { route: 'GET /api/territories/:t/carpool/matches/:matchId', build: async (w) => ({ url: `${C(w)}/matches/${await ride(w)}` }), expect: residentOnly(200) },
  { route: 'POST /api/territories/:t/carpool/matches/:matchId/decline', build: async (w) => ({ url: `${C(w)}/matches/${await ride(w)}/decline`, body: { reason: 'not that day' } }), expect: residentOnly(204) },
  { route: 'POST /api/territories/:t/carpool/matches/:matchId/accept', build: async (w) => ({ url: `${C(w)}/matches/${await ride(w)}/accept` }), expect: residentOnly(200) },
  { route: 'POST /api/territories/:t/carpool/matches/:matchId/cancel', build: async (w) => ({ url: `${C(w)}/matches/${await ride(w)}/cancel`, body: { reason: 'plans changed' } }), expect: residentOnly(204) },
  { route: 'POST /api/territories/:t/carpool/matches/:matchId/confirm', build: async (w) => ({ url: `${C(w)}/matches/${await ride(w, 'past')}/confirm` }), expect: residentOnly(200) },
  { route: 'GET /api/territories/:t/carpool/matches/:matchId/messages', build: async (w) => ({ url: `${C(w)}/matches/${await ride(w)}/messages` }), expect: residentOnly(200) },
  { route: 'POST /api/territories/:t/carpool/matches/:matchId/messages', build: async (w) => ({ url: `${C(w)}/matches/${await ride(w)}/messages`, body: { body: 'Au parking relais à 7 h 40.' } }), expect: residentOnly(201) },
  // ── Carpool: fraud review, operators and admins (who are not parties) ─
  { route: 'GET /api/territories/:t/carpool/settings', build: (w) => ({ url: `${C(w)}/settings` }), expect: anyone },
  { route: 'PUT /api/territories/:t/carpool/settings', build: (w) => ({ url: `${C(w)}/settings`, body: { timeToleranceMin: 15, maxDetourShare: 0.25, minSharedShare: 0.35, roadFactor: 1.3, reason: 'back to the defaults' } }), expect: operators(200) },
  { route: 'GET /api/territories/:t/carpool/reviews', build: (w) => ({ url: `${C(w)}/reviews` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/carpool/matches/:matchId/review', build: async (w) => ({ url: `${C(w)}/matches/${await ride(w, 'held')}/review`, body: { decision: 'cleared', reason: 'checked with both parties' } }), expect: operators(204) },
  // ── Corridors: public reads, operator writes, one's own commitments ──
  { route: 'GET /api/territories/:t/corridors', build: async (w) => { await corridor(w); return { url: `${T(w)}/corridors` }; }, expect: anyone },
  { route: 'GET /api/territories/:t/corridors/:id', build: async (w) => ({ url: `${T(w)}/corridors/${await corridor(w)}` }), expect: anyone },
  { route: 'POST /api/territories/:t/corridors', build: (w) => ({ url: `${T(w)}/corridors`, body: corridorBody() }), expect: operators(201) },
  { route: 'GET /api/territories/:t/shift-commitments/mine', build: (w) => ({ url: `${T(w)}/shift-commitments/mine` }), expect: residents(200) },
  { route: 'GET /api/territories/:t/corridors/:id/definition', build: async (w) => ({ url: `${T(w)}/corridors/${await corridor(w)}/definition` }), expect: operators(200) },
  { route: 'PUT /api/territories/:t/corridors/:id', build: async (w) => ({ url: `${T(w)}/corridors/${await corridor(w)}`, body: corridorBody() }), expect: operators(200) },
  { route: 'POST /api/territories/:t/corridors/:id/commitments', build: async (w) => ({ url: `${T(w)}/corridors/${await corridor(w)}/commitments`, body: { period: 'am', fromSlot: 3, toSlot: 2, weekdays: [1, 2] } }), expect: residents(201) },
  { route: 'DELETE /api/territories/:t/shift-commitments/:commitmentId', build: async (w) => ({ url: `${T(w)}/shift-commitments/${await commitment(w)}` }), expect: residentOnly(204) },
  { route: 'POST /api/territories/:t/shift-commitments/:commitmentId/shifts', build: async (w) => ({ url: `${T(w)}/shift-commitments/${await commitment(w)}/shifts`, body: { date: today(w) } }), expect: residentOnly(200) },
  // ── Impact: one's gestures and figures, public figures, operator factors ─
  { route: 'POST /api/territories/:t/gestures/mode-switches', build: (w) => ({ url: `${T(w)}/gestures/mode-switches`, body: { mode: 'bike', date: today(w), leg: 'other', km: 3 } }), expect: residents(200) },
  { route: 'GET /api/territories/:t/impact/me', build: (w) => ({ url: `${T(w)}/impact/me?weeks=4` }), expect: residents(200) },
  { route: 'GET /api/territories/:t/impact', build: (w) => ({ url: `${T(w)}/impact?weeks=4` }), expect: anyone },
  { route: 'GET /api/territories/:t/impact/rankings', build: (w) => ({ url: `${T(w)}/impact/rankings?limit=5` }), expect: anyone },
  { route: 'GET /api/territories/:t/impact/factors', build: (w) => ({ url: `${T(w)}/impact/factors` }), expect: anyone },
  { route: 'PUT /api/territories/:t/impact/factors', build: (w) => ({ url: `${T(w)}/impact/factors`, body: { factors: DEFAULT_FACTORS, reason: 'yearly ADEME update' } }), expect: operators(200) },
  { route: 'GET /api/territories/:t/impact/factors/versions', build: (w) => ({ url: `${T(w)}/impact/factors/versions` }), expect: anyone },
  { route: 'POST /api/territories/:t/impact/factors/editions', build: (w) => ({ url: `${T(w)}/impact/factors/editions`, body: { edition: DEFAULT_EDITION, reason: 'yearly Impact CO2 edition' } }), expect: operators(201) },
  { route: 'GET /api/territories/:t/communities/:id/impact', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}/impact` }), expect: anyone },
  { route: 'GET /api/territories/:t/communities/:id/impact', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}/impact` }), expect: [404, 404, 200, 404, 404, 404] },
];

/** The stream's expected statuses: a public community's to anyone, a private one's to its members only. */
const STREAM_EXPECT: Record<'public' | 'private', Expect> = { public: anyone, private: [404, 404, 200, 404, 404, 404] };

describeMatrix('authorization matrix (mobility)', MATRIX, {
  covers: isMobility,
  excluded: EXCLUDED,
  atLeast: 30,
  more: (world) => {
    it('leaves only the two streams out of the generated cells', () => {
      expect(Object.keys(EXCLUDED)).toEqual([STREAM, RIDE_STREAM]);
      expect(MATRIX.filter((r) => r.route === STREAM || r.route === RIDE_STREAM)).toEqual([]);
    });

    it(`${RIDE_STREAM} (a ride's stream) × every actor, over a socket: its two people only`, async () => {
      const w = world();
      if (!w.t.app.server.listening) await w.t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = w.t.app.server.address() as AddressInfo;
      const id = await ride(w);
      for (const [i, actor] of ACTORS.entries()) {
        const cookies = actor === 'anonymous' ? {} : w.clients[actor].cookies;
        const controller = new AbortController();
        const res = await fetch(`http://127.0.0.1:${port}${C(w)}/matches/${id}/stream`, {
          headers: { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') },
          signal: controller.signal,
        });
        const status = residentOnly(200)[i];
        expect(res.status, actor).toBe(status);
        expect(res.headers.get('content-type')).toContain(status === 200 ? 'text/event-stream' : 'application/problem+json');
        controller.abort();
      }
    });

    it(`${STREAM} (impact stream) × every actor, over a socket: public → anyone, private → its members`, async () => {
      const w = world();
      if (!w.t.app.server.listening) await w.t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = w.t.app.server.address() as AddressInfo;
      for (const visibility of ['public', 'private'] as const) {
        const c = await community(w, visibility);
        for (const [i, actor] of ACTORS.entries()) {
          const cookies = actor === 'anonymous' ? {} : w.clients[actor].cookies;
          const controller = new AbortController();
          const res = await fetch(`http://127.0.0.1:${port}${T(w)}/communities/${c.id}/impact/stream`, {
            headers: { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') },
            signal: controller.signal,
          });
          const status = STREAM_EXPECT[visibility][i];
          expect(res.status, `${visibility} × ${actor}`).toBe(status);
          expect(res.headers.get('content-type')).toContain(status === 200 ? 'text/event-stream' : 'application/problem+json');
          controller.abort();
        }
      }
    });
  },
});

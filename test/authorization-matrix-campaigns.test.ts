// The authorization matrix of incentive campaigns: every route × every kind of caller → the status it must get.
// Same harness as the core table (support/matrix.ts). Operators and admins run campaigns; anyone reads the
// launched ones and their lottery draws (the money is public); a draft is 404 to everyone else, anonymous and
// other territories included. Each cell builds its own campaign through the API as the matrix's operator.
import { localDate } from '../src/server/core/time-of-day.ts';
import { anyone, describeMatrix, isCampaigns, operators, T, type Expect, type Row, type World } from './support/matrix.ts';

/** A draft is seen by the territory's operators and admins only. */
const operatorsOr404: Expect = [404, 404, 404, 200, 200, 404];

function day(w: World, n: number): string {
  const d = new Date(`${localDate(w.t.clock.now())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const body = (w: World, mode: 'payout' | 'lottery' = 'payout') => ({
  name: 'Matrice : décaler son départ',
  mode,
  startsOn: day(w, -3),
  endsOn: day(w, 25),
  budgetCents: 5_000,
  rules: [{ type: 'per_gesture', cents: 100 }],
  ...(mode === 'lottery' ? { prizeCents: 500, winnersPerWeek: 1 } : {}),
});

/** A new draft of the world's territory, created by its operator. */
async function draft(w: World, mode: 'payout' | 'lottery' = 'payout'): Promise<string> {
  const res = await w.clients.operator.post(`${T(w)}/campaigns`, body(w, mode));
  if (res.statusCode !== 201) throw new Error(`fixture campaign: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A new running campaign (launched by the operator). */
async function active(w: World, mode: 'payout' | 'lottery' = 'payout'): Promise<string> {
  const id = await draft(w, mode);
  const res = await w.clients.operator.post(`${T(w)}/campaigns/${id}/launch`);
  if (res.statusCode !== 200) throw new Error(`fixture launch: ${res.statusCode} ${res.body}`);
  return id;
}

/** A new closed campaign with its budget left (closed by the operator). */
async function closed(w: World): Promise<string> {
  const id = await active(w);
  const res = await w.clients.operator.post(`${T(w)}/campaigns/${id}/close`);
  if (res.statusCode !== 200) throw new Error(`fixture close: ${res.statusCode} ${res.body}`);
  return id;
}

const C = (w: World) => `${T(w)}/campaigns`;

// prettier-ignore
const MATRIX: Row[] = [
  { route: 'GET /api/territories/:t/campaigns', build: (w) => ({ url: C(w) }), expect: anyone },
  { route: 'POST /api/territories/:t/campaigns', build: (w) => ({ url: C(w), body: body(w) }), expect: operators(201) },
  { route: 'POST /api/territories/:t/campaigns/simulate', build: (w) => ({ url: `${C(w)}/simulate`, body: { campaign: body(w), weeks: 4 } }), expect: operators(200) },
  { route: 'GET /api/territories/:t/campaigns/:id', build: async (w) => ({ url: `${C(w)}/${await active(w)}` }), expect: anyone },
  { route: 'GET /api/territories/:t/campaigns/:id', note: 'draft', build: async (w) => ({ url: `${C(w)}/${await draft(w)}` }), expect: operatorsOr404 },
  { route: 'PUT /api/territories/:t/campaigns/:id', build: async (w) => ({ url: `${C(w)}/${await draft(w)}`, body: body(w) }), expect: operators(200) },
  { route: 'POST /api/territories/:t/campaigns/:id/launch', build: async (w) => ({ url: `${C(w)}/${await draft(w)}/launch` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/campaigns/:id/settle', build: async (w) => ({ url: `${C(w)}/${await active(w)}/settle` }), expect: operators(200) },
  { route: 'POST /api/territories/:t/campaigns/:id/top-ups', build: async (w) => ({ url: `${C(w)}/${await active(w)}/top-ups`, body: { cents: 1_000, reference: 'Délibération 2025-114' } }), expect: operators(201) },
  { route: 'POST /api/territories/:t/campaigns/:id/return', build: async (w) => ({ url: `${C(w)}/${await closed(w)}/return`, body: { reference: 'Virement 42' } }), expect: operators(200) },
  { route: 'POST /api/territories/:t/campaigns/:id/close', build: async (w) => ({ url: `${C(w)}/${await active(w)}/close` }), expect: operators(200) },
  { route: 'GET /api/territories/:t/campaigns/:id/draws', build: async (w) => ({ url: `${C(w)}/${await active(w, 'lottery')}/draws` }), expect: anyone },
  { route: 'GET /api/territories/:t/campaigns/:id/draws', note: 'draft', build: async (w) => ({ url: `${C(w)}/${await draft(w, 'lottery')}/draws` }), expect: operatorsOr404 },
];

describeMatrix('authorization matrix (campaigns)', MATRIX, { covers: isCampaigns, atLeast: 11 });

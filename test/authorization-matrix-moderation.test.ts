// The authorization matrix of moderation: reports, the moderation queue and its reviews, blocks. Same harness as the
// core table (support/matrix.ts). Any member reports and blocks; the queue and reviews belong to the territory's
// operators and admins, and to a community's organisers for their own community. Notification preferences carry the
// notifications tag and sit in the core table.
import { buildCommunity, buildUser, PASSWORD } from './support/factories.ts';
import { Client } from './support/http.ts';
import { reportedPrivateMessage } from './support/staff-reads.ts';
import { community, describeMatrix, hasTag, residents, T, type Expect, type Row, type World } from './support/matrix.ts';

/** Operators, admins, and the organiser of the community concerned. */
const moderators: Expect = [401, 403, 200, 200, 200, 403];
const operatorsOnly: Expect = [401, 403, 403, 200, 200, 403];

/** A public community reported once by a new resident; organised by the matrix's organiser unless `elsewhere`. */
async function reportedCommunity(w: World, elsewhere = false): Promise<string> {
  const db = w.t.database.db;
  const c = elsewhere ? await buildCommunity(db, { territory: w.territory }) : await community(w);
  const reporter = await buildUser(db, { territory: w.territory });
  const client = await new Client(w.t.app).signIn(reporter.email, PASSWORD);
  const res = await client.post(`${T(w)}/reports`, { subjectType: 'community', subjectId: c.id, reason: 'spam' });
  if (res.statusCode !== 201) throw new Error(`fixture report: ${res.statusCode} ${res.body}`);
  return c.id;
}

const someone = async (w: World) => (await buildUser(w.t.database.db, { territory: w.territory })).id;

// One row per route. `expect` reads, in order: [anonymous, resident, organiser, operator, admin, outsider]
// prettier-ignore
const MATRIX: Row[] = [
  { route: 'POST /api/territories/:t/reports', build: async (w) => ({ url: `${T(w)}/reports`, body: { subjectType: 'community', subjectId: (await buildCommunity(w.t.database.db, { territory: w.territory })).id, reason: 'spam' } }), expect: residents(201) },
  { route: 'GET /api/territories/:t/moderation/reports', build: async (w) => { await reportedCommunity(w); return { url: `${T(w)}/moderation/reports?reason=examen%20du%20jour` }; }, expect: moderators },
  { route: 'GET /api/territories/:t/moderation/reports', note: 'another community', build: async (w) => ({ url: `${T(w)}/moderation/reports?communityId=${await reportedCommunity(w, true)}&reason=examen%20du%20jour` }), expect: operatorsOnly },
  { route: 'GET /api/territories/:t/moderation/reports', note: 'no reason', build: (w) => ({ url: `${T(w)}/moderation/reports` }), expect: [400, 400, 400, 400, 400, 400] },
  // The text of a reported private message: operators and admins only, with a reason (audited); the queue withholds it.
  { route: 'GET /api/territories/:t/moderation/reports/:subjectType/:subjectId/content', build: async (w) => ({ url: `${T(w)}/moderation/reports/carpool_message/${await reportedPrivateMessage(w.t.database.db, w.territory.id, await someone(w), 'Mon adresse perso')}/content?reason=examen%20du%20jour` }), expect: operatorsOnly },
  { route: 'POST /api/territories/:t/moderation/reviews', note: 'the organiser’s community', build: async (w) => ({ url: `${T(w)}/moderation/reviews`, body: { subjectType: 'community', subjectId: await reportedCommunity(w), decision: 'keep', reason: 'Rien d’anormal' } }), expect: moderators },
  { route: 'POST /api/territories/:t/moderation/reviews', note: 'another community', build: async (w) => ({ url: `${T(w)}/moderation/reviews`, body: { subjectType: 'community', subjectId: await reportedCommunity(w, true), decision: 'remove', reason: 'Publicité' } }), expect: operatorsOnly },
  { route: 'GET /api/territories/:t/blocks', build: (w) => ({ url: `${T(w)}/blocks` }), expect: residents(200) },
  { route: 'POST /api/territories/:t/blocks/:userId', build: async (w) => ({ url: `${T(w)}/blocks/${await someone(w)}` }), expect: residents(200) },
  { route: 'DELETE /api/territories/:t/blocks/:userId', build: async (w) => ({ url: `${T(w)}/blocks/${await someone(w)}` }), expect: residents(204) },
];

describeMatrix('authorization matrix (moderation)', MATRIX, { covers: hasTag('moderation'), atLeast: 6 });

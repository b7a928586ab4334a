// The authorization matrix of the core API (accounts, territories, communities, audit, system): every route ×
// every kind of caller → the status it must get. One test per cell; cells that change state build fresh
// fixtures, so the order of cells does not matter. The mobility routes have their own table in
// authorization-matrix-mobility.test.ts; the harness and the coverage check live in support/matrix.ts.
import { digest } from '../src/server/core/auth/tokens.ts';
import type { CommunityVisibility, MembershipStatus } from '../src/server/core/database/schema.ts';
import { notify } from '../src/server/notifications/notify.ts';
import { addMember, buildUser, PASSWORD } from './support/factories.ts';
import { anyone, community, describeMatrix, isCampaigns, isMobility, isSolidarity, isWallet, residentOnly, residents, signedIn, T, type Row, type World } from './support/matrix.ts';

const uniqueEmail = () => `m-${Math.random().toString(36).slice(2)}@example.org`;

/** A new community with one more member (active or pending) to act on. */
async function communityWithMember(w: World, visibility: CommunityVisibility, status: MembershipStatus) {
  const c = await community(w, visibility);
  const member = await buildUser(w.t.database.db, { territory: w.territory });
  await addMember(w.t.database.db, c, member, 'member', status);
  return `${T(w)}/communities/${c.id}/members/${member.id}`;
}

/** A verification link of a new, unverified account. */
async function verifyToken(w: World): Promise<string> {
  const user = await buildUser(w.t.database.db, { territory: w.territory, unverified: true });
  const token = `verify-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const now = w.t.clock.now();
  await w.t.database.db
    .insertInto('email_verification_tokens')
    .values({ id: digest(token), user_id: user.id, email: user.email, created_at: now, expires_at: new Date(now.getTime() + 3_600_000) })
    .execute();
  return token;
}

async function resetToken(w: World): Promise<string> {
  const user = await buildUser(w.t.database.db, { territory: w.territory });
  const token = `reset-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const now = w.t.clock.now();
  await w.t.database.db
    .insertInto('password_reset_tokens')
    .values({ id: digest(token), user_id: user.id, created_at: now, expires_at: new Date(now.getTime() + 3_600_000) })
    .execute();
  return token;
}

// One row per route (and per kind of community where it matters). `expect` reads, in order:
//        [anonymous, resident, organiser, operator, admin, outsider]
// where "organiser" organises the community in question and "outsider" lives in another territory.
// prettier-ignore
/** A territory-wide commitment, launched through the API by the matrix's resident. */
async function commitment(w: World, target = 100): Promise<string> {
  const day = 86_400_000;
  const at = (days: number) => new Date(w.t.clock.now().getTime() + days * day).toISOString();
  const res = await w.clients.resident.post(`${T(w)}/commitments`, {
    wording: 'Je viendrai à vélo le jeudi si 100 voisins le font aussi',
    action: 'mode_switch',
    scope: { kind: 'territory', target: { kind: 'count', count: target } },
    signingDeadline: at(7),
    actionStart: at(8),
    actionEnd: at(30),
  });
  if (res.statusCode !== 201) throw new Error(`fixture commitment: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A community commitment launched by the matrix's organiser (who may enter signatures collected on paper for it). */
async function communityCommitment(w: World): Promise<string> {
  const c = await community(w);
  const at = (days: number) => new Date(w.t.clock.now().getTime() + days * 86_400_000).toISOString();
  const res = await w.clients.organiser.post(`${T(w)}/commitments`, {
    wording: 'Je covoiturerai le lundi si 10 membres le font',
    action: 'carpool',
    scope: { kind: 'community', communityId: c.id, target: { kind: 'count', count: 10 } },
    signingDeadline: at(7),
    actionStart: at(8),
    actionEnd: at(30),
  });
  if (res.statusCode !== 201) throw new Error(`fixture community commitment: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A signature typed in from paper by the matrix's operator for the matrix's resident: the URL of the entry. */
async function offlineEntry(w: World): Promise<string> {
  const url = `${T(w)}/commitments/${await commitment(w)}/offline-signatures`;
  const res = await w.clients.operator.post(url, { userId: w.users.resident.id, reference: 'Feuille de la réunion' });
  if (res.statusCode !== 201) throw new Error(`fixture offline entry: ${res.statusCode} ${res.body}`);
  return `${url}/${res.json<{ id: string }>().id}`;
}

/** A completed commitment (written directly, in the past) that every person of the matrix's territory signed. */
async function completedCommitment(w: World): Promise<string> {
  const now = w.t.clock.now().getTime();
  const at = (days: number) => new Date(now + days * 86_400_000);
  const db = w.t.database.db;
  const { id } = await db
    .insertInto('commitments')
    .values({
      territory_id: w.territory.id,
      created_by: w.users.resident.id,
      wording: 'Je suis venu à vélo le jeudi',
      action: 'mode_switch',
      scope: JSON.stringify({ kind: 'territory', target: { kind: 'count', count: 4 } }),
      created_at: at(-60),
      signing_deadline: at(-40),
      action_start: at(-39),
      action_end: at(-2),
      fired: ['progress_33', 'progress_66', 'succeeded'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const people = [w.users.resident, w.users.organiser, w.users.operator, w.users.admin];
  await db
    .insertInto('commitment_signatures')
    .values(people.map((u, i) => ({ territory_id: w.territory.id, commitment_id: id, user_id: u.id, signed_at: at(-50 + i) })))
    .execute();
  return id;
}

/** A notification of the matrix's resident, through notify() as the app sends them. */
async function residentNotification(w: World): Promise<string> {
  await w.t.database.db.transaction().execute((trx) =>
    notify(trx, { territoryId: w.territory.id, userIds: [w.users.resident.id], kind: 'test.matrix', mail: () => ({ subject: 'Maille', text: 'Test' }) }, { now: w.t.clock.now(), publicUrl: w.t.config.publicUrl }),
  );
  const row = await w.t.database.db.selectFrom('notifications').select('id').where('user_id', '=', w.users.resident.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return row.id;
}

const MATRIX: Row[] = [
  // ── System ───────────────────────────────────────────────────────────
  { route: 'GET /api/health', build: () => ({ url: '/api/health' }), expect: anyone },
  { route: 'GET /api/openapi.json', build: () => ({ url: '/api/openapi.json' }), expect: anyone },
  { route: 'GET /api/dev/mail', note: 'demo mode', build: () => ({ url: '/api/dev/mail' }), expect: [401, 403, 403, 403, 200, 403] },
  { route: 'GET /api/jobs', note: 'admins of a territory', build: () => ({ url: '/api/jobs' }), expect: [401, 403, 403, 403, 200, 403] },
  // ── Accounts ──────────────────────────────────────────────────────────
  { route: 'POST /api/auth/sign-up', build: (w) => ({ url: '/api/auth/sign-up', body: { email: uniqueEmail(), password: PASSWORD, displayName: 'Nouvelle', territory: w.territory.slug } }), expect: [201, 201, 201, 201, 201, 201] },
  { route: 'POST /api/auth/sign-in', build: async (w) => ({ url: '/api/auth/sign-in', body: { email: (await buildUser(w.t.database.db, { territory: w.territory })).email, password: PASSWORD } }), expect: anyone },
  { route: 'POST /api/auth/sign-out', freshActor: true, build: () => ({ url: '/api/auth/sign-out' }), expect: [204, 204, 204, 204, 204, 204] },
  { route: 'POST /api/auth/password-reset', build: (w) => ({ url: '/api/auth/password-reset', body: { email: w.users.resident.email } }), expect: [202, 202, 202, 202, 202, 202] },
  { route: 'POST /api/auth/password-reset/confirm', build: async (w) => ({ url: '/api/auth/password-reset/confirm', body: { token: await resetToken(w), password: 'a new long password' } }), expect: [204, 204, 204, 204, 204, 204] },
  { route: 'POST /api/auth/verify-email', build: async (w) => ({ url: '/api/auth/verify-email', body: { token: await verifyToken(w) } }), expect: anyone },
  { route: 'POST /api/me/email/verification', note: 'verified, no new address pending yet', build: () => ({ url: '/api/me/email/verification' }), expect: signedIn(409) },
  { route: 'POST /api/me/email', build: () => ({ url: '/api/me/email', body: { email: uniqueEmail(), password: PASSWORD } }), expect: signedIn(202) },
  { route: 'GET /api/me', build: () => ({ url: '/api/me' }), expect: signedIn(200) },
  { route: 'PATCH /api/me', build: () => ({ url: '/api/me', body: { locale: 'en' } }), expect: signedIn(200) },
  { route: 'GET /api/me/export', build: () => ({ url: '/api/me/export' }), expect: signedIn(200) },
  { route: 'DELETE /api/me', freshActor: true, build: () => ({ url: '/api/me', body: { password: PASSWORD } }), expect: signedIn(204) },
  // ── Territories ──────────────────────────────────────────────────────
  { route: 'GET /api/territories', build: () => ({ url: '/api/territories' }), expect: anyone },
  { route: 'GET /api/territories/:t', build: (w) => ({ url: T(w) }), expect: anyone },
  { route: 'GET /api/territories/:t/communes', build: (w) => ({ url: `${T(w)}/communes` }), expect: anyone },
  { route: 'POST /api/territories/:t/join', freshActor: true, build: (w) => ({ url: `${T(w)}/join` }), expect: signedIn(204) },
  { route: 'GET /api/territories/:t/people/:userId', build: (w) => ({ url: `${T(w)}/people/${w.users.resident.id}?reason=support%20ticket%2042` }), expect: [401, 403, 403, 200, 200, 403] },
  { route: 'PUT /api/territories/:t/people/:userId/roles', build: async (w) => ({ url: `${T(w)}/people/${(await buildUser(w.t.database.db, { territory: w.territory })).id}/roles`, body: { roles: ['resident', 'mediator'], reason: 'volunteer mediator' } }), expect: [401, 403, 403, 403, 200, 403] },
  { route: 'GET /api/territories/:t/people', build: (w) => ({ url: `${T(w)}/people?q=ad&reason=support%20ticket%2042` }), expect: [401, 403, 403, 403, 200, 403] },
  { route: 'GET /api/territories/:t/role-holders', build: (w) => ({ url: `${T(w)}/role-holders?reason=support%20ticket%2042` }), expect: [401, 403, 403, 403, 200, 403] },
  { route: 'GET /api/territories/:t/audit', build: (w) => ({ url: `${T(w)}/audit` }), expect: [401, 403, 403, 403, 200, 403] },
  // ── Communities: directory and creation ──────────────────────────────
  { route: 'GET /api/territories/:t/communities', build: (w) => ({ url: `${T(w)}/communities?q=a&limit=5` }), expect: anyone },
  { route: 'GET /api/territories/:t/communities/mine', build: (w) => ({ url: `${T(w)}/communities/mine` }), expect: signedIn(200) },
  { route: 'POST /api/territories/:t/communities', build: (w) => ({ url: `${T(w)}/communities`, body: { name: 'Potager', kind: 'association', visibility: 'public', joinPolicy: 'open' } }), expect: [401, 201, 201, 201, 201, 403] },
  { route: 'GET /api/territories/:t/invites/:code', build: async (w) => ({ url: `${T(w)}/invites/${(await community(w)).inviteCode}` }), expect: anyone },
  { route: 'GET /api/territories/:t/invites/:code', note: 'private', build: async (w) => ({ url: `${T(w)}/invites/${(await community(w, 'private')).inviteCode}` }), expect: anyone },
  // ── A public community: organiser tools, and a territory admin may step in ─
  { route: 'GET /api/territories/:t/communities/:id', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}` }), expect: anyone },
  { route: 'PATCH /api/territories/:t/communities/:id', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}`, body: { description: 'Edited' } }), expect: [401, 403, 200, 403, 200, 403] },
  { route: 'GET /api/territories/:t/communities/:id/members', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}/members` }), expect: [401, 403, 200, 403, 403, 403] },
  { route: 'POST /api/territories/:t/communities/:id/join', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}/join` }), expect: [401, 200, 200, 200, 200, 403] },
  { route: 'POST /api/territories/:t/communities/:id/leave', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}/leave` }), expect: [401, 404, 409, 404, 404, 403] },
  { route: 'POST /api/territories/:t/communities/:id/members/:userId/approve', build: async (w) => ({ url: `${await communityWithMember(w, 'public', 'pending')}/approve` }), expect: [401, 403, 204, 403, 204, 403] },
  { route: 'PUT /api/territories/:t/communities/:id/members/:userId/role', build: async (w) => ({ url: `${await communityWithMember(w, 'public', 'active')}/role`, body: { role: 'organiser' } }), expect: [401, 403, 204, 403, 204, 403] },
  { route: 'DELETE /api/territories/:t/communities/:id/members/:userId', build: async (w) => ({ url: await communityWithMember(w, 'public', 'active') }), expect: [401, 403, 204, 403, 204, 403] },
  { route: 'POST /api/territories/:t/communities/:id/invite-code', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w)).id}/invite-code` }), expect: [401, 403, 200, 403, 200, 403] },
  // ── A private community: 404 to everyone outside it, admins included ──
  { route: 'GET /api/territories/:t/communities/:id', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}` }), expect: [404, 404, 200, 404, 404, 404] },
  { route: 'PATCH /api/territories/:t/communities/:id', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}`, body: { description: 'Edited' } }), expect: [401, 404, 200, 404, 404, 404] },
  { route: 'GET /api/territories/:t/communities/:id/members', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}/members` }), expect: [404, 404, 200, 404, 404, 404] },
  { route: 'POST /api/territories/:t/communities/:id/join', note: 'private, no code', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}/join`, body: {} }), expect: [401, 404, 200, 404, 404, 403] },
  { route: 'POST /api/territories/:t/communities/:id/leave', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}/leave` }), expect: [401, 404, 409, 404, 404, 403] },
  { route: 'POST /api/territories/:t/communities/:id/members/:userId/approve', note: 'private', build: async (w) => ({ url: `${await communityWithMember(w, 'private', 'pending')}/approve` }), expect: [401, 404, 204, 404, 404, 404] },
  { route: 'PUT /api/territories/:t/communities/:id/members/:userId/role', note: 'private', build: async (w) => ({ url: `${await communityWithMember(w, 'private', 'active')}/role`, body: { role: 'organiser' } }), expect: [401, 404, 204, 404, 404, 404] },
  { route: 'DELETE /api/territories/:t/communities/:id/members/:userId', note: 'private', build: async (w) => ({ url: await communityWithMember(w, 'private', 'active') }), expect: [401, 404, 204, 404, 404, 404] },
  { route: 'POST /api/territories/:t/communities/:id/invite-code', note: 'private', build: async (w) => ({ url: `${T(w)}/communities/${(await community(w, 'private')).id}/invite-code` }), expect: [401, 404, 200, 404, 404, 404] },
  { route: 'GET /api/territories/:t/commitments', build: (w) => ({ url: `${T(w)}/commitments` }), expect: anyone },
  { route: 'POST /api/territories/:t/commitments', build: (w) => ({ url: `${T(w)}/commitments`, body: { wording: 'Je covoiturerai si 20 collègues le font', action: 'carpool', scope: { kind: 'territory', target: { kind: 'count', count: 20 } }, signingDeadline: new Date(w.t.clock.now().getTime() + 7 * 86_400_000).toISOString(), actionStart: new Date(w.t.clock.now().getTime() + 8 * 86_400_000).toISOString(), actionEnd: new Date(w.t.clock.now().getTime() + 30 * 86_400_000).toISOString() } }), expect: [401, 201, 201, 201, 201, 403] },
  { route: 'GET /api/territories/:t/commitments/:id', build: async (w) => ({ url: `${T(w)}/commitments/${await commitment(w)}` }), expect: anyone },
  { route: 'GET /api/territories/:t/commitments/:id/qr.svg', note: 'a territory-wide commitment: its page is public', build: async (w) => ({ url: `${T(w)}/commitments/${await commitment(w)}/qr.svg` }), expect: anyone },
  { route: 'PATCH /api/territories/:t/commitments/:id', note: 'created by the resident, not signed yet', build: async (w) => ({ url: `${T(w)}/commitments/${await commitment(w)}`, body: { wording: 'Je viendrai à vélo le jeudi si 100 voisines et voisins le font aussi' } }), expect: [401, 200, 403, 403, 403, 403] },
  { route: 'POST /api/territories/:t/commitments/:id/sign', build: async (w) => ({ url: `${T(w)}/commitments/${await commitment(w)}/sign`, body: {} }), expect: [401, 200, 200, 200, 200, 403] },
  { route: 'GET /api/territories/:t/me/commitments', build: (w) => ({ url: `${T(w)}/me/commitments` }), expect: residents(200) },
  // Only inside a mediation session for an assisted resident (test/authorization-matrix-acting-for.test.ts): nobody here.
  { route: 'POST /api/territories/:t/commitments/:id/sign-for', note: 'no session among the actors', build: async (w) => ({ url: `${T(w)}/commitments/${await commitment(w)}/sign-for`, body: { userId: (await buildUser(w.t.database.db, { territory: w.territory })).id } }), expect: [401, 403, 403, 403, 403, 403] },
  { route: 'POST /api/territories/:t/commitments/:id/offline-signatures', note: 'the resident launched it', build: async (w) => ({ url: `${T(w)}/commitments/${await commitment(w)}/offline-signatures`, body: { userId: (await buildUser(w.t.database.db, { territory: w.territory })).id, reference: 'Feuille 1' } }), expect: [401, 403, 403, 201, 201, 403] },
  { route: 'POST /api/territories/:t/commitments/:id/offline-signatures', note: 'community', build: async (w) => ({ url: `${T(w)}/commitments/${await communityCommitment(w)}/offline-signatures`, body: { userId: (await buildUser(w.t.database.db, { territory: w.territory })).id, reference: 'Feuille 2' } }), expect: [401, 403, 201, 201, 201, 403] },
  { route: 'POST /api/territories/:t/commitments/:id/offline-signatures/:entryId/confirm', note: 'entered for the resident', build: async (w) => ({ url: `${await offlineEntry(w)}/confirm`, body: {} }), expect: residentOnly(200) },
  { route: 'POST /api/territories/:t/commitments/:id/offline-signatures/:entryId/withdraw', note: 'entered for the resident', build: async (w) => ({ url: `${await offlineEntry(w)}/withdraw` }), expect: residentOnly(200) },
  { route: 'GET /api/territories/:t/me/offline-signatures', build: (w) => ({ url: `${T(w)}/me/offline-signatures` }), expect: residents(200) },
  { route: 'POST /api/territories/:t/commitments/:id/check', build: async (w) => ({ url: `${T(w)}/commitments/${await completedCommitment(w)}/check`, body: { kept: true } }), expect: [401, 200, 200, 200, 200, 403] },
  { route: 'GET /api/notifications', build: () => ({ url: '/api/notifications' }), expect: signedIn(200) },
  { route: 'POST /api/notifications/read', build: () => ({ url: '/api/notifications/read' }), expect: signedIn(204) },
  { route: 'POST /api/notifications/:id/read', note: 'the resident’s', build: async (w) => ({ url: `/api/notifications/${await residentNotification(w)}/read` }), expect: [401, 204, 404, 404, 404, 404] },
  { route: 'GET /api/notifications/preferences', build: () => ({ url: '/api/notifications/preferences' }), expect: signedIn(200) },
  { route: 'PUT /api/notifications/preferences', build: () => ({ url: '/api/notifications/preferences', body: { email: 'immediately' } }), expect: signedIn(200) },
];

describeMatrix('authorization matrix', MATRIX, { covers: (tags) => !isMobility(tags) && !isWallet(tags) && !isCampaigns(tags) && !isSolidarity(tags) && !tags.includes('places') && !tags.includes('overview') && !tags.includes('observatory') && !tags.includes('ngsi-ld'), atLeast: 25 });

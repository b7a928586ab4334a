/**
 * @module Shared setup of the volunteering HTTP tests: one test app per suite with a territory and an operator, and
 * helpers that apply as an organisation (validated), publish a mission and apply to it.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { DatabaseKind } from '../core/database/connect.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { localDate, localInstant } from '../core/time-of-day.ts';
import { addDays } from './model.ts';

export const HOUR = 3_600_000;
export const ALPHA = { lat: 47.05, lng: 5.05 };

/**
 * Starts the app for the enclosing suite (call it inside `describe`). `territory` and `operator` may be swapped for a
 * fresh territory by a test that needs one (and put back); the helpers follow.
 */
export function volunteeringOverHttp(kind: DatabaseKind) {
  let t: TestApp;
  let territory: TerritoryFixture;
  let operator: Client;
  let start: Date;
  beforeAll(async () => {
    t = await startTestApp(kind);
    start = t.clock.now();
    territory = await buildTerritory(t.database.db);
    operator = await signIn(await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] }));
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const V = () => `/api/territories/${territory.slug}/volunteering`;
  const user = (roles: ('resident' | 'operator')[] = ['resident']) => buildUser(db(), { territory, roles });
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  const resident = async () => {
    const u = await user();
    return { user: u, client: await signIn(u) };
  };
  const kindsOf = async (userId: string) =>
    (await db().selectFrom('notifications').select('kind').where('user_id', '=', userId).where('kind', 'like', 'volunteering.%').orderBy('id').execute()).map((n) => n.kind);
  const auditOf = (subjectType: string, subjectId: string) =>
    db().selectFrom('audit_log').select(['action', 'actor_id', 'reason']).where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('id').execute();
  const at = (days: number, minutes = 9 * 60) => localInstant(addDays(localDate(t.clock.now()), days), minutes);
  let orgCount = 0;
  const orgBody = (overrides: Record<string, unknown> = {}) => ({
    name: `Banque alimentaire ${(orgCount += 1)} ${Math.random().toString(36).slice(2, 6)}`,
    kind: 'association',
    description: 'Collecte et distribution de colis alimentaires chaque semaine.',
    contactEmail: 'contact@example.org',
    ...overrides,
  });
  const missionBody = (overrides: Record<string, unknown> = {}) => ({
    title: 'Distribution de colis',
    description: 'Préparer et distribuer les colis aux familles inscrites.',
    schedule: { kind: 'once', startsAt: at(3).toISOString(), endsAt: at(3, 12 * 60).toISOString() },
    place: { kind: 'on_site', ...ALPHA, address: '12 rue des Tilleuls, Alpha' },
    volunteersNeeded: 2,
    skills: ['food_aid', 'logistics'],
    publics: ['families'],
    ...overrides,
  });

  /** A validated organisation and its manager. */
  async function organisation() {
    const manager = await resident();
    const res = await manager.client.post(`${V()}/organisations`, orgBody());
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const ok = await operator.post(`${V()}/organisations/${id}/decision`, { decision: 'validate' });
    expect(ok.statusCode, ok.body).toBe(200);
    return { id, manager };
  }
  /** A published mission of a new organisation. */
  async function published(overrides: Record<string, unknown> = {}) {
    const org = await organisation();
    const created = await org.manager.client.post(`${V()}/organisations/${org.id}/missions`, missionBody(overrides));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await org.manager.client.post(`${V()}/missions/${id}/submit`)).statusCode).toBe(200);
    const pub = await operator.post(`${V()}/missions/${id}/decision`, { decision: 'publish' });
    expect(pub.statusCode, pub.body).toBe(200);
    return { id, org };
  }
  const apply = async (missionId: string, message = 'Disponible, j’ai déjà fait des distributions.') => {
    const volunteer = await resident();
    const res = await volunteer.client.post(`${V()}/missions/${missionId}/participations`, { message });
    expect(res.statusCode, res.body).toBe(201);
    return { ...volunteer, participation: res.json<{ id: string; status: string; position: number | null }>() };
  };

  return {
    get t() {
      return t;
    },
    get start() {
      return start;
    },
    get territory() {
      return territory;
    },
    set territory(value: TerritoryFixture) {
      territory = value;
    },
    get operator() {
      return operator;
    },
    set operator(value: Client) {
      operator = value;
    },
    db, V, user, signIn, resident, kindsOf, auditOf, at, orgBody, missionBody, organisation, published, apply,
  };
}

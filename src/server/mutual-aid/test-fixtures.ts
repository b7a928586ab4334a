/**
 * @module Shared setup of the mutual-aid HTTP tests: one test app per suite with a territory, request and helper-profile
 * bodies, helpers that make a helper or ask for help, and readers of counts, notifications and statuses.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { DatabaseKind } from '../core/database/connect.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

const HOUR = 3_600_000;
export const HOME = { lat: 47.05, lng: 5.05 }; // Alpha (21001)
export const NEAR = { lat: 47.052, lng: 5.062 }; // about 1 km away, Alpha
export const FAR = { lat: 47.05, lng: 5.19 }; // about 10.6 km away, Bêta (21002)

/** Starts the app for the enclosing suite (call it inside `describe`). */
export function mutualAidOverHttp(kind: DatabaseKind) {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const base = () => `/api/territories/${territory.slug}/mutual-aid`;
  const person = (roles: ('resident' | 'operator' | 'admin' | 'mediator')[] = ['resident']) => buildUser(db(), { territory, roles });
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  const at = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();
  const requestBody = (over: Record<string, unknown> = {}) => ({
    kind: 'groceries',
    urgency: 'this_week',
    window: { from: at(2), to: at(48) },
    description: 'Des courses pour la semaine : une liste d’une dizaine d’articles.',
    place: HOME,
    address: '12 rue des Tilleuls, 2e étage',
    contact: '06 00 00 00 00',
    ...over,
  });
  const profileBody = (over: Record<string, unknown> = {}) => ({ skills: ['groceries', 'pharmacy'], weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['morning', 'afternoon', 'evening'], radiusKm: 3, home: NEAR, ...over });
  const helper = async (over: Record<string, unknown> = {}) => {
    const u = await person();
    const c = await signIn(u);
    const res = await c.put(`${base()}/helper-profile`, profileBody(over));
    expect(res.statusCode, res.body).toBe(200);
    return { u, c };
  };
  const ask = async (c: Client, over: Record<string, unknown> = {}) => {
    const res = await c.post(`${base()}/requests`, requestBody(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; status: string; cell: string; communeCode: string; notified: number }>();
  };
  const count = async (table: 'aid_requests' | 'aid_request_addresses' | 'aid_offers' | 'aid_request_offers') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const notices = (userId: string, kindOf?: string) =>
    db().selectFrom('notifications').select(['kind', 'params', 'link']).where('user_id', '=', userId).$if(kindOf !== undefined, (q) => q.where('kind', '=', kindOf!)).orderBy('id').execute();
  const status = async (id: string) => (await db().selectFrom('aid_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  return {
    get t() {
      return t;
    },
    get territory() {
      return territory;
    },
    db, base, person, signIn, at, requestBody, profileBody, helper, ask, count, notices, status,
  };
}

/**
 * @module Shared setup of the mediation HTTP tests: one test app per suite with a territory and a signed-in mediator,
 * and helpers that create an assisted account, start a session on behalf and send requests with the acting header.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { DatabaseKind } from '../core/database/connect.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { ACTING_FOR_HEADER } from './model.ts';

export const DAY = 86_400_000;
export const MINUTE = 60_000;

/** Starts the app for the enclosing suite (call it inside `describe`). */
export function mediationOverHttp(kind: DatabaseKind) {
  let t: TestApp;
  let territory: TerritoryFixture;
  let mediatorUser: UserFixture;
  let mediator: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    mediatorUser = await buildUser(t.database.db, { territory, roles: ['resident', 'mediator'], displayName: 'Mona Médiatrice' });
    mediator = await new Client(t.app).signIn(mediatorUser.email, PASSWORD);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const base = () => `/api/territories/${territory.slug}/mediation`;
  const signIn = (u: UserFixture) => new Client(t.app).signIn(u.email, PASSWORD);
  let refs = 0;
  const createAssisted = async (client = mediator, name = 'Robert Assisté') => {
    const res = await client.post(`${base()}/assisted`, { displayName: name, commune: '21002', consentRef: `FORM-${++refs}-${Math.random().toString(36).slice(2, 6)}` });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ userId: string; consentRef: string }>();
  };
  const startSession = async (residentId: string, client = mediator) => {
    const res = await client.post(`${base()}/sessions`, { residentId, reason: 'Demande d’aide par téléphone' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; expiresAt: string }>();
  };
  const acting = (client: Client, sessionId: string) => ({
    get: (url: string) => client.request({ method: 'GET', url, headers: { [ACTING_FOR_HEADER]: sessionId } }),
    post: (url: string, payload: object = {}) => client.request({ method: 'POST', url, payload, headers: { [ACTING_FOR_HEADER]: sessionId } }),
    delete: (url: string, payload: object) => client.request({ method: 'DELETE', url, payload, headers: { [ACTING_FOR_HEADER]: sessionId } }),
  });

  return {
    get t() {
      return t;
    },
    get territory() {
      return territory;
    },
    get mediatorUser() {
      return mediatorUser;
    },
    get mediator() {
      return mediator;
    },
    db, base, signIn, createAssisted, startSession, acting,
  };
}

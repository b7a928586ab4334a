// The NGSI-LD conformance tests' harness: a real Maille listening on a free port (every request goes over HTTP with
// fetch), a territory as the tenant, and observatory keys with the scopes a feeder or a dashboard holds.
import type { AddressInfo } from 'node:net';
import { digest } from '../../src/server/core/auth/tokens.ts';
import type { DatabaseKind } from '../../src/server/core/database/connect.ts';
import { buildTerritory, type TerritoryFixture } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/http.ts';

export const CORE = 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld';
export const LINK = `<${CORE}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`;
export const ERR = 'https://uri.etsi.org/ngsi-ld/errors/';

export interface Ngsi {
  t: TestApp;
  base: string;
  territory: TerritoryFixture;
  /** A key holding ingest and read. */
  key: string;
  readKey: string;
  ingestKey: string;
  /** fetch under /ngsi-ld/v1 as the tenant with the full key; JSON bodies are sent as application/json. */
  call(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<Response>;
  close(): Promise<void>;
}

async function addKey(t: TestApp, territory: TerritoryFixture, scopes: ('ingest' | 'read' | 'command')[]): Promise<string> {
  const secret = `mik_test${Math.random().toString(36).slice(2)}${Date.now()}`;
  await t.database.db.insertInto('observatory_keys').values({ territory_id: territory.id, name: `key ${scopes.join('+')}`, scopes, secret_digest: digest(secret) }).execute();
  return secret;
}

export async function startNgsi(kind: DatabaseKind): Promise<Ngsi> {
  process.env.NGSI_NOTIFY_ALLOW_PRIVATE = '1';
  const t = await startTestApp(kind);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/ngsi-ld/v1`;
  const territory = await buildTerritory(t.database.db);
  const key = await addKey(t, territory, ['ingest', 'read']);
  const readKey = await addKey(t, territory, ['read']);
  const ingestKey = await addKey(t, territory, ['ingest']);
  const call: Ngsi['call'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, 'ngsild-tenant': territory.slug, ...options.headers };
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
    return fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  };
  return { t, base, territory, key, readKey, ingestKey, call, close: () => t.close() };
}

/** The entity id of a test thing. */
export function urn(type: string, n: number | string): string {
  return `urn:ngsi-ld:${type}:test:${n}`;
}

/** A minimal AirQualityObserved in normalized form. */
export function airQuality(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: urn('AirQualityObserved', n),
    type: 'AirQualityObserved',
    location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [5.04 + n * 0.001, 47.32] } },
    no2: { type: 'Property', value: 20 + n, unitCode: 'GQ' },
    ...extra,
  };
}

/** Checks an NGSI-LD ProblemDetails answer and returns its body. */
export async function problem(res: Response, status: number, type: string): Promise<{ type: string; title: string; status: number; detail: string }> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status} ${type}, got ${res.status}: ${text}`);
  if (!String(res.headers.get('content-type')).startsWith('application/problem+json')) throw new Error(`not problem+json: ${res.headers.get('content-type')}`);
  const body = JSON.parse(text) as { type: string; title: string; status: number; detail: string };
  const expected = type.startsWith('http') ? type : `${ERR}${type}`;
  if (body.type !== expected || body.status !== status) throw new Error(`expected ${expected}, got ${text}`);
  return body;
}

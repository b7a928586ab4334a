// The OpenAPI document and its reader for people are served by Maille itself, over real HTTP: the document at stable
// URLs, the Swagger UI page and every asset it loads from this host (no CDN), under the app's CSP.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/database.ts';
import { startTestApp, type TestApp } from '../support/http.ts';

describe.each(databaseKinds().slice(0, 1))('API documentation on %s', (kind) => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('serves the document as JSON and YAML at stable URLs', async () => {
    const json = await fetch(`${base}/api/openapi.json`);
    expect(json.status).toBe(200);
    const document = (await json.json()) as { openapi: string; paths: object; components: { securitySchemes: object } };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).length).toBeGreaterThan(50);
    expect(document.components.securitySchemes).toHaveProperty('session');
    const yaml = await fetch(`${base}/api/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(await yaml.text()).toMatch(/^openapi: 3\.1\.0$/m);
  });

  it('serves the reader page and all its assets from this host, under a CSP that allows only this host', async () => {
    const page = await fetch(`${base}/api/docs/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|https?:\/\//);
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      const url = new URL(asset, `${base}/api/docs/`);
      expect(url.origin, asset).toBe(base);
      const res = await fetch(url);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    const initializer = await (await fetch(`${base}/api/docs/static/swagger-initializer.js`)).text();
    expect(initializer).toMatch(/resolveUrl\('\.\/json'\)/);
    expect((await fetch(`${base}/api/docs/json`)).status).toBe(200);
  });
});

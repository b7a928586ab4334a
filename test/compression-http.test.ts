// Over real HTTP: every text answer leaves compressed (brotli or gzip, whichever the client accepts) and decompresses to
// what the uncompressed answer carries; hashed web assets are cached for a year, index.html and client routes are
// revalidated; an event stream is neither compressed nor held back.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from './support/database.ts';
import { buildCommunity, buildTerritory, type TerritoryFixture } from './support/factories.ts';
import { createMaille, type Maille } from '../src/server/app.ts';
import { loadConfig } from '../src/server/core/config.ts';
import { IMMUTABLE, REVALIDATE } from '../src/server/core/http/static-web.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const INDEX = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Maille</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<div id="app"></div>'.repeat(40)}</body></html>`;
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `mot numéro ${i}`))};\n`;
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${'<rect x="1" y="1" width="8" height="8"/>'.repeat(60)}</svg>`;

function decode(answer: Answer): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
}

describe.each(databaseKinds())('compression and caching over HTTP on %s', (kind) => {
  let maille: Maille;
  let webDir: string;
  let origin: string;
  let territory: TerritoryFixture;
  let communityId: string;

  const get = (url: string, headers: Record<string, string> = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(`${origin}${url}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(tmpdir(), 'maille-compress-'));
    await mkdir(path.join(webDir, 'assets'));
    await writeFile(path.join(webDir, 'index.html'), INDEX);
    await writeFile(path.join(webDir, 'index.html.br'), brotliCompressSync(INDEX));
    await writeFile(path.join(webDir, 'index.html.gz'), gzipSync(INDEX));
    const script = path.join(webDir, 'assets', 'index-Ab12Cd34.js');
    await writeFile(script, SCRIPT);
    await writeFile(`${script}.br`, brotliCompressSync(SCRIPT));
    await writeFile(`${script}.gz`, gzipSync(SCRIPT));
    // No precompressed copy: compressed on the fly.
    await writeFile(path.join(webDir, 'assets', 'shape-Zz98Yy76.svg'), SVG);
    await writeFile(path.join(webDir, 'favicon.svg'), SVG);
    const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000', MAILLE_WEB_DIR: webDir });
    maille = await createMaille(config, { database: await openTestDatabase(kind), serveWeb: true, jobs: false });
    territory = await buildTerritory(maille.database.db);
    communityId = (await buildCommunity(maille.database.db, { territory })).id;
    await maille.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(maille.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await maille?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  it.each([
    ['a hashed script', '/assets/index-Ab12Cd34.js', /javascript/, IMMUTABLE],
    ['a hashed SVG', '/assets/shape-Zz98Yy76.svg', /^image\/svg\+xml/, IMMUTABLE],
    ['an unhashed file', '/favicon.svg', /^image\/svg\+xml/, REVALIDATE],
    ['a client route (index.html)', `/t/demo/covoiturage`, /^text\/html/, REVALIDATE],
  ])('sends %s compressed, with its cache rule', async (_label, url, type, cacheControl) => {
    const plain = await get(url);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(cacheControl);
    for (const encoding of ['br', 'gzip']) {
      const packed = await get(url, { 'accept-encoding': encoding });
      expect(packed.status).toBe(200);
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.headers['content-type']).toMatch(type);
      expect(packed.headers['cache-control']).toBe(cacheControl);
      expect(packed.headers.vary).toMatch(/accept-encoding/i);
      expect(packed.body.length).toBeLessThan(plain.body.length);
      expect(decode(packed)).toBe(plain.body.toString('utf8'));
    }
    // A browser sends both: brotli wins.
    expect((await get(url, { 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding']).toBe('br');
  });

  it('sends a territory page with its public card inside, as the API answers it, compressed on the fly', async () => {
    const page = await get(`/t/${territory.slug}/covoiturage`, { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe(REVALIDATE);
    const html = decode(page);
    const boot = /<script id="maille-boot" type="application\/json">(.*?)<\/script><\/head>/.exec(html);
    expect(boot).not.toBeNull();
    const card = JSON.parse(decode(await get(`/api/territories/${territory.slug}`))) as unknown;
    expect(JSON.parse(boot![1]!)).toEqual({ [`/territories/${territory.slug}`]: card });
    // An unknown territory's page carries nothing: the app asks the API, which answers 404.
    expect(decode(await get('/t/nowhere-at-all'))).not.toContain('maille-boot');
  });

  it('never lets a name close the inline data', async () => {
    const tricky = await buildTerritory(maille.database.db, { name: 'Val </script><script>alert(1)</script> <!--' });
    const html = decode(await get(`/t/${tricky.slug}`));
    const start = html.indexOf('<script id="maille-boot"');
    const inline = html.slice(start, html.indexOf('</script>', start));
    expect(inline).not.toMatch(/<\/script|<!--|<script>/);
    expect(JSON.parse(inline.slice(inline.indexOf('>') + 1))[`/territories/${tricky.slug}`].name).toBe('Val </script><script>alert(1)</script> <!--');
  });

  it.each([
    ['JSON', () => '/api/openapi.json', /^application\/json/, 200],
    ['GeoJSON', () => `/api/territories/${territory.slug}/communes`, /^application\/geo\+json/, 200],
    ['problem+json', () => `/api/territories/${territory.slug}/communities/999999999`, /^application\/problem\+json/, 404],
  ])('compresses %s answers of the API', async (_label, url, type, status) => {
    const plain = await get(url());
    expect(plain.status).toBe(status);
    for (const encoding of ['br', 'gzip']) {
      const packed = await get(url(), { 'accept-encoding': encoding });
      expect(packed.status).toBe(status);
      expect(packed.headers['content-type']).toMatch(type);
      expect(packed.headers['content-encoding']).toBe(encoding);
      // A problem names its own request: the rest is the same answer.
      const { requestId: _packedId, ...packedBody } = JSON.parse(decode(packed)) as Record<string, unknown>;
      const { requestId: _plainId, ...plainBody } = JSON.parse(plain.body.toString('utf8')) as Record<string, unknown>;
      expect(packedBody).toEqual(plainBody);
    }
  });

  it('never compresses nor holds back an event stream', async () => {
    const first = await new Promise<{ headers: IncomingHttpHeaders; chunk: string }>((resolve, reject) => {
      const req = httpRequest(`${origin}/api/territories/${territory.slug}/communities/${communityId}/impact/stream`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        // The first bytes arrive while the stream is still open: nothing waits for the end to compress it.
        res.once('data', (chunk: Buffer) => {
          resolve({ headers: res.headers, chunk: chunk.toString('utf8') });
          req.destroy();
        });
        res.on('error', () => undefined);
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.end();
    });
    expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.chunk).toContain(': connected');
  });
});

// NGSI-LD subscriptions and notifications, written from ETSI GS CIM 009 V1.8.1 clauses 5.8.1 to 5.8.5 (subscription
// operations), 5.2.12 (Subscription), 5.8.6 and 5.3.1 (notification behaviour and the Notification document), over real
// HTTP on both engines: the notifications reach a real local HTTP server.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEndpoint, isPrivateAddress } from '../../src/server/observatory/ngsi-ld/notify-endpoint.ts';
import { databaseKinds } from '../support/database.ts';
import { airQuality, problem, startNgsi, urn, type Ngsi } from './ngsi-support.ts';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: { id: string; type: string; subscriptionId: string; notifiedAt: string; data: Record<string, unknown>[] };
}

/** A local endpoint that records every notification and lets a test wait for the next one on a path. */
async function startEndpoint() {
  const received: Received[] = [];
  const waiting: { path: string; resolve: (r: Received) => void }[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body: JSON.parse(text) as Received['body'] };
      received.push(r);
      res.statusCode = req.url === '/broken' ? 500 : 204;
      res.end();
      for (const w of waiting.filter((x) => x.path === r.path)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(r);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    next: (path: string) => new Promise<Received>((resolve) => waiting.push({ path, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the SSRF rule of notification endpoints', () => {
  it('refuses loopback, private, link-local and unique-local addresses unless allowed, and any scheme but http(s)', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', 'localhost', '0.0.0.0'])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '2001:4860:4860::8888', 'example.org']) expect(isPrivateAddress(a), a).toBe(false);
    expect(() => checkEndpoint('http://169.254.169.254/latest/meta-data', false)).toThrow(/private or loopback/);
    expect(() => checkEndpoint('http://[::1]:8080/x', false)).toThrow(/private or loopback/);
    expect(checkEndpoint('http://127.0.0.1:8080/x', true).port).toBe('8080');
    expect(() => checkEndpoint('file:///etc/passwd', true)).toThrow(/http or https/);
    expect(() => checkEndpoint('http://user:pw@example.org/', true)).toThrow(/credentials/);
  });
});

describe.each(databaseKinds())('NGSI-LD subscriptions, on %s', (kind) => {
  let n: Ngsi;
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  const subscription = (path: string, extra: Record<string, unknown> = {}) => ({
    type: 'Subscription',
    entities: [{ type: 'AirQualityObserved' }],
    watchedAttributes: ['no2'],
    notification: { attributes: ['no2'], format: 'keyValues', endpoint: { uri: `${endpoint.url}${path}`, accept: 'application/json' } },
    ...extra,
  });
  const read = async (location: string) => (await (await fetch(`${n.base.replace('/ngsi-ld/v1', '')}${location}`, { headers: { authorization: `Bearer ${n.key}`, 'ngsild-tenant': n.territory.slug } })).json()) as Record<string, unknown> & { notification: Record<string, unknown> };
  const create = async (body: unknown) => {
    const res = await n.call('POST', '/subscriptions', { body });
    expect(res.status).toBe(201);
    return res.headers.get('location')!;
  };

  beforeAll(async () => {
    n = await startNgsi(kind);
    endpoint = await startEndpoint();
    const res = await n.call('POST', '/entities', { body: airQuality(1) });
    if (res.status !== 201) throw new Error(await res.text());
  });
  afterAll(async () => {
    await n.close();
    await endpoint.close();
  });

  it('5.8.1 and 5.8.3: creates a subscription (201, Location) and reads it back with its status; a taken id is 409', async () => {
    const location = await create(subscription('/a', { id: 'urn:ngsi-ld:Subscription:a', q: 'no2>30' }));
    expect(location).toBe('/ngsi-ld/v1/subscriptions/urn:ngsi-ld:Subscription:a');
    expect(await read(location)).toMatchObject({
      id: 'urn:ngsi-ld:Subscription:a',
      type: 'Subscription',
      entities: [{ type: 'AirQualityObserved' }],
      watchedAttributes: ['no2'],
      q: 'no2>30',
      isActive: true,
      status: 'active',
      notification: { attributes: ['no2'], format: 'keyValues', endpoint: { uri: `${endpoint.url}/a`, accept: 'application/json' }, timesSent: 0, timesFailed: 0, status: 'ok' },
    });
    await problem(await n.call('POST', '/subscriptions', { body: subscription('/a', { id: 'urn:ngsi-ld:Subscription:a' }) }), 409, 'AlreadyExists');
  });

  it('5.8.6: a change of a watched attribute that satisfies q sends one Notification (5.3.1) to the endpoint; one that does not, none', async () => {
    // 25 fails q (no2>30): nothing is sent for it; 40 passes.
    expect((await n.call('PATCH', `/entities/${urn('AirQualityObserved', 1)}/attrs`, { body: { no2: { type: 'Property', value: 25, unitCode: 'GQ' } } })).status).toBe(204);
    const next = endpoint.next('/a');
    expect((await n.call('PATCH', `/entities/${urn('AirQualityObserved', 1)}/attrs`, { body: { no2: { type: 'Property', value: 40, unitCode: 'GQ' } } })).status).toBe(204);
    const got = await next;
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers.link).toContain('rel="http://www.w3.org/ns/json-ld#context"');
    expect(got.body).toEqual({
      id: expect.stringMatching(/^urn:ngsi-ld:Notification:/),
      type: 'Notification',
      subscriptionId: 'urn:ngsi-ld:Subscription:a',
      notifiedAt: expect.stringMatching(/^\d{4}-/),
      data: [{ id: urn('AirQualityObserved', 1), type: 'AirQualityObserved', no2: 40 }],
    });
    expect(endpoint.received.filter((r) => r.path === '/a')).toHaveLength(1);
  });

  it('5.8.6: a change of an attribute that is not watched sends nothing; throttling holds back a second notification', async () => {
    await create(subscription('/throttled', { id: 'urn:ngsi-ld:Subscription:throttled', throttling: 3600, notification: { endpoint: { uri: `${endpoint.url}/throttled` } } }));
    await create(subscription('/every', { id: 'urn:ngsi-ld:Subscription:every', notification: { endpoint: { uri: `${endpoint.url}/every` } } }));
    const first = [endpoint.next('/throttled'), endpoint.next('/every')];
    expect((await n.call('PATCH', `/entities/${urn('AirQualityObserved', 1)}/attrs`, { body: { no2: { type: 'Property', value: 41, unitCode: 'GQ' } } })).status).toBe(204);
    await Promise.all(first);
    // pm10 is not watched; then a second no2 change within the hour (the test clock stands still).
    expect((await n.call('POST', `/entities/${urn('AirQualityObserved', 1)}/attrs`, { body: { pm10: { type: 'Property', value: 1, unitCode: 'GQ' } } })).status).toBe(204);
    const second = endpoint.next('/every');
    expect((await n.call('PATCH', `/entities/${urn('AirQualityObserved', 1)}/attrs`, { body: { no2: { type: 'Property', value: 42, unitCode: 'GQ' } } })).status).toBe(204);
    expect((await second).body.data[0]).toMatchObject({ no2: { type: 'Property', value: 42 } });
    expect(endpoint.received.filter((r) => r.path === '/every')).toHaveLength(2);
    expect(endpoint.received.filter((r) => r.path === '/throttled')).toHaveLength(1);
    expect((await read('/ngsi-ld/v1/subscriptions/urn:ngsi-ld:Subscription:throttled')).notification).toMatchObject({ timesSent: 1, status: 'ok' });
  });

  it('5.8.6: a failed delivery is counted on the subscription (timesFailed, lastFailure, status failed)', async () => {
    await create(subscription('/broken', { id: 'urn:ngsi-ld:Subscription:broken', notification: { endpoint: { uri: `${endpoint.url}/broken` } } }));
    const delivered = endpoint.next('/broken');
    expect((await n.call('PATCH', `/entities/${urn('AirQualityObserved', 1)}/attrs`, { body: { no2: { type: 'Property', value: 43, unitCode: 'GQ' } } })).status).toBe(204);
    await delivered;
    // The endpoint has answered 500; the outcome is recorded right after: read until it shows.
    let notification: Record<string, unknown> = {};
    for (let i = 0; i < 100 && notification.timesFailed !== 1; i++) notification = (await read('/ngsi-ld/v1/subscriptions/urn:ngsi-ld:Subscription:broken')).notification;
    expect(notification).toMatchObject({ timesSent: 1, timesFailed: 1, status: 'failed', lastFailure: expect.stringMatching(/^\d{4}-/), lastFailureReason: 'the endpoint answered HTTP 500' });
  });

  it('5.8.2, 5.8.4, 5.8.5: lists with count, pauses with PATCH isActive=false, deletes', async () => {
    const list = await n.call('GET', '/subscriptions?count=true&limit=2');
    expect(list.status).toBe(200);
    expect(list.headers.get('ngsild-results-count')).toBe('4');
    expect((await list.json()) as unknown[]).toHaveLength(2);
    expect((await n.call('PATCH', '/subscriptions/urn:ngsi-ld:Subscription:a', { body: { isActive: false, q: 'no2>0' } })).status).toBe(204);
    expect(await read('/ngsi-ld/v1/subscriptions/urn:ngsi-ld:Subscription:a')).toMatchObject({ isActive: false, status: 'paused', q: 'no2>0' });
    expect((await n.call('DELETE', '/subscriptions/urn:ngsi-ld:Subscription:a')).status).toBe(204);
    await problem(await n.call('GET', '/subscriptions/urn:ngsi-ld:Subscription:a'), 404, 'ResourceNotFound');
    await problem(await n.call('DELETE', '/subscriptions/urn:ngsi-ld:Subscription:a'), 404, 'ResourceNotFound');
  });

  it('5.2.12: a subscription without entities nor watchedAttributes, without an endpoint, with a bad q or a non-http endpoint is 400', async () => {
    for (const body of [
      { type: 'Subscription', notification: { endpoint: { uri: `${endpoint.url}/x` } } },
      { type: 'Subscription', entities: [{ type: 'AirQualityObserved' }] },
      subscription('/x', { q: 'no2>>' }),
      subscription('/x', { notification: { endpoint: { uri: 'ftp://example.org/x' } } }),
      subscription('/x', { throttling: -1 }),
      subscription('/x', { expiresAt: '2000-01-01T00:00:00Z' }),
      subscription('/x', { type: 'Entity' }),
    ])
      await problem(await n.call('POST', '/subscriptions', { body }), 400, 'BadRequestData');
  });
});

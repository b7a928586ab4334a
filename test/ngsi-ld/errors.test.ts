// NGSI-LD content negotiation, @context, tenants, credentials and error types, written from ETSI GS CIM 009 V1.8.1
// clauses 6.3.4 to 6.3.6 (media types and @context), 6.3.14 (tenants), 5.5.2 (ProblemDetails and error types), over
// real HTTP on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../../src/server/core/auth/tokens.ts';
import { databaseKinds } from '../support/database.ts';
import { buildTerritory } from '../support/factories.ts';
import { airQuality, CORE, LINK, problem, startNgsi, urn, type Ngsi } from './ngsi-support.ts';

describe.each(databaseKinds())('NGSI-LD media types, @context, tenants and errors, on %s', (kind) => {
  let n: Ngsi;
  beforeAll(async () => {
    n = await startNgsi(kind);
  });
  afterAll(() => n.close());

  it('6.3.5: application/ld+json carries @context in the body; the answer in JSON-LD carries it back', async () => {
    const context = [CORE, { no2: 'https://smartdatamodels.org/dataModel.Environment/no2' }];
    const res = await n.call('POST', '/entities', { body: { ...airQuality(1), '@context': context }, headers: { 'content-type': 'application/ld+json' } });
    expect(res.status).toBe(201);
    const ld = await n.call('GET', `/entities/${urn('AirQualityObserved', 1)}`, { headers: { accept: 'application/ld+json' } });
    expect(ld.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(ld.headers.get('link')).toBeNull();
    expect(((await ld.json()) as Record<string, unknown>)['@context']).toBe(CORE);
  });

  it('6.3.5: application/json takes the context from a Link header, and answers with one', async () => {
    const res = await n.call('POST', '/entities', { body: airQuality(2), headers: { link: LINK } });
    expect(res.status).toBe(201);
    const got = await n.call('GET', `/entities/${urn('AirQualityObserved', 2)}`, { headers: { link: LINK, accept: 'application/json' } });
    expect(got.headers.get('link')).toBe(LINK);
  });

  it('6.3.5: @context in the body of application/json, none with application/ld+json, or both a body context and a Link header are 400', async () => {
    await problem(await n.call('POST', '/entities', { body: { ...airQuality(3), '@context': CORE } }), 400, 'BadRequestData');
    await problem(await n.call('POST', '/entities', { body: airQuality(3), headers: { 'content-type': 'application/ld+json' } }), 400, 'BadRequestData');
    await problem(await n.call('POST', '/entities', { body: { ...airQuality(3), '@context': CORE }, headers: { 'content-type': 'application/ld+json', link: LINK } }), 400, 'BadRequestData');
    await problem(await n.call('GET', `/entities/${urn('AirQualityObserved', 1)}`, { headers: { link: '<not a url>' } }), 400, 'BadRequestData');
  });

  it('6.3.5: a @context that is neither a URL nor an object is InvalidRequest; one Maille cannot resolve without fetching is LdContextNotAvailable', async () => {
    await problem(await n.call('POST', '/entities', { body: { ...airQuality(3), '@context': 42 }, headers: { 'content-type': 'application/ld+json' } }), 400, 'InvalidRequest');
    await problem(await n.call('POST', '/entities', { body: { ...airQuality(3), '@context': 'no-url' }, headers: { 'content-type': 'application/ld+json' } }), 400, 'InvalidRequest');
    await problem(await n.call('POST', '/entities', { body: { ...airQuality(3), '@context': 'https://example.org/private-context.jsonld' }, headers: { 'content-type': 'application/ld+json' } }), 503, 'LdContextNotAvailable');
    await problem(await n.call('GET', `/entities/${urn('AirQualityObserved', 1)}`, { headers: { link: '<https://example.org/ctx.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"' } }), 503, 'LdContextNotAvailable');
    await problem(await n.call('GET', `/entities/${urn('AirQualityObserved', 3)}`), 404, 'ResourceNotFound');
  });

  it('6.3.4: a body of another media type is 415; an Accept that allows neither JSON nor JSON-LD is 406', async () => {
    const text = await n.call('POST', '/entities', { raw: JSON.stringify(airQuality(4)), headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const xml = await n.call('POST', '/entities', { raw: '<entity/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBe(415);
    expect(xml.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const html = await n.call('GET', `/entities/${urn('AirQualityObserved', 1)}`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(406);
  });

  it('5.5.2: a body that is not JSON is 400 BadRequestData (or InvalidRequest), as ProblemDetails', async () => {
    const res = await n.call('POST', '/entities', { raw: '{"id": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { type: string }).type).toMatch(/^https:\/\/uri\.etsi\.org\/ngsi-ld\/errors\/(BadRequestData|InvalidRequest)$/);
  });

  it('6.3.14: an unknown tenant is 404 NonexistentTenant', async () => {
    await problem(await n.call('GET', `/entities/${urn('AirQualityObserved', 1)}`, { headers: { 'ngsild-tenant': 'nowhere-at-all' } }), 404, 'NonexistentTenant');
    await problem(await n.call('GET', `/entities/${urn('AirQualityObserved', 1)}`, { headers: { 'ngsild-tenant': 'Bad Tenant!' } }), 404, 'NonexistentTenant');
  });

  it('tenants are apart: an entity of one territory is not found from another, and a key serves its own territory only', async () => {
    const other = await buildTerritory(n.t.database.db);
    const secret = 'mik_other-territory-key';
    await n.t.database.db.insertInto('observatory_keys').values({ territory_id: other.id, name: 'other', scopes: ['read', 'ingest'], secret_digest: digest(secret) }).execute();
    const asOther = { 'ngsild-tenant': other.slug, authorization: `Bearer ${secret}` };
    await problem(await n.call('GET', `/entities/${urn('AirQualityObserved', 1)}`, { headers: asOther }), 404, 'ResourceNotFound');
    await problem(await n.call('GET', `/entities/${urn('AirQualityObserved', 1)}`, { headers: { 'ngsild-tenant': other.slug } }), 401, 'https://maille.dev/problems/unauthenticated');
  });

  it('writes need a key with ingest, reads a key with read, or an operator session: otherwise 401', async () => {
    const id = urn('AirQualityObserved', 1);
    await problem(await n.call('GET', `/entities/${id}`, { headers: { authorization: '' } }), 401, 'https://maille.dev/problems/unauthenticated');
    await problem(await n.call('GET', `/entities/${id}`, { headers: { authorization: `Bearer ${n.ingestKey}` } }), 401, 'https://maille.dev/problems/unauthenticated');
    expect((await n.call('GET', `/entities/${id}`, { headers: { authorization: `Bearer ${n.readKey}` } })).status).toBe(200);
    await problem(await n.call('PATCH', `/entities/${id}/attrs`, { body: { no2: 1 }, headers: { authorization: `Bearer ${n.readKey}` } }), 401, 'https://maille.dev/problems/unauthenticated');
    await problem(await n.call('GET', `/entities/${id}`, { headers: { authorization: 'Bearer mik_nothing' } }), 401, 'https://maille.dev/problems/unauthenticated');
    expect((await n.call('PATCH', `/entities/${id}/attrs`, { body: { no2: { type: 'Property', value: 1, unitCode: 'GQ' } }, headers: { authorization: `Bearer ${n.ingestKey}` } })).status).toBe(204);
  });

  it('an unknown NGSI-LD path is a ResourceNotFound problem', async () => {
    await problem(await n.call('GET', '/nothing-here'), 404, 'ResourceNotFound');
  });
});

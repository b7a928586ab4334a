// Spreading a commitment over HTTP on a real database: its QR code is an SVG of the absolute address of its page
// (PUBLIC_URL), readable by anyone who may read the commitment and cacheable when it is territory-wide; a private
// community's stays a 404 outside it. The creator signs their own commitment on its last day.
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

describe.each(databaseKinds())('sharing commitments on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind, { PUBLIC_URL: 'https://maille.example.org/' });
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const base = () => `/api/territories/${territory.slug}/commitments`;
  const person = async () => new Client(t.app).signIn((await buildUser(t.database.db, { territory })).email, PASSWORD);
  const at = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
  const DAY = 86_400_000;
  const body = (extra: object = {}) => ({
    wording: 'Je covoiture le mardi si 3 voisins le font aussi',
    action: 'carpool',
    scope: { kind: 'territory', target: { kind: 'count', count: 3 } },
    signingDeadline: at(7 * DAY),
    actionStart: at(8 * DAY),
    actionEnd: at(30 * DAY),
    ...extra,
  });

  it('draws the QR code of the page’s absolute address as a cacheable SVG anyone may read', async () => {
    const id = (await (await person()).post(base(), body())).json().id;
    const res = await new Client(t.app).get(`${base()}/${id}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const url = `https://maille.example.org/t/${territory.slug}/engagements/${id}`;
    expect(res.body).toContain(`<title>${url}</title>`);
    expect(res.body).toContain(`aria-label="${url}"`);
    // The modules drawn are exactly those of that address: the image encodes it, nothing else.
    const expected = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const paths = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
    expect(paths(res.body)).toEqual(paths(expected));
    const other = await QRCode.toString(`${url}0`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    expect(paths(res.body)).not.toEqual(paths(other));
  });

  it('answers 404 for an unknown commitment and, outside it, for a private community’s', async () => {
    expect((await new Client(t.app).get(`${base()}/999999/qr.svg`)).json()).toMatchObject({ status: 404, code: 'not_found' });
    expect((await new Client(t.app).get(`${base()}/abc/qr.svg`)).statusCode).toBe(400);
    const community = await buildCommunity(t.database.db, { territory, visibility: 'private' });
    const organiser = await new Client(t.app).signIn(community.organiser.email, PASSWORD);
    const id = (await organiser.post(base(), body({ scope: { kind: 'community', communityId: community.id, target: { kind: 'count', count: 2 } } }))).json().id;
    expect((await (await person()).get(`${base()}/${id}/qr.svg`)).statusCode).toBe(404);
    const inside = await organiser.get(`${base()}/${id}/qr.svg`);
    expect(inside.statusCode).toBe(200);
    expect(inside.headers['cache-control']).toBe('private, max-age=3600');
  });

  it('lets the creator sign their own commitment, up to the last second of its last day', async () => {
    const creator = await person();
    // The page sends the end of the chosen day (Paris) as the deadline: here, one hour from now.
    const id = (await creator.post(base(), body({ signingDeadline: at(3_600_000), actionStart: at(3_600_000), scope: { kind: 'territory', target: { kind: 'count', count: 1 } } }))).json().id;
    t.clock.advance(3_600_000 - 1000);
    expect((await creator.post(`${base()}/${id}/sign`, { publicName: true })).json()).toEqual({ status: 'succeeded', notify: ['succeeded'] });
    expect((await creator.get(`${base()}/${id}`)).json()).toMatchObject({ createdByMe: true, signedByMe: true, signers: 1, status: 'succeeded' });
  });
});

// Conditional commitments over HTTP on a real database: launch, sign once, succeed at the target,
// refuse after the deadline, stay invisible with a private community, and one signature per person
// even when two requests race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

describe.each(databaseKinds())('commitments on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const base = () => `/api/territories/${territory.slug}/commitments`;
  const person = async () => new Client(t.app).signIn((await buildUser(t.database.db, { territory })).email, PASSWORD);
  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
  const body = (target = 3) => ({
    wording: 'Je partirai avant 7 h 40 le mardi si 3 voisins font de même',
    action: 'shift',
    scope: { kind: 'territory', target: { kind: 'count', count: target } },
    signingDeadline: inDays(7),
    actionStart: inDays(8),
    actionEnd: inDays(40),
  });

  it('launches a commitment, counts signatures, succeeds at the target, and refuses a second signature', async () => {
    const creator = await person();
    const id = (await creator.post(base(), body())).json().id;
    const signers = [await person(), await person(), await person()];
    expect((await signers[0]!.post(`${base()}/${id}/sign`, { publicName: true })).json()).toEqual({ status: 'collecting', notify: ['progress_33'] });
    const twice = await signers[0]!.post(`${base()}/${id}/sign`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().reason).toBe('already_signed');
    expect((await signers[1]!.post(`${base()}/${id}/sign`, {})).json()).toEqual({ status: 'collecting', notify: ['progress_66'] });
    expect((await signers[2]!.post(`${base()}/${id}/sign`, {})).json()).toEqual({ status: 'succeeded', notify: ['succeeded'] });
    const view = (await new Client(t.app).get(`${base()}/${id}`)).json();
    expect(view).toMatchObject({ status: 'succeeded', signers: 3, progress: { remaining: 0, reached: true }, signedByMe: false });
    expect(view.publicNames).toHaveLength(1);
  });

  it('lets the creator correct the wording until the first signature, then freezes it', async () => {
    const creator = await person();
    const id = (await creator.post(base(), body())).json().id;
    const other = await person();
    expect((await other.patch(`${base()}/${id}`, { wording: 'Autre texte' })).json()).toMatchObject({ status: 403, reason: 'not_creator' });
    expect((await creator.patch(`${base()}/${id}`, { wording: '   ' })).json()).toMatchObject({ status: 400, field: '/wording' });
    expect((await creator.patch(`${base()}/${id}`, { wording: ' Je partirai avant 7 h 30 le mardi ' })).json()).toEqual({ id, wording: 'Je partirai avant 7 h 30 le mardi' });
    await other.post(`${base()}/${id}/sign`, {});
    const frozen = await creator.patch(`${base()}/${id}`, { wording: 'Je partirai avant 8 h' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toMatchObject({ reason: 'wording_frozen', field: '/wording' });
    expect((await new Client(t.app).get(`${base()}/${id}`)).json().wording).toBe('Je partirai avant 7 h 30 le mardi');
  });

  it('lets two racing requests of one person sign only once', async () => {
    const id = (await (await person()).post(base(), body(10))).json().id;
    const signer = await person();
    const answers = await Promise.all([signer.post(`${base()}/${id}/sign`, {}), signer.post(`${base()}/${id}/sign`, {})]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect((await new Client(t.app).get(`${base()}/${id}`)).json().signers).toBe(1);
  });

  it('fails at the deadline without its target, and then refuses signatures: nobody is bound', async () => {
    const id = (await (await person()).post(base(), body(5))).json().id;
    await (await person()).post(`${base()}/${id}/sign`, {});
    t.clock.advance(8 * 86_400_000);
    expect((await new Client(t.app).get(`${base()}/${id}`)).json().status).toBe('failed');
    const late = await (await person()).post(`${base()}/${id}/sign`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ reason: 'failed', detail: expect.stringMatching(/nobody is bound/) });
  });

  it('refuses bad commitments naming the field, and writes nothing', async () => {
    const client = await person();
    const cases: [object, string][] = [
      [{ ...body(), scope: { kind: 'territory', target: { kind: 'count', count: 0 } } }, '/scope/target'],
      [{ ...body(), scope: { kind: 'territory', target: { kind: 'share', share: 0.05, base: 0 } } }, '/scope/target/base'],
      [{ ...body(), actionEnd: inDays(7.5) }, '/actionEnd'],
      [{ ...body(), actionStart: inDays(6) }, '/actionStart'],
      [{ ...body(), signingDeadline: inDays(-1) }, '/signingDeadline'],
      [{ ...body(), scope: { kind: 'per_commune', communes: [{ commune: '99999', target: { kind: 'count', count: 2 } }] } }, '/scope/communes/0/commune'],
    ];
    const before = await t.database.db.selectFrom('commitments').select('id').execute();
    for (const [payload, field] of cases) {
      const res = await client.post(base(), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().field.startsWith(field), `${res.json().field} vs ${field}`).toBe(true);
    }
    expect(await t.database.db.selectFrom('commitments').select('id').execute()).toHaveLength(before.length);
  });

  it('keeps a private community’s commitment among its members; only organisers launch one', async () => {
    const community = await buildCommunity(t.database.db, { territory, visibility: 'private' });
    const organiser = await new Client(t.app).signIn(community.organiser.email, PASSWORD);
    const scoped = { ...body(), scope: { kind: 'community', communityId: community.id, target: { kind: 'count', count: 2 } } };
    expect((await (await person()).post(base(), scoped)).statusCode).toBe(404);
    const id = (await organiser.post(base(), scoped)).json().id;
    const stranger = await person();
    expect((await stranger.get(`${base()}/${id}`)).statusCode).toBe(404);
    expect((await stranger.post(`${base()}/${id}/sign`, {})).statusCode).toBe(404);
    expect((await stranger.get(base())).json().items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await organiser.get(`${base()}/${id}`)).statusCode).toBe(200);
  });
});

// Live streams (SSE) and who may follow them: a member removed from a private community stops receiving its events
// (the stream re-checks the viewer and closes), and a stream opened inside a session on behalf is audited like any
// request made for someone (`mediation.acted`).
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture } from './support/factories.ts';
import { Client, startTestApp, type TestApp } from './support/http.ts';
import { localDate } from '../src/server/core/time-of-day.ts';
import { ACTING_FOR_HEADER } from '../src/server/mediation/model.ts';

describe.each(databaseKinds())('live streams on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let origin: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const T = () => `/api/territories/${territory.slug}`;
  const cookieOf = (c: Client) => Object.entries(c.cookies).map(([k, v]) => `${k}=${v}`).join('; ');

  /** Opens a stream and reads it until `done(text)` or its end; returns everything read. */
  async function follow(path: string, headers: Record<string, string>, act: () => Promise<void>, done: (text: string) => boolean) {
    const controller = new AbortController();
    const response = await fetch(`${origin}${path}`, { signal: controller.signal, headers });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    await act();
    for (;;) {
      if (done(text)) break;
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    controller.abort();
    return text;
  }

  it('closes the stream of a member removed from a private community before any later event reaches them', async () => {
    const db = t.database.db;
    const organiserUser = await buildUser(db, { territory });
    const community = await buildCommunity(db, { territory, organiser: organiserUser, visibility: 'private', joinPolicy: 'approval' });
    const leaver = await buildUser(db, { territory });
    await addMember(db, community, leaver);
    const organiser = await new Client(t.app).signIn(organiserUser.email, PASSWORD);
    const removed = await new Client(t.app).signIn(leaver.email, PASSWORD);
    const path = `${T()}/communities/${community.id}/impact/stream`;
    const gesture = (c: Client, km: number) => c.post(`${T()}/gestures/mode-switches`, { mode: 'walk', date: localDate(t.clock.now()), leg: 'other', km });

    // While a member, the stream carries the organiser's gestures.
    const before = await follow(path, { cookie: cookieOf(removed) }, async () => void (await gesture(organiser, 1)), (text) => text.includes('event: gesture'));
    expect(before).toContain(`"communityId":"${community.id}"`);

    // Removed while following: the next event closes the stream instead of reaching them.
    const after = await follow(
      path,
      { cookie: cookieOf(removed) },
      async () => {
        expect((await organiser.delete(`${T()}/communities/${community.id}/members/${leaver.id}`)).statusCode).toBe(204);
        const other = await new Client(t.app).signIn((await buildUser(db, { territory })).email, PASSWORD);
        await gesture(other, 1); // another territory resident: re-checks without concerning this community
        await gesture(organiser, 2);
      },
      (text) => text.includes('event: closed'),
    );
    expect(after).toContain('event: closed');
    expect(after).not.toContain('event: gesture');
    // And the stream cannot be opened again: the same 404 as a community that does not exist.
    const again = await removed.get(path);
    const unknown = await removed.get(`${T()}/communities/999999999/impact/stream`);
    expect([again.statusCode, again.json().detail]).toEqual([unknown.statusCode, unknown.json().detail]);
  });

  it('sends no live event to outsiders of a community smaller than PRIVACY_MIN_GROUP', async () => {
    const db = t.database.db;
    const soloUser = await buildUser(db, { territory });
    const community = await buildCommunity(db, { territory, organiser: soloUser });
    const solo = await new Client(t.app).signIn(soloUser.email, PASSWORD);
    const walk = (leg: string) => solo.post(`${T()}/gestures/mode-switches`, { mode: 'walk', date: localDate(t.clock.now()), leg, km: 1 });
    const text = await follow(
      `${T()}/communities/${community.id}/impact/stream`,
      {},
      async () => {
        await walk('other');
        // Then the community turns private: the next event closes the anonymous stream, after every earlier one was handled.
        await db.updateTable('communities').set({ visibility: 'private' }).where('id', '=', community.id).execute();
        await walk('back');
      },
      (read) => read.includes('event: closed'),
    );
    expect(text).toContain('event: closed');
    expect(text).not.toContain('event: gesture');
  });

  it('audits a stream opened inside a session on behalf (mediation.acted)', async () => {
    const db = t.database.db;
    const mediatorUser = await buildUser(db, { territory, roles: ['resident', 'mediator'] });
    const mediator = await new Client(t.app).signIn(mediatorUser.email, PASSWORD);
    const assisted = await mediator.post(`${T()}/mediation/assisted`, { displayName: 'Robert Assisté', commune: '21002', consentRef: `FORM-${Date.now()}` });
    expect(assisted.statusCode, assisted.body).toBe(201);
    const residentId = assisted.json().userId as string;
    const community = await buildCommunity(db, { territory, visibility: 'private' });
    await addMember(db, community, { id: residentId, email: '', password: '', territory });
    const session = await mediator.post(`${T()}/mediation/sessions`, { residentId, reason: 'Demande d’aide par téléphone' });
    expect(session.statusCode, session.body).toBe(201);
    const sessionId = session.json().id as string;
    await follow(`${T()}/communities/${community.id}/impact/stream`, { cookie: cookieOf(mediator), [ACTING_FOR_HEADER]: sessionId }, async () => {}, () => true);
    const entries = await db.selectFrom('audit_log').select(['actor_id', 'on_behalf_of_id', 'details']).where('action', '=', 'mediation.acted').where('subject_id', '=', sessionId).execute();
    expect(entries).toContainEqual({
      actor_id: mediatorUser.id,
      on_behalf_of_id: residentId,
      details: { method: 'GET', route: '/api/territories/:territory/communities/:id/impact/stream', status: 200 },
    });
  });
});

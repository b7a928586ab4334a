// Carpools that talk, over HTTP on a real database: each step of a ride (proposed, message, accepted, declined,
// cancelled, confirmed) tells the other person — and nobody else — in-app and by mail, with a link naming the ride;
// the reminder job asks both to confirm once the ride has passed, once; the ride page's stream sees the changes.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { localDate } from '../core/time-of-day.ts';
import { carpoolJobs } from './jobs.ts';

function nextMonday(from: Date): string {
  const d = new Date(`${localDate(from)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

const weekdays = [1, 2, 3, 4, 5];
const driverTrip = { role: 'driver', origin: { lat: 47.05, lng: 5.02 }, destination: { lat: 47.05, lng: 5.18 }, weekdays, window: { start: '07:30', end: '08:00' }, seats: 3 };
const passengerTrip = { role: 'passenger', origin: { lat: 47.052, lng: 5.035 }, destination: { lat: 47.05, lng: 5.17 }, weekdays, window: { start: '07:40', end: '08:10' }, seats: 1 };

describe.each(databaseKinds())('ride notices on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
  });
  afterAll(() => t.close());

  const base = () => `/api/territories/${territory.slug}/carpool`;
  const person = async () => {
    const user = await buildUser(t.database.db, { territory });
    return { user, client: await new Client(t.app).signIn(user.email, PASSWORD) };
  };
  const created = async (client: Client, url: string, body: unknown) => {
    const res = await client.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  /** A driver and a passenger with matching trips; the passenger proposes a ride for next Monday. */
  async function proposedRide() {
    const driver = await person();
    const passenger = await person();
    const stranger = await person();
    const d = await created(driver.client, `${base()}/trips`, driverTrip);
    const p = await created(passenger.client, `${base()}/trips`, passengerTrip);
    const matchId = await created(passenger.client, `${base()}/trips/${p}/matches`, { tripId: d, date: nextMonday(t.clock.now()) });
    return { driver, passenger, stranger, matchId };
  }
  const noticesOf = (user: UserFixture) =>
    t.database.db.selectFrom('notifications').select(['kind', 'params', 'link']).where('user_id', '=', user.id).where('kind', 'like', 'carpool.%').orderBy('id').execute();
  const mailsTo = (user: UserFixture) => t.database.db.selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', user.email).where('subject', 'like', 'Covoiturage du %').orderBy('id').execute();

  it('tells the driver of a proposed ride, the passenger of its acceptance and of a message — each only the other person, in-app and by mail, naming the ride', async () => {
    const { driver, passenger, stranger, matchId } = await proposedRide();
    const link = `/t/${territory.slug}/covoiturage/trajets/${matchId}`;
    const proposed = await noticesOf(driver.user);
    expect(proposed).toEqual([{ kind: 'carpool.proposed', link, params: expect.objectContaining({ matchId, when: nextMonday(t.clock.now()), name: expect.stringMatching(/^Person /) }) }]);
    expect(await noticesOf(passenger.user)).toEqual([]);
    const mails = await mailsTo(driver.user);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Covoiturage du lundi \d+ \S+ : .* vous propose un trajet$/);
    expect(mails[0]!.body_text).toContain(link);

    expect((await driver.client.post(`${base()}/matches/${matchId}/messages`, { body: 'Je passe par la place, 7 h 40.' })).statusCode).toBe(201);
    expect((await driver.client.post(`${base()}/matches/${matchId}/accept`)).json()).toEqual({ status: 'accepted' });
    const toPassenger = await noticesOf(passenger.user);
    expect(toPassenger.map((n) => n.kind)).toEqual(['carpool.message', 'carpool.accepted']);
    expect(toPassenger[0]!.params).toMatchObject({ message: 'Je passe par la place, 7 h 40.', name: expect.stringMatching(/^Person /) });
    expect(toPassenger.every((n) => n.link === link)).toBe(true);
    expect((await mailsTo(passenger.user)).map((m) => m.subject)).toEqual([expect.stringMatching(/: message de /), expect.stringMatching(/ a accepté$/)]);
    // Nobody else hears of it, and the actor is never told of their own step.
    expect(await noticesOf(driver.user)).toHaveLength(1);
    expect(await noticesOf(stranger.user)).toEqual([]);

    // The ride page reads the ride; the stranger gets 404.
    expect((await passenger.client.get(`${base()}/matches/${matchId}`)).json()).toMatchObject({ id: matchId, status: 'accepted', declined: false });
    expect((await stranger.client.get(`${base()}/matches/${matchId}`)).statusCode).toBe(404);
  });

  it('tells the proposer of a ride declined (with or without a reason) and the other person of a ride cancelled, with the reason', async () => {
    const declined = await proposedRide();
    expect((await declined.passenger.client.post(`${base()}/matches/${declined.matchId}/decline`, {})).statusCode).toBe(409); // one's own proposal is cancelled, not declined
    expect((await declined.driver.client.post(`${base()}/matches/${declined.matchId}/decline`, { reason: 'Je pars plus tôt ce jour-là' })).statusCode).toBe(204);
    expect((await noticesOf(declined.passenger.user)).map((n) => [n.kind, n.params.reason])).toEqual([['carpool.declined', 'Je pars plus tôt ce jour-là']]);
    expect((await declined.passenger.client.get(`${base()}/matches/${declined.matchId}`)).json()).toMatchObject({ status: 'cancelled', declined: true, cancelledByMe: false });
    expect(await noticesOf(declined.stranger.user)).toEqual([]);

    const cancelled = await proposedRide();
    await cancelled.driver.client.post(`${base()}/matches/${cancelled.matchId}/accept`);
    expect((await cancelled.passenger.client.post(`${base()}/matches/${cancelled.matchId}/cancel`, { reason: 'voiture au garage' })).statusCode).toBe(204);
    const told = await noticesOf(cancelled.driver.user);
    expect(told.map((n) => [n.kind, n.params.reason])).toEqual([['carpool.proposed', undefined], ['carpool.cancelled', 'voiture au garage']]);
    expect((await noticesOf(cancelled.passenger.user)).map((n) => n.kind)).toEqual(['carpool.accepted']);
  });

  it('asks both people to confirm once the ride has passed, once whatever the number of runs; a confirmation asks the other, the second tells the first', async () => {
    const { driver, passenger, matchId } = await proposedRide();
    await driver.client.post(`${base()}/matches/${matchId}/accept`);
    const run = () => carpoolJobs[0]!.run({ db: t.database.db, config: t.config, clock: t.clock });
    const reminders = async () => [...(await noticesOf(driver.user)), ...(await noticesOf(passenger.user))].filter((n) => n.kind === 'carpool.confirm_reminder');
    await run(); // before the ride: nobody
    expect(await reminders()).toEqual([]);
    const start = (await t.database.db.selectFrom('carpool_matches').select('starts_at').where('id', '=', matchId).executeTakeFirstOrThrow()).starts_at;
    t.clock.set(new Date(start.getTime() + 3 * 3_600_000));
    const first = await run();
    expect(first.summary).toMatch(/people asked to confirm/);
    await run();
    const sent = await reminders();
    expect(sent).toHaveLength(2);
    expect((await noticesOf(driver.user)).filter((n) => n.kind === 'carpool.confirm_reminder')).toHaveLength(1);
    expect(sent.every((n) => n.link === `/t/${territory.slug}/covoiturage/trajets/${matchId}`)).toBe(true);

    expect((await driver.client.post(`${base()}/matches/${matchId}/confirm`)).statusCode).toBe(200);
    expect((await noticesOf(passenger.user)).at(-1)?.kind).toBe('carpool.confirmed');
    expect((await passenger.client.post(`${base()}/matches/${matchId}/confirm`)).statusCode).toBe(200);
    expect((await noticesOf(driver.user)).filter((n) => n.kind === 'carpool.confirmed')).toEqual([]); // already confirmed: not asked
    expect((await noticesOf(driver.user)).at(-1)?.kind).toBe('carpool.confirmed_both'); // but told it counts for both
  });

  it('streams a "ride" event to the ride page when the other person writes, and refuses the stream to anyone else', async () => {
    const { driver, passenger, stranger, matchId } = await proposedRide();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const cookie = (c: Client) => Object.entries(c.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    const path = `${origin}${base()}/matches/${matchId}/stream`;
    expect((await fetch(path, { headers: { cookie: cookie(stranger.client) } })).status).toBe(404);
    const controller = new AbortController();
    const response = await fetch(path, { headers: { cookie: cookie(passenger.client) }, signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect((await driver.client.post(`${base()}/matches/${matchId}/messages`, { body: 'En route !' })).statusCode).toBe(201);
    while (!text.includes('event: ride')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    controller.abort();
    expect(text).toContain(`"matchId":"${matchId}"`);
  });
});

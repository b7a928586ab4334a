// The match index of a process follows the database, read from the index itself (the SQL of the matches
// route re-filters closed trips, so the route alone cannot tell a stale index from a fresh one): a trip
// written, a community joined or left, an account erased.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteAccount } from '../accounts/index.ts';
import { personalDataSources } from '../personal-data.ts';
import { fixedClock } from '../core/clock.ts';
import type { DatabaseHandle } from '../core/database/connect.ts';
import { createEventBus, type EventBus } from '../core/events.ts';
import { joinCommunity, leaveCommunity } from '../communities/index.ts';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { createTrip, type TripInput } from './create-trip.ts';
import { closeTrip } from './list-trips.ts';
import { carpoolIndexes, type CarpoolIndexes } from './trip-store.ts';

const weekdays = [1, 2, 3, 4, 5];
const driver: TripInput = { role: 'driver', origin: { lat: 47.05, lng: 5.02 }, destination: { lat: 47.05, lng: 5.18 }, weekdays, window: { start: '07:30', end: '08:00' }, seats: 2 };
const passenger: TripInput = { role: 'passenger', origin: { lat: 47.052, lng: 5.035 }, destination: { lat: 47.05, lng: 5.17 }, weekdays, window: { start: '07:40', end: '08:10' }, seats: 1 };
const viewerOf = (u: UserFixture) => ({ userId: u.id, sessionId: 'test', csrfToken: 'test' });

describe.each(databaseKinds())('the match index itself on %s', (kind) => {
  let database: DatabaseHandle;
  let territory: TerritoryFixture;
  let bus: EventBus;
  let indexes: CarpoolIndexes;
  const clock = fixedClock(new Date());
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    territory = await buildTerritory(database.db);
  });
  afterAll(() => database.close());

  // This process: its own bus and index, built from the database when first read.
  const deps = () => ({ db: database.db, clock, bus });
  const index = async () => (await indexes.matcher(territory.id)).index;
  const person = () => buildUser(database.db, { territory });
  const scopeOf = (who: UserFixture) => ({ territory, viewer: viewerOf(who), requestId: 'test' });
  const trip = async (who: UserFixture, input: TripInput) => (await createTrip(deps(), scopeOf(who), { trip: input })).id;
  const matchesOf = async (who: UserFixture) => {
    const own = (await index()).tripsOf(who.id)[0]!;
    return (await index()).topMatches(own, 10);
  };
  beforeAll(() => {
    bus = createEventBus();
    indexes = carpoolIndexes({ db: database.db, bus });
  });

  it('indexes a new offer with one upsert, and drops it from the index once closed', async () => {
    const p = await person();
    await trip(p, passenger);
    const built = await index();
    const upsert = vi.spyOn(built, 'upsert');
    const d = await person();
    const offer = await trip(d, driver);
    expect((await index()).has(offer)).toBe(true);
    expect(upsert).toHaveBeenCalledTimes(1);
    expect((await matchesOf(p)).map((m) => m.driverTripId)).toEqual([offer]);
    await closeTrip(deps(), scopeOf(d), { tripId: offer });
    expect((await index()).has(offer)).toBe(false);
    expect(await matchesOf(p)).toEqual([]);
    await closeTrip(deps(), scopeOf(p), { tripId: (await index()).tripsOf(p.id)[0]!.id });
  });

  it('ranks a shared community as soon as someone joins it, and no longer once they leave', async () => {
    const community = await buildCommunity(database.db, { territory });
    const join = (who: UserFixture) => joinCommunity(deps(), { territory, viewer: viewerOf(who), requestId: 'test' }, { id: community.id });
    const p = await person();
    const d = await person();
    await join(p);
    await trip(p, passenger);
    await trip(d, driver);
    await index(); // built before the driver joins
    expect((await matchesOf(p)).map((m) => m.sharedCommunity)).toEqual([false]);
    await join(d);
    expect((await matchesOf(p)).map((m) => m.sharedCommunity)).toEqual([true]);
    await leaveCommunity(deps(), { territory, viewer: viewerOf(d), requestId: 'test' }, { id: community.id });
    expect((await matchesOf(p)).map((m) => m.sharedCommunity)).toEqual([false]);
    for (const who of [p, d]) await closeTrip(deps(), scopeOf(who), { tripId: (await index()).tripsOf(who.id)[0]!.id });
  });

  it('drops every trip of an erased account, so none takes a place in anyone’s top matches', async () => {
    const p = await person();
    const d = await person();
    await trip(p, passenger);
    const offers = [await trip(d, driver), await trip(d, { ...driver, window: { start: '07:45', end: '08:15' } })];
    expect((await matchesOf(p)).map((m) => m.driverTripId).sort()).toEqual([...offers].sort());
    await deleteAccount({ db: database.db, clock, bus, personalData: personalDataSources }, viewerOf(d), { password: PASSWORD, ip: '127.0.0.1' }, 'test');
    for (const id of offers) expect((await index()).has(id)).toBe(false);
    expect(await matchesOf(p)).toEqual([]);
  });
});

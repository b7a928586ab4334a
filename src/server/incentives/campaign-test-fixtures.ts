// Test fixtures for campaigns: recorded gestures inserted as the capabilities record them (impact/record-gesture.ts),
// a corridor for shifts, a carpool ride (held by the fraud rules when asked), and campaign bodies.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from '../../../test/support/factories.ts';
import { Client, type TestApp } from '../../../test/support/http.ts';
import type { Database } from '../core/database/schema.ts';
import { localDate } from '../core/time-of-day.ts';
import { insertCorridor } from '../corridors/index.ts';
import { recordGesture } from '../impact/index.ts';
import type { Rule } from './campaign-rules.ts';
import { derivedBalances } from './ledger-store.ts';

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const today = (now: Date) => localDate(now);

/** A corridor whose morning starts at 07:00 in 15-minute slots, evening at 16:30. */
export function corridor(db: Database, territoryId: string): Promise<string> {
  return insertCorridor(db, territoryId, {
    name: `Rocade ${randomBytes(3).toString('hex')}`,
    geometry: { type: 'LineString', coordinates: [[5.0, 47.0], [5.1, 47.05]] },
    capacityPerHour: 1800,
    freeFlowMin: 12,
    amStart: '07:00',
    amDemand: [1000, 1500, 2000, 2200, 1800, 1200],
    pmStart: '16:30',
    pmDemand: [1000, 1500, 2000, 2200, 1800, 1200],
  });
}

/** A recorded shift: `toSlot` of the morning (07:00 + 15 min × slot). */
export async function shiftGesture(db: Database, g: { territoryId: string; userId: string; corridorId: string; date: string; toSlot?: number; period?: 'am' | 'pm' }): Promise<string> {
  const recorded = await recordGesture(db, {
    territoryId: g.territoryId,
    userId: g.userId,
    kind: 'shift',
    mode: g.period ?? 'am',
    occurredOn: g.date,
    km: 0,
    co2eKg: 0,
    carKm: 0,
    euros: 0,
    factorsVersion: 1,
    corridorId: g.corridorId,
    fromSlot: 3,
    toSlot: g.toSlot ?? 1,
    sourceType: 'shift_commitment',
    sourceId: '0',
    idempotencyKey: `test-shift:${randomBytes(6).toString('hex')}`,
  });
  return recorded.id;
}

async function trip(db: Database, territoryId: string, userId: string, role: 'driver' | 'passenger'): Promise<string> {
  const row = await db
    .insertInto('carpool_trips')
    .values({
      territory_id: territoryId, user_id: userId, role, origin_cell: '881f8d4b29fffff', destination_cell: '881f8d4b2bfffff',
      origin_lat: 47.05, origin_lng: 5.02, destination_lat: 47.05, destination_lng: 5.18, origin_label: null, destination_label: null,
      trip_date: null, weekdays: [1, 2, 3, 4, 5], window_start: 450, window_end: 480, seats: role === 'driver' ? 3 : 1, max_detour_share: 0.2, closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A ride done on `date` at `startsAt` (UTC instant), confirmed by both (proof C) unless `proof` is 'B', with the two
 * gestures recorded as confirm-match.ts does; `held` flags it for review (both gestures not counted).
 */
export async function carpoolRide(
  db: Database,
  r: { territoryId: string; driverId: string; passengerId: string; date: string; startsAt: Date; km: number; seats?: number; held?: boolean; proof?: 'B' | 'C' },
): Promise<{ matchId: string; driverGesture: string; passengerGesture: string }> {
  const held = r.held ?? false;
  const match = await db
    .insertInto('carpool_matches')
    .values({
      territory_id: r.territoryId, driver_trip_id: await trip(db, r.territoryId, r.driverId, 'driver'), passenger_trip_id: await trip(db, r.territoryId, r.passengerId, 'passenger'),
      driver_id: r.driverId, passenger_id: r.passengerId, trip_date: r.date, starts_at: r.startsAt, seats: r.seats ?? 1, status: 'done',
      driver_accepted_at: r.startsAt, passenger_accepted_at: r.startsAt, detour_km: 1, detour_min: 2, time_gap_min: 5, shared_community: false,
      shared_km: r.km, driver_km: r.km + 1, driver_confirmed_at: r.startsAt, passenger_confirmed_at: r.proof === 'B' ? null : r.startsAt,
      fraud_flags: held ? ['short'] : [], review_status: held ? 'pending' : 'none', cancelled_by: null, cancel_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const gesture = async (userId: string, side: 'driver' | 'passenger') =>
    (
      await recordGesture(db, {
        territoryId: r.territoryId, userId, kind: 'carpool', mode: side, occurredOn: r.date, km: r.km, co2eKg: 1, carKm: r.km / 2, euros: 1,
        factorsVersion: 1, sourceType: 'carpool_match', sourceId: match.id, counted: !held, idempotencyKey: `carpool:${match.id}:${userId}`,
      })
    ).id;
  return { matchId: match.id, driverGesture: await gesture(r.driverId, 'driver'), passengerGesture: await gesture(r.passengerId, 'passenger') };
}

/** A payout campaign body: 1 € per gesture unless told otherwise. */
export function campaignBody(o: { startsOn: string; endsOn: string; budgetCents?: number; rules?: Rule[]; name?: string }) {
  return { name: o.name ?? 'Décaler son départ, mars', mode: 'payout', startsOn: o.startsOn, endsOn: o.endsOn, budgetCents: o.budgetCents ?? 10_000, rules: o.rules ?? [{ type: 'per_gesture', cents: 100 }] };
}

/** A territory of its own (a campaign pays every gesture of its territory), with a signed-in operator and a corridor. */
export async function campaignWorld(t: TestApp) {
  const db = t.database.db;
  const territory = await buildTerritory(db);
  const operatorUser = await buildUser(db, { territory, roles: ['resident', 'operator'] });
  const operator = await new Client(t.app).signIn(operatorUser.email, PASSWORD);
  const corridorId = await corridor(db, territory.id);
  const base = `/api/territories/${territory.slug}/campaigns`;
  const person = () => buildUser(db, { territory });
  const shift = (u: UserFixture, date: string, toSlot = 1) => shiftGesture(db, { territoryId: territory.id, userId: u.id, corridorId, date, toSlot });
  return { territory, operator, operatorUser, corridorId, base, person, shift };
}

/** The stored balances equal the sums of the entries, and nothing but the territory's funding is below zero. */
export async function expectBooksBalanced(db: Database, territory: TerritoryFixture): Promise<void> {
  const accounts = await db.selectFrom('ledger_accounts').select(['account', 'balance_cents']).where('territory_id', '=', territory.id).execute();
  expect(new Map(accounts.map((a) => [a.account, Number(a.balance_cents)]))).toEqual(await derivedBalances(db, territory.id));
  expect(accounts.every((a) => a.account.startsWith('funding:') || Number(a.balance_cents) >= 0)).toBe(true);
}

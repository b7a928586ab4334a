/**
 * @module Demo carpooling, alive: synthetic neighbours who share a car to work — recurring offers and requests, rides
 * accepted and confirmed by both over the past weeks (with their carpool gestures, so the territory's carpool figures
 * and the demo campaign's payouts are not zero), a few rides accepted or proposed for the coming days, and one ride
 * proposed to Hélène, the demo resident. Everyone here is a synthetic resident (`users.synthetic`) except Hélène;
 * the places are the cells of their invented commutes. Invented, labelled « démo » in docs/mobility.md.
 */
import type { Insertable } from 'kysely';
import type { CarpoolMatchesTable, GesturesTable, Transaction } from '../core/database/schema.ts';
import type { Random } from '../core/random.ts';
import { isoWeekday, localInstant } from '../core/time-of-day.ts';
import { rideImpact } from '../carpool/index.ts';
import type { Factor, FactorKey } from '../impact/index.ts';
import { DEMO_ACCOUNTS } from './seed-demo.ts';

/** Pairs of neighbours who carpool (at most; fewer when the territory has fewer offers). */
const PAIRS = 36;
const WEEKS = 6;

export interface CarpoolHistoryInput {
  territoryId: string;
  /** Today, YYYY-MM-DD (Paris). */
  today: string;
  factors: { version: number; factors: Map<FactorKey, Factor> };
  random: Random;
}

export interface CarpoolHistory {
  rides: number;
  gestures: number;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The next weekday after `today`. */
function nextWeekday(today: string, skip = 0): string {
  let day = today;
  let left = skip;
  for (;;) {
    day = addDays(day, 1);
    if (isoWeekday(day) <= 5 && left-- === 0) return day;
  }
}

type Status = 'proposed' | 'accepted' | 'done';

/**
 * Adds carpooling history inside the mobility seed's transaction (after its open trips): each pair is a synthetic
 * driver's open offer and a neighbour's request along the same cells, with done rides on past weekdays.
 */
export async function seedCarpoolHistory(trx: Transaction, input: CarpoolHistoryInput): Promise<CarpoolHistory> {
  const { territoryId, today, random } = input;
  const drivers = await trx
    .selectFrom('carpool_trips as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('t')
    .where('t.territory_id', '=', territoryId)
    .where('t.role', '=', 'driver')
    .where('t.status', '=', 'open')
    .where('u.synthetic', '=', true)
    .orderBy('t.id')
    .limit(PAIRS)
    .execute();
  if (drivers.length === 0) return { rides: 0, gestures: 0 };
  const busy = new Set((await trx.selectFrom('carpool_trips').select('user_id').where('territory_id', '=', territoryId).execute()).map((r) => r.user_id));
  const free = (
    await trx
      .selectFrom('territory_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.user_id')
      .where('m.territory_id', '=', territoryId)
      .where('u.synthetic', '=', true)
      .orderBy('m.user_id')
      .limit(drivers.length * 20)
      .execute()
  )
    .map((r) => r.user_id)
    .filter((id) => !busy.has(id));
  const helene = await trx.selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS[0]!.email).executeTakeFirst();
  const rides: Insertable<CarpoolMatchesTable>[] = [];
  for (const [i, driver] of drivers.entries()) {
    // Hélène asks for a seat with the first driver; everyone else is a synthetic neighbour.
    const passengerId = i === 0 && helene ? helene.id : free[(i * 7 + random.int(0, 6)) % Math.max(free.length, 1)];
    if (!passengerId || passengerId === driver.user_id) continue;
    const passengerTrip = await trx
      .insertInto('carpool_trips')
      .values({
        territory_id: territoryId,
        user_id: passengerId,
        role: 'passenger',
        origin_cell: driver.origin_cell,
        destination_cell: driver.destination_cell,
        origin_lat: driver.origin_lat,
        origin_lng: driver.origin_lng,
        destination_lat: driver.destination_lat,
        destination_lng: driver.destination_lng,
        origin_label: driver.origin_label,
        destination_label: driver.destination_label,
        trip_date: null,
        weekdays: driver.weekdays,
        window_start: driver.window_start + 5,
        window_end: driver.window_end + 5,
        seats: 1,
        max_detour_share: driver.max_detour_share,
        closed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sharedKm = Math.round((2 + random.next() * 14) * 10) / 10;
    const detourKm = Math.round(random.next() * 1.5 * 10) / 10;
    const base = {
      territory_id: territoryId,
      driver_trip_id: driver.id,
      passenger_trip_id: passengerTrip.id,
      driver_id: driver.user_id,
      passenger_id: passengerId,
      seats: 1,
      detour_km: detourKm,
      detour_min: Math.round(detourKm * 2),
      time_gap_min: 5,
      shared_community: random.next() < 0.3,
      shared_km: sharedKm,
      driver_km: Math.round((sharedKm + random.next() * 3) * 10) / 10,
      cancelled_by: null,
      cancel_reason: null,
    };
    const ride = (date: string, status: Status, proposer: 'driver' | 'passenger' = 'driver') => {
      const startsAt = localInstant(date, driver.window_start + 5);
      const accepted = new Date(startsAt.getTime() - 2 * 86_400_000);
      const confirmed = new Date(startsAt.getTime() + 3 * 3_600_000);
      rides.push({
        ...base,
        trip_date: date,
        starts_at: startsAt,
        status,
        driver_accepted_at: status !== 'proposed' || proposer === 'driver' ? accepted : null,
        passenger_accepted_at: status !== 'proposed' || proposer === 'passenger' ? accepted : null,
        driver_confirmed_at: status === 'done' ? confirmed : null,
        passenger_confirmed_at: status === 'done' ? confirmed : null,
        // Past rides were reminded in their time; the job asks about none of them again.
        confirm_reminded_at: status === 'done' ? confirmed : null,
      });
    };
    if (i === 0 && helene) {
      // Hélène's own: two rides done last week, and one proposed to her for the next weekday.
      for (const back of [3, 5]) {
        const date = addDays(today, -back);
        if (isoWeekday(date) <= 5 && driver.weekdays.includes(isoWeekday(date))) ride(date, 'done');
      }
      ride(nextWeekday(today), 'proposed');
      continue;
    }
    for (let w = 0; w < WEEKS; w += 1) {
      for (let d = 1; d <= 5; d += 1) {
        const date = addDays(today, -7 * w - d);
        if (isoWeekday(date) > 5 || !driver.weekdays.includes(isoWeekday(date)) || random.next() < 0.45) continue;
        ride(date, 'done');
      }
    }
    if (i % 3 === 1) ride(nextWeekday(today), 'accepted');
    if (i % 5 === 2) ride(nextWeekday(today, 1), 'proposed', 'passenger');
  }
  const ids: { id: string }[] = [];
  for (let i = 0; i < rides.length; i += 500) ids.push(...(await trx.insertInto('carpool_matches').values(rides.slice(i, i + 500)).returning('id').execute()));
  // The carpool gestures of the rides done, as confirming them records them (carpool/confirm-match.ts): half each.
  const gestures: Insertable<GesturesTable>[] = [];
  rides.forEach((r, k) => {
    if (r.status !== 'done') return;
    const impact = rideImpact(r.shared_km, r.detour_km, input.factors.factors);
    for (const [side, userId] of [['driver', r.driver_id], ['passenger', r.passenger_id]] as const) {
      gestures.push({
        territory_id: territoryId,
        user_id: userId,
        kind: 'carpool',
        mode: side,
        occurred_on: r.trip_date,
        km: r.shared_km,
        co2e_kg: impact.perPerson.co2eKg,
        car_km: impact.perPerson.carKm,
        euros: impact.perPerson.euros,
        factors_version: input.factors.version,
        corridor_id: null,
        from_slot: null,
        to_slot: null,
        source_type: 'carpool_match',
        source_id: ids[k]!.id,
        idempotency_key: `carpool:${ids[k]!.id}:${userId}`,
      });
    }
  });
  let inserted = 0;
  for (let i = 0; i < gestures.length; i += 500) inserted += (await trx.insertInto('gestures').values(gestures.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).returning('id').execute()).length;
  return { rides: rides.length, gestures: inserted };
}

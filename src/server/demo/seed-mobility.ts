/** @module Demo mobility: commute profiles, open carpool trips, shift commitments and six weeks of gestures, all synthetic. */
import type { Insertable } from 'kysely';
import type { CarpoolTripsTable, CommuteProfilesTable, Database, GesturesTable } from '../core/database/schema.ts';
import { cellCenter, geometryContains, toCell, type LatLng } from '../core/geo.ts';
import { isoWeekday, localDate, weekStart } from '../core/time-of-day.ts';
import { crowFliesRouter } from '../core/router.ts';
import { currentFactors } from '../impact/index.ts';
import { PLAUSIBLE_MAX_KM, resolveCounterfactual } from '../impact/index.ts';
import { modeSwitchImpact, type Mode } from '../impact/index.ts';
import { bboxOf } from '../territories/index.ts';
import { bestShift, peakSlot } from '../corridors/index.ts';
import { loadCommunes, type CommuneFeature } from './load-communes.ts';
import { DEMO_SLUG } from './seed-demo.ts';
import { seededRandom, type Random } from '../core/random.ts';
import { seedCarpoolHistory } from './carpool-history.ts';

// Shares of synthetic residents, chosen to give every page something to show, not measured.
const SHARE_WITH_PROFILE = 0.3;
const SHARE_WITH_TRIP = 0.08;
const SHARE_COMMITTED = 0.03;
const WEEKS_OF_GESTURES = 6;
const ALT_MODES: Mode[] = ['bike', 'bike', 'ebike', 'walk', 'tram', 'tram', 'bus', 'telework', 'ter'];

/** The drawn mode if the distance is plausible by it (the API's rule), else the first plausible of a few: no extra draw, so the demo stays the same elsewhere. */
function plausible(mode: Mode, km: number): Mode {
  if (km <= PLAUSIBLE_MAX_KM[mode].km) return mode;
  return (['ebike', 'bus', 'ter'] as const).find((m) => km <= PLAUSIBLE_MAX_KM[m].km) ?? 'telework';
}

function pointIn(random: Random, commune: CommuneFeature): LatLng {
  const [w, s, e, n] = bboxOf([commune.boundary]);
  for (let i = 0; i < 200; i += 1) {
    const p = { lat: s + random.next() * (n - s), lng: w + random.next() * (e - w) };
    if (geometryContains(commune.boundary, p)) return p;
  }
  return { lat: (s + n) / 2, lng: (w + e) / 2 };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Seeds the demo territory's mobility once (when it has no gestures yet); returns the number of gesture rows inserted. */
export async function seedDemoMobility(db: Database, now: Date, seed = 2027): Promise<number> {
  const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return 0;
  const any = await db.selectFrom('gestures').select('id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst();
  if (any) return 0;
  const random = seededRandom(seed);
  const communes = await loadCommunes();
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const dijon = communes.find((c) => c.name === 'Dijon') ?? communes[0]!;
  const residents = await db
    .selectFrom('territory_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.commune_code'])
    .where('m.territory_id', '=', territory.id)
    .where('u.synthetic', '=', true)
    .orderBy('m.user_id')
    .execute();
  const corridors = await db.selectFrom('corridors').select(['id', 'am_demand', 'capacity_per_hour', 'free_flow_min', 'slot_minutes']).where('territory_id', '=', territory.id).orderBy('id').execute();
  const { version, factors } = await currentFactors(db, territory.id);
  const router = crowFliesRouter();
  const today = localDate(now);
  return db.transaction().execute(async (trx) => {
    let gestures = 0;
    const profiles: Insertable<CommuteProfilesTable>[] = [];
    const trips: Insertable<CarpoolTripsTable>[] = [];
    const pending: Insertable<GesturesTable>[] = [];
    for (const r of residents) {
      if (random.next() >= SHARE_WITH_PROFILE) continue;
      const home = pointIn(random, byCode.get(r.commune_code ?? '') ?? dijon);
      // Most commutes end in Dijon, the employment centre; some stay local.
      const work = pointIn(random, random.next() < 0.7 ? dijon : random.pick(communes));
      const homeCell = toCell(home);
      const workCell = toCell(work);
      if (homeCell === workCell) continue;
      const km = Math.round(router.leg(cellCenter(homeCell), cellCenter(workCell)).km * 10) / 10;
      const out = 7 * 60 + random.int(-45, 60);
      const usualMode = random.next() < 0.6 ? 'car_alone' : plausible(random.pick(ALT_MODES), km);
      profiles.push({ territory_id: territory.id, user_id: r.user_id, home_cell: homeCell, work_cell: workCell, meeting_points: '[]', weekdays: [1, 2, 3, 4, 5], out_start: out, out_end: out + 30, back_start: out + 9 * 60, back_end: out + 9 * 60 + 45, usual_mode: usualMode, car_occupancy: 1, distance_km: km });
      // Measured like any recorded trip: against the usual mode, so only former car trips avoid anything.
      const counterfactual = resolveCounterfactual(undefined, { usualMode, carOccupancy: 1 });
      if (random.next() < SHARE_WITH_TRIP / SHARE_WITH_PROFILE) {
        const o = cellCenter(homeCell);
        const d = cellCenter(workCell);
        trips.push({ territory_id: territory.id, user_id: r.user_id, role: random.next() < 0.4 ? 'driver' : 'passenger', origin_cell: homeCell, destination_cell: workCell, origin_lat: o.lat, origin_lng: o.lng, destination_lat: d.lat, destination_lng: d.lng, origin_label: null, destination_label: null, trip_date: null, weekdays: [1, 2, 3, 4, 5], window_start: out, window_end: out + 30, seats: random.int(1, 3), max_detour_share: 0.25, closed_at: null });
      }
      // Six weeks of alternative trips, some days, out and back.
      const mode = plausible(random.pick(ALT_MODES), km);
      const perWeek = random.int(0, 4);
      for (let w = 0; w < WEEKS_OF_GESTURES; w += 1) {
        for (let k = 0; k < perWeek; k += 1) {
          const date = addDays(weekStart(today), -7 * w + random.int(0, 4));
          if (date > today) continue;
          const impact = modeSwitchImpact(mode, km, factors, undefined, counterfactual);
          pending.push({ territory_id: territory.id, user_id: r.user_id, kind: 'mode_switch', mode, occurred_on: date, km, co2e_kg: Math.round(impact.co2eKg * 1000) / 1000, car_km: Math.round(impact.carKm * 1000) / 1000, euros: Math.round(impact.euros * 100) / 100, factors_version: version, instead_of: counterfactual.insteadOf, instead_of_occupancy: counterfactual.occupancy, counterfactual: counterfactual.source, idempotency_key: `demo:mode_switch:${r.user_id}:${date}:out` });
        }
      }
      const corridor = corridors.length > 0 ? random.pick(corridors) : undefined;
      if (corridor && random.next() < SHARE_COMMITTED / SHARE_WITH_PROFILE) {
        // The queue model's advice to a peak driver (the page's, for a visitor): a move that spares the others some jam.
        const advice = bestShift({ capacityPerHour: corridor.capacity_per_hour, freeFlowMin: corridor.free_flow_min, slotMinutes: corridor.slot_minutes, demand: corridor.am_demand }, peakSlot(corridor.am_demand));
        if (!advice) continue;
        const { fromSlot, toSlot } = advice;
        const commitment = await trx.insertInto('shift_commitments').values({ territory_id: territory.id, user_id: r.user_id, corridor_id: corridor.id, period: 'am', from_slot: fromSlot, to_slot: toSlot, weekdays: [1, 2, 3, 4, 5] }).returning('id').executeTakeFirstOrThrow();
        for (let day = 0; day < 14; day += 1) {
          const date = addDays(today, -day);
          if (isoWeekday(date) > 5 || random.next() < 0.3) continue;
          pending.push({ territory_id: territory.id, user_id: r.user_id, kind: 'shift', mode: 'am', occurred_on: date, km: 0, co2e_kg: 0, car_km: 0, euros: 0, factors_version: version, corridor_id: corridor.id, from_slot: fromSlot, to_slot: toSlot, source_type: 'shift_commitment', source_id: commitment.id, idempotency_key: `shift:${commitment.id}:${date}` });
        }
      }
    }
    for (let i = 0; i < profiles.length; i += 500) await trx.insertInto('commute_profiles').values(profiles.slice(i, i + 500)).execute();
    for (let i = 0; i < trips.length; i += 500) await trx.insertInto('carpool_trips').values(trips.slice(i, i + 500)).execute();
    // Two trips drawn on the same day and leg share an idempotency key: only the rows actually inserted count.
    for (let i = 0; i < pending.length; i += 500) {
      const inserted = await trx.insertInto('gestures').values(pending.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).returning('id').execute();
      gestures += inserted.length;
    }
    return gestures + (await seedCarpoolHistory(trx, { territoryId: territory.id, today, factors: { version, factors }, random: seededRandom(seed + 1) })).gestures;
  });
}

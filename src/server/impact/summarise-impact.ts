/** @module Impact summed per week for a person, a community or the territory, with "how many people". */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import { weekStart } from '../core/time-of-day.ts';
import type { WeekImpact } from './schemas.ts';

/**
 * The port through which impact reads the queue delay recorded departure shifts spared the other drivers, per week
 * (corridors' queue model, `corridors/delay-saved.ts`), wired by the composition root: corridors record gestures
 * through impact, so impact cannot import corridors.
 */
export type DelaySaved = (db: Executor, territoryId: string, shiftGestureIds: string[]) => Promise<{ byWeek: Map<string, number> }>;

export type ImpactScope = { kind: 'person'; userId: string } | { kind: 'community'; communityId: string } | { kind: 'territory' };

export type { WeekImpact } from './schemas.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last `weeks` ISO weeks up to the week of `today`, oldest first, empty weeks included. */
export async function summariseImpact(
  db: Executor,
  input: { territoryId: string; scope: ImpactScope; weeks: number; today: string },
  delaySaved: DelaySaved,
): Promise<WeekImpact[]> {
  const lastWeek = weekStart(input.today);
  const firstWeek = addDays(lastWeek, -7 * (input.weeks - 1));
  let query = db
    .selectFrom('gestures as g')
    .where('g.territory_id', '=', input.territoryId)
    .where('g.counted', '=', true)
    .where('g.occurred_on', '>=', firstWeek)
    .where('g.occurred_on', '<', addDays(lastWeek, 7));
  const scope = input.scope;
  if (scope.kind === 'person') query = query.where('g.user_id', '=', scope.userId);
  if (scope.kind === 'community') {
    query = query.where('g.user_id', 'in', (eb) =>
      eb.selectFrom('community_members').select('user_id').where('community_id', '=', scope.communityId).where('status', '=', 'active'),
    );
  }
  const week = sql<string>`to_char(date_trunc('week', g.occurred_on), 'YYYY-MM-DD')`;
  const rows = await query
    .select([
      week.as('week'),
      sql<string>`count(*)`.as('gestures'),
      sql<string>`count(distinct g.user_id)`.as('people'),
      sql<string>`count(*) filter (where g.kind = 'carpool')`.as('carpools'),
      sql<string>`count(*) filter (where g.kind = 'shift')`.as('shifts'),
      sql<string>`count(*) filter (where g.kind = 'mode_switch')`.as('mode_switches'),
      sql<string>`count(*) filter (where g.kind = 'mode_switch' and g.instead_of in ('car_alone', 'carpool'))`.as('against_car'),
      sql<number>`coalesce(sum(g.co2e_kg), 0)`.as('co2e'),
      sql<number>`coalesce(sum(g.car_km), 0)`.as('car_km'),
      sql<number>`coalesce(sum(g.euros), 0)`.as('euros'),
    ])
    .groupBy(week)
    .execute();
  const shiftIds = await query.select(['g.id']).where('g.kind', '=', 'shift').execute();
  const delays = await delaySaved(db, input.territoryId, shiftIds.map((r) => r.id));
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  const out: WeekImpact[] = [];
  for (let w = firstWeek; w <= lastWeek; w = addDays(w, 7)) {
    const r = byWeek.get(w);
    out.push({
      weekOf: w,
      gestures: Number(r?.gestures ?? 0),
      people: Number(r?.people ?? 0),
      carpools: Number(r?.carpools ?? 0),
      shifts: Number(r?.shifts ?? 0),
      modeSwitches: Number(r?.mode_switches ?? 0),
      modeSwitchesAgainstCar: Number(r?.against_car ?? 0),
      co2eKg: round(Number(r?.co2e ?? 0)),
      carKm: round(Number(r?.car_km ?? 0)),
      euros: Math.round(Number(r?.euros ?? 0) * 100) / 100,
      delaySavedVehicleHours: round(delays.byWeek.get(w) ?? 0),
    });
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** @module A corridor as people see it: predicted queue per slot today, with and without the commitments. */
import type { Database, Period } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';
import type { RequestScope, ScopeTerritory } from '../core/http/scope.ts';
import { isoWeekday, localDate, toHHMM, weekStart } from '../core/time-of-day.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { delaySavedForGestures } from './delay-saved.ts';
import { applyShifts, committedShifts, listCorridorRows, periodModel, type CorridorRow } from './queries.ts';
import { runQueue, shareToClear } from './queue-model.ts';
import { bestShift, peakSlot } from './best-shift.ts';
import { findProfile } from '../commute/index.ts';
import { communeAt } from '../territories/index.ts';
import { guardCorridor, type CorridorInsider, type ShownCorridor } from './guard-corridor.ts';
import type { Viewer } from '../core/auth/sessions.ts';
import type { BestShiftView, LineString, ShareNeeded } from './schemas.ts';

export interface SlotView {
  start: string;
  demand: number;
  queueToday: number;
  queueWithCommitments: number;
  delayTodayMin: number;
  delayWithCommitmentsMin: number;
}

export interface PeriodView {
  period: Period;
  slots: SlotView[];
  vehicleHoursToday: number;
  vehicleHoursWithCommitments: number;
  /** Smallest share of peak drivers who, leaving one or two slots earlier (or, failing that, later: negative minutes), would remove the queue. */
  shareNeeded: ShareNeeded | null;
  /** Drivers committed to leave another slot today, as a share of the drivers of over-capacity slots. */
  shareCommitted: number;
  committedDrivers: number;
  /** The queue model's best departure change for the viewer's usual slot (their commute profile, else the peak), within ±60 minutes; null when no move spares anyone. */
  bestShift: BestShiftView | null;
}

/** The viewer's usual departure, minutes since midnight, per period (from their commute profile). */
export type UsualDeparture = Partial<Record<Period, number>>;

export interface CorridorView {
  id: string;
  name: string;
  geometry: LineString;
  /** The communes at the line's first and last points (null outside the territory). */
  ends: { from: string | null; to: string | null };
  capacityPerHour: number;
  freeFlowMin: number;
  slotMinutes: number;
  date: string;
  periods: PeriodView[];
  /** Delay the week's recorded shifts spared the other drivers (vehicle-hours): the sum of `days`, negative days included. */
  vehicleHoursSavedThisWeek: number;
  /** This week's corridor-days with recorded shifts, each with its net for others. */
  days: CorridorDayView[];
  model: string;
  /** What "saved for others" compares with. */
  savedForOthers: string;
}

/** One day and period of recorded shifts (vehicle-hours, 2 decimals; negative = longer waits). */
export interface CorridorDayView {
  date: string;
  period: Period;
  shifts: number;
  /** Everyone's delay without the shifts − with them. */
  totalVehicleHours: number;
  /** The shifters' own part of it (their usual slot without the shifts − their new slot with them). */
  shiftersVehicleHours: number;
  /** Saved for others = total − shifters' own; the figure credited to the day's shifters, equally. */
  othersVehicleHours: number;
  /** On a day that made others wait longer, the start of the slot where they lost the most time. */
  worseAt: string | null;
}

export const MODEL_NOTE = 'Deterministic point queue (Vickrey bottleneck) over the baseline demand per slot; see docs/queue-model.md';
export const SAVED_FOR_OTHERS_NOTE =
  'Saved for others: the other drivers\' queue delay without the recorded shifts minus with them (queue model), the shifters\' own gain left out; a day that made others wait longer counts negative.';

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The slot a departure at `minutes` falls in, or null outside the period. */
function slotOf(c: CorridorRow, period: Period, minutes: number | undefined): number | null {
  if (minutes === undefined) return null;
  const slot = Math.floor((minutes - c[period].start) / c.slotMinutes);
  return slot >= 0 && slot < c[period].demand.length ? slot : null;
}

async function periodView(db: Database, c: CorridorRow, period: Period, date: string, usual: UsualDeparture = {}): Promise<PeriodView> {
  const base = periodModel(c, period);
  const ownSlot = slotOf(c, period, usual[period]);
  const best = bestShift(base, ownSlot ?? peakSlot(base.demand));
  const committed = await committedShifts(db, c.id, period, isoWeekday(date));
  const withDemand = applyShifts(base.demand, committed);
  const today = runQueue(base);
  const withCommitments = runQueue(periodModel(c, period, withDemand));
  const capacityPerSlot = (c.capacityPerHour * c.slotMinutes) / 60;
  const peakDrivers = base.demand.filter((d) => d > capacityPerSlot).reduce((s, d) => s + d, 0);
  const committedDrivers = committed.reduce((s, x) => s + x.count, 0);
  // Earlier first (the seeds' example), then later: the first move that can clear the jam is shown.
  const clear = [-1, -2, 1, 2].map((offset) => shareToClear(base, offset)).find((x) => x !== null) ?? null;
  return {
    period,
    slots: base.demand.map((demand, i) => ({
      start: toHHMM(c[period].start + i * c.slotMinutes),
      demand,
      queueToday: round(today.queueAtEnd[i] ?? 0, 1),
      queueWithCommitments: round(withCommitments.queueAtEnd[i] ?? 0, 1),
      delayTodayMin: round(today.delayPerVehicleMin[i] ?? 0, 1),
      delayWithCommitmentsMin: round(withCommitments.delayPerVehicleMin[i] ?? 0, 1),
    })),
    vehicleHoursToday: round(today.vehicleHours),
    vehicleHoursWithCommitments: round(withCommitments.vehicleHours),
    // The queue model's suggestion says where it comes from and the day it was computed.
    shareNeeded: clear
      ? { share: round(clear.share, 4), minutesEarlier: (clear.from - clear.to) * c.slotMinutes, fromSlots: clear.slots, drivers: Math.round(clear.drivers), source: 'queue_model', computedOn: date }
      : null,
    shareCommitted: peakDrivers > 0 ? round(committedDrivers / peakDrivers, 4) : 0,
    committedDrivers,
    bestShift: best ? { ...best, vehicleHoursSpared: round(best.vehicleHoursSpared), usualFrom: ownSlot === null ? 'peak' : 'profile' } : null,
  };
}

/** The corridor under the small-group rule (guard-corridor.ts): corridors are public; the viewer's own periods and days are whole. */
export async function getCorridor(deps: Pick<Deps, 'db' | 'clock' | 'config'>, { territory, viewer }: RequestScope, input: { id: string }): Promise<ShownCorridor> {
  return shownCorridor(deps, territory, input.id, viewer);
}

async function shownCorridor(deps: Pick<Deps, 'db' | 'clock' | 'config'>, territory: ScopeTerritory, id: string, viewer: Viewer | null): Promise<ShownCorridor> {
  const view = await corridorView(deps, territory, id, await usualDeparture(deps.db, territory, viewer));
  return guardCorridor(view, deps.config.privacyMinGroup, await insiderOf(deps.db, view, viewer));
}

async function insiderOf(db: Database, view: CorridorView, viewer: Viewer | null): Promise<CorridorInsider> {
  if (!viewer) return { periods: new Set(), days: new Set() };
  const committed = await db.selectFrom('shift_commitments').select('period').where('corridor_id', '=', view.id).where('user_id', '=', viewer.userId).where('ended_at', 'is', null).execute();
  const dates = view.days.map((d) => d.date);
  const shifted = dates.length === 0 ? [] : await db.selectFrom('gestures').select(['occurred_on', 'mode']).where('corridor_id', '=', view.id).where('user_id', '=', viewer.userId).where('kind', '=', 'shift').where('occurred_on', 'in', dates).execute();
  return { periods: new Set(committed.map((c) => c.period)), days: new Set(shifted.map((g) => `${g.occurred_on}/${g.mode}`)) };
}

/** The viewer's own outbound (morning) and return (evening) departures, when they gave a commute profile here. */
async function usualDeparture(db: Database, territory: ScopeTerritory, viewer: Viewer | null): Promise<UsualDeparture> {
  if (!viewer) return {};
  const profile = await findProfile(db, territory.id, viewer.userId);
  if (!profile) return {};
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return { am: minutes(profile.out.start), pm: minutes(profile.back.start) };
}

/** The names of the communes at the line's first and last points, for the map's labels; null for a point outside the territory. */
async function lineEnds(db: Database, territoryId: string, line: LineString): Promise<CorridorView['ends']> {
  const nameAt = async (point: number[] | undefined): Promise<string | null> => {
    if (!point) return null;
    const code = await communeAt(db, territoryId, { lng: point[0]!, lat: point[1]! }, '/geometry').catch(() => null);
    if (code === null) return null;
    const row = await db.selectFrom('communes').select('name').where('territory_id', '=', territoryId).where('code', '=', code).executeTakeFirst();
    return row?.name ?? null;
  };
  return { from: await nameAt(line.coordinates[0]), to: await nameAt(line.coordinates.at(-1)) };
}

async function corridorView(deps: Pick<Deps, 'db' | 'clock'>, territory: ScopeTerritory, id: string, usual: UsualDeparture = {}): Promise<CorridorView> {
  const [c] = await listCorridorRows(deps.db, territory.id, id);
  if (!c) throw notFound('Corridor');
  const date = localDate(deps.clock.now());
  const week = weekStart(date);
  const shiftIds = await deps.db
    .selectFrom('gestures')
    .select('id')
    .where('corridor_id', '=', c.id)
    .where('kind', '=', 'shift')
    .where('counted', '=', true)
    .where('occurred_on', '>=', week)
    .where('occurred_on', '<=', date)
    .execute();
  const saved = await delaySavedForGestures(deps.db, territory.id, shiftIds.map((r) => r.id));
  const days = saved.days.map((d): CorridorDayView => {
    const othersVehicleHours = round(d.othersVehicleHours);
    return {
      date: d.date,
      period: d.period,
      shifts: d.trips,
      totalVehicleHours: round(d.totalVehicleHours),
      shiftersVehicleHours: round(d.shiftersVehicleHours),
      othersVehicleHours,
      worseAt: othersVehicleHours < 0 && d.worstSlot !== null ? toHHMM(c[d.period].start + d.worstSlot * c.slotMinutes) : null,
    };
  });
  return {
    id: c.id,
    name: c.name,
    geometry: c.geometry,
    ends: await lineEnds(deps.db, territory.id, c.geometry),
    capacityPerHour: c.capacityPerHour,
    freeFlowMin: c.freeFlowMin,
    slotMinutes: c.slotMinutes,
    date,
    periods: [await periodView(deps.db, c, 'am', date, usual), await periodView(deps.db, c, 'pm', date, usual)],
    vehicleHoursSavedThisWeek: round(saved.days.reduce((s, d) => s + d.othersVehicleHours, 0)),
    days,
    model: MODEL_NOTE,
    savedForOthers: SAVED_FOR_OTHERS_NOTE,
  };
}

export async function listCorridors(deps: Pick<Deps, 'db' | 'clock' | 'config'>, { territory, viewer }: RequestScope): Promise<ShownCorridor[]> {
  const rows = await listCorridorRows(deps.db, territory.id);
  const out: ShownCorridor[] = [];
  for (const r of rows) out.push(await shownCorridor(deps, territory, r.id, viewer));
  return out;
}

/** @module Queue delay recorded shifts spared the other drivers, per corridor-day (negative days included) and per shift gesture. */
import type { Executor, Period } from '../core/database/schema.ts';
import { listCorridorRows, periodModel, recordedShifts } from './queries.ts';
import { creditShifters, shiftSavings, type ShiftSavings } from './shift-savings.ts';

/** One corridor, day and period with recorded shifts: everyone's change of delay, the shifters' own, the others'. */
export interface CorridorDayNet extends ShiftSavings {
  corridorId: string;
  date: string;
  period: Period;
}

export interface DelaySaved {
  /** Each given shift gesture's equal share of its day's saving for others (vehicle-hours, may be negative). */
  byGesture: Map<string, number>;
  byWeek: Map<string, number>;
  /** The corridor-days the given gestures belong to, oldest first. */
  days: CorridorDayNet[];
}

/**
 * For each shift gesture given, its share of the delay its corridor-day's shifts spared the *other* drivers:
 * the whole day's recorded shifts on that corridor and period are modelled together (queue model), the
 * shifters' own change is taken out, and the rest is split equally among that day's trips. Derived on
 * every read from the recorded shifts, so a later shift on the same day updates everybody's share, and
 * old gestures follow this definition without a stored figure to migrate. Gestures of other kinds are ignored.
 */
export async function delaySavedForGestures(db: Executor, territoryId: string, gestureIds: string[]): Promise<DelaySaved> {
  if (gestureIds.length === 0) return { byGesture: new Map(), byWeek: new Map(), days: [] };
  const gestures = await db
    .selectFrom('gestures')
    .select(['id', 'corridor_id', 'occurred_on', 'mode'])
    .where('territory_id', '=', territoryId)
    .where('kind', '=', 'shift')
    .where('id', 'in', gestureIds)
    .execute();
  const corridors = new Map((await listCorridorRows(db, territoryId)).map((c) => [c.id, c]));
  const grouped = new Map<string, { corridorId: string; date: string; period: Period; ids: string[] }>();
  for (const g of gestures) {
    if (!g.corridor_id || !corridors.has(g.corridor_id) || (g.mode !== 'am' && g.mode !== 'pm')) continue;
    const key = `${g.corridor_id}|${g.occurred_on}|${g.mode}`;
    const day = grouped.get(key) ?? { corridorId: g.corridor_id, date: g.occurred_on, period: g.mode, ids: [] };
    day.ids.push(g.id);
    grouped.set(key, day);
  }
  const days: CorridorDayNet[] = [];
  const credited = [];
  for (const day of grouped.values()) {
    const shifts = await recordedShifts(db, day.corridorId, day.period, day.date);
    const savings = shiftSavings(periodModel(corridors.get(day.corridorId)!, day.period), shifts);
    days.push({ corridorId: day.corridorId, date: day.date, period: day.period, ...savings });
    credited.push({ date: day.date, gestureIds: day.ids, savings });
  }
  days.sort((a, b) => a.date.localeCompare(b.date) || a.period.localeCompare(b.period) || a.corridorId.localeCompare(b.corridorId));
  return { ...creditShifters(credited), days };
}

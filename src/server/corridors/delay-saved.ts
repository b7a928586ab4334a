/** @module Queue delay others were spared by recorded shifts, shared among the shifters of each corridor-day. */
import type { Executor } from '../core/database/schema.ts';
import { weekStart } from '../core/time-of-day.ts';
import { listCorridorRows, periodModel, recordedShifts } from './queries.ts';
import { delaySavedByShifts } from './queue-model.ts';

export interface DelaySaved {
  byGesture: Map<string, number>;
  byWeek: Map<string, number>;
}

/**
 * For each shift gesture given, its share (vehicle-hours) of the delay saved on its corridor that day:
 * the whole day's recorded shifts on that corridor and period are modelled together, then split by the
 * queue model's fair rule. Gestures of other kinds are ignored.
 */
export async function delaySavedForGestures(db: Executor, territoryId: string, gestureIds: string[]): Promise<DelaySaved> {
  const result: DelaySaved = { byGesture: new Map(), byWeek: new Map() };
  if (gestureIds.length === 0) return result;
  const gestures = await db
    .selectFrom('gestures')
    .select(['id', 'corridor_id', 'occurred_on', 'mode'])
    .where('territory_id', '=', territoryId)
    .where('kind', '=', 'shift')
    .where('id', 'in', gestureIds)
    .execute();
  const corridors = new Map((await listCorridorRows(db, territoryId)).map((c) => [c.id, c]));
  const perDay = new Map<string, number>();
  for (const g of gestures) {
    const corridor = g.corridor_id ? corridors.get(g.corridor_id) : undefined;
    if (!corridor || (g.mode !== 'am' && g.mode !== 'pm')) continue;
    const key = `${corridor.id}|${g.occurred_on}|${g.mode}`;
    let share = perDay.get(key);
    if (share === undefined) {
      const shifts = await recordedShifts(db, corridor.id, g.mode, g.occurred_on);
      // A move into a queued slot can add delay: it is credited nothing (the corridor chart still shows it).
      share = Math.max(0, delaySavedByShifts(periodModel(corridor, g.mode), shifts).perShiftVehicleHours);
      perDay.set(key, share);
    }
    result.byGesture.set(g.id, share);
    const week = weekStart(g.occurred_on);
    result.byWeek.set(week, (result.byWeek.get(week) ?? 0) + share);
  }
  return result;
}

/** @module Corridor tables: corridors, shift commitments, recorded shifts. */
import type { Executor, Period } from '../core/database/schema.ts';
import type { Corridor } from './queue-model.ts';
import type { LineString } from './schemas.ts';

export interface CorridorRow {
  id: string;
  name: string;
  geometry: LineString;
  capacityPerHour: number;
  freeFlowMin: number;
  slotMinutes: number;
  am: { start: number; demand: number[] };
  pm: { start: number; demand: number[] };
}

export async function listCorridorRows(db: Executor, territoryId: string, id?: string): Promise<CorridorRow[]> {
  let q = db.selectFrom('corridors').selectAll().where('territory_id', '=', territoryId);
  if (id) q = q.where('id', '=', id);
  const rows = await q.orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    // Stored as the validated body of the route that created the corridor.
    geometry: r.geometry as LineString,
    capacityPerHour: r.capacity_per_hour,
    freeFlowMin: r.free_flow_min,
    slotMinutes: r.slot_minutes,
    am: { start: r.am_start, demand: r.am_demand },
    pm: { start: r.pm_start, demand: r.pm_demand },
  }));
}

/** The queue model's view of one period of a corridor. */
export function periodModel(c: CorridorRow, period: Period, demand?: number[]): Corridor {
  return { capacityPerHour: c.capacityPerHour, freeFlowMin: c.freeFlowMin, slotMinutes: c.slotMinutes, demand: demand ?? c[period].demand };
}

export interface ShiftCount {
  from: number;
  to: number;
  count: number;
}

/** Active commitments on a corridor for a weekday, grouped by move. */
export async function committedShifts(db: Executor, corridorId: string, period: Period, weekday: number): Promise<ShiftCount[]> {
  const rows = await db
    .selectFrom('shift_commitments')
    .select(['from_slot', 'to_slot', (eb) => eb.fn.countAll<string>().as('n')])
    .where('corridor_id', '=', corridorId)
    .where('period', '=', period)
    .where('ended_at', 'is', null)
    .where((eb) => eb(eb.val(weekday), '=', eb.fn.any('weekdays')))
    .groupBy(['from_slot', 'to_slot'])
    .execute();
  return rows.map((r) => ({ from: r.from_slot, to: r.to_slot, count: Number(r.n) }));
}

/** Shifts people recorded as done on a corridor for one day and period, grouped by move. */
export async function recordedShifts(db: Executor, corridorId: string, period: Period, date: string): Promise<ShiftCount[]> {
  const rows = await db
    .selectFrom('gestures')
    .select(['from_slot', 'to_slot', (eb) => eb.fn.countAll<string>().as('n')])
    .where('kind', '=', 'shift')
    .where('corridor_id', '=', corridorId)
    .where('mode', '=', period)
    .where('occurred_on', '=', date)
    .where('counted', '=', true)
    .groupBy(['from_slot', 'to_slot'])
    .execute();
  return rows.map((r) => ({ from: r.from_slot ?? 0, to: r.to_slot ?? 0, count: Number(r.n) }));
}

/** Applies whole-vehicle moves to a demand profile (never below zero in a slot). */
export function applyShifts(demand: number[], shifts: ShiftCount[]): number[] {
  const out = [...demand];
  for (const s of shifts) {
    const moved = Math.min(s.count, out[s.from] ?? 0);
    if (s.from < out.length && s.to < out.length) {
      out[s.from] = (out[s.from] ?? 0) - moved;
      out[s.to] = (out[s.to] ?? 0) + moved;
    }
  }
  return out;
}

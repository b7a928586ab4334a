/** @module Corridor shapes as the API sends them: the queue per slot today and with the current commitments. */

export type Period = 'am' | 'pm';

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
  /** Smallest share of peak drivers who, leaving one slot earlier, would remove the queue (queue model). */
  shareNeeded: { share: number; minutesEarlier: number; fromSlots?: number[]; drivers?: number } | null;
  /** Committed drivers as a share of the drivers of over-capacity slots. */
  shareCommitted: number;
  committedDrivers: number;
}

export interface CorridorView {
  id: string;
  name: string;
  geometry: unknown;
  capacityPerHour: number;
  freeFlowMin: number;
  slotMinutes: number;
  /** The territory's today, as the server counts it. */
  date: string;
  periods: PeriodView[];
  vehicleHoursSavedThisWeek: number;
  model: string;
}

export interface Commitment {
  id: string;
  corridorId: string;
  corridor: string;
  period: Period;
  fromSlot: number;
  toSlot: number;
  weekdays: number[];
  createdAt: string;
}

/** @module Corridor shapes as the API sends them: the queue per slot today and with the current commitments. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
export type { Period } from '../../server/core/database/schema.ts';
export type { CorridorView, PeriodView, SlotView } from '../../server/corridors/get-corridor.ts';
import type { Period } from '../../server/core/database/schema.ts';

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

/** @module Corridor shapes as the API sends them: the queue per slot today and with the current commitments, under the small-group rule. */

// The API's own schemas, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts). Figures built from too few drivers arrive as the
// suppressed shape (`Guarded<number>`), days of too few shifts as a cell that keeps only its date and period.
import type { Wire } from '../core/wire.ts';
import type { Commitment as ServerCommitment, RecordedShift as ServerRecordedShift, ShownCorridor, ShownPeriod } from '../../server/corridors/schemas.ts';

export type { Period } from '../../server/corridors/schemas.ts';
export type { Guarded } from '../../server/core/privacy/small-group.ts';

export type CorridorView = Wire<ShownCorridor>;
export type PeriodView = Wire<ShownPeriod>;
export type SlotView = PeriodView['slots'][number];
export type CorridorDay = CorridorView['days'][number];
export type Commitment = Wire<ServerCommitment>;
export type RecordedShift = Wire<ServerRecordedShift>;

/** @module Pure commute-profile rules. */
import type { CommuteMode } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';

export const COMMUTE_MODES: readonly CommuteMode[] = ['car_alone', 'carpool', 'bike', 'ebike', 'walk', 'bus', 'tram', 'metro', 'ter', 'telework'];

/** A window is a start and an end on the same day, end not before start. */
export function checkWindow(start: number, end: number, field: string): void {
  if (end < start) throw invalid(`${field}/end`, 'The window ends before it starts.');
}

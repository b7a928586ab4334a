/** @module Commute profile shapes as the API sends them (GET/PUT /api/territories/:t/commute-profile). */

// The API's own schemas, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts).
import type { Static } from 'typebox';
import type { Wire } from '../core/wire.ts';
import type { MeetingPoint as MeetingPointSchema, Mode, Point, ProfileInput, ProfileView, Window } from '../../server/commute/schemas.ts';

export type CommuteMode = Static<typeof Mode>;
// The values of the server's COMMUTE_MODES (commute/model.ts), in the order the form offers them.
export const COMMUTE_MODES: readonly CommuteMode[] = ['car_alone', 'carpool', 'bike', 'ebike', 'walk', 'bus', 'tram', 'metro', 'ter', 'telework'];

export type LatLng = Static<typeof Point>;
export type MeetingPoint = Static<typeof MeetingPointSchema>;
/** "HH:MM" to "HH:MM", same day. */
export type TimeWindow = Static<typeof Window>;
/** Centres of the stored H3 cells, never the points that were entered. */
export type CommuteProfile = Wire<ProfileView>;
export type ProfileBody = ProfileInput;

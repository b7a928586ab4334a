/** @module Commute profile shapes as the API sends them (GET/PUT /api/territories/:t/commute-profile). */

export type CommuteMode = 'car_alone' | 'carpool' | 'bike' | 'ebike' | 'walk' | 'bus' | 'tram' | 'metro' | 'ter' | 'telework';
export const COMMUTE_MODES: readonly CommuteMode[] = ['car_alone', 'carpool', 'bike', 'ebike', 'walk', 'bus', 'tram', 'metro', 'ter', 'telework'];

export interface LatLng {
  lat: number;
  lng: number;
}

export interface MeetingPoint extends LatLng {
  name: string;
}

/** "HH:MM" to "HH:MM", same day. */
export interface TimeWindow {
  start: string;
  end: string;
}

export interface CommuteProfile {
  homeCell: string;
  workCell: string;
  /** Centres of the stored H3 cells, never the points that were entered. */
  homeCenter: LatLng;
  workCenter: LatLng;
  meetingPoints: MeetingPoint[];
  weekdays: number[];
  out: TimeWindow;
  back: TimeWindow;
  usualMode: CommuteMode;
  carOccupancy: number;
  distanceKm: number;
  distanceSource: string;
  updatedAt: string;
}

export interface ProfileBody {
  home: LatLng;
  work: LatLng;
  meetingPoints: MeetingPoint[];
  weekdays: number[];
  out: TimeWindow;
  back: TimeWindow;
  usualMode: CommuteMode;
  carOccupancy: number;
}

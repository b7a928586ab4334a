/** @module Carpool shapes as the API sends them: trips, explained matches, rides (matches/mine), messages, reviews. */
import type { TimeWindow } from '../commute/types.ts';
import type { NotAlone } from '../impact/types.ts';

export type CarpoolRole = 'driver' | 'passenger';

export interface TripPlace {
  cell: string;
  lat: number;
  lng: number;
  /** The public meeting point's name, when one was chosen. */
  label: string | null;
}

export interface Trip {
  id: string;
  role: CarpoolRole;
  origin: TripPlace;
  destination: TripPlace;
  /** One-off trips carry a date, recurring ones weekdays. */
  date: string | null;
  weekdays: number[];
  window: TimeWindow;
  seats: number;
  maxDetourShare: number;
  status: 'open' | 'closed';
  createdAt: string;
}

export interface ProposedMatch {
  trip: Trip;
  person: { displayName: string };
  detourKm: number;
  detourMin: number;
  timeGapMin: number;
  sharedCommunity: boolean;
  sharedKm: number;
  driverKm: number;
  co2eSavedKg: number;
  explanation: string;
}

export type RideStatus = 'proposed' | 'accepted' | 'done' | 'cancelled';
export type ReviewStatus = 'none' | 'pending' | 'cleared' | 'rejected';

export interface Ride {
  id: string;
  side: CarpoolRole;
  otherPerson: string;
  /** The other person's account number, to block them (moderation). */
  otherPersonId?: string;
  date: string;
  startsAt: string;
  status: RideStatus;
  seats: number;
  acceptedByMe: boolean;
  acceptedByOther: boolean;
  confirmedByMe: boolean;
  confirmedByOther: boolean;
  /** French carpool proof registry: B = one party confirmed, C = both. */
  proofClass: 'B' | 'C' | null;
  detourKm: number;
  detourMin: number;
  timeGapMin: number;
  sharedKm: number;
  sharedCommunity: boolean;
  reviewStatus: ReviewStatus;
  cancelReason: string | null;
}

export interface ConfirmResult {
  proofClass: 'B' | 'C' | null;
  flags: string[];
  counted: boolean;
  notAlone: NotAlone;
}

export interface Message {
  id: string;
  senderId: string;
  sender: string;
  body: string;
  createdAt: string;
  mine: boolean;
}

export interface PendingReview {
  id: string;
  date: string;
  startsAt: string;
  sharedKm: number;
  detourKm: number;
  flags: string[];
  driverId: string;
  passengerId: string;
  driverConfirmedAt: string | null;
  passengerConfirmedAt: string | null;
}

export interface TripBody {
  role: CarpoolRole;
  origin: { lat: number; lng: number; meetingPoint?: string };
  destination: { lat: number; lng: number; meetingPoint?: string };
  date?: string;
  weekdays?: number[];
  window: TimeWindow;
  seats: number;
}

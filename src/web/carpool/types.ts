/** @module Carpool shapes as the API sends them: trips, explained matches, rides (matches/mine), messages, reviews. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts). Rides, messages and reviews are built inline by the
// server (no declared type), so they are written here.
import type { TimeWindow } from '../commute/types.ts';
import type { Wire } from '../core/wire.ts';
import type { confirmMatch } from '../../server/carpool/confirm-match.ts';
import type { ProposedMatch as ServerProposedMatch } from '../../server/carpool/find-matches.ts';
import type { TripView } from '../../server/carpool/list-trips.ts';

export type CarpoolRole = TripView['role'];

/** One end of a trip; `label` is the public meeting point's name, when one was chosen. */
export type TripPlace = Trip['origin'];

/** One-off trips carry a date, recurring ones weekdays. */
export type Trip = Wire<TripView>;

export type ProposedMatch = Wire<ServerProposedMatch>;

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

export type ConfirmResult = Awaited<ReturnType<typeof confirmMatch>>;

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

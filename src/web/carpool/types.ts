/** @module Carpool shapes as the API sends them: trips, explained matches, rides (matches/mine), messages, reviews. */

// The API's own schemas, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts).
import type { Wire } from '../core/wire.ts';
import type { CarpoolReason, Confirmed, MessageView, PendingReview as ServerPendingReview, ProposedMatch as ServerProposedMatch, RideView, TripInput, TripView } from '../../server/carpool/schemas.ts';

export type { CarpoolReason };
export type CarpoolRole = TripView['role'];

/** One end of a trip; `label` is the public meeting point's name, when one was chosen. */
export type TripPlace = Trip['origin'];

/** One-off trips carry a date, recurring ones weekdays. */
export type Trip = Wire<TripView>;

export type ProposedMatch = Wire<ServerProposedMatch>;

export type Ride = Wire<RideView>;
export type RideStatus = Ride['status'];
export type ReviewStatus = Ride['reviewStatus'];

export type ConfirmResult = Confirmed;

export type Message = Wire<MessageView>;

export type PendingReview = Wire<ServerPendingReview>;

export type TripBody = TripInput;

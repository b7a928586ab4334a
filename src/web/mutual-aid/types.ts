/** @module The mutual-aid API's shapes as the pages read them. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts).
import type { Wire } from '../core/wire.ts';
import type * as S from '../../server/mutual-aid/schemas.ts';
import type { ApiError } from '../core/api-error.ts';
import type { AidKind, AidTime, AidUrgency } from '../../server/mutual-aid/schemas.ts';

export type { AidKind, AidStatus, AidTime, AidUrgency, MutualAidReason, WeekOfHelp } from '../../server/mutual-aid/schemas.ts';

export const AID_KINDS: readonly AidKind[] = ['groceries', 'pharmacy', 'visit', 'call', 'homework', 'repairs', 'lift', 'other'];
export const AID_URGENCIES: readonly AidUrgency[] = ['today', 'this_week', 'flexible'];
export const AID_TIMES: readonly AidTime[] = ['morning', 'afternoon', 'evening'];

export type RequestSummary = Wire<S.RequestSummary>;
export type RequestView = Wire<S.RequestView>;
export type OwnRequest = Wire<S.OwnRequest>;
export type NearbyRequest = Wire<S.NearbyRequest>;
export type NearbyRequests = Wire<S.NearbyRequests>;
export type HelpingRequest = Wire<S.HelpingRequest>;
export type HelperProfile = Wire<S.HelperProfile>;
export type StandingOffer = Wire<S.OfferView>;
export type PrivateAddress = Wire<S.PrivateAddress>;
export type CreatedRequest = Wire<S.CreatedRequest>;
export type OfferOutcome = Wire<S.OfferOutcome>;
export type HelpImpact = Wire<S.HelpImpact>;

/** The refusal's reason as one of mutual aid's (server/mutual-aid/schemas.ts): comparing with another string does not compile. */
export const mutualAidReason = (error: Pick<ApiError, 'reason'>): S.MutualAidReason | '' => error.reason as S.MutualAidReason | '';

/** A cell shown to people: its last distinctive characters, enough to tell two areas apart. */
export function shortCell(cell: string): string {
  return cell.replace(/f+$/, '').slice(-6).toUpperCase();
}

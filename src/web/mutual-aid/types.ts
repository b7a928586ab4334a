/** @module The mutual-aid API's shapes as the pages read them. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts).
import type { Wire } from '../core/wire.ts';
import type { HelpImpactView } from '../../server/mutual-aid/get-help-impact.ts';
import type { HelperProfile as ServerHelperProfile } from '../../server/mutual-aid/helper-profile.ts';
import type { OfferView } from '../../server/mutual-aid/list-offers.ts';
import type {
  HelpingRequest as ServerHelpingRequest,
  NearbyRequest as ServerNearbyRequest,
  OwnRequest as ServerOwnRequest,
  RequestSummary as ServerRequestSummary,
} from '../../server/mutual-aid/list-requests.ts';
import type { AidKind, AidTime, AidUrgency } from '../../server/mutual-aid/tables.ts';

export type { AidKind, AidStatus, AidTime, AidUrgency } from '../../server/mutual-aid/tables.ts';
export type { WeekOfHelp } from '../../server/mutual-aid/collective-value.ts';
export type { PrivateAddress } from '../../server/mutual-aid/address.ts';

export const AID_KINDS: readonly AidKind[] = ['groceries', 'pharmacy', 'visit', 'call', 'homework', 'repairs', 'lift', 'other'];
export const AID_URGENCIES: readonly AidUrgency[] = ['today', 'this_week', 'flexible'];
export const AID_TIMES: readonly AidTime[] = ['morning', 'afternoon', 'evening'];

export type RequestSummary = Wire<ServerRequestSummary>;
export type OwnRequest = Wire<ServerOwnRequest>;
export type NearbyRequest = Wire<ServerNearbyRequest>;
export type HelpingRequest = Wire<ServerHelpingRequest>;
export type HelperProfile = Wire<ServerHelperProfile>;
export type StandingOffer = Wire<OfferView>;
export type HelpImpact = HelpImpactView;

/** A cell shown to people: its last distinctive characters, enough to tell two areas apart. */
export function shortCell(cell: string): string {
  return cell.replace(/f+$/, '').slice(-6).toUpperCase();
}

/** @module The mutual-aid API's shapes as the pages read them. */
import type { LatLng } from '../commute/types.ts';

export type AidKind = 'groceries' | 'pharmacy' | 'visit' | 'call' | 'homework' | 'repairs' | 'lift' | 'other';
export type AidUrgency = 'today' | 'this_week' | 'flexible';
export type AidStatus = 'open' | 'offered' | 'matched' | 'done' | 'cancelled';
export type AidTime = 'morning' | 'afternoon' | 'evening';

export const AID_KINDS: readonly AidKind[] = ['groceries', 'pharmacy', 'visit', 'call', 'homework', 'repairs', 'lift', 'other'];
export const AID_URGENCIES: readonly AidUrgency[] = ['today', 'this_week', 'flexible'];
export const AID_TIMES: readonly AidTime[] = ['morning', 'afternoon', 'evening'];

export interface RequestSummary {
  id: string;
  kind: AidKind;
  urgency: AidUrgency;
  window: { from: string; to: string };
  description: string | null;
  status: AidStatus;
  communeCode: string;
  communeName: string;
  cell: string;
  createdAt: string;
  offers: number;
}

export interface OwnRequest extends RequestSummary {
  hidden: boolean;
  offersReceived: { helperId: string; name: string | null; message: string | null; at: string }[];
  acceptedHelper: { id: string; name: string | null } | null;
  hours: number | null;
  hoursEstimated: boolean;
  thanked: boolean;
  doneAt: string | null;
}

export interface NearbyRequest extends RequestSummary {
  approxDistanceKm: number;
  skillMatch: boolean;
  myOffer: boolean;
}

export interface HelpingRequest extends RequestSummary {
  myOffer: 'active' | 'withdrawn';
  acceptedMe: boolean;
  requesterName: string | null;
  hours: number | null;
  thanks: { message: string | null; at: string } | null;
}

export interface PrivateAddress {
  requestId: string;
  address: string;
  contact: string | null;
  requesterName: string | null;
}

export interface HelperProfile {
  skills: AidKind[];
  weekdays: number[];
  times: AidTime[];
  radiusKm: number;
  homeCell: string;
  homeCellCenter: LatLng;
  communeCode: string;
  communeName: string;
}

export interface StandingOffer {
  id: string;
  kind: AidKind;
  text: string;
  weekdays: number[];
  times: AidTime[];
  communeCode: string;
  communeName: string;
  cell: string;
  helperName: string | null;
  createdAt: string;
  mine: boolean;
  approxDistanceKm: number | null;
}

export interface WeekOfHelp {
  weekOf: string;
  requestsDone: number;
  hours: number;
  hoursReported: number;
  hoursEstimated: number;
  peopleHelped: number;
  helpers: number;
}

export interface HelpImpact {
  scope: 'person' | 'community' | 'territory';
  name: string;
  weeks: WeekOfHelp[];
  totals: { requestsDone: number; hours: number; hoursReported: number; hoursEstimated: number; peopleHelped: number; helpers: number };
  estimates: Record<AidKind, number>;
  method: string[];
  notAlone?: { weekOf: string; territory: number; communities: { id: string; name: string; others: number }[] };
  received?: { requestsDone: number };
}

/** A cell shown to people: its last distinctive characters, enough to tell two areas apart. */
export function shortCell(cell: string): string {
  return cell.replace(/f+$/, '').slice(-6).toUpperCase();
}

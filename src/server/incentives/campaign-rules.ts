/** @module Incentive campaigns built from rule helpers (after the French carpool registry's policy engine): eligibility, amounts, boosters, caps; validated. */

import type { GestureKind } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import { isCalendarDate, parseCalendarDate } from '../core/dates.ts';

// Money is integer cents throughout; only a per-km amount times a distance is fractional, and it is rounded
// once per gesture (evaluate-campaign.ts). Rules are plain data so a campaign can be stored as JSON.

export type ProofClass = 'B' | 'C';

/** What a campaign needs to know about one recorded gesture (mapped from a `gestures` row by the store). */
export interface CampaignGesture {
  id: string;
  personId: string;
  kind: GestureKind;
  /** Local date in the territory, YYYY-MM-DD. */
  occurredOn: string;
  /** Departure, minutes since local midnight; null when unknown (no time-window bonus then). */
  departureMin: number | null;
  km: number;
  /** Seats filled: passengers a carpool driver carried; 1 for any other gesture. */
  seats: number;
  communityIds: string[];
  communeCode: string | null;
  /** Carpool proof class (B: one party confirmed, C: both); null for other gestures. */
  proofClass: ProofClass | null;
}

export type Rule =
  | { type: 'only_kinds'; kinds: GestureKind[] }
  | { type: 'in_communities'; ids: string[] }
  | { type: 'in_communes'; codes: string[] }
  | { type: 'min_proof_class'; proofClass: ProofClass }
  | { type: 'on_weekdays'; days: number[] }
  | { type: 'distance_between'; minKm: number; maxKm: number }
  | { type: 'per_gesture'; cents: number }
  | { type: 'per_seat'; cents: number }
  | { type: 'per_km'; cents: number; offsetKm: number; limitKm: number }
  | { type: 'amount_for_distance'; fromKm: number; toKm: number; cents: number }
  | { type: 'time_window_bonus'; startMin: number; endMin: number; cents: number }
  | { type: 'booster_dates'; dates: string[]; percent: number }
  | { type: 'max_per_person_per_day'; cents: number }
  | { type: 'max_per_person_per_month'; cents: number };

export interface Campaign {
  id: string;
  /** First and last day the campaign pays for (inclusive), YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  budgetCents: number;
  rules: Rule[];
}

/** Only these gesture kinds are eligible. */
export const onlyKinds = (...kinds: GestureKind[]): Rule => ({ type: 'only_kinds', kinds });
/** Only people in at least one of these communities. */
export const inCommunities = (...ids: string[]): Rule => ({ type: 'in_communities', ids });
/** Only gestures recorded in one of these communes (INSEE codes). */
export const inCommunes = (...codes: string[]): Rule => ({ type: 'in_communes', codes });
/** Carpools need at least this proof class (C is stricter than B); other kinds are unaffected. */
export const minProofClass = (proofClass: ProofClass): Rule => ({ type: 'min_proof_class', proofClass });
/** Only on these ISO weekdays, 1 (Mon) … 7 (Sun). */
export const onWeekdays = (...days: number[]): Rule => ({ type: 'on_weekdays', days });
/** Only gestures with minKm ≤ km ≤ maxKm. */
export const distanceBetween = (minKm: number, maxKm: number): Rule => ({ type: 'distance_between', minKm, maxKm });
/** A fixed amount per eligible gesture. */
export const perGesture = (cents: number): Rule => ({ type: 'per_gesture', cents });
/** An amount per seat filled. @example perSeat(50) // a driver with 2 passengers: 100 cents */
export const perSeat = (cents: number): Rule => ({ type: 'per_seat', cents });
/** `cents` per km between `offsetKm` and `limitKm`. @example perKm(10, { offsetKm: 2, limitKm: 30 }) // 42 km → 280 cents */
export const perKm = (cents: number, o: { offsetKm?: number; limitKm?: number } = {}): Rule =>
  ({ type: 'per_km', cents, offsetKm: o.offsetKm ?? 0, limitKm: o.limitKm ?? Number.MAX_SAFE_INTEGER });
/** A fixed amount when fromKm ≤ km < toKm (one helper per distance range). */
export const amountForDistance = (fromKm: number, toKm: number, cents: number): Rule => ({ type: 'amount_for_distance', fromKm, toKm, cents });
/** A bonus when the departure falls in [startMin, endMin), minutes since midnight: the shoulders of the peak. */
export const timeWindowBonus = (startMin: number, endMin: number, cents: number): Rule => ({ type: 'time_window_bonus', startMin, endMin, cents });
/** Multiplies the gesture's amount on these dates (pollution or strike days); 150 = ×1.5. Boosters do not compound: the largest applies. */
export const boosterDates = (dates: string[], percent = 150): Rule => ({ type: 'booster_dates', dates, percent });
/** At most this much per person per day. */
export const maxPerPersonPerDay = (cents: number): Rule => ({ type: 'max_per_person_per_day', cents });
/** At most this much per person per calendar month. */
export const maxPerPersonPerMonth = (cents: number): Rule => ({ type: 'max_per_person_per_month', cents });

/** Every helper an operator may build a campaign from, by name (the campaign builder lists them). */
export const campaignHelpers = {
  onlyKinds, inCommunities, inCommunes, minProofClass, onWeekdays, distanceBetween,
  perGesture, perSeat, perKm, amountForDistance, timeWindowBonus, boosterDates,
  maxPerPersonPerDay, maxPerPersonPerMonth,
} as const;

function cents(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(field, 'An amount is a whole, non-negative number of cents.');
}

function nonNegative(value: number, field: string): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw invalid(field, 'Must be a non-negative number.');
}

function ordered(start: number, end: number, field: string, what: string): void {
  if (end < start) throw invalid(field, `The ${what} ends before it starts.`);
}

function validateRule(rule: Rule, budgetCents: number, at: string): void {
  switch (rule.type) {
    case 'only_kinds': case 'in_communities': case 'in_communes': case 'min_proof_class':
      return;
    case 'on_weekdays':
      if (rule.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw invalid(`${at}/days`, 'Weekdays are 1 (Monday) to 7 (Sunday).');
      return;
    case 'distance_between':
      nonNegative(rule.minKm, `${at}/minKm`);
      return ordered(rule.minKm, rule.maxKm, `${at}/maxKm`, 'distance range');
    case 'per_gesture': case 'per_seat':
      return cents(rule.cents, `${at}/cents`);
    case 'per_km':
      cents(rule.cents, `${at}/cents`);
      nonNegative(rule.offsetKm, `${at}/offsetKm`);
      return ordered(rule.offsetKm, rule.limitKm, `${at}/limitKm`, 'per-km range');
    case 'amount_for_distance':
      cents(rule.cents, `${at}/cents`);
      nonNegative(rule.fromKm, `${at}/fromKm`);
      return ordered(rule.fromKm, rule.toKm, `${at}/toKm`, 'distance range');
    case 'time_window_bonus':
      cents(rule.cents, `${at}/cents`);
      if (!(rule.startMin >= 0 && rule.endMin <= 24 * 60)) throw invalid(`${at}/startMin`, 'A time window lies within one day (0 to 1440 minutes).');
      return ordered(rule.startMin, rule.endMin, `${at}/endMin`, 'time window');
    case 'booster_dates':
      if (rule.dates.some((d) => !isCalendarDate(d))) throw invalid(`${at}/dates`, 'Booster dates are YYYY-MM-DD.');
      if (!Number.isInteger(rule.percent) || rule.percent < 100) throw invalid(`${at}/percent`, 'A booster is a whole percentage of at least 100.');
      return;
    case 'max_per_person_per_day': case 'max_per_person_per_month':
      cents(rule.cents, `${at}/cents`);
      if (rule.cents > budgetCents) throw invalid(`${at}/cents`, 'A cap exceeds the campaign budget.');
      return;
  }
}

/**
 * Checks a campaign; throws `invalid` naming the first offending field (JSON pointer), e.g. `/rules/2/endMin`.
 * @example validateCampaign({ id: 'c', startsOn: '2025-03-01', endsOn: '2025-02-01', budgetCents: 0, rules: [] }) // throws on /endsOn
 */
export function validateCampaign(c: Campaign): Campaign {
  parseCalendarDate(c.startsOn, '/startsOn');
  parseCalendarDate(c.endsOn, '/endsOn');
  if (c.endsOn < c.startsOn) throw invalid('/endsOn', 'The campaign ends before it starts.');
  cents(c.budgetCents, '/budgetCents');
  c.rules.forEach((rule, i) => validateRule(rule, c.budgetCents, `/rules/${i}`));
  if (!c.rules.some((r) => ['per_gesture', 'per_seat', 'per_km', 'amount_for_distance', 'time_window_bonus'].includes(r.type))) {
    throw invalid('/rules', 'A campaign needs at least one amount rule.');
  }
  return c;
}

/** @module Campaign evaluation in two stages: each gesture's amount taken alone, then caps in chronological order, truncating to what remains. */

import { validateCampaign, type Campaign, type CampaignGesture, type Rule } from './campaign-rules.ts';

export type CapKind = 'person_day' | 'person_month' | 'budget';

export interface Payout {
  gestureId: string;
  personId: string;
  occurredOn: string;
  /** Stage (a): the amount of the gesture taken alone, cents. */
  aloneCents: number;
  /** Stage (b): what is paid after caps, cents (0 ≤ paid ≤ alone). */
  paidCents: number;
  /** Caps whose remainder was below the amount alone when this gesture came: the caps that bit. */
  cappedBy: CapKind[];
}

/** Spending before this evaluation (payouts already made), so a run can continue a live campaign. */
export interface Spent {
  budgetCents: number;
  /** key `${personId}|${YYYY-MM-DD}` */
  personDay: Map<string, number>;
  /** key `${personId}|${YYYY-MM}` */
  personMonth: Map<string, number>;
}

/** ISO weekday 1 (Mon) … 7 (Sun) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const PROOF_RANK = { B: 1, C: 2 } as const;

function eligible(rule: Rule, g: CampaignGesture): boolean {
  switch (rule.type) {
    case 'only_kinds': return rule.kinds.includes(g.kind);
    case 'in_communities': return g.communityIds.some((id) => rule.ids.includes(id));
    case 'in_communes': return g.communeCode !== null && rule.codes.includes(g.communeCode);
    case 'min_proof_class': return g.kind !== 'carpool' || (g.proofClass !== null && PROOF_RANK[g.proofClass] >= PROOF_RANK[rule.proofClass]);
    case 'on_weekdays': return rule.days.includes(isoWeekday(g.occurredOn));
    case 'distance_between': return g.km >= rule.minKm && g.km <= rule.maxKm;
    default: return true;
  }
}

/** Additive amount of one rule, cents (fractional only for per-km). */
function amountOf(rule: Rule, g: CampaignGesture): number {
  switch (rule.type) {
    case 'per_gesture': return rule.cents;
    case 'per_seat': return rule.cents * Math.max(0, g.seats);
    case 'per_km': return rule.cents * Math.max(0, Math.min(g.km, rule.limitKm) - rule.offsetKm);
    case 'amount_for_distance': return g.km >= rule.fromKm && g.km < rule.toKm ? rule.cents : 0;
    case 'time_window_bonus':
      return g.departureMin !== null && g.departureMin >= rule.startMin && g.departureMin < rule.endMin ? rule.cents : 0;
    default: return 0;
  }
}

/**
 * Stage (a): the amount of one gesture taken alone, whole cents. Zero outside the campaign's dates or when any
 * eligibility rule fails. Additive amounts are summed, the largest booster of the day multiplies the sum, and
 * the result is rounded once, half up.
 * @example amountAlone(campaign, gesture) // 250
 */
export function amountAlone(c: Campaign, g: CampaignGesture): number {
  if (g.occurredOn < c.startsOn || g.occurredOn > c.endsOn) return 0;
  if (!c.rules.every((r) => eligible(r, g))) return 0;
  const sum = c.rules.reduce((total, r) => total + amountOf(r, g), 0);
  const percent = c.rules.reduce((best, r) => (r.type === 'booster_dates' && r.dates.includes(g.occurredOn) ? Math.max(best, r.percent) : best), 100);
  return Math.round((sum * percent) / 100);
}

/** Chronological order: date, then departure (unknown first), then id so ties are reproducible. */
export function compareChronologically(a: CampaignGesture, b: CampaignGesture): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1;
  const da = a.departureMin ?? -1;
  const db = b.departureMin ?? -1;
  if (da !== db) return da - db;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function capOf(c: Campaign, type: 'max_per_person_per_day' | 'max_per_person_per_month'): number {
  return c.rules.reduce((cap, r) => (r.type === type ? Math.min(cap, r.cents) : cap), Number.MAX_SAFE_INTEGER);
}

/**
 * Stage (b): caps applied in chronological order. Each gesture gets the smallest of its amount alone and what
 * remains of its person's day cap, month cap and the campaign budget; later gestures see what is left.
 */
export function applyCaps(c: Campaign, gestures: CampaignGesture[], spent?: Spent): Payout[] {
  const dayCap = capOf(c, 'max_per_person_per_day');
  const monthCap = capOf(c, 'max_per_person_per_month');
  const personDay = new Map(spent?.personDay);
  const personMonth = new Map(spent?.personMonth);
  let budgetLeft = c.budgetCents - (spent?.budgetCents ?? 0);
  return gestures.slice().sort(compareChronologically).map((g) => {
    const aloneCents = amountAlone(c, g);
    const dayKey = `${g.personId}|${g.occurredOn}`;
    const monthKey = `${g.personId}|${g.occurredOn.slice(0, 7)}`;
    const left: [CapKind, number][] = [
      ['person_day', dayCap - (personDay.get(dayKey) ?? 0)],
      ['person_month', monthCap - (personMonth.get(monthKey) ?? 0)],
      ['budget', budgetLeft],
    ];
    const cappedBy = aloneCents > 0 ? left.filter(([, rest]) => rest < aloneCents).map(([kind]) => kind) : [];
    const paidCents = Math.max(0, Math.min(aloneCents, ...left.map(([, rest]) => rest)));
    personDay.set(dayKey, (personDay.get(dayKey) ?? 0) + paidCents);
    personMonth.set(monthKey, (personMonth.get(monthKey) ?? 0) + paidCents);
    budgetLeft -= paidCents;
    return { gestureId: g.id, personId: g.personId, occurredOn: g.occurredOn, aloneCents, paidCents, cappedBy };
  });
}

/** Validates the campaign, then runs both stages. */
export function evaluateCampaign(c: Campaign, gestures: CampaignGesture[], spent?: Spent): Payout[] {
  return applyCaps(validateCampaign(c), gestures, spent);
}

/** @module Simulation before launch: a draft campaign run over past gestures — total cost, cost per week, per-person spread, how often caps bit. */

import type { Campaign, CampaignGesture } from './campaign-rules.ts';
import { evaluateCampaign, isoWeekday, type CapKind } from './evaluate-campaign.ts';

export interface WeekCost {
  /** Monday of the ISO week, YYYY-MM-DD. */
  weekOf: string;
  cents: number;
  paidGestures: number;
}

export interface Simulation {
  gestures: number;
  /** Gestures with a non-zero amount alone (eligible and worth something). */
  eligibleGestures: number;
  paidGestures: number;
  totalCents: number;
  /** Sum of amounts alone minus what was paid: what the caps saved. */
  truncatedCents: number;
  budgetCents: number;
  /** totalCents / budgetCents, 0..1 (0 for an empty budget). */
  budgetUsed: number;
  /** Every week from the first to the last gesture, empty weeks included, so a chart has no gaps. */
  perWeek: WeekCost[];
  /** Over people paid at least one cent: how many, the median and the largest total. */
  perPerson: { people: number; medianCents: number; maxCents: number };
  /** Gestures each cap cut (one gesture may be cut by several). */
  capsBit: Record<CapKind, number>;
}

/** Monday of the ISO week holding `date`. */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (isoWeekday(date) - 1));
  return d.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Median of whole cents; an even count takes the mean of the middle two, rounded half up. */
export function medianCents(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * Runs `campaign` over `gestures` as if it had been live (validation included: a bad draft throws `invalid`).
 * @example simulateCampaign(draft, lastEightWeeks).totalCents
 */
export function simulateCampaign(campaign: Campaign, gestures: CampaignGesture[]): Simulation {
  const payouts = evaluateCampaign(campaign, gestures);
  const capsBit: Record<CapKind, number> = { person_day: 0, person_month: 0, budget: 0 };
  const weeks = new Map<string, WeekCost>();
  const people = new Map<string, number>();
  let totalCents = 0;
  let aloneCents = 0;
  for (const p of payouts) {
    aloneCents += p.aloneCents;
    totalCents += p.paidCents;
    for (const cap of p.cappedBy) capsBit[cap] += 1;
    if (p.paidCents > 0) people.set(p.personId, (people.get(p.personId) ?? 0) + p.paidCents);
  }
  const dates = payouts.map((p) => p.occurredOn).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first !== undefined && last !== undefined) {
    for (let w = weekOf(first); w <= last; w = addDays(w, 7)) weeks.set(w, { weekOf: w, cents: 0, paidGestures: 0 });
  }
  for (const p of payouts) {
    const week = weeks.get(weekOf(p.occurredOn));
    if (week && p.paidCents > 0) {
      week.cents += p.paidCents;
      week.paidGestures += 1;
    }
  }
  const totals = [...people.values()];
  return {
    gestures: payouts.length,
    eligibleGestures: payouts.filter((p) => p.aloneCents > 0).length,
    paidGestures: payouts.filter((p) => p.paidCents > 0).length,
    totalCents,
    truncatedCents: aloneCents - totalCents,
    budgetCents: campaign.budgetCents,
    budgetUsed: campaign.budgetCents > 0 ? totalCents / campaign.budgetCents : 0,
    perWeek: [...weeks.values()],
    perPerson: { people: totals.length, medianCents: medianCents(totals), maxCents: totals.reduce((max, t) => Math.max(max, t), 0) },
    capsBit,
  };
}

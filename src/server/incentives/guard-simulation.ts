/**
 * @module A simulation as an operator sees it, under the small-group rule: each week's cost shown only when at least
 * PRIVACY_MIN_GROUP people were paid that week, the headline figures only when that many were paid over the whole run
 * and the weeks not shown, taken together, paid that many too (else the total less the weeks shown gives them back).
 */
import { guard, guardCell, isShown, type Guarded, type GuardedCell } from '../core/privacy/small-group.ts';
import type { Payout } from './evaluate-campaign.ts';
import { weekOf, type Simulation, type WeekCost } from './simulate.ts';

export interface GuardedSimulation {
  /** Every gesture of the window, before the rules: built from everyone who acted in the territory. */
  gestures: Guarded<number>;
  eligibleGestures: Guarded<number>;
  paidGestures: Guarded<number>;
  totalCents: Guarded<number>;
  truncatedCents: Guarded<number>;
  /** The operator's own figure: never suppressed. */
  budgetCents: number;
  budgetUsed: Guarded<number>;
  perWeek: GuardedCell<WeekCost, 'weekOf'>[];
  perPerson: Guarded<Simulation['perPerson']>;
  capsBit: Guarded<Simulation['capsBit']>;
}

const people = (payouts: readonly Payout[]) => new Set(payouts.filter((p) => p.paidCents > 0).map((p) => p.personId)).size;

export function guardSimulation(sim: Simulation, payouts: readonly Payout[], minGroup: number): GuardedSimulation {
  const byWeek = new Map<string, Payout[]>();
  for (const p of payouts) byWeek.set(weekOf(p.occurredOn), [...(byWeek.get(weekOf(p.occurredOn)) ?? []), p]);
  const hiddenWeeks = sim.perWeek.filter((w) => !isShown(people(byWeek.get(w.weekOf) ?? []), minGroup));
  const hiddenPeople = people(hiddenWeeks.flatMap((w) => byWeek.get(w.weekOf) ?? []));
  // The paid people of the run, and of the weeks left out when there are some: the smaller group decides.
  // (Weeks that paid nobody add nothing to that remainder.)
  const paid = Math.min(people(payouts), hiddenPeople > 0 ? hiddenPeople : Infinity);
  const all = new Set(payouts.map((p) => p.personId)).size;
  return {
    gestures: guard(sim.gestures, all, minGroup),
    eligibleGestures: guard(sim.eligibleGestures, paid, minGroup),
    paidGestures: guard(sim.paidGestures, paid, minGroup),
    totalCents: guard(sim.totalCents, paid, minGroup),
    truncatedCents: guard(sim.truncatedCents, paid, minGroup),
    budgetCents: sim.budgetCents,
    budgetUsed: guard(sim.budgetUsed, paid, minGroup),
    perWeek: sim.perWeek.map((w) => guardCell(w, hiddenWeeks.includes(w) ? 0 : minGroup, minGroup, ['weekOf'])),
    perPerson: guard(sim.perPerson, paid, minGroup),
    capsBit: guard(sim.capsBit, paid, minGroup),
  };
}

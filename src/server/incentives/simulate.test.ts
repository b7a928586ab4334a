// Simulation before launch: hand-checked totals on a tiny list, and the synthetic sample quoted in docs/incentives.md.
import { describe, expect, it } from 'vitest';
import {
  boosterDates, maxPerPersonPerDay, maxPerPersonPerMonth, minProofClass, onlyKinds, onWeekdays, perGesture, perKm, perSeat, timeWindowBonus,
  type Campaign, type CampaignGesture,
} from './campaign-rules.ts';
import { medianCents, simulateCampaign, weekOf } from './simulate.ts';

/** The draft campaign of docs/incentives.md: Rocade Est, March 2025, 150 € budget. */
const draft: Campaign = {
  id: 'rocade-est-march', startsOn: '2025-03-03', endsOn: '2025-03-30', budgetCents: 15_000,
  rules: [
    onlyKinds('carpool', 'shift'), minProofClass('B'), onWeekdays(1, 2, 3, 4, 5),
    perGesture(50), perSeat(25), perKm(5, { offsetKm: 2, limitKm: 30 }),
    timeWindowBonus(6 * 60 + 30, 7 * 60 + 15, 30), boosterDates(['2025-03-18']),
    maxPerPersonPerDay(400), maxPerPersonPerMonth(3500),
  ],
};

/** 4 weeks × weekdays × 6 people, fixed by arithmetic (no randomness), so the sample output is reproducible. */
function syntheticGestures(): CampaignGesture[] {
  const gestures: CampaignGesture[] = [];
  const people = ['ana', 'bo', 'chloé', 'dev', 'eli', 'fatou'];
  for (let day = 3; day <= 28; day++) {
    const date = `2025-03-${String(day).padStart(2, '0')}`;
    people.forEach((personId, p) => {
      if ((day * (p + 3)) % 7 >= p + 1) return; // person p commutes on fewer days the further down the list
      const carpool = (day + p) % 3 !== 0;
      for (const leg of [0, 1]) {
        gestures.push({
          id: `${date}-${personId}-${leg}`, personId, kind: carpool ? 'carpool' : 'shift', occurredOn: date,
          departureMin: leg === 0 ? 6 * 60 + 20 + 5 * p : 17 * 60 + 10 * p, km: 8 + 6 * p, seats: carpool ? 1 + (p % 3) : 1,
          communityIds: [], communeCode: null, proofClass: carpool ? (p === 5 ? null : 'C') : null,
        });
      }
    });
  }
  return gestures;
}

describe('simulateCampaign', () => {
  it('adds up a tiny list by hand', () => {
    const c: Campaign = { id: 'c', startsOn: '2025-03-01', endsOn: '2025-03-31', budgetCents: 1000, rules: [perGesture(300), maxPerPersonPerDay(500)] };
    const g = (id: string, personId: string, occurredOn: string): CampaignGesture =>
      ({ id, personId, kind: 'shift', occurredOn, departureMin: null, km: 5, seats: 1, communityIds: [], communeCode: null, proofClass: null });
    const sim = simulateCampaign(c, [
      g('1', 'a', '2025-03-03'), g('2', 'a', '2025-03-03'), // 300 + 200 (day cap)
      g('3', 'b', '2025-03-12'), g('4', 'c', '2025-03-13'), // 300, then 200 left of the budget
      g('5', 'd', '2025-03-14'), // nothing left
    ]);
    expect(sim).toMatchObject({ gestures: 5, eligibleGestures: 5, paidGestures: 4, totalCents: 1000, truncatedCents: 500, budgetUsed: 1 });
    expect(sim.perWeek).toEqual([
      { weekOf: '2025-03-03', cents: 500, paidGestures: 2 },
      { weekOf: '2025-03-10', cents: 500, paidGestures: 2 },
    ]);
    expect(sim.perPerson).toEqual({ people: 3, medianCents: 300, maxCents: 500 });
    expect(sim.capsBit).toEqual({ person_day: 1, person_month: 0, budget: 2 });
  });

  it('keeps empty weeks so a chart has no gaps, and handles no gestures', () => {
    expect(weekOf('2025-03-09')).toBe('2025-03-03'); // a Sunday belongs to the week of the Monday before
    expect(medianCents([1, 2, 3, 10])).toBe(3); // (2 + 3) / 2 rounded half up
    const empty = simulateCampaign(draft, []);
    expect(empty).toMatchObject({ totalCents: 0, perWeek: [], perPerson: { people: 0, medianCents: 0, maxCents: 0 } });
  });

  it('produces the sample output of docs/incentives.md', () => {
    const sim = simulateCampaign(draft, syntheticGestures());
    expect(sim.totalCents).toBeLessThanOrEqual(draft.budgetCents);
    expect(sim.perWeek.reduce((s, w) => s + w.cents, 0)).toBe(sim.totalCents);
    expect(sim).toMatchInlineSnapshot(`
      {
        "budgetCents": 15000,
        "budgetUsed": 0.998,
        "capsBit": {
          "budget": 3,
          "person_day": 31,
          "person_month": 46,
        },
        "eligibleGestures": 124,
        "gestures": 174,
        "paidGestures": 82,
        "perPerson": {
          "maxCents": 3500,
          "medianCents": 2950,
          "people": 6,
        },
        "perWeek": [
          {
            "cents": 6090,
            "paidGestures": 32,
            "weekOf": "2025-03-03",
          },
          {
            "cents": 5100,
            "paidGestures": 28,
            "weekOf": "2025-03-10",
          },
          {
            "cents": 2430,
            "paidGestures": 13,
            "weekOf": "2025-03-17",
          },
          {
            "cents": 1350,
            "paidGestures": 9,
            "weekOf": "2025-03-24",
          },
        ],
        "totalCents": 14970,
        "truncatedCents": 12066,
      }
    `);
  });
});

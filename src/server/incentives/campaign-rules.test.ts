// Campaign rules against hand-computed cases: amounts alone, boosters, caps and truncation in chronological order, validation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import {
  boosterDates, campaignHelpers, inCommunes, inCommunities, maxPerPersonPerDay, maxPerPersonPerMonth, minProofClass, onlyKinds,
  onWeekdays, perGesture, perKm, perSeat, amountForDistance, distanceBetween, timeWindowBonus, validateCampaign,
  type Campaign, type CampaignGesture,
} from './campaign-rules.ts';
import { amountAlone, evaluateCampaign } from './evaluate-campaign.ts';

const gesture = (over: Partial<CampaignGesture> & { id: string }): CampaignGesture => ({
  personId: 'alice', kind: 'carpool', occurredOn: '2025-03-10', departureMin: null, km: 10, seats: 1,
  communityIds: [], communeCode: null, proofClass: 'C', ...over,
});

const campaign = (rules: Campaign['rules'], budgetCents = 100_000): Campaign =>
  ({ id: 'c1', startsOn: '2025-03-01', endsOn: '2025-03-31', budgetCents, rules });

// The worked example of docs/incentives.md.
const rocade = campaign([
  onlyKinds('carpool', 'shift'), minProofClass('B'),
  perGesture(100), perSeat(50), perKm(10, { offsetKm: 2, limitKm: 30 }),
  timeWindowBonus(6 * 60 + 30, 7 * 60, 40), boosterDates(['2025-03-12']),
  maxPerPersonPerDay(600), maxPerPersonPerMonth(1000),
], 2000);

describe('amountAlone (stage a)', () => {
  it('adds per gesture, per seat, per km within offset and limit, and the shoulder bonus', () => {
    // 100 + 2 × 50 + 10 × (12 − 2) + 40 (06:45 is in 06:30–07:00) = 340
    expect(amountAlone(rocade, gesture({ id: 'g1', departureMin: 405, km: 12, seats: 2, proofClass: 'B' }))).toBe(340);
    // 100 + 50 + 10 × (30 − 2) = 430: the per-km part stops at the 30 km limit; 17:30 earns no bonus
    expect(amountAlone(rocade, gesture({ id: 'g2', departureMin: 1050, km: 42 }))).toBe(430);
    // the window is half-open: 07:00 is outside
    expect(amountAlone(rocade, gesture({ id: 'g', departureMin: 420, km: 2 }))).toBe(150);
  });

  it('multiplies by 1.5 on a booster date, once, and rounds half up', () => {
    // (100 + 50 + 10 × 3 + 40) × 1.5 = 330
    expect(amountAlone(rocade, gesture({ id: 'g3', kind: 'shift', occurredOn: '2025-03-12', departureMin: 400, km: 5, proofClass: null }))).toBe(330);
    const both = campaign([perGesture(101), boosterDates(['2025-03-10']), boosterDates(['2025-03-10'], 120)]);
    expect(amountAlone(both, gesture({ id: 'g' }))).toBe(152); // 151.5 → 152; the ×1.2 booster does not compound
    expect(amountAlone(campaign([perKm(7)]), gesture({ id: 'g', km: 3.3 }))).toBe(23); // 23.1
  });

  it('pays nothing to ineligible gestures', () => {
    expect(amountAlone(rocade, gesture({ id: 'a', kind: 'mode_switch' }))).toBe(0);
    expect(amountAlone(rocade, gesture({ id: 'b', proofClass: null }))).toBe(0);
    expect(amountAlone(rocade, gesture({ id: 'c', occurredOn: '2025-04-01' }))).toBe(0);
    expect(amountAlone(campaign([minProofClass('C'), perGesture(1)]), gesture({ id: 'd', proofClass: 'B' }))).toBe(0);
    const local = campaign([inCommunities('k1'), inCommunes('38185'), onWeekdays(1, 2), distanceBetween(3, 20), perGesture(5)]);
    expect(amountAlone(local, gesture({ id: 'e', communityIds: ['k1'], communeCode: '38185' }))).toBe(5); // a Monday
    expect(amountAlone(local, gesture({ id: 'f', communityIds: ['k2'], communeCode: '38185' }))).toBe(0);
    expect(amountAlone(local, gesture({ id: 'g', communityIds: ['k1'], communeCode: '38421' }))).toBe(0);
    expect(amountAlone(local, gesture({ id: 'h', communityIds: ['k1'], communeCode: '38185', occurredOn: '2025-03-12' }))).toBe(0);
    expect(amountAlone(local, gesture({ id: 'i', communityIds: ['k1'], communeCode: '38185', km: 25 }))).toBe(0);
  });

  it('pays a fixed amount per distance range', () => {
    const ranges = campaign([amountForDistance(0, 10, 100), amountForDistance(10, 30, 200)]);
    expect([5, 10, 29.9, 30].map((km) => amountAlone(ranges, gesture({ id: 'g', km })))).toEqual([100, 200, 200, 0]);
  });
});

describe('evaluateCampaign (stage b: caps in chronological order)', () => {
  it('truncates to what remains of the day cap, then of the month cap', () => {
    const gestures = [ // given out of order on purpose
      gesture({ id: 'g5', kind: 'shift', occurredOn: '2025-03-14', km: 2, proofClass: null }),
      gesture({ id: 'g2', departureMin: 1050, km: 42 }),
      gesture({ id: 'g4', kind: 'mode_switch', occurredOn: '2025-03-13' }),
      gesture({ id: 'g1', departureMin: 405, km: 12, seats: 2, proofClass: 'B' }),
      gesture({ id: 'g3', kind: 'shift', occurredOn: '2025-03-12', departureMin: 400, km: 5, proofClass: null }),
    ];
    const payouts = evaluateCampaign(rocade, gestures);
    expect(payouts.map((p) => [p.gestureId, p.aloneCents, p.paidCents, p.cappedBy])).toEqual([
      ['g1', 340, 340, []],
      ['g2', 430, 260, ['person_day']], // 600 − 340 left that day
      ['g3', 330, 330, []], // month: 1000 − 600 = 400 left
      ['g4', 0, 0, []],
      ['g5', 150, 70, ['person_month']], // 1000 − 930
    ]);
  });

  it('stops at the campaign budget, first come first paid', () => {
    const small = campaign([perGesture(200)], 500);
    const gestures = ['a', 'b', 'c', 'd'].map((personId, i) => gesture({ id: `g${i}`, personId, departureMin: 400 + i }));
    expect(evaluateCampaign(small, gestures).map((p) => [p.paidCents, p.cappedBy])).toEqual([
      [200, []], [200, []], [100, ['budget']], [0, ['budget']],
    ]);
  });

  it('continues from spending already made', () => {
    const spent = { budgetCents: 0, personDay: new Map([['alice|2025-03-10', 500]]), personMonth: new Map<string, number>() };
    expect(evaluateCampaign(rocade, [gesture({ id: 'g', km: 2 })], spent)[0]?.paidCents).toBe(100);
  });

  it('never pays more than alone, a cap or the budget, whatever the gestures', () => {
    const arb = fc.array(fc.record({
      personId: fc.constantFrom('a', 'b', 'c'), day: fc.integer({ min: 1, max: 31 }), km: fc.integer({ min: 0, max: 60 }),
      seats: fc.integer({ min: 1, max: 4 }), departureMin: fc.integer({ min: 300, max: 1200 }),
    }), { maxLength: 60 });
    fc.assert(fc.property(arb, (rows) => {
      const gestures = rows.map((r, i) => gesture({ ...r, id: `g${i}`, occurredOn: `2025-03-${String(r.day).padStart(2, '0')}` }));
      const payouts = evaluateCampaign(rocade, gestures);
      const day = new Map<string, number>();
      const month = new Map<string, number>();
      for (const p of payouts) {
        expect(p.paidCents).toBeGreaterThanOrEqual(0);
        expect(p.paidCents).toBeLessThanOrEqual(p.aloneCents);
        day.set(`${p.personId}${p.occurredOn}`, (day.get(`${p.personId}${p.occurredOn}`) ?? 0) + p.paidCents);
        month.set(p.personId, (month.get(p.personId) ?? 0) + p.paidCents);
      }
      expect(Math.max(0, ...day.values())).toBeLessThanOrEqual(600);
      expect(Math.max(0, ...month.values())).toBeLessThanOrEqual(1000);
      expect(payouts.reduce((s, p) => s + p.paidCents, 0)).toBeLessThanOrEqual(2000);
      const reversed = evaluateCampaign(rocade, gestures.slice().reverse());
      expect(reversed).toEqual(payouts); // the input order does not matter
    }));
  });
});

describe('validateCampaign', () => {
  const fieldOf = (c: Campaign): string | undefined => {
    try {
      validateCampaign(c);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid');
      return (error as AppError).field;
    }
  };

  it('names the field of a rule or campaign that ends before it starts', () => {
    expect(fieldOf({ ...campaign([perGesture(1)]), endsOn: '2025-02-28' })).toBe('/endsOn');
    expect(fieldOf(campaign([perGesture(1), timeWindowBonus(420, 390, 10)]))).toBe('/rules/1/endMin');
    expect(fieldOf(campaign([perKm(10, { offsetKm: 30, limitKm: 2 })]))).toBe('/rules/0/limitKm');
    expect(fieldOf(campaign([amountForDistance(10, 5, 1)]))).toBe('/rules/0/toKm');
    expect(fieldOf(campaign([distanceBetween(10, 5), perGesture(1)]))).toBe('/rules/0/maxKm');
  });

  it('refuses caps above the budget, fractional cents, bad dates and campaigns that pay nothing', () => {
    expect(fieldOf(campaign([perGesture(100), maxPerPersonPerMonth(5001)], 5000))).toBe('/rules/1/cents');
    expect(fieldOf(campaign([perGesture(100), maxPerPersonPerDay(5001)], 5000))).toBe('/rules/1/cents');
    expect(fieldOf(campaign([perGesture(1.5)]))).toBe('/rules/0/cents');
    expect(fieldOf(campaign([perGesture(1), boosterDates(['2025-02-30'])]))).toBe('/rules/1/dates');
    expect(fieldOf(campaign([perGesture(1), boosterDates(['2025-03-10'], 90)]))).toBe('/rules/1/percent');
    expect(fieldOf(campaign([perGesture(1), onWeekdays(0)]))).toBe('/rules/1/days');
    expect(fieldOf(campaign([onlyKinds('carpool')]))).toBe('/rules');
    expect(fieldOf(rocade)).toBeUndefined();
  });

  it('exports every helper by name', () => {
    expect(Object.keys(campaignHelpers)).toHaveLength(14);
  });
});

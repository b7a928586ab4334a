// @vitest-environment node
/** @module The builder's fields ↔ campaign rules, and server JSON pointers → the field to show the error next to. */
import { describe, expect, it } from 'vitest';
import { emptyFields, fieldForPointer, fieldsToInput, inputToFields, NO_LIMIT, type CampaignFields } from './rule-form.ts';
import type { CampaignInput } from './types.ts';

/** The worked example of docs/incentives.md, as an operator would type it. */
function workedExample(): CampaignFields {
  return {
    ...emptyFields(),
    name: 'Rocade Est, mars',
    startsOn: '2025-03-01',
    endsOn: '2025-03-31',
    budget: '20',
    kinds: ['carpool', 'shift'],
    minProof: 'B',
    perGesture: '1',
    perSeat: '0,50',
    perKm: '0,10',
    perKmOffset: '2',
    perKmLimit: '30',
    windows: [{ start: '06:30', end: '07:00', euros: '0,40' }],
    boosterDates: ['2025-03-12'],
    capDay: '6',
    capMonth: '10',
  };
}

describe('fieldsToInput', () => {
  it('turns the worked example into the documented rules, amounts in whole cents', () => {
    const { input, problems } = fieldsToInput(workedExample());
    expect(problems).toEqual({});
    expect(input).toEqual({
      name: 'Rocade Est, mars', mode: 'payout', startsOn: '2025-03-01', endsOn: '2025-03-31', budgetCents: 2000,
      rules: [
        { type: 'only_kinds', kinds: ['carpool', 'shift'] },
        { type: 'min_proof_class', proofClass: 'B' },
        { type: 'per_gesture', cents: 100 },
        { type: 'per_seat', cents: 50 },
        { type: 'per_km', cents: 10, offsetKm: 2, limitKm: 30 },
        { type: 'time_window_bonus', startMin: 390, endMin: 420, cents: 40 },
        { type: 'booster_dates', dates: ['2025-03-12'], percent: 150 },
        { type: 'max_per_person_per_day', cents: 600 },
        { type: 'max_per_person_per_month', cents: 1000 },
      ],
    });
  });

  it('leaves out rules that restrict nothing (all kinds, all weekdays, empty fields)', () => {
    const { input } = fieldsToInput({ ...emptyFields(), name: 'x', startsOn: '2025-03-01', endsOn: '2025-03-02', budget: '5', perGesture: '0,50' });
    expect(input?.rules).toEqual([{ type: 'per_gesture', cents: 50 }]);
  });

  it('writes an open distance range with the API’s largest distance', () => {
    const { input } = fieldsToInput({ ...workedExample(), minKm: '2,5', perKmLimit: '' });
    expect(input?.rules).toContainEqual({ type: 'distance_between', minKm: 2.5, maxKm: NO_LIMIT });
    expect(input?.rules).toContainEqual({ type: 'per_km', cents: 10, offsetKm: 2, limitKm: NO_LIMIT });
  });

  it('names each unreadable field and sends nothing', () => {
    const { input, problems } = fieldsToInput({
      ...workedExample(), name: ' ', budget: '1,505', perKmOffset: 'deux',
      windows: [{ start: '6h30', end: '', euros: '0,4' }], bands: [{ fromKm: '0', toKm: '5', euros: '' }],
    });
    expect(input).toBeNull();
    expect(problems).toEqual({
      name: 'required', budget: 'euros', perKmOffset: 'number',
      'window-0-start': 'time', 'window-0-end': 'required', 'band-0-euros': 'required',
    });
  });

  it('asks for at least one amount', () => {
    const { problems } = fieldsToInput({ ...emptyFields(), name: 'x', startsOn: '2025-03-01', endsOn: '2025-03-02', budget: '5' });
    expect(problems['amounts']).toBe('needAmount');
  });

  it('needs the prize and winners of a lottery', () => {
    const lottery = fieldsToInput({ ...workedExample(), mode: 'lottery', prize: '', winnersPerWeek: '0' });
    expect(lottery.problems).toEqual({ prize: 'required', winnersPerWeek: 'wholeNumber' });
    const ok = fieldsToInput({ ...workedExample(), mode: 'lottery', prize: '25', winnersPerWeek: '3' });
    expect(ok.input).toMatchObject({ mode: 'lottery', prizeCents: 2500, winnersPerWeek: 3 });
  });
});

describe('fieldForPointer', () => {
  it('sends a rule’s error to the input it came from', () => {
    const { pointers } = fieldsToInput({ ...workedExample(), bands: [{ fromKm: '10', toKm: '5', euros: '1' }] });
    // Rules: 0 kinds, 1 proof, 2 per gesture, 3 per seat, 4 per km, 5 band, 6 window, 7 booster, 8 day cap, 9 month cap.
    expect(fieldForPointer('/rules/4/limitKm', pointers)).toBe('perKmLimit');
    expect(fieldForPointer('/rules/4/cents', pointers)).toBe('perKm');
    expect(fieldForPointer('/rules/5/toKm', pointers)).toBe('band-0-toKm');
    expect(fieldForPointer('/rules/6/endMin', pointers)).toBe('window-0-end');
    expect(fieldForPointer('/rules/7/percent', pointers)).toBe('boosterPercent');
    expect(fieldForPointer('/rules/7/dates/0', pointers)).toBe('booster-0');
    expect(fieldForPointer('/rules/8/cents', pointers)).toBe('capDay');
    expect(fieldForPointer('/endsOn', pointers)).toBe('endsOn');
    expect(fieldForPointer('/budgetCents', pointers)).toBe('budget');
    expect(fieldForPointer('/rules', pointers)).toBe('amounts');
    expect(fieldForPointer('/campaign/rules/2/cents', pointers)).toBe('perGesture');
    expect(fieldForPointer('/somewhere', pointers)).toBeNull();
  });
});

describe('inputToFields', () => {
  it('gives back fields that produce the same campaign (round trip, in both languages)', () => {
    for (const locale of ['fr', 'en']) {
      const first = fieldsToInput({
        ...workedExample(), mode: 'lottery', prize: '25', winnersPerWeek: '2', weekdays: [1, 2, 3, 4, 5], minKm: '1,5', maxKm: '40',
        communityIds: ['12'], communeCodes: ['21231'], bands: [{ fromKm: '0', toKm: '10', euros: '0,80' }],
      }).input as CampaignInput;
      expect(first).not.toBeNull();
      const again = fieldsToInput(inputToFields(first, locale)).input;
      expect(again, locale).toEqual(first);
    }
  });

  it('writes amounts and distances for the reader’s locale', () => {
    const fields = inputToFields(fieldsToInput(workedExample()).input as CampaignInput, 'fr');
    expect(fields).toMatchObject({ budget: '20', perSeat: '0,50', perKm: '0,10', perKmOffset: '2', perKmLimit: '30', capDay: '6' });
    expect(fields.windows).toEqual([{ start: '06:30', end: '07:00', euros: '0,40' }]);
    expect(inputToFields(fieldsToInput(workedExample()).input as CampaignInput, 'en').perSeat).toBe('0.50');
  });

  it('shows "no limit" as an empty field, whatever large number the rule holds', () => {
    const fields = inputToFields({
      name: 'x', mode: 'payout', startsOn: '2025-03-01', endsOn: '2025-03-02', budgetCents: 100,
      rules: [{ type: 'per_km', cents: 5, offsetKm: 0, limitKm: Number.MAX_SAFE_INTEGER }],
    }, 'fr');
    expect(fields.perKmLimit).toBe('');
    expect(fields.perKmOffset).toBe('');
  });
});

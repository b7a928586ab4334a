/** @module What an operator sends to build a campaign: the schema at the edge and the checks beyond it (validateCampaign, lottery fields, at most a year). */
import { Type, type Static } from 'typebox';
import { invalid } from '../core/errors.ts';
import { daysBetween } from '../core/dates.ts';
import { CalendarDate, StringEnum } from '../core/http/schemas.ts';
import { validateCampaign, type Campaign, type Rule } from './campaign-rules.ts';

const KINDS = ['carpool', 'shift', 'mode_switch'] as const;
const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000_00 });
const Km = Type.Number({ minimum: 0, maximum: 100_000 });
const Minute = Type.Integer({ minimum: 0, maximum: 1440 });
const closed = { additionalProperties: false } as const;

/** One rule as plain data (campaign-rules.ts `Rule`), one object shape per helper. */
export const RuleSchema = Type.Union([
  Type.Object({ type: Type.Literal('only_kinds'), kinds: Type.Array(StringEnum(KINDS), { minItems: 1, maxItems: 3 }) }, closed),
  Type.Object({ type: Type.Literal('in_communities'), ids: Type.Array(Type.String({ pattern: '^[0-9]{1,18}$' }), { minItems: 1, maxItems: 200 }) }, closed),
  Type.Object({ type: Type.Literal('in_communes'), codes: Type.Array(Type.String({ pattern: '^[0-9AB]{5}$' }), { minItems: 1, maxItems: 500 }) }, closed),
  Type.Object({ type: Type.Literal('min_proof_class'), proofClass: StringEnum(['B', 'C'] as const) }, closed),
  Type.Object({ type: Type.Literal('on_weekdays'), days: Type.Array(Type.Integer(), { minItems: 1, maxItems: 7 }) }, closed),
  Type.Object({ type: Type.Literal('distance_between'), minKm: Km, maxKm: Km }, closed),
  Type.Object({ type: Type.Literal('per_gesture'), cents: Cents }, closed),
  Type.Object({ type: Type.Literal('per_seat'), cents: Cents }, closed),
  Type.Object({ type: Type.Literal('per_km'), cents: Cents, offsetKm: Km, limitKm: Km }, closed),
  Type.Object({ type: Type.Literal('amount_for_distance'), fromKm: Km, toKm: Km, cents: Cents }, closed),
  Type.Object({ type: Type.Literal('time_window_bonus'), startMin: Minute, endMin: Minute, cents: Cents }, closed),
  Type.Object({ type: Type.Literal('booster_dates'), dates: Type.Array(CalendarDate, { maxItems: 366 }), percent: Type.Integer({ minimum: 0, maximum: 1000 }) }, closed),
  Type.Object({ type: Type.Literal('max_per_person_per_day'), cents: Cents }, closed),
  Type.Object({ type: Type.Literal('max_per_person_per_month'), cents: Cents }, closed),
]);

export const CampaignInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    mode: StringEnum(['payout', 'lottery'] as const),
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    budgetCents: Type.Integer({ minimum: 1, maximum: 100_000_000_00 }),
    rules: Type.Array(RuleSchema, { maxItems: 50 }),
    prizeCents: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000_00 })),
    winnersPerWeek: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export type CampaignInput = Omit<Static<typeof CampaignInputSchema>, 'rules'> & { rules: Rule[] };

/** Longest campaign: a year (366 days counting both ends in a leap year). */
export const MAX_DAYS = 366;

/**
 * Everything beyond the schema, in the order a form shows it: the name, the pure rules (validateCampaign:
 * dates, each rule, caps above the budget), the period, the lottery fields. Throws `invalid` naming the field.
 */
export function checkCampaignInput(input: CampaignInput): CampaignInput & { name: string } {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 120) throw invalid('/name', 'A campaign needs a name of 1 to 120 characters.');
  validateCampaign(asCampaign('draft', input));
  if (daysBetween(input.startsOn, input.endsOn) + 1 > MAX_DAYS) throw invalid('/endsOn', 'A campaign runs for at most a year.');
  if (input.mode === 'lottery') {
    if (input.prizeCents === undefined) throw invalid('/prizeCents', 'A lottery needs the prize of each winner.');
    if (input.winnersPerWeek === undefined) throw invalid('/winnersPerWeek', 'A lottery needs the number of winners each week.');
    if (input.prizeCents > input.budgetCents) throw invalid('/prizeCents', 'A prize exceeds the campaign budget.');
  }
  return { ...input, name };
}

/** The pure model's view of a campaign. */
export function asCampaign(id: string, c: Pick<CampaignInput, 'startsOn' | 'endsOn' | 'budgetCents' | 'rules'>): Campaign {
  return { id, startsOn: c.startsOn, endsOn: c.endsOn, budgetCents: c.budgetCents, rules: c.rules };
}

/** @module Request and response schemas of impact: mode switches, impact views, rankings, factors — figures whole or suppressed by the small-group rule. */
import { Type, type Static } from 'typebox';
import { DateTime, StringEnum } from '../core/http/schemas.ts';
import { ProvenanceSchema } from '../core/figures.ts';
import { GuardedSchema, SuppressedSchema } from '../core/privacy/small-group.ts';
import { COMMUTE_MODES } from '../commute/index.ts';
import { COUNTERFACTUAL_SOURCES } from './counterfactual.ts';
import { FACTOR_KEYS } from './factors.ts';
import { MODES } from './impact.ts';

const GESTURE_KINDS = ['carpool', 'shift', 'mode_switch'] as const;
const Day = Type.String({ format: 'date' });

/** "How many others did it" this week: the territory's count (suppressed under the small-group rule), one's communities'. */
export const NotAloneSchema = Type.Object({
  weekOf: Day,
  kind: Type.Union([StringEnum(GESTURE_KINDS), Type.Null()]),
  territory: GuardedSchema(Type.Integer()),
  communities: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), others: Type.Integer() })),
});

const weekFigures = {
  gestures: Type.Integer(),
  carpools: Type.Integer(),
  shifts: Type.Integer(),
  modeSwitches: Type.Integer(),
  /** Mode switches that replaced a car trip: the only ones that avoid anything. */
  modeSwitchesAgainstCar: Type.Integer(),
  co2eKg: Type.Number(),
  carKm: Type.Number(),
  euros: Type.Number(),
  /** Queue delay recorded shifts spared the other drivers (vehicle-hours); negative when they made others wait. */
  delaySavedVehicleHours: Type.Number(),
};

export const WeekImpactSchema = Type.Object({ weekOf: Day, people: Type.Integer(), ...weekFigures });
/** A week: its figures, or its date and the suppressed shape. */
export const WeekSchema = Type.Union([WeekImpactSchema, Type.Object({ weekOf: Day, ...SuppressedSchema.properties })]);
export const TotalsSchema = Type.Object(weekFigures);

export const ParticipationSchema = Type.Object({
  communityId: Type.String(),
  name: Type.String(),
  members: Type.Integer(),
  active: Type.Integer(),
  /** active ÷ members, 0..1 */
  rate: Type.Number(),
});
/** A community's participation as shown: name and member count always, active count and rate when both groups are large enough. */
export const ShownParticipationSchema = Type.Union([
  ParticipationSchema,
  Type.Object({ communityId: Type.String(), name: Type.String(), members: Type.Integer(), ...SuppressedSchema.properties }),
]);

export const FactorComponentsSchema = Type.Object({ use: Type.Number({ minimum: 0, maximum: 100 }), construction: Type.Number({ minimum: 0, maximum: 100 }) }, { additionalProperties: false });

/** One factor as its source prints it. */
export const FactorSchema = Type.Object({
  key: StringEnum(FACTOR_KEYS),
  value: Type.Number(),
  unit: Type.String(),
  source: Type.String(),
  sourceUrl: Type.Union([Type.String(), Type.Null()]),
  publishedOn: Day,
  components: Type.Union([FactorComponentsSchema, Type.Null()]),
  significantDigits: Type.Integer(),
  basis: Type.Union([Type.String(), Type.Null()]),
});

export const EditionInfoSchema = Type.Object(
  { id: Type.String({ minLength: 3, maxLength: 80 }), name: Type.String({ minLength: 1, maxLength: 300 }), date: Day, source: Type.String({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false },
);

/** Impact figures of a person, a community or the territory, as the use-cases build them (before rounding and provenance). */
export const ImpactViewSchema = Type.Object({
  scope: StringEnum(['person', 'community', 'territory'] as const),
  name: Type.String(),
  /** Whole for one's own figures and one's own community; otherwise weeks built from too few people are suppressed. */
  weeks: Type.Array(WeekSchema),
  /** Over the weeks shown (docs/privacy.md). */
  totals: Type.Union([TotalsSchema, SuppressedSchema]),
  factorsVersion: Type.Integer(),
  factors: Type.Array(FactorSchema),
  method: Type.Array(Type.String()),
  notAlone: Type.Optional(NotAloneSchema),
  participation: Type.Optional(ShownParticipationSchema),
});
export const ImpactResponse = Type.Object({ ...ImpactViewSchema.properties, provenance: ProvenanceSchema }, { description: 'ImpactView (docs/privacy.md for the suppressed shape)' });

export const RankingsSchema = Type.Object({ weekOf: Day, items: Type.Array(ShownParticipationSchema) });
export const RankingsResponse = Type.Object({ ...RankingsSchema.properties, provenance: ProvenanceSchema }, { description: 'communities by participation this week' });

export const ModeSwitchBody = Type.Object(
  {
    mode: StringEnum(MODES),
    date: Day,
    leg: StringEnum(['out', 'back', 'other'] as const),
    km: Type.Optional(Type.Number({ minimum: 0.1, maximum: 300 })),
    occupants: Type.Optional(Type.Integer({ minimum: 2, maximum: 9 })),
    insteadOf: Type.Optional(StringEnum(COMMUTE_MODES, 'The trip this one replaced; default: the usual mode of the commute profile, else none (nothing avoided).')),
  },
  { additionalProperties: false },
);

export const CounterfactualSchema = Type.Object({
  insteadOf: Type.Union([StringEnum(COMMUTE_MODES), Type.Null()]),
  /** People in the car of a car counterfactual (1 for `car_alone`); null otherwise. */
  occupancy: Type.Union([Type.Integer(), Type.Null()]),
  source: StringEnum(COUNTERFACTUAL_SOURCES),
});

/** One explanation line: a stable key the page translates, the values it needs, and a French rendering. */
export const ExplanationLineSchema = Type.Object({ key: Type.String(), values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])), text: Type.String() });

export const RecordedModeSwitchSchema = Type.Object({
  id: Type.String(),
  created: Type.Boolean(),
  mode: StringEnum(MODES),
  occurredOn: Day,
  km: Type.Number(),
  kmSource: StringEnum(['profile', 'entered'] as const),
  /** What the figures compare with, and where that comes from. */
  counterfactual: CounterfactualSchema,
  co2eKg: Type.Number(),
  carKm: Type.Number(),
  euros: Type.Number(),
  factorsVersion: Type.Integer(),
  explanation: Type.Array(Type.String()),
  /** The same lines with stable keys and values, for the page to translate. */
  lines: Type.Array(ExplanationLineSchema),
  notAlone: NotAloneSchema,
});
export const ModeSwitchResponse = Type.Object({ ...RecordedModeSwitchSchema.properties, provenance: ProvenanceSchema }, { description: 'the trip recorded, with its figures' });

export const FactorsResponse = Type.Object({ version: Type.Integer(), edition: EditionInfoSchema, factors: Type.Array(FactorSchema), provenance: ProvenanceSchema }, { description: 'one factors version' });
export const FactorVersionsResponse = Type.Object({ items: Type.Array(Type.Object({ version: Type.Integer(), edition: EditionInfoSchema, createdAt: DateTime, href: Type.String() })) }, { description: 'the factors versions, newest first' });
export const WrittenFactors = Type.Object({ version: Type.Integer(), edition: Type.String() }, { description: 'the version written' });

export type NotAlone = Static<typeof NotAloneSchema>;
export type WeekImpact = Static<typeof WeekImpactSchema>;
export type ImpactTotals = Static<typeof TotalsSchema>;
export type Participation = Static<typeof ParticipationSchema>;
export type ShownParticipation = Static<typeof ShownParticipationSchema>;
export type ImpactView = Static<typeof ImpactViewSchema>;
export type Rankings = Static<typeof RankingsSchema>;
export type ModeSwitchInput = Static<typeof ModeSwitchBody>;
export type Counterfactual = Static<typeof CounterfactualSchema>;
export type ExplanationLine = Static<typeof ExplanationLineSchema>;
export type RecordedModeSwitch = Static<typeof RecordedModeSwitchSchema>;
export type FactorsView = Static<typeof FactorsResponse>;
export type FactorVersions = Static<typeof FactorVersionsResponse>;
export type Written = Static<typeof WrittenFactors>;

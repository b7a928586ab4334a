/** @module Request and response schemas of corridors: the queue per slot today and with the commitments, under the small-group rule. */
import { Type, type Static } from 'typebox';
import { ProvenanceSchema } from '../core/figures.ts';
import { DateTime, IdParam, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { GuardedSchema, SuppressedSchema } from '../core/privacy/small-group.ts';
import { HHMM_PATTERN } from '../core/time-of-day.ts';

// Types the web app reads with the schemas (it imports the server through schemas.ts only).
export type { Period } from '../core/database/schema.ts';
import { NotAloneSchema } from '../impact/index.ts';

const territory = TerritoryParam.properties.territory;
export const CorridorParams = Type.Object({ territory, id: IdParam });
export const CommitmentParams = Type.Object({ territory, commitmentId: IdParam });

const Day = Type.String({ format: 'date' });
const Period = StringEnum(['am', 'pm'] as const);
const Demand = Type.Array(Type.Integer({ minimum: 0, maximum: 100_000 }), { minItems: 1, maxItems: 48 });
const Guarded = GuardedSchema(Type.Number());

export const LineStringSchema = Type.Object(
  {
    type: Type.Literal('LineString'),
    coordinates: Type.Array(Type.Array(Type.Number({ minimum: -180, maximum: 180 }), { minItems: 2, maxItems: 2 }), { minItems: 2, maxItems: 500, description: '[longitude, latitude] pairs' }),
  },
  { additionalProperties: false },
);

export const CorridorBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    geometry: LineStringSchema,
    capacityPerHour: Type.Integer({ minimum: 1, maximum: 20_000 }),
    freeFlowMin: Type.Number({ minimum: 0.5, maximum: 240, description: 'minutes to drive the corridor when it flows freely' }),
    amStart: Type.String({ pattern: HHMM_PATTERN }),
    amDemand: Demand,
    pmStart: Type.String({ pattern: HHMM_PATTERN }),
    pmDemand: Demand,
  },
  { additionalProperties: false },
);

export const CommitmentBody = Type.Object(
  {
    period: Period,
    fromSlot: Type.Integer({ minimum: 0, maximum: 47 }),
    toSlot: Type.Integer({ minimum: 0, maximum: 47 }),
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export const ShiftBody = Type.Object({ date: Day }, { additionalProperties: false });
export const Created = Type.Object({ id: Type.String() }, { description: 'created' });

/** One slot: queue and delay today, and with the commitments (those only when enough drivers committed). */
export const SlotSchema = Type.Object({
  start: Type.String(),
  demand: Type.Integer(),
  queueToday: Type.Number(),
  queueWithCommitments: Guarded,
  delayTodayMin: Type.Number(),
  delayWithCommitmentsMin: Guarded,
});

/** The queue model's suggestion: the smallest share of peak drivers whose move clears the jam (negative minutes: later). */
export const ShareNeededSchema = Type.Object({
  share: Type.Number(),
  minutesEarlier: Type.Integer(),
  fromSlots: Type.Array(Type.Integer()),
  drivers: Type.Integer(),
  source: Type.Literal('queue_model'),
  /** The day the model computed it. */
  computedOn: Day,
});

/** One driver's best departure change by the queue model (docs/queue-model.md, "The best shift for one driver"). */
export const BestShiftSchema = Type.Object(
  {
    fromSlot: Type.Integer({ description: 'the usual slot the advice starts from' }),
    toSlot: Type.Integer({ description: 'the slot to leave in instead' }),
    minutes: Type.Integer({ description: 'minutes moved: negative = earlier, positive = later (at most 60 either way)' }),
    vehicleHoursSpared: Type.Number({ description: 'queue delay this one car’s move spares the other drivers, vehicle-hours (the mover’s own gain left out)' }),
    usualFrom: StringEnum(['profile', 'peak'] as const, 'profile: the viewer’s commute profile gave the usual slot; peak: the slot with the most drivers'),
  },
  { description: 'The slot change within ±60 minutes of the usual slot that spares the other drivers the most, by the queue model' },
);

export const PeriodSchema = Type.Object({
  period: Period,
  slots: Type.Array(SlotSchema),
  vehicleHoursToday: Type.Number(),
  vehicleHoursWithCommitments: Guarded,
  shareNeeded: Type.Union([ShareNeededSchema, Type.Null()]),
  /** Drivers committed to leave another slot today, as a share of the drivers of over-capacity slots. */
  shareCommitted: Guarded,
  committedDrivers: GuardedSchema(Type.Integer()),
  /** Null when no move within an hour spares the others anything. */
  bestShift: Type.Union([BestShiftSchema, Type.Null()]),
});

const dayFigures = {
  shifts: Type.Integer(),
  /** Everyone's delay without the shifts − with them (vehicle-hours). */
  totalVehicleHours: Type.Number(),
  /** The shifters' own part of it. */
  shiftersVehicleHours: Type.Number(),
  /** Saved for others = total − shifters' own; negative when the shifts made others wait longer. */
  othersVehicleHours: Type.Number(),
  /** On a day that made others wait longer, the start of the slot where they lost the most time. */
  worseAt: Type.Union([Type.String(), Type.Null()]),
};
/** A day and period of recorded shifts, or only its date and period when too few shifted. */
export const CorridorDaySchema = Type.Union([
  Type.Object({ date: Day, period: Period, ...dayFigures }),
  Type.Object({ date: Day, period: Period, ...SuppressedSchema.properties }),
]);

/** A corridor as everyone sees it (docs/queue-model.md, docs/privacy.md). */
export const CorridorSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  geometry: LineStringSchema,
  /** The communes at the geometry's first and last points (null outside the territory's communes), to name the line's ends. */
  ends: Type.Object({ from: Type.Union([Type.String(), Type.Null()]), to: Type.Union([Type.String(), Type.Null()]) }, { description: 'the communes at the first and last points of the corridor’s line' }),
  capacityPerHour: Type.Integer(),
  freeFlowMin: Type.Number(),
  slotMinutes: Type.Integer(),
  date: Day,
  periods: Type.Array(PeriodSchema),
  /** Delay the week's recorded shifts spared the other drivers (vehicle-hours), over the days shown. */
  vehicleHoursSavedThisWeek: Guarded,
  days: Type.Array(CorridorDaySchema),
  model: Type.String(),
  /** What "saved for others" compares with. */
  savedForOthers: Type.String(),
});
export const CorridorResponse = Type.Object({ ...CorridorSchema.properties, provenance: ProvenanceSchema }, { description: 'the corridor and its queue model' });
export const CorridorList = Type.Object({ items: Type.Array(CorridorSchema), provenance: ProvenanceSchema }, { description: 'the corridors' });

export const CommitmentSchema = Type.Object({
  id: Type.String(),
  corridorId: Type.String(),
  corridor: Type.String(),
  period: Period,
  fromSlot: Type.Integer(),
  toSlot: Type.Integer(),
  weekdays: Type.Array(Type.Integer()),
  createdAt: DateTime,
});
export const CommitmentList = Type.Object({ items: Type.Array(CommitmentSchema) }, { description: 'my running commitments' });

/** What this recorded shift spared the other drivers, by the queue model: its equal share of its corridor-day's saving for others. */
export const ShiftDelaySparedSchema = Type.Object(
  {
    vehicleHours: Type.Number({ description: 'queue delay spared to the other drivers, vehicle-hours (2 decimals; negative when that day’s shifts made others wait longer)' }),
    source: Type.Literal('queue_model'),
    /** The day the model computed it (the shift's day: a later shift on it updates the share). */
    computedOn: Day,
  },
  { description: 'the delay this shift spared the others, by the queue model (docs/queue-model.md)' },
);
export const RecordedShiftSchema = Type.Object({ id: Type.String(), created: Type.Boolean(), notAlone: NotAloneSchema, delaySpared: ShiftDelaySparedSchema });
export const RecordedShiftResponse = Type.Object({ ...RecordedShiftSchema.properties, provenance: ProvenanceSchema }, { description: 'the shift recorded (again: the first record)' });

export type LineString = Static<typeof LineStringSchema>;
export type CorridorInput = Static<typeof CorridorBody>;
export type CommitmentInput = Static<typeof CommitmentBody>;
export type ShownCorridor = Static<typeof CorridorSchema>;
export type ShownPeriod = Static<typeof PeriodSchema>;
export type ShareNeeded = Static<typeof ShareNeededSchema>;
export type BestShiftView = Static<typeof BestShiftSchema>;
export type Commitment = Static<typeof CommitmentSchema>;
export type RecordedShift = Static<typeof RecordedShiftSchema>;

/** @module The home page's answers (docs/overview.md): the territory's week for everyone, mine, the operator's to-do list. */
import { Type, type Static } from 'typebox';
import { ProvenanceSchema } from '../core/figures.ts';
import { GuardedSchema, SuppressedSchema } from '../core/privacy/small-group.ts';
import { CalendarDate, StringEnum } from '../core/http/schemas.ts';

export const OVERVIEW_REASONS = [] as const;

const Day = CalendarDate;

/** Mobility gestures of one week (impact's counted gestures), and what they are worth. */
export const MobilityWeekSchema = Type.Object({
  /** People with at least one counted mobility gesture. */
  people: Type.Integer(),
  carpools: Type.Integer(),
  shifts: Type.Integer(),
  tripsWithoutCar: Type.Integer(),
  /** Of the trips without a car, those that replaced a car trip: the only ones that avoid anything. */
  tripsReplacingCar: Type.Integer(),
  co2eKg: Type.Number(),
  carKm: Type.Number(),
  euros: Type.Number(),
  /** Queue delay the week's departure shifts spared the other drivers, in hours (the shifters' own gain left out). */
  jamHoursSparedToOthers: Type.Number(),
});

export const HelpWeekSchema = Type.Object({
  helpers: Type.Integer(),
  requestsDone: Type.Integer(),
  peopleHelped: Type.Integer(),
  hours: Type.Number(),
});

export const VolunteeringWeekSchema = Type.Object({ people: Type.Integer(), attendances: Type.Integer() });

export const OverviewWeekSchema = Type.Object({
  weekOf: Day,
  mobility: GuardedSchema(MobilityWeekSchema),
  help: GuardedSchema(HelpWeekSchema),
  volunteering: GuardedSchema(VolunteeringWeekSchema),
});

export const TrendWeekSchema = Type.Object({
  weekOf: Day,
  mobility: GuardedSchema(Type.Object({ people: Type.Integer(), gestures: Type.Integer() })),
  help: GuardedSchema(Type.Object({ helpers: Type.Integer(), requestsDone: Type.Integer() })),
});

export const CorridorNowSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** Hours lost in the morning queue today, by the corridor's queue model. */
  morningJamHours: Type.Number(),
  /** What shifting would change: the share of peak drivers whose move clears the jam, and by how many minutes. */
  shifting: Type.Union([Type.Object({ drivers: Type.Integer(), minutesEarlier: Type.Integer() }), Type.Null()]),
});

export const CommitmentCloseSchema = Type.Object({
  id: Type.String(),
  wording: Type.String(),
  /** Signatures still needed before it binds. */
  remaining: Type.Integer({ minimum: 1 }),
  signingDeadline: Type.String({ format: 'date-time' }),
});

const CommunePeopleSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  population: Type.Integer(),
  people: Type.Integer(),
  /** People who acted per 1,000 inhabitants (INSEE population). */
  rate: Type.Number(),
});

export const TerritoryOverviewSchema = Type.Object({
  name: Type.String(),
  thisWeek: OverviewWeekSchema,
  /** The week before, whole: on a Monday morning this week has barely begun. */
  lastWeek: OverviewWeekSchema,
  trend: Type.Array(TrendWeekSchema),
  corridors: Type.Array(CorridorNowSchema),
  commitments: Type.Array(CommitmentCloseSchema),
  /** People who acted this week per commune (the commune they gave when joining), under the small-group rule. */
  communes: Type.Array(Type.Union([CommunePeopleSchema, Type.Object({ code: Type.String(), name: Type.String(), population: Type.Integer(), ...SuppressedSchema.properties })])),
  provenance: ProvenanceSchema,
});

export const NextActionSchema = Type.Object({
  kind: StringEnum(['carpool_match', 'sign_commitment', 'help_nearby', 'check_in', 'set_commute', 'join_community'] as const),
  /** How many of them wait (matches, requests); 1 for a single action. */
  count: Type.Integer({ minimum: 1 }),
  /** The one thing it is about (a commitment), or null. */
  id: Type.Union([Type.String(), Type.Null()]),
  /** What it is about, when one thing (a commitment's wording). */
  label: Type.Union([Type.String(), Type.Null()]),
});

/** My week's figures: the mobility week's, without its count of people (it is one person). */
const { people: _people, ...myFigures } = MobilityWeekSchema.properties;

export const MyOverviewSchema = Type.Object({
  weekOf: Day,
  mine: Type.Object({
    gestures: Type.Integer(),
    ...myFigures,
    /** Mutual-aid requests I helped with, done this week. */
    helpGiven: Type.Integer(),
  }),
  communities: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), week: GuardedSchema(Type.Object({ people: Type.Integer(), gestures: Type.Integer(), co2eKg: Type.Number() })) })),
  next: Type.Array(NextActionSchema),
  provenance: ProvenanceSchema,
});

export const ToDoItemSchema = Type.Object({
  kind: StringEnum(['organisations', 'missions', 'flagged_carpools', 'reports', 'shops_owed', 'check_in_alerts', 'observatory_alerts'] as const),
  count: Type.Integer({ minimum: 0 }),
});

export const ToDoSchema = Type.Object({ items: Type.Array(ToDoItemSchema) });

export type MobilityWeek = Static<typeof MobilityWeekSchema>;
export type TerritoryOverview = Static<typeof TerritoryOverviewSchema>;
export type OverviewWeek = Static<typeof OverviewWeekSchema>;
export type TrendWeek = Static<typeof TrendWeekSchema>;
export type CorridorNow = Static<typeof CorridorNowSchema>;
export type CommitmentClose = Static<typeof CommitmentCloseSchema>;
export type MyOverview = Static<typeof MyOverviewSchema>;
export type NextAction = Static<typeof NextActionSchema>;
export type ToDo = Static<typeof ToDoSchema>;
export type ToDoItem = Static<typeof ToDoItemSchema>;

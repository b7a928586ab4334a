/** @module Response schemas of the impact views: weeks, totals and participation, each whole or suppressed by the small-group rule. */
import { Type, type TProperties } from 'typebox';
import { GuardedSchema, SuppressedSchema } from '../core/privacy/small-group.ts';

// Figures stay open (additionalProperties): a figure added to a week reaches the client without a schema change.
const open = <P extends TProperties>(properties: P, description?: string) => Type.Object(properties, { additionalProperties: true, ...(description ? { description } : {}) });
const n = () => Type.Optional(Type.Number());

const TotalsSchema = open({ gestures: n(), carpools: n(), shifts: n(), modeSwitches: n(), co2eKg: n(), carKm: n(), euros: n(), delaySavedVehicleHours: n() });

/** A week: its figures, or its date and the suppressed shape. */
export const WeekSchema = Type.Union([
  Type.Object({ weekOf: Type.String(), ...SuppressedSchema.properties }),
  open({ weekOf: Type.String(), people: Type.Integer(), gestures: n(), carpools: n(), shifts: n(), modeSwitches: n(), co2eKg: n(), carKm: n(), euros: n(), delaySavedVehicleHours: n() }),
]);

/** A community's participation: name and member count always, active count and rate when shown. */
export const ParticipationSchema = Type.Union([
  Type.Object({ communityId: Type.String(), name: Type.String(), members: Type.Integer(), ...SuppressedSchema.properties }),
  Type.Object({ communityId: Type.String(), name: Type.String(), members: Type.Integer(), active: Type.Integer(), rate: Type.Number() }),
]);

export const NotAloneSchema = Type.Object({
  weekOf: Type.String(),
  kind: Type.Union([Type.String(), Type.Null()]),
  territory: GuardedSchema(Type.Integer()),
  communities: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), others: Type.Integer() })),
});

export const ImpactViewSchema = open(
  {
    scope: Type.String(),
    name: Type.String(),
    weeks: Type.Array(WeekSchema),
    totals: Type.Union([SuppressedSchema, TotalsSchema]),
    factorsVersion: Type.Integer(),
    factors: Type.Array(open({ key: Type.String() })),
    method: Type.Array(Type.String()),
    notAlone: Type.Optional(NotAloneSchema),
    participation: Type.Optional(ParticipationSchema),
  },
  'ImpactView (docs/privacy.md for the suppressed shape)',
);

export const RankingsSchema = Type.Object({ weekOf: Type.String(), items: Type.Array(ParticipationSchema), provenance: Type.Optional(Type.Unknown({ description: 'Provenance (docs/impact-factors.md)' })) });

/** @module Response schemas of campaign figures that go through the small-group rule: the simulation and the public campaign view's counts. */
import { Type, type TSchema } from 'typebox';
import { GuardedSchema, SuppressedSchema } from '../core/privacy/small-group.ts';

const G = <T extends TSchema>(schema: T) => GuardedSchema(schema);

/** SimulationView: each figure, or the suppressed shape (docs/privacy.md). */
export const SimulationSchema = Type.Object(
  {
    gestures: G(Type.Integer()),
    eligibleGestures: G(Type.Integer()),
    paidGestures: G(Type.Integer()),
    totalCents: G(Type.Integer()),
    truncatedCents: G(Type.Integer()),
    budgetCents: Type.Integer(),
    budgetUsed: G(Type.Number()),
    perWeek: Type.Array(Type.Union([Type.Object({ weekOf: Type.String(), ...SuppressedSchema.properties }), Type.Object({ weekOf: Type.String(), cents: Type.Integer(), paidGestures: Type.Integer() })])),
    perPerson: G(Type.Object({ people: Type.Integer(), medianCents: Type.Integer(), maxCents: Type.Integer() })),
    capsBit: G(Type.Object({ person_day: Type.Integer(), person_month: Type.Integer(), budget: Type.Integer() })),
    from: Type.String(),
    to: Type.String(),
    weeks: Type.Integer(),
  },
  { additionalProperties: true, description: 'SimulationView (docs/incentives.md; docs/privacy.md for the suppressed shape)' },
);

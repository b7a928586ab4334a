/** @module Response schema of the mutual-aid impact: each week and the totals whole, or suppressed by the small-group rule. */
import { Type, type TProperties } from 'typebox';
import { GuardedSchema, SuppressedSchema } from '../core/privacy/small-group.ts';

const open = <P extends TProperties>(properties: P) => Type.Object(properties, { additionalProperties: true });
const n = () => Type.Optional(Type.Number());
const figures = { requestsDone: n(), hours: n(), hoursReported: n(), hoursEstimated: n(), peopleHelped: n(), helpers: n() };

export const HelpImpactSchema = open({
  scope: Type.String(),
  name: Type.String(),
  weeks: Type.Array(Type.Union([Type.Object({ weekOf: Type.String(), ...SuppressedSchema.properties }), open({ weekOf: Type.String(), ...figures })])),
  totals: Type.Union([SuppressedSchema, open(figures)]),
  notAlone: Type.Optional(
    Type.Object({
      weekOf: Type.String(),
      territory: GuardedSchema(Type.Integer()),
      communities: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), others: Type.Integer() })),
    }),
  ),
});

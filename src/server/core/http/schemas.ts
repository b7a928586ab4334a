/** @module Schema pieces shared by every capability's routes. */
import { Type } from 'typebox';

/** Numeric database ids travel as strings (int8 stays exact). */
export const IdParam = Type.String({ pattern: '^[0-9]{1,18}$', description: 'numeric id' });

export const TerritoryParam = Type.Object({
  territory: Type.String({ pattern: '^[a-z0-9-]{2,60}$', description: 'territory slug' }),
});

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.String(),
    field: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
    requestId: Type.String(),
  },
  { description: 'RFC 9457 problem details' },
);

/** Error responses every route may give, for the OpenAPI document. */
export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  429: Problem,
};

export const NoContent = Type.Unsafe<void>({ type: 'null', description: 'no content' });

/** A timestamp: a Date in handlers, an ISO 8601 string on the wire. */
export const DateTime = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });

/** A string from a fixed list, typed as the union of its values. */
export function StringEnum<T extends string>(values: readonly T[], description?: string) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

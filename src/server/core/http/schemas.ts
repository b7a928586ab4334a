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

/** A calendar day in a request, YYYY-MM-DD: the `date` format is the core date parser (core/dates.ts) at the edge. */
export const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD, a real day from 1900 to 2999' });

/** An instant in a request, ISO 8601 with an offset: the `date-time` format is the core date parser at the edge. */
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 with an offset, e.g. 2025-03-01T08:30:00+01:00' });

/** A timestamp: a Date in handlers, an ISO 8601 string on the wire. */
export const DateTime = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });

/** A string from a fixed list, typed as the union of its values. */
export function StringEnum<T extends string>(values: readonly T[], description?: string) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

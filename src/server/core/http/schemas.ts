/** @module Schema pieces shared by every capability's routes. */
import { Type, type TSchema } from 'typebox';
import { statusOf, type ErrorCode } from '../errors.ts';

/** Numeric database ids travel as strings (int8 stays exact). */
export const IdParam = Type.String({ pattern: '^[0-9]{1,18}$', description: 'numeric id' });

export const TerritoryParam = Type.Object({
  territory: Type.String({ pattern: '^[a-z0-9-]{2,60}$', description: 'territory slug' }),
});

/** The media type of every error Maille sends (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const errorCodes = Object.keys(statusOf) as ErrorCode[];

/**
 * Reasons a viewer hook (core/http/viewer.ts; a mediator's session on behalf) refuses any request with, before the
 * route runs: every route's typed reasons include them.
 */
export const VIEWER_HOOK_REASONS = ['not_your_session', 'session_expired', 'not_while_acting', 'no_consent'] as const;

function problemSchema(reasons?: readonly string[]) {
  return Type.Object(
    {
      type: Type.String({ description: 'a URI naming the kind of problem, https://maille.dev/problems/<code>' }),
      title: Type.String(),
      status: Type.Integer(),
      code: StringEnum(errorCodes, 'stable error code; clients branch on it'),
      detail: Type.String({ description: 'what went wrong, for a person to read' }),
      field: Type.Optional(Type.String({ description: 'JSON pointer of the offending input, e.g. /email or /query/limit' })),
      reason: Type.Optional(
        reasons && reasons.length > 0
          ? StringEnum([...new Set([...reasons, ...VIEWER_HOOK_REASONS])].sort(), 'a finer, stable reason within the code')
          : Type.String({ description: 'a finer, stable reason within the code' }),
      ),
      requestId: Type.String({ description: 'the x-request-id of the request, for support' }),
    },
    { additionalProperties: false, description: 'RFC 9457 problem details' },
  );
}

export const Problem = problemSchema();

/** What each status means when a problem carries it; the descriptions the OpenAPI document shows. */
const problemStatuses = {
  400: 'Invalid request: a field, the query, the URL or the JSON body (`field` names it)',
  401: 'Sign-in required',
  403: 'Forbidden: no right here, or a cookie-authenticated write without the x-csrf-token header (code `csrf`)',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body larger than 64 KiB',
  429: 'Too many requests; the retry-after header says when to retry',
  500: 'Internal error; it has been logged under the requestId',
} as const;

type ProblemStatus = keyof typeof problemStatuses;

function problemResponse<S extends TSchema>(status: ProblemStatus, schema: S) {
  return {
    description: problemStatuses[status],
    ...(status === 429 ? { headers: { 'retry-after': { type: 'integer', description: 'seconds before a retry makes sense' } } } : {}),
    content: { [PROBLEM_MEDIA_TYPE]: { schema } },
  };
}

function problemResponsesWith<S extends TSchema>(schema: S) {
  return {
    400: problemResponse(400, schema),
    401: problemResponse(401, schema),
    403: problemResponse(403, schema),
    404: problemResponse(404, schema),
    409: problemResponse(409, schema),
    413: problemResponse(413, schema),
    429: problemResponse(429, schema),
    500: problemResponse(500, schema),
  };
}

/**
 * Error responses every route may give, as `application/problem+json` (RFC 9457), for the OpenAPI document and
 * the response check. Spread it into a route's `response`. The global hooks (core/http/problem-statuses.ts) also
 * add to every route the statuses they can send whatever the handler does: 400, 413 (bodies over 64 KiB),
 * 403 `csrf` (writes), 429 and 500.
 */
export const problemResponses = problemResponsesWith(Problem);

/**
 * The same as problemResponses, with `reason` typed as one of the capability's reasons (listed in the document).
 * @example const problems = problemResponsesFor(communityReasons) // response: { 200: X, ...problems }
 */
export function problemResponsesFor<R extends string>(reasons: readonly R[]) {
  return problemResponsesWith(problemSchema(reasons));
}

export const NoContent = Type.Unsafe<void>({ type: 'null', description: 'no content' });

/** A calendar day in a request, YYYY-MM-DD: the `date` format is the core date parser (core/dates.ts) at the edge. */
export const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD, a real day from 1900 to 2999' });

/** An instant in a request, ISO 8601 with an offset: the `date-time` format is the core date parser at the edge. */
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 with an offset, e.g. 2025-03-01T08:30:00+01:00' });

/** A timestamp: a Date in handlers, an ISO 8601 string on the wire. */
export const DateTime = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });

/** A value or null: `Nullable(Type.String())`. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A string from a fixed list, typed as the union of its values. */
export function StringEnum<T extends string>(values: readonly T[], description?: string) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

/**
 * A live stream's 200: server-sent events (the route opens it with core/http/event-stream.ts).
 * @example response: { 200: eventStreamResponse('"gesture" events, then "closed" when access ends'), ...problemResponses }
 */
export function eventStreamResponse(description: string) {
  return {
    description,
    content: { 'text/event-stream': { schema: Type.String({ description: `text/event-stream: ${description}` }) } },
  };
}

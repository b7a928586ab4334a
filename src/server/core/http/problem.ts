/** @module Every error leaves as RFC 9457 problem+json with a stable code, a field and a request id. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_YEAR, MIN_YEAR } from '../dates.ts';
import { AppError, statusOf, type ErrorCode } from '../errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  field?: string;
  reason?: string;
  requestId: string;
}

const titles: Record<ErrorCode, string> = {
  invalid: 'Invalid request',
  unauthenticated: 'Sign-in required',
  forbidden: 'Forbidden',
  csrf: 'Missing or wrong CSRF token',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Request body too large',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  bad_gateway: 'Bad answer from a remote service',
  unavailable: 'Remote service unavailable',
};

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Names the offending field as a JSON pointer: `/email`, or `/query/limit` outside the body. */
function fieldOf(issue: ValidationIssue, context: string | undefined): string {
  let pointer = issue.instancePath;
  const missing = issue.params.missingProperty ?? issue.params.additionalProperty;
  if (typeof missing === 'string') pointer = `${pointer}/${missing}`;
  // Fastify names the query string "querystring"; the documented pointer is `/query/…`.
  const part = context === 'querystring' ? 'query' : context;
  const prefix = part && part !== 'body' ? `/${part}` : '';
  return `${prefix}${pointer}` || '/';
}

function describe(issue: ValidationIssue): string {
  if (issue.keyword === 'additionalProperties') return `unknown field "${String(issue.params.additionalProperty)}"`;
  if (issue.keyword === 'required') return `"${String(issue.params.missingProperty)}" is required`;
  if (issue.keyword === 'format' && issue.params.format === 'date') return `must be a real day written YYYY-MM-DD, from ${MIN_YEAR} to ${MAX_YEAR}`;
  if (issue.keyword === 'format' && issue.params.format === 'date-time')
    return `must be an ISO 8601 instant with an offset (2025-03-01T08:30:00+01:00), from ${MIN_YEAR} to ${MAX_YEAR}`;
  return issue.message ?? 'is invalid';
}

function depth(issue: ValidationIssue): number {
  const named = issue.params.missingProperty ?? issue.params.additionalProperty;
  return issue.instancePath.split('/').length + (typeof named === 'string' ? 1 : 0);
}

/**
 * The issue to name. A value that matches no branch of a union (a campaign rule) fails every branch; the branch
 * that got furthest into the value is the one the client meant, so its deepest issue names the field.
 */
function mainIssue(issues: ValidationIssue[]): ValidationIssue {
  if (!issues.some((issue) => issue.keyword === 'anyOf' || issue.keyword === 'oneOf')) return issues[0]!;
  return issues.reduce((best, issue) => (depth(issue) > depth(best) ? issue : best));
}

/** Turns any thrown value into an AppError, keeping internals out of the message. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (e.validation && e.validation.length > 0) {
    const issue = mainIssue(e.validation);
    const field = fieldOf(issue, e.validationContext);
    return new AppError('invalid', `${field} ${describe(issue)}.`, { field });
  }
  if (e.code === 'FST_ERR_BAD_URL') return new AppError('invalid', 'The URL is not valid: a part of it is not UTF-8 percent-encoding.', { field: '/' });
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large', 'The request body is too large.');
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError)
    return new AppError('invalid', 'The request body is not valid JSON.', { field: '/' });
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('invalid', 'The request body must be application/json.', { field: '/' });
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('invalid', 'The request body is empty.', { field: '/' });
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 429) return new AppError('rate_limited', 'Too many requests; retry later.');
  if (status >= 400 && status < 500) return new AppError(status === 404 ? 'not_found' : 'invalid', e.message);
  return new AppError('internal', 'Something went wrong on our side; it has been logged.');
}

export function problemOf(error: AppError, requestId: string): Problem {
  return {
    type: `https://maille.dev/problems/${error.code}`,
    title: titles[error.code],
    status: statusOf[error.code],
    code: error.code,
    detail: error.detail,
    ...(error.field ? { field: error.field } : {}),
    ...(error.reason ? { reason: error.reason } : {}),
    requestId,
  };
}

/** Fastify error handler: logs the cause, answers problem+json, never a stack trace. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ code: appError.code, field: appError.field, internal: appError.internal }, appError.detail);
  if (appError.retryAfter !== undefined) void reply.header('retry-after', String(appError.retryAfter));
  return reply
    .status(appError.status)
    .type('application/problem+json')
    .send(problemOf(appError, request.id));
}

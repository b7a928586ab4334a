/**
 * @module NGSI-LD errors (ETSI GS CIM 009 clause 5.5.2, table of error types and HTTP statuses): one error class, and
 * the translation of every other failure (Maille's AppError, a schema or JSON parse error) into the NGSI-LD problem.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { toAppError } from '../../core/http/problem.ts';

export const NGSI_ERRORS = {
  InvalidRequest: 400,
  BadRequestData: 400,
  AlreadyExists: 409,
  OperationNotSupported: 422,
  ResourceNotFound: 404,
  InternalError: 500,
  TooComplexQuery: 403,
  TooManyResults: 403,
  LdContextNotAvailable: 503,
  NoMultiTenantSupport: 501,
  NonexistentTenant: 404,
} as const;

export type NgsiErrorType = keyof typeof NGSI_ERRORS;
export const NGSI_ERROR_BASE = 'https://uri.etsi.org/ngsi-ld/errors/';

/** An NGSI-LD ProblemDetails (RFC 9457), with Maille's `code` (the error type's short name) and request id. */
export interface NgsiProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
}

/**
 * An expected NGSI-LD failure; `status` overrides the table only for 406 and 415 (content negotiation, clause 6.3.4).
 * @example throw new NgsiError('ResourceNotFound', 'No entity urn:ngsi-ld:X:1.')
 */
export class NgsiError extends Error {
  readonly status: number;
  constructor(
    readonly errorType: NgsiErrorType,
    readonly detail: string,
    status?: number,
  ) {
    super(`${errorType}: ${detail}`);
    this.name = 'NgsiError';
    this.status = status ?? NGSI_ERRORS[errorType];
  }
}

export const badRequest = (detail: string) => new NgsiError('BadRequestData', detail);
export const notFound = (detail: string) => new NgsiError('ResourceNotFound', detail);

/** Maille's own codes that have an NGSI-LD error type; the others (401, 403, 413, 429) keep Maille's problem type. */
const fromAppCode: Partial<Record<AppError['code'], NgsiErrorType>> = {
  invalid: 'BadRequestData',
  not_found: 'ResourceNotFound',
  conflict: 'AlreadyExists',
  internal: 'InternalError',
};

function problemFrom(error: unknown, requestId: string): NgsiProblem {
  if (error instanceof NgsiError)
    return { type: `${NGSI_ERROR_BASE}${error.errorType}`, title: error.errorType, status: error.status, detail: error.detail, code: error.errorType, requestId };
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return problemFrom(new NgsiError('InvalidRequest', 'The Content-Type must be application/json or application/ld+json.', 415), requestId);
  const app = toAppError(error);
  const type = fromAppCode[app.code];
  if (type) {
    const detail = app.code === 'internal' ? 'Something went wrong on our side; it has been logged.' : app.detail;
    return problemFrom(new NgsiError(type, detail), requestId);
  }
  return { type: `https://maille.dev/problems/${app.code}`, title: app.code, status: app.status, detail: app.detail, code: app.code, requestId };
}

/** The NGSI-LD routes' error handler: problem+json with the NGSI-LD error types, never a stack trace. */
export function handleNgsiError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = problemFrom(error, request.id);
  if (problem.status >= 500 && !(error instanceof NgsiError)) request.log.error({ err: error }, 'unhandled NGSI-LD error');
  if (error instanceof AppError && error.retryAfter !== undefined) void reply.header('retry-after', String(error.retryAfter));
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

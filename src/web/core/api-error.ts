/** @module Turns an RFC 9457 problem+json answer (or a network failure) into one typed ApiError. */

/** Stable codes from the server, plus `network` when no answer came back. */
export type ApiErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'internal'
  | 'network';

const KNOWN_CODES = new Set<string>([
  'invalid', 'unauthenticated', 'forbidden', 'csrf', 'not_found', 'conflict', 'rate_limited', 'payload_too_large', 'internal', 'network',
]);

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'invalid', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'payload_too_large', 422: 'invalid', 429: 'rate_limited',
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly detail: string,
    /** The offending input as a form field name ("email"), or "" when the error is not about one field. */
    readonly field: string,
    /** Seconds to wait, from Retry-After, when rate limited. */
    readonly retryAfter: number | null = null,
    /** The server's stable finer reason within the code (e.g. `already_signed`), or "". */
    readonly reason: string = '',
    /** The problem's `field` exactly as the server wrote it, the whole JSON pointer (e.g. "/rules/2/cents"), or "". */
    readonly pointer: string = '',
  ) {
    super(detail || code);
    this.name = 'ApiError';
  }
}

/** "/email", "body/email", "/body/email" → "email"; "/roles/0" → "roles". */
export function fieldFromPointer(pointer: unknown): string {
  if (typeof pointer !== 'string') return '';
  const segments = pointer.split('/').filter(Boolean);
  if (segments[0] === 'body') segments.shift();
  return segments[0] ?? '';
}

/** Builds the error from a non-2xx answer; `body` is the parsed JSON, or anything else. */
export function parseProblem(status: number, body: unknown, retryAfterHeader: string | null = null): ApiError {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const rawCode = typeof problem['code'] === 'string' ? problem['code'] : '';
  const code: ApiErrorCode = KNOWN_CODES.has(rawCode)
    ? (rawCode as ApiErrorCode)
    : (CODE_BY_STATUS[status] ?? 'internal');
  const detail = typeof problem['detail'] === 'string' ? problem['detail'] : typeof problem['title'] === 'string' ? problem['title'] : '';
  const seconds = retryAfterHeader === null ? NaN : Number.parseInt(retryAfterHeader, 10);
  const reason = typeof problem['reason'] === 'string' ? problem['reason'] : '';
  const pointer = typeof problem['field'] === 'string' ? problem['field'] : '';
  return new ApiError(status, code, detail, fieldFromPointer(pointer), Number.isFinite(seconds) ? seconds : null, reason, pointer);
}

/** The whole JSON pointer of a problem answer (e.g. "/window/from"), or "" for anything else. */
export function pointerOf(error: unknown): string {
  return error instanceof ApiError ? error.pointer : '';
}

/** Any thrown value as an ApiError (a TypeError from fetch means the network failed). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'network', error instanceof Error ? error.message : String(error), '');
}

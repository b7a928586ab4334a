/** @module One error type for Maille: stable codes, one code → HTTP status table, user-facing detail. */

/** Stable error codes; clients may branch on them. */
export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'internal'
  | 'bad_gateway'
  | 'unavailable';

/** The single table from code to HTTP status. */
export const statusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  /** A remote service Maille relies on (the address API) answered something unusable. */
  bad_gateway: 502,
  /** A remote service Maille relies on did not answer in time, or is down. */
  unavailable: 503,
};

export interface AppErrorOptions {
  /** JSON pointer of the offending input, e.g. `/email`. */
  field?: string;
  /** Seconds before a retry makes sense (rate limits). */
  retryAfter?: number;
  /** Internal detail for logs only, never sent to the client. */
  internal?: string;
  /** A stable, finer reason within the code (e.g. `already_signed`), for clients to branch on. */
  reason?: string;
}

/**
 * An expected failure with a user-facing `detail`.
 * @example throw new AppError('not_found', 'No community with this id.')
 */
export class AppError extends Error {
  readonly field: string | undefined;
  readonly retryAfter: number | undefined;
  readonly internal: string | undefined;
  readonly reason: string | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    options: AppErrorOptions = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'AppError';
    this.field = options.field;
    this.retryAfter = options.retryAfter;
    this.internal = options.internal;
    this.reason = options.reason;
  }

  get status(): number {
    return statusOf[this.code];
  }
}

/** Shorthand for a 400 naming the field. */
export function invalid(field: string, detail: string): AppError {
  return new AppError('invalid', detail, { field });
}

/** Shorthand for a 404. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found.`);
}

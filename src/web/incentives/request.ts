/** @module API calls of the incentive pages that keep the whole JSON pointer of a 400 (e.g. "/rules/2/cents"), not just its first segment. */
import { ApiError, parseProblem, toApiError } from '../core/api-error.ts';
import { currentCsrfToken } from '../core/csrf.ts';
import { actingHeaders, forgetRefusedSession } from '../mediation/acting-store.ts';

/** An ApiError that also carries the problem's `field` exactly as the server wrote it. */
export class PointerApiError extends ApiError {
  constructor(base: ApiError, readonly pointer: string) {
    super(base.status, base.code, base.detail, base.field, base.retryAfter, base.reason);
  }
}

export function pointerOf(error: unknown): string {
  return error instanceof PointerApiError ? error.pointer : '';
}

/** Like core/api.ts `callApi`, but a problem answer rejects with a PointerApiError. */
export async function sendJson<T>(method: 'POST' | 'PUT', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  // While a mediator acts for a resident, the session on behalf goes with every call, as in core/api.ts.
  const acting = actingHeaders();
  const headers: Record<string, string> = { accept: 'application/json', 'x-csrf-token': currentCsrfToken(), ...acting };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    throw toApiError(error);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    const pointer = typeof parsed === 'object' && parsed !== null && typeof (parsed as { field?: unknown }).field === 'string'
      ? (parsed as { field: string }).field
      : '';
    const problem = parseProblem(response.status, parsed, response.headers.get('retry-after'));
    if (Object.keys(acting).length > 0) forgetRefusedSession(problem.status, problem.reason);
    throw new PointerApiError(problem, pointer);
  }
  return parsed as T;
}

/** A key for one voucher request: a retry (double click, network replay) sends the same key. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

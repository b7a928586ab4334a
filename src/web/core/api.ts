/** @module Fetch wrapper for the Maille API: JSON in and out, CSRF header on writes, problem+json → ApiError. */
import { parseProblem, toApiError } from './api-error.ts';
import { currentCsrfToken } from './csrf.ts';
import { actingHeaders, forgetRefusedSession } from '../mediation/acting-store.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls `/api${path}`; resolves with the JSON answer (undefined for 204), rejects with ApiError. */
export async function callApi<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  // While a mediator acts for a resident, every call names the session on behalf (mediation/acting-store.ts).
  const acting = actingHeaders();
  const headers: Record<string, string> = { accept: 'application/json', ...acting };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = currentCsrfToken();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
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
    const problem = parseProblem(response.status, parsed, response.headers.get('retry-after'));
    if (Object.keys(acting).length > 0) forgetRefusedSession(problem.status, problem.reason);
    throw problem;
  }
  return parsed as T;
}

/**
 * Answers the server sent inside the page for its first requests (`<script id="maille-boot">`, static-web.ts), by API
 * path. Each is used once, for the first read of its path; later reads (a reload, a live update) ask the API.
 */
const booted: Map<string, unknown> = (() => {
  try {
    const text = typeof document === 'undefined' ? null : document.getElementById('maille-boot')?.textContent;
    return new Map(Object.entries(text ? (JSON.parse(text) as Record<string, unknown>) : {}));
  } catch {
    return new Map<string, unknown>();
  }
})();

export const getApi = <T>(path: string, signal?: AbortSignal): Promise<T> => {
  if (booted.has(path)) {
    const answer = booted.get(path) as T;
    booted.delete(path);
    return Promise.resolve(answer);
  }
  return callApi<T>('GET', path, signal ? { signal } : {});
};

/** A key for one write a retry may repeat (double click, network replay): send the same key again, the server answers once. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Territory-scoped path: `/territories/dijon-metropole${rest}`. */
export function territoryPath(slug: string, rest = ''): string {
  return `/territories/${encodeURIComponent(slug)}${rest}`;
}

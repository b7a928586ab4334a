// @vitest-environment node
/** @module problem+json answers become typed errors naming the form field at fault. */
import { describe, expect, it } from 'vitest';
import { ApiError, fieldFromPointer, parseProblem, pointerOf, toApiError } from './api-error.ts';
import { readCookie } from './csrf.ts';

describe('parseProblem', () => {
  it('keeps the stable code, the detail and the field', () => {
    const error = parseProblem(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict', detail: 'e-mail taken', field: '/email' });
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.detail, error.field]).toEqual([409, 'conflict', 'e-mail taken', 'email']);
  });

  it('keeps the whole JSON pointer next to the field name', () => {
    const error = parseProblem(400, { code: 'invalid', detail: 'too much', field: '/rules/2/cents' });
    expect([error.field, error.pointer, pointerOf(error)]).toEqual(['rules', '/rules/2/cents', '/rules/2/cents']);
    expect(pointerOf(new Error('boom'))).toBe('');
  });

  it('recognises the csrf code on a 403', () => {
    expect(parseProblem(403, { code: 'csrf', detail: 'bad token' }).code).toBe('csrf');
  });

  it('falls back on the HTTP status when the body is not a problem', () => {
    expect(parseProblem(404, '<html>').code).toBe('not_found');
    expect(parseProblem(502, undefined).code).toBe('internal');
    expect(parseProblem(418, { code: 'teapot' }).code).toBe('internal');
  });

  it('reads Retry-After seconds', () => {
    expect(parseProblem(429, { code: 'rate_limited' }, '30').retryAfter).toBe(30);
    expect(parseProblem(429, { code: 'rate_limited' }).retryAfter).toBeNull();
  });
});

describe('fieldFromPointer', () => {
  it('turns JSON pointers into field names', () => {
    expect(fieldFromPointer('/email')).toBe('email');
    expect(fieldFromPointer('body/displayName')).toBe('displayName');
    expect(fieldFromPointer('/roles/0')).toBe('roles');
    expect(fieldFromPointer(undefined)).toBe('');
  });
});

describe('toApiError', () => {
  it('wraps a fetch failure as a network error', () => {
    expect(toApiError(new TypeError('Failed to fetch')).code).toBe('network');
  });
});

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; maille_csrf=abc%3D; b=2', 'maille_csrf')).toBe('abc=');
    expect(readCookie('', 'maille_csrf')).toBe('');
  });
});

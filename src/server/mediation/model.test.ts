// Pure mediation rules: session state at a given time, routes refused while acting, takeover codes, consent dates.
import { describe, expect, it } from 'vitest';
import { consentDateProblem, consentStatus, forbiddenWhileActing, formatTakeoverCode, normaliseTakeoverCode, sessionEnd, sessionState } from './model.ts';

describe('mediation rules', () => {
  const start = new Date('2026-03-02T09:00:00Z');

  it('opens a session for exactly 30 minutes', () => {
    const expires_at = sessionEnd(start);
    expect(expires_at.toISOString()).toBe('2026-03-02T09:30:00.000Z');
    expect(sessionState({ expires_at, ended_at: null }, new Date('2026-03-02T09:29:59Z'))).toBe('open');
    expect(sessionState({ expires_at, ended_at: null }, expires_at)).toBe('expired');
    expect(sessionState({ expires_at, ended_at: new Date('2026-03-02T09:10:00Z') }, new Date('2026-03-02T09:11:00Z'))).toBe('ended');
  });

  it('refuses credentials, erasure, export and the mediation routes while acting, but lets the session end', () => {
    expect(forbiddenWhileActing('DELETE', '/api/me')).toBe(true);
    expect(forbiddenWhileActing('GET', '/api/me/export')).toBe(true);
    expect(forbiddenWhileActing('POST', '/api/auth/password-reset/confirm')).toBe(true);
    expect(forbiddenWhileActing('POST', '/api/territories/:territory/mediation/sessions')).toBe(true);
    expect(forbiddenWhileActing('POST', '/api/territories/:territory/mediation/takeover')).toBe(true);
    expect(forbiddenWhileActing('post', '/api/territories/:territory/mediation/sessions/:id/end')).toBe(false);
    expect(forbiddenWhileActing('GET', '/api/me')).toBe(false);
    expect(forbiddenWhileActing('POST', '/api/territories/:territory/commitments/:id/sign')).toBe(false);
    expect(forbiddenWhileActing('GET', undefined)).toBe(false);
  });

  it('reads takeover codes typed by hand and prints them in groups of four', () => {
    expect(formatTakeoverCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
    expect(normaliseTakeoverCode(' abcd-efgh jkmn ')).toBe('ABCDEFGHJKMN');
  });

  it('says whether consent holds', () => {
    const when = new Date();
    expect(consentStatus({ consent_withdrawn_at: null, taken_over_at: null })).toBe('active');
    expect(consentStatus({ consent_withdrawn_at: when, taken_over_at: null })).toBe('withdrawn');
    expect(consentStatus({ consent_withdrawn_at: when, taken_over_at: when })).toBe('taken_over');
  });

  it('accepts a real consent day up to today, within five years', () => {
    expect(consentDateProblem('2026-03-02', '2026-03-02')).toBeNull();
    expect(consentDateProblem('2026-03-03', '2026-03-02')).toBe('is in the future');
    expect(consentDateProblem('2026-02-30', '2026-03-02')).toBe('is not a date');
    expect(consentDateProblem('02/03/2026', '2026-03-02')).toBe('is not a date');
    expect(consentDateProblem('2019-01-01', '2026-03-02')).toBe('is more than five years ago');
  });
});

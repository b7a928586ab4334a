// Wording choices of the check-in pages, and the dictionaries' agreement (same keys, same placeholders).
import { describe, expect, it } from 'vitest';
import { checkInsEn } from '../i18n/check-ins-en.ts';
import { checkInsFr } from '../i18n/check-ins-fr.ts';
import { alertWording, anyReferentActive, dayWording, thanksWording, todayWording, watchedTodayWording } from './describe.ts';

const today = { date: '2026-12-01', status: 'pending' as const, deadlineAt: '2026-12-01T09:00:00.000Z', checkIn: null };

describe('check-in wording', () => {
  it('says today’s status', () => {
    expect(todayWording(today, '10:00', true, true)).toEqual({ key: 'bonjour.status.pending', hhmm: '10:00' });
    expect(todayWording({ ...today, status: 'missed' }, '10:00', true, true).key).toBe('bonjour.status.missed');
    expect(todayWording({ ...today, status: 'not_expected' }, '10:00', true, true).key).toBe('bonjour.status.notExpected');
    expect(todayWording(today, '10:00', false, false).key).toBe('bonjour.status.notStarted');
    expect(todayWording({ ...today, status: 'done', checkIn: { at: 'x', channel: 'phone' } }, '10:00', true, true)).toEqual({ key: 'bonjour.status.donePhone', at: 'x' });
  });

  it('says the referents were told, or know, only when one of them accepted', () => {
    expect(anyReferentActive([{ status: 'invited' }, { status: 'declined' }])).toBe(false);
    expect(anyReferentActive([{ status: 'invited' }, { status: 'active' }])).toBe(true);
    const fresh = { alreadyDone: false, resolvedAlerts: 0 };
    expect(thanksWording(fresh, true).key).toBe('bonjour.done');
    expect(thanksWording(fresh, false).key).toBe('bonjour.doneNoReferent');
    expect(thanksWording({ alreadyDone: false, resolvedAlerts: 1 }, false).key).toBe('bonjour.resolvedNoReferent');
    expect(thanksWording({ alreadyDone: true, resolvedAlerts: 0 }, false).key).toBe('bonjour.already');
    expect(todayWording({ ...today, status: 'missed' }, '10:00', true, false).key).toBe('bonjour.status.missedNoReferent');
    // Whatever the answer, a resident with no accepted referent never reads that their referents know or were told.
    for (const answer of [fresh, { alreadyDone: false, resolvedAlerts: 2 }, { alreadyDone: true, resolvedAlerts: 0 }]) {
      expect(checkInsFr[thanksWording(answer, false).key]).not.toMatch(/vos référents/i);
      expect(checkInsEn[thanksWording(answer, false).key]).not.toMatch(/your referents/i);
    }
    for (const status of ['pending', 'missed', 'not_expected', 'done'] as const) {
      const key = todayWording({ ...today, status }, '10:00', true, false).key;
      expect(checkInsFr[key], key).not.toMatch(/vos référents/i);
    }
  });

  it('tells a referent about the person in the third person, with nothing for them to press', () => {
    for (const status of ['pending', 'missed', 'not_expected'] as const) {
      const key = watchedTodayWording({ ...today, status }, '10:00', true).key;
      expect(key.startsWith('watched.status.'), key).toBe(true);
      expect(checkInsFr[key], key).not.toMatch(/\bvous\b|\bvos\b|appuyez/i);
    }
    expect(watchedTodayWording({ ...today, status: 'done', checkIn: { at: 'x', channel: 'button' } }, '10:00', true)).toEqual({ key: 'watched.status.done', at: 'x' });
    expect(watchedTodayWording(today, '10:00', false).key).toBe('watched.status.notStarted');
  });

  it('says a history day and an alert', () => {
    expect(dayWording({ date: '2026-11-30', expected: true, checkIn: null }, '2026-12-01', false).key).toBe('history.day.missed');
    expect(dayWording({ date: '2026-12-01', expected: true, checkIn: null }, '2026-12-01', false).key).toBe('history.day.today');
    expect(dayWording({ date: '2026-11-29', expected: false, checkIn: null }, '2026-12-01', false).key).toBe('history.day.notExpected');
    const alert = { id: '1', date: '2026-12-01', deadlineAt: 'a', raisedAt: 'a', escalateAt: 'b', escalatedAt: null, resolvedAt: null, resolution: null, acknowledgements: [] };
    expect(alertWording(alert).key).toBe('history.alert.open');
    expect(alertWording({ ...alert, escalatedAt: 'c' }).key).toBe('history.alert.escalated');
    expect(alertWording({ ...alert, escalatedAt: 'c', resolvedAt: 'd', resolution: 'all_well' })).toEqual({ key: 'history.alert.resolved.all_well', at: 'd' });
  });

  it('has the same placeholders in French and English', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, fr] of Object.entries(checkInsFr)) expect(holes(checkInsEn[key as keyof typeof checkInsFr]), key).toEqual(holes(fr));
  });

  it('never asks about health in its form wording', () => {
    const labels = Object.entries(checkInsFr).filter(([k]) => k.startsWith('enrol.') && !k.includes('noHealth')).map(([, v]) => v.toLowerCase());
    expect(labels.filter((l) => /santé|médic|maladie|traitement/.test(l))).toEqual([]);
  });
});

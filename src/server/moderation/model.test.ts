// The pure rules of moderation and e-mail preferences: hiding threshold, review effects, who moderates, mail plans
// and the digest slots (07:00 Paris, Monday for weekly; across the March clock change).
import { describe, expect, it } from 'vitest';
import { digestCadence, latestSlot, mailPlan } from '../notifications/index.ts';
import { moderatorRole, reviewEffect, shouldHide } from './model.ts';

describe('moderation rules', () => {
  it('hides at the threshold, once, and never a person', () => {
    expect(shouldHide({ openReports: 2, threshold: 3, alreadyHidden: false, autoHide: true })).toBe(false);
    expect(shouldHide({ openReports: 3, threshold: 3, alreadyHidden: false, autoHide: true })).toBe(true);
    expect(shouldHide({ openReports: 4, threshold: 3, alreadyHidden: true, autoHide: true })).toBe(false);
    expect(shouldHide({ openReports: 1, threshold: 1, alreadyHidden: false, autoHide: true })).toBe(true);
    expect(shouldHide({ openReports: 9, threshold: 3, alreadyHidden: false, autoHide: false })).toBe(false);
  });

  it('keep shows the content again (telling its author if it was hidden); remove keeps or makes it hidden and tells', () => {
    expect(reviewEffect('keep', true, true)).toEqual({ hidden: false, tellAuthor: 'restored' });
    expect(reviewEffect('keep', false, true)).toEqual({ hidden: false, tellAuthor: null });
    expect(reviewEffect('remove', false, true)).toEqual({ hidden: true, tellAuthor: 'removed' });
    expect(reviewEffect('remove', true, true)).toEqual({ hidden: true, tellAuthor: 'removed' });
    // A person is never hidden; an upheld report is still told.
    expect(reviewEffect('remove', false, false)).toEqual({ hidden: false, tellAuthor: 'removed' });
    expect(reviewEffect('keep', false, false)).toEqual({ hidden: false, tellAuthor: null });
  });

  it('lets operators and admins moderate everything, organisers their community only', () => {
    expect(moderatorRole(['resident', 'operator'], false)).toBe('operator');
    expect(moderatorRole(['resident', 'admin'], true)).toBe('operator');
    expect(moderatorRole(['resident'], true)).toBe('organiser');
    expect(moderatorRole(['resident', 'mediator'], false)).toBeNull();
  });
});

describe('e-mail preferences', () => {
  it('mails now, holds for a digest, or sends none', () => {
    expect(mailPlan('immediately')).toBe('now');
    expect(mailPlan('daily')).toBe('digest');
    expect(mailPlan('weekly')).toBe('digest');
    expect(mailPlan('never')).toBe('none');
    expect(digestCadence('weekly')).toBe('weekly');
    expect(digestCadence('immediately')).toBe('daily');
    expect(digestCadence('never')).toBeNull();
  });

  it('finds the latest 07:00 Paris slot, daily and on Mondays', () => {
    // Winter (UTC+1): 07:00 Paris is 06:00Z.
    expect(latestSlot('daily', new Date('2026-03-12T06:00:00Z'))).toEqual({ cadence: 'daily', period: '2026-03-12', at: new Date('2026-03-12T06:00:00Z') });
    expect(latestSlot('daily', new Date('2026-03-12T05:59:59Z'))).toEqual({ cadence: 'daily', period: '2026-03-11', at: new Date('2026-03-11T06:00:00Z') });
    expect(latestSlot('weekly', new Date('2026-03-18T10:00:00Z'))).toEqual({ cadence: 'weekly', period: '2026-03-16', at: new Date('2026-03-16T06:00:00Z') });
    expect(latestSlot('weekly', new Date('2026-03-16T05:00:00Z')).period).toBe('2026-03-09');
    // Summer (UTC+2, after 29 March 2026): 07:00 Paris is 05:00Z.
    expect(latestSlot('daily', new Date('2026-03-30T05:00:00Z')).at).toEqual(new Date('2026-03-30T05:00:00Z'));
    expect(latestSlot('weekly', new Date('2026-03-30T05:00:00Z')).period).toBe('2026-03-30');
    // Late evening in Paris is already the next day in no zone that matters: 23:30 Paris on Sunday is still Sunday.
    expect(latestSlot('weekly', new Date('2026-03-15T22:30:00Z')).period).toBe('2026-03-09');
  });
});

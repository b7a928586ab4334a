// What a person reads by mail when a signature collected on paper is entered for them: French first, the deadline
// in words, and what to do (confirm or withdraw).
import { describe, expect, it } from 'vitest';
import { offlineMail } from './offline-messages.ts';

const deadline = new Date('2026-12-20T22:59:59Z');
// Midnight opening 21 December (Paris): the 20th is the last day, and the one named.
const midnight = new Date('2026-12-20T23:00:00Z');

describe('offline signature mails', () => {
  it('asks the person to confirm or withdraw a pending entry before the deadline', () => {
    const fr = offlineMail('offline_pending', { wording: 'Je viens à vélo', deadline }, 'fr');
    expect(fr.subject).toBe('Maille : confirmez-vous votre signature pour « Je viens à vélo » ?');
    expect(fr.text).toContain('Elle ne compte que si vous la confirmez');
    expect(fr.text).toContain('jusqu’au 20 décembre 2026 inclus');
    expect(offlineMail('offline_pending', { wording: 'Je viens à vélo', deadline }, 'en').text).toContain('until 20 December 2026 inclusive');
    expect(offlineMail('offline_pending', { wording: 'Je viens à vélo', deadline: midnight }, 'fr').text).toContain('jusqu’au 20 décembre 2026 inclus');
  });

  it('tells an assisted person their signature was recorded in a session and can be withdrawn', () => {
    const fr = offlineMail('offline_recorded', { wording: 'x'.repeat(80), deadline }, 'fr');
    expect(fr.subject).toBe(`Maille : votre signature pour « ${'x'.repeat(59)}… »`);
    expect(fr.text).toContain('Vous pouvez la retirer dans « Mes engagements », jusqu’au 20 décembre 2026 inclus.');
  });
});

// @vitest-environment node
/** @module The safety (moderation) dictionaries are complete and consistent, like the main ones. */
import { describe, expect, it } from 'vitest';
import { moderationEn } from '../i18n/moderation-en.ts';
import { moderationFr, type ModerationKey } from '../i18n/moderation-fr.ts';
import { placeholdersOf } from '../i18n/translate.ts';

describe('moderation dictionaries', () => {
  it('define the same keys in French and English', () => {
    expect(Object.keys(moderationEn).sort()).toEqual(Object.keys(moderationFr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, template] of Object.entries(moderationFr)) {
      expect(placeholdersOf(moderationEn[key as ModerationKey]), key).toEqual(placeholdersOf(template));
    }
  });

  it('have no empty message and plural pairs complete', () => {
    for (const dictionary of [moderationFr, moderationEn]) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.trim(), key).not.toBe('');
    }
    for (const key of Object.keys(moderationFr)) {
      if (key.endsWith('.one')) expect(Object.keys(moderationFr), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });
});

describe('moderation notices', () => {
  it('word every notification kind the server sends', () => {
    for (const kind of ['hidden', 'removed', 'restored', 'warned']) expect(Object.keys(moderationFr)).toContain(`notice.moderation.${kind}`);
  });
});

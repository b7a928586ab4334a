// @vitest-environment node
/** @module The mutual-aid dictionaries are complete and consistent, like the main ones. */
import { describe, expect, it } from 'vitest';
import { mutualAidEn } from '../i18n/mutual-aid-en.ts';
import { mutualAidFr, type AidKey } from '../i18n/mutual-aid-fr.ts';
import { placeholdersOf } from '../i18n/translate.ts';

describe('mutual-aid dictionaries', () => {
  it('define the same keys in French and English', () => {
    expect(Object.keys(mutualAidEn).sort()).toEqual(Object.keys(mutualAidFr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, template] of Object.entries(mutualAidFr)) {
      expect(placeholdersOf(mutualAidEn[key as AidKey]), key).toEqual(placeholdersOf(template));
    }
  });

  it('have no empty message and plural pairs complete', () => {
    for (const dictionary of [mutualAidFr, mutualAidEn]) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.trim(), key).not.toBe('');
    }
    for (const key of Object.keys(mutualAidFr)) {
      if (key.endsWith('.one')) expect(Object.keys(mutualAidFr), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });
});

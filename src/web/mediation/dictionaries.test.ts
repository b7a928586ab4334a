// @vitest-environment node
/** @module The mediation dictionaries are complete and consistent, like the main ones. */
import { describe, expect, it } from 'vitest';
import { mediationEn } from '../i18n/mediation-en.ts';
import { mediationFr, type MediationKey } from '../i18n/mediation-fr.ts';
import { placeholdersOf } from '../i18n/translate.ts';

describe('mediation dictionaries', () => {
  it('define the same keys in French and English', () => {
    expect(Object.keys(mediationEn).sort()).toEqual(Object.keys(mediationFr).sort());
  });

  it('use the same placeholders in both languages and no empty message', () => {
    for (const [key, template] of Object.entries(mediationFr)) {
      expect(placeholdersOf(mediationEn[key as MediationKey]), key).toEqual(placeholdersOf(template));
      expect(template.trim(), key).not.toBe('');
      expect(mediationEn[key as MediationKey].trim(), key).not.toBe('');
    }
  });
});

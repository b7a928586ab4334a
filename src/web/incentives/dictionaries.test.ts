// @vitest-environment node
/** @module The incentive dictionaries are complete and consistent, like the main ones. */
import { describe, expect, it } from 'vitest';
import { incentivesEn } from '../i18n/incentives-en.ts';
import { incentivesFr, type IncentiveKey } from '../i18n/incentives-fr.ts';
import { placeholdersOf } from '../i18n/translate.ts';

describe('incentive dictionaries', () => {
  it('define the same keys in French and English', () => {
    expect(Object.keys(incentivesEn).sort()).toEqual(Object.keys(incentivesFr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, template] of Object.entries(incentivesFr)) {
      expect(placeholdersOf(incentivesEn[key as IncentiveKey]), key).toEqual(placeholdersOf(template));
    }
  });

  it('have no empty message and plural pairs complete', () => {
    for (const dictionary of [incentivesFr, incentivesEn]) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.trim(), key).not.toBe('');
    }
    for (const key of Object.keys(incentivesFr)) {
      if (key.endsWith('.one')) expect(Object.keys(incentivesFr), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });
});

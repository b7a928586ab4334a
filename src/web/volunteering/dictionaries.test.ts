// @vitest-environment node
/** @module The volunteering dictionaries are complete and consistent, like the main ones. */
import { describe, expect, it } from 'vitest';
import { volunteeringEn } from '../i18n/volunteering-en.ts';
import { volunteeringFr, type VolunteeringKey } from '../i18n/volunteering-fr.ts';
import { placeholdersOf } from '../i18n/translate.ts';

describe('volunteering dictionaries', () => {
  it('define the same keys in French and English', () => {
    expect(Object.keys(volunteeringEn).sort()).toEqual(Object.keys(volunteeringFr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, template] of Object.entries(volunteeringFr)) {
      expect(placeholdersOf(volunteeringEn[key as VolunteeringKey]), key).toEqual(placeholdersOf(template));
    }
  });

  it('have no empty message and plural pairs complete', () => {
    for (const dictionary of [volunteeringFr, volunteeringEn]) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.trim(), key).not.toBe('');
    }
    for (const key of Object.keys(volunteeringFr)) {
      if (key.endsWith('.one')) expect(Object.keys(volunteeringFr), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });
});

// @vitest-environment node
/** @module The mobility dictionaries are complete and consistent, like the main ones. */
import { describe, expect, it } from 'vitest';
import { mobilityEn } from './mobility-en.ts';
import { mobilityFr, type MobilityKey } from './mobility-fr.ts';
import { fillTemplate, placeholdersOf } from './translate.ts';

describe('mobility dictionaries', () => {
  it('define the same keys in French and English', () => {
    expect(Object.keys(mobilityEn).sort()).toEqual(Object.keys(mobilityFr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, template] of Object.entries(mobilityFr)) {
      expect(placeholdersOf(mobilityEn[key as MobilityKey]), key).toEqual(placeholdersOf(template));
    }
  });

  it('have no empty message and plural pairs complete', () => {
    for (const dictionary of [mobilityFr, mobilityEn]) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.trim(), key).not.toBe('');
    }
    for (const key of Object.keys(mobilityFr)) {
      if (key.endsWith('.one')) expect(Object.keys(mobilityFr), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });

  it('write the share needed the way the corridor page shows it', () => {
    expect(fillTemplate('fr', mobilityFr['corridor.shareNeeded'], { percent: '4,2', minutes: 15 })).toBe(
      '4,2 % des conducteurs partant 15 minutes plus tôt suffiraient à résorber ce bouchon.',
    );
  });
});

// @vitest-environment node
/** @module The dictionaries are complete and consistent, and interpolation/plurals behave per locale. */
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { placeholdersOf, translate, translatePlural } from './translate.ts';

describe('dictionaries', () => {
  it('define the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, template] of Object.entries(fr)) {
      expect(placeholdersOf(en[key as keyof typeof fr]), key).toEqual(placeholdersOf(template));
    }
  });

  it('have no empty message', () => {
    for (const dictionary of [fr, en]) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.trim(), key).not.toBe('');
    }
  });
});

describe('translate', () => {
  it('interpolates and formats numbers for the locale', () => {
    expect(translate('en', 'pagination.status', { page: 2, pages: 1200 })).toBe('Page 2 of 1,200');
    expect(translate('fr', 'pagination.status', { page: 2, pages: 1200 })).toMatch(/^Page 2 sur 1\s200$/u);
  });

  it('leaves unknown placeholders visible rather than inventing a value', () => {
    expect(translate('fr', 'dev.to')).toBe('À : {to}');
  });
});

describe('translatePlural', () => {
  it('treats 0 as singular in French and plural in English', () => {
    expect(translatePlural('fr', 'members', 0)).toBe('0 membre');
    expect(translatePlural('en', 'members', 0)).toBe('0 members');
    expect(translatePlural('fr', 'members', 2)).toBe('2 membres');
    expect(translatePlural('en', 'members', 1)).toBe('1 member');
  });
});

// @vitest-environment node
/** @module The main messages: interpolation and plurals per locale (dictionaries.test.ts checks every dictionary). */
import { describe, expect, it } from 'vitest';
import { translate, translatePlural } from './translate.ts';

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

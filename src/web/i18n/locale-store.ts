/** @module Reads and saves the chosen interface language in localStorage (French unless chosen otherwise). */
import { isLocale, type Locale } from './translate.ts';

const STORAGE_KEY = 'maille.locale';

export function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'fr';
  } catch {
    return 'fr'; // storage can be disabled (private mode, strict settings)
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // the choice then lasts for this visit only
  }
}

/** @module The observatory page's messages (a dictionary loaded with it only). */
import { createMessagesHook } from '../core/i18n.tsx';
import { observatoryEn } from '../i18n/observatory-en.ts';
import { observatoryFr, type ObservatoryKey } from '../i18n/observatory-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';

export const observatoryDictionaries: Dictionaries<ObservatoryKey> = { fr: observatoryFr, en: observatoryEn };

/** `o` for an observatory (or main) message, `op` for its plural. */
export const useObservatoryI18n = createMessagesHook(observatoryDictionaries, ({ text, plural }) => ({ o: text, op: plural }));

export type ObservatoryI18n = ReturnType<typeof useObservatoryI18n>;

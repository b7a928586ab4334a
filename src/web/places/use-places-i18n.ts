/** @module The places messages (a dictionary loaded with the picker and the meeting points page only). */
import { createMessagesHook } from '../core/i18n.tsx';
import { placesEn } from '../i18n/places-en.ts';
import { placesFr, type PlacesKey } from '../i18n/places-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';

export const placesDictionaries: Dictionaries<PlacesKey> = { fr: placesFr, en: placesEn };

/** `p` for a places (or main) message, `pp` for its plural. */
export const usePlacesI18n = createMessagesHook(placesDictionaries, ({ text, plural }) => ({ p: text, pp: plural }));

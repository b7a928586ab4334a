/** @module The mobility pages' messages: a dictionary loaded with those pages only, so the first page stays light. */
import { mobilityEn } from '../i18n/mobility-en.ts';
import { mobilityFr, type MobilityKey } from '../i18n/mobility-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';
import { createMessagesHook } from './i18n.tsx';

export const mobilityDictionaries: Dictionaries<MobilityKey> = { fr: mobilityFr, en: mobilityEn };

/** `m` for a mobility (or main) message, `mp` for its plural. */
export const useMobilityI18n = createMessagesHook(mobilityDictionaries, ({ text, plural }) => ({ m: text, mp: plural }));

export type MobilityI18n = ReturnType<typeof useMobilityI18n>;

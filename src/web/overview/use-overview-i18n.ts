/** @module The home page overview's messages (a dictionary loaded with it), and its API paths. */
import { createMessagesHook } from '../core/i18n.tsx';
import { overviewEn } from '../i18n/overview-en.ts';
import { overviewFr, type OverviewKey } from '../i18n/overview-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';

export const overviewDictionaries: Dictionaries<OverviewKey> = { fr: overviewFr, en: overviewEn };

/** `o` for an overview (or main) message, `op` for its plural. */
export const useOverviewI18n = createMessagesHook(overviewDictionaries, ({ text, plural }) => ({ o: text, op: plural }));

const seg = encodeURIComponent;
export const overviewApi = {
  territory: (t: string) => `/territories/${seg(t)}/overview`,
  me: (t: string) => `/territories/${seg(t)}/overview/me`,
  todo: (t: string) => `/territories/${seg(t)}/overview/todo`,
  stream: (t: string) => `/territories/${seg(t)}/overview/stream`,
};

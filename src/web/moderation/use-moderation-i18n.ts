/** @module The safety pages' messages (a dictionary loaded with them only), and the shared API paths. */
import { createMessagesHook } from '../core/i18n.tsx';
import { moderationEn } from '../i18n/moderation-en.ts';
import { moderationFr, type ModerationKey } from '../i18n/moderation-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';

export const moderationDictionaries: Dictionaries<ModerationKey> = { fr: moderationFr, en: moderationEn };

/** `s` for a safety (or main) message, `sp` for its plural. */
export const useModerationI18n = createMessagesHook(moderationDictionaries, ({ text, plural }) => ({ s: text, sp: plural }));

export type ModerationI18n = ReturnType<typeof useModerationI18n>;

/** The subject types a report may name, read from the server (type-only import). */
export type { SubjectType } from './types.ts';

export { moderationPaths } from './paths.ts';

const seg = encodeURIComponent;
export const moderationApi = {
  reports: (t: string) => `/territories/${seg(t)}/reports`,
  queue: (t: string, communityId?: string) => `/territories/${seg(t)}/moderation/reports${communityId ? `?communityId=${seg(communityId)}` : ''}`,
  reviews: (t: string) => `/territories/${seg(t)}/moderation/reviews`,
  content: (t: string, type: string, id: string) => `/territories/${seg(t)}/moderation/reports/${seg(type)}/${seg(id)}/content`,
  blocks: (t: string) => `/territories/${seg(t)}/blocks`,
  block: (t: string, userId: string) => `/territories/${seg(t)}/blocks/${seg(userId)}`,
};

/** @module The safety pages' messages (a dictionary loaded with them only), and the shared API paths. */
import { useMemo } from 'preact/hooks';
import { useI18n, type I18n } from '../core/i18n.tsx';
import { moderationEn } from '../i18n/moderation-en.ts';
import { moderationFr, type ModerationKey } from '../i18n/moderation-fr.ts';
import { fillTemplate, pluralForm, type Locale, type MessageParams } from '../i18n/translate.ts';

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type ModerationPluralKey = ModerationKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

export const moderationDictionaries: Record<Locale, Record<ModerationKey, string>> = { fr: moderationFr, en: moderationEn };

export interface ModerationI18n extends I18n {
  s: (key: ModerationKey, params?: MessageParams) => string;
  sp: (key: ModerationPluralKey, count: number, params?: MessageParams) => string;
}

export function useModerationI18n(): ModerationI18n {
  const i18n = useI18n();
  return useMemo(() => {
    const dictionary = moderationDictionaries[i18n.locale];
    const s = (key: ModerationKey, params?: MessageParams) => fillTemplate(i18n.locale, dictionary[key] ?? moderationFr[key], params);
    const sp = (key: ModerationPluralKey, count: number, params: MessageParams = {}) => s(`${key}.${pluralForm(i18n.locale, count)}` as ModerationKey, { ...params, count });
    return { ...i18n, s, sp };
  }, [i18n]);
}

/** The subject types a report may name, read from the server (type-only import). */
export type { SubjectType } from '../../server/moderation/subjects.ts';

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

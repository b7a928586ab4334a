/** @module The admin screens' and the audit log's messages: a dictionary loaded with those pages only. */
import { createMessagesHook } from '../core/i18n.tsx';
import { adminEn } from '../i18n/admin-en.ts';
import { adminFr, type AdminKey } from '../i18n/admin-fr.ts';
import type { Dictionaries } from '../i18n/translate.ts';

export const adminDictionaries: Dictionaries<AdminKey> = { fr: adminFr, en: adminEn };

/** `a` for an admin (or main) message. */
export const useAdminI18n = createMessagesHook(adminDictionaries, ({ text }) => ({ a: text }));

export type AdminI18n = ReturnType<typeof useAdminI18n>;

/** @module The one way Maille tells a person something: an in-app notification, and a mail through the outbox when they have an address. */
import type { Executor } from '../core/database/schema.ts';
import { enqueueMail } from '../core/mailer/outbox.ts';

export type NotificationLocale = 'fr' | 'en';

export interface NotificationInput {
  territoryId: string | null;
  /** Everyone to tell; duplicates are told once, erased accounts not at all. */
  userIds: readonly string[];
  /** Stable kind, e.g. `commitment.succeeded`; the web app words it from `kind` and `params`. */
  kind: string;
  params?: Record<string, unknown>;
  /** A web path (`/t/…/engagements/12`); mails carry it as an absolute link. */
  link?: string | null;
  /** The mail, in the person's language (their `locale`). */
  mail: (locale: NotificationLocale) => { subject: string; text: string };
}

export interface NotifyContext {
  now: Date;
  /** Base of the links in mails, e.g. `https://maille.example` (no trailing slash). */
  publicUrl: string;
}

const CHUNK = 500;

/**
 * Records the notification for each person and queues its mail, inside the caller's transaction: both exist
 * only if the change they report commits. Per-person mail preferences and digests will plug in here.
 * @returns how many people were notified and how many mails were queued
 */
export async function notify(trx: Executor, input: NotificationInput, ctx: NotifyContext): Promise<{ notified: number; mailed: number }> {
  const ids = [...new Set(input.userIds)];
  let notified = 0;
  let mailed = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const users = await trx
      .selectFrom('users')
      .select(['id', 'email', 'locale'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    if (users.length === 0) continue;
    const params = JSON.stringify(input.params ?? {});
    await trx
      .insertInto('notifications')
      .values(users.map((u) => ({ territory_id: input.territoryId, user_id: u.id, kind: input.kind, params, link: input.link ?? null, created_at: ctx.now })))
      .execute();
    notified += users.length;
    const link = input.link ? `${ctx.publicUrl}${input.link}` : null;
    for (const u of users) {
      if (!u.email) continue;
      const { subject, text } = input.mail(u.locale);
      await enqueueMail(trx, { to: u.email, userId: u.id, subject, text: link ? `${text}\n\n${link}` : text });
      mailed += 1;
    }
  }
  return { notified, mailed };
}

/** @module The one way Maille tells a person something: an in-app notification, and a mail through the outbox (now, in a digest, or never, as they chose). */
import type { Executor } from '../core/database/schema.ts';
import { enqueueMail, idArray } from '../core/mailer/outbox.ts';
import { sql } from 'kysely';
import { DEFAULT_EMAIL_PREFERENCE, mailPlan } from './email-preference.ts';

export type NotificationLocale = 'fr' | 'en';

export interface NotificationInput {
  territoryId: string | null;
  /** Everyone to tell; duplicates are told once, erased accounts not at all. */
  userIds: readonly string[];
  /** Stable kind, e.g. `commitment.succeeded`; the web app words it from `kind` and `params`. */
  kind: string;
  params?: Record<string, unknown>;
  /**
   * Besides the people told, whose name or words the notice carries (the author of a thank-you, of a commitment's
   * wording, the resident a check-in notice is about): erasing one of them scrubs the notice and its mail.
   */
  about?: readonly (string | null | undefined)[];
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
 * only if the change they report commits. The mail follows the person's preference
 * (notification_preferences): immediately (the default) queues it now; a daily or weekly digest keeps its
 * subject on the notification for the digest job (send-digests.ts); never sends none. The in-app
 * notification is always recorded. An address not yet verified gets no mail at all (nothing is queued for later:
 * the in-app notification is the record), as the outbox refuses any mail but its verification to such an address.
 * @returns how many people were notified and how many mails were queued now
 */
export async function notify(trx: Executor, input: NotificationInput, ctx: NotifyContext): Promise<{ notified: number; mailed: number }> {
  const ids = [...new Set(input.userIds)];
  let notified = 0;
  let mailed = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const users = await trx
      .selectFrom('users as u')
      .leftJoin('notification_preferences as p', 'p.user_id', 'u.id')
      .select(['u.id', 'u.email', 'u.email_verified_at', 'u.locale', 'p.email as preference'])
      .where('u.id', 'in', ids.slice(i, i + CHUNK))
      .where('u.deleted_at', 'is', null)
      .orderBy('u.id')
      .execute();
    if (users.length === 0) continue;
    const params = JSON.stringify(input.params ?? {});
    const about = sql<string[]>`${idArray(input.about ?? [])}::bigint[]`;
    const plans = users.map((u) => ({ user: u, plan: u.email && u.email_verified_at ? mailPlan(u.preference ?? DEFAULT_EMAIL_PREFERENCE) : ('none' as const) }));
    await trx
      .insertInto('notifications')
      .values(
        plans.map(({ user: u, plan }) => ({
          territory_id: input.territoryId,
          user_id: u.id,
          kind: input.kind,
          params,
          link: input.link ?? null,
          created_at: ctx.now,
          digest_subject: plan === 'digest' ? input.mail(u.locale).subject.slice(0, 300) : null,
          about_user_ids: about,
        })),
      )
      .execute();
    notified += users.length;
    const link = input.link ? `${ctx.publicUrl}${input.link}` : null;
    for (const { user: u, plan } of plans) {
      if (plan !== 'now' || !u.email) continue;
      const { subject, text } = input.mail(u.locale);
      if (await enqueueMail(trx, { to: u.email, userId: u.id, subject, text: link ? `${text}\n\n${link}` : text, about: input.about ?? [] })) mailed += 1;
    }
  }
  return { notified, mailed };
}

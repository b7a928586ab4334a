/** @module Mail goes through an outbox table written in the same transaction as the change it reports, and only to verified addresses. */
import { sql, type Expression } from 'kysely';
import type { Database, Executor } from '../database/schema.ts';

/**
 * What a mail is for. A `notice` (anything Maille tells a person) goes only to the account's verified address.
 * A `verification` link goes to the address it verifies; a `password_reset` link to the account's address,
 * verified or not: opening either proves the address is the person's.
 */
export type MailPurpose = 'notice' | 'verification' | 'password_reset';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The account the mail is for: erasing the account erases its mail, and its address decides delivery. */
  userId: string | null;
  purpose?: MailPurpose;
  /** The other people whose name or words the mail carries: erasing one of them scrubs it. */
  about?: readonly (string | null | undefined)[];
}

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
  sentAt: Date | null;
}

/** A PostgreSQL array literal of ids (digits only, so nothing to escape). */
export function idArray(ids: readonly (string | null | undefined)[]): string {
  const clean = [...new Set(ids.filter((id): id is string => typeof id === 'string' && /^\d+$/.test(id)))];
  return `{${clean.join(',')}}`;
}

/**
 * Queues a mail; it is sent (or kept for the dev outbox) only if the transaction commits. The row is written by
 * one INSERT … SELECT from the account, so a mail whose address the rule refuses is simply not queued (held back:
 * the in-app notification keeps what it said), and a call queues the same statement whether or not it matches.
 * @returns whether the mail was queued
 */
export async function enqueueMail(db: Executor, mail: Mail): Promise<boolean> {
  const purpose = mail.purpose ?? 'notice';
  const rows = await db
    .insertInto('mail_outbox')
    .columns(['user_id', 'to_address', 'subject', 'body_text', 'about_user_ids', 'purpose'])
    .expression((eb) =>
      eb
        .selectFrom('users as u')
        .select([
          'u.id',
          sql<string>`${mail.to}::text`.as('to_address'),
          sql<string>`${mail.subject}::text`.as('subject'),
          sql<string>`${mail.text}::text`.as('body_text'),
          sql<string[]>`${idArray(mail.about ?? [])}::bigint[]`.as('about_user_ids'),
          sql<MailPurpose>`${purpose}::text`.as('purpose'),
        ])
        .where('u.id', '=', mail.userId ?? '0')
        .where('u.deleted_at', 'is', null)
        .$if(purpose !== 'verification', (qb) => qb.where(sql<boolean>`lower(u.email) = lower(${mail.to})`))
        .$if(purpose === 'notice', (qb) => qb.where('u.email_verified_at', 'is not', null)),
    )
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** The most recent mails first. */
export async function listOutbox(db: Database, limit = 50): Promise<OutboxItem[]> {
  const rows = await db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.body_text,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}

/** What a mail that named an erased person says afterwards (the outbox keeps a record that a mail was sent, no more). */
export const SCRUBBED_MAIL = { subject: 'Maille', text: '[Contenu effacé : une personne mentionnée a supprimé son compte. / Content erased: a person it mentioned deleted their account.]' };

/** Erasing a person: every mail addressed to them goes. */
export async function deleteMailTo(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('mail_outbox').where('user_id', '=', userId).execute();
}

/**
 * Erasing a person: mail to others that carries their name, address or words is scrubbed — a mail not yet sent is
 * dropped, a sent one keeps only that it was sent. Mail is found by the ids it was queued `about`, and by the
 * person's name and address appearing in it (a safety net for mails that name someone without declaring it).
 */
export async function scrubMailAbout(db: Executor, person: { id: string; needles: readonly string[] }): Promise<void> {
  const matches = mentionCondition(person.needles, [sql.ref('subject'), sql.ref('body_text')]);
  const about = sql<boolean>`(about_user_ids @> ${idArray([person.id])}::bigint[]${matches ? sql` or ${matches}` : sql``})`;
  await db.deleteFrom('mail_outbox').where('sent_at', 'is', null).where(about).execute();
  await db.updateTable('mail_outbox').set({ subject: SCRUBBED_MAIL.subject, body_text: SCRUBBED_MAIL.text, about_user_ids: sql<string[]>`'{}'::bigint[]` }).where(about).execute();
}

/**
 * "Mentions any of these texts", case-insensitive and as whole words (a name "Léa" does not match "Léandre"), over the
 * given columns; null when there is nothing to look for. Texts shorter than 3 characters are ignored.
 */
export function mentionCondition(needles: readonly string[], columns: readonly Expression<unknown>[]) {
  const texts = [...new Set(needles.map((n) => n.trim()).filter((n) => n.length >= 3))];
  if (texts.length === 0) return null;
  const patterns = texts.map((t) => `(^|[^[:alnum:]_])${t.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`)}($|[^[:alnum:]_])`);
  return sql<boolean>`(${sql.join(
    columns.flatMap((column) => patterns.map((pattern) => sql`${column} ~* ${pattern}`)),
    sql` or `,
  )})`;
}

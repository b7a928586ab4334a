/** @module Mail goes through an outbox table written in the same transaction as the change it reports. */
import type { Database, Executor } from '../database/schema.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The account the mail concerns, so erasing the account erases its mail. */
  userId?: string | null;
}

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
  sentAt: Date | null;
}

/** Queues a mail; it is sent (or kept for the dev outbox) only if the transaction commits. */
export async function enqueueMail(db: Executor, mail: Mail): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({ to_address: mail.to, subject: mail.subject, body_text: mail.text, user_id: mail.userId ?? null })
    .execute();
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

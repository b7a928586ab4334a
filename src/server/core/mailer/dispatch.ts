/** @module Sends queued mail over SMTP when SMTP_URL is set; otherwise mail stays in the outbox. */
import nodemailer from 'nodemailer';
import type { Database } from '../database/schema.ts';

export interface MailDispatcher {
  /** Sends what is pending; returns how many mails were sent. */
  flush(): Promise<number>;
}

/** Without SMTP the outbox is the mailbox (read with `maille mail list` or the dev page). */
export const keepInOutbox: MailDispatcher = { flush: async () => 0 };

export function smtpDispatcher(db: Database, smtpUrl: string, from: string): MailDispatcher {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async flush() {
      // SKIP LOCKED lets several API processes flush the same outbox without sending twice.
      return db.transaction().execute(async (trx) => {
        const pending = await trx
          .selectFrom('mail_outbox')
          .selectAll()
          .where('sent_at', 'is', null)
          .orderBy('id')
          .limit(50)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const mail of pending) {
          await transport.sendMail({ from, to: mail.to_address, subject: mail.subject, text: mail.body_text });
          await trx.updateTable('mail_outbox').set({ sent_at: new Date() }).where('id', '=', mail.id).execute();
        }
        return pending.length;
      });
    },
  };
}

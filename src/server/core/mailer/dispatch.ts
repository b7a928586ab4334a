/** @module Sends queued mail over SMTP when SMTP_URL is set; otherwise mail stays in the outbox. */
import nodemailer from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Database } from '../database/schema.ts';

export interface MailDispatcher {
  /** Sends what is pending; returns how many mails were sent. */
  flush(): Promise<number>;
}

/** Without SMTP the outbox is the mailbox (read with `maille mail list` or the dev page). */
export const keepInOutbox: MailDispatcher = { flush: async () => 0 };

/** `sent_at` is stamped by the clock port, like every other instant Maille writes. */
export function smtpDispatcher(db: Database, clock: Clock, smtpUrl: string, from: string): MailDispatcher {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async flush() {
      // Claim a batch by stamping it sent, in a short transaction: SKIP LOCKED lets several API
      // processes flush one outbox without sending twice, and no connection is held during SMTP.
      const claimed = await db.transaction().execute(async (trx) => {
        const pending = await trx
          .selectFrom('mail_outbox')
          .select('id')
          .where('sent_at', 'is', null)
          .orderBy('id')
          .limit(50)
          .forUpdate()
          .skipLocked()
          .execute();
        if (pending.length === 0) return [];
        return trx
          .updateTable('mail_outbox')
          .set({ sent_at: clock.now() })
          .where('id', 'in', pending.map((p) => p.id))
          .returningAll()
          .execute();
      });
      let sent = 0;
      for (const mail of claimed) {
        try {
          await transport.sendMail({ from, to: mail.to_address, subject: mail.subject, text: mail.body_text });
          sent += 1;
        } catch (error) {
          // Unclaim so the next flush retries it.
          await db.updateTable('mail_outbox').set({ sent_at: null }).where('id', '=', mail.id).execute();
          throw error;
        }
      }
      return sent;
    },
  };
}

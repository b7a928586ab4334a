/**
 * @module The digest job: once per period, one mail per person listing what Maille told them since their last
 * digest — daily at 07:00 Paris time, weekly on Monday at 07:00. Idempotent: a digest is recorded per person and
 * period (unique), together with the notifications it carried, so processes and retries never send one twice.
 */
import { enqueueMail } from '../core/mailer/outbox.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import type { DigestCadence } from './tables.ts';
import { DEFAULT_EMAIL_PREFERENCE, digestCadence, latestSlot } from './email-preference.ts';
import type { NotificationLocale } from './notify.ts';

/** The database, the public URL for the digest's links, the bus to wake the mailer after each digest commits. */
type DigestPorts = Pick<Deps, 'db' | 'bus'> & { config: Pick<Deps['config'], 'publicUrl'> };

export interface DigestReport {
  /** Digest mails queued. */
  sent: number;
  /** Notifications held for people who now want no mail, released without one. */
  dropped: number;
}

/** People with held notifications per run; the next run takes the rest. */
const BATCH = 1000;

export async function sendDigests(deps: DigestPorts, now: Date): Promise<DigestReport> {
  const report: DigestReport = { sent: 0, dropped: 0 };
  const people = await deps.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .leftJoin('notification_preferences as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.email_verified_at', 'u.locale', 'p.email as preference'])
    .distinct()
    .where('n.digest_subject', 'is not', null)
    .where('n.digested_at', 'is', null)
    // Nothing is due before the latest daily slot (a weekly one is never later).
    .where('n.created_at', '<', latestSlot('daily', now).at)
    .where('u.deleted_at', 'is', null)
    .orderBy('u.id')
    .limit(BATCH)
    .execute();
  for (const person of people) {
    const cadence = digestCadence(person.preference ?? DEFAULT_EMAIL_PREFERENCE);
    // No address, or one not verified: the digest's mail would not be queued, so its notifications are released.
    if (cadence === null || !person.email || !person.email_verified_at) {
      const released = await deps.db
        .updateTable('notifications')
        .set({ digested_at: now })
        .where('user_id', '=', person.id)
        .where('digest_subject', 'is not', null)
        .where('digested_at', 'is', null)
        .returning('id')
        .execute();
      report.dropped += released.length;
      continue;
    }
    if (await sendOne(deps, { id: person.id, email: person.email, locale: person.locale }, cadence, now)) report.sent += 1;
  }
  return report;
}

/**
 * One person's digest for the latest slot, if they have held notifications from before it and none was sent for it;
 * its own unit of work, so the mailer wakes once it has committed.
 */
async function sendOne(deps: DigestPorts, person: { id: string; email: string; locale: NotificationLocale }, cadence: DigestCadence, now: Date): Promise<boolean> {
  const slot = latestSlot(cadence, now);
  return inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const held = await trx
      .selectFrom('notifications')
      .select(['id', 'digest_subject', 'link', 'about_user_ids'])
      .where('user_id', '=', person.id)
      .where('digest_subject', 'is not', null)
      .where('digested_at', 'is', null)
      .where('created_at', '<', slot.at)
      .orderBy('id')
      .forUpdate()
      .execute();
    if (held.length === 0) return false;
    const digest = await trx
      .insertInto('notification_digests')
      .values({ user_id: person.id, cadence, period: slot.period, notifications: held.length, sent_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'cadence', 'period']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!digest) return false;
    await trx.updateTable('notifications').set({ digested_at: now }).where('id', 'in', held.map((n) => n.id)).execute();
    const { subject, text } = digestMail(cadence, person.locale, held.map((n) => ({ subject: n.digest_subject ?? '', link: n.link })), deps.config.publicUrl);
    const queued = await enqueueMail(trx, { to: person.email, userId: person.id, subject, text, about: held.flatMap((n) => (n.about_user_ids ?? []).map(String)) });
    work.mailQueued(queued ? 1 : 0);
    return true;
  });
}

/** The digest mail: one line per notification held since the last digest, with its link. */
export function digestMail(
  cadence: 'daily' | 'weekly',
  locale: NotificationLocale,
  items: readonly { subject: string; link: string | null }[],
  publicUrl: string,
): { subject: string; text: string } {
  const lines = items.map((i) => `• ${i.subject}${i.link ? `\n  ${publicUrl}${i.link}` : ''}`).join('\n');
  const settings = `${publicUrl}/notifications`;
  if (locale === 'fr') {
    const when = cadence === 'daily' ? 'de la journée' : 'de la semaine';
    return {
      subject: `Maille : votre résumé ${when} (${items.length})`,
      text: `Voici ce que Maille vous a dit depuis votre dernier résumé :\n\n${lines}\n\nChoisir quand recevoir les courriels : ${settings}`,
    };
  }
  const when = cadence === 'daily' ? 'daily' : 'weekly';
  return {
    subject: `Maille: your ${when} digest (${items.length})`,
    text: `Here is what Maille told you since your last digest:\n\n${lines}\n\nChoose when to get e-mails: ${settings}`,
  };
}

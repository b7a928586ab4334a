/** @module A person's notifications in their data export, erased with the account, and scrubbed from others' when they name the person. */
import { sql } from 'kysely';
import type { Database, Executor } from '../core/database/schema.ts';
import { idArray, mentionCondition } from '../core/mailer/outbox.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export async function exportNotifications(db: Database, userId: string) {
  return db.selectFrom('notifications').select(['kind', 'params', 'link', 'created_at', 'read_at']).where('user_id', '=', userId).orderBy('id').execute();
}

export async function eraseNotifications(trx: Executor, userId: string): Promise<void> {
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute();
}

/** Text parameters that name things, never people: kept when a notice is scrubbed so the web app can still word it. */
const KEPT_TEXT = '(Id|Ids)$|^(kind|urgency|entry|subjectType|status|action|resolution|when|deadline)$';
/** What replaces a scrubbed text parameter (language-neutral: the web app shows it as is). */
export const SCRUBBED_TEXT = '—';

/**
 * Erasing a person: other people's notifications that carry their name or words keep their kind, link, ids and
 * numbers, but every other text parameter becomes "—", and a subject held for a digest becomes neutral. They are
 * found by the ids they were sent `about`, and by the person's name or address appearing in them (a safety net).
 * @returns how many notifications were scrubbed
 */
export async function scrubNotificationsAbout(trx: Executor, person: { id: string; needles: readonly string[] }): Promise<number> {
  const matches = mentionCondition(person.needles, [sql`params::text`, sql.ref('digest_subject')]);
  const result = await sql`
    update notifications set
      params = (
        select coalesce(jsonb_object_agg(key, case when jsonb_typeof(value) = 'string' and key !~ ${KEPT_TEXT} then to_jsonb(${SCRUBBED_TEXT}::text) else value end), '{}'::jsonb)
        from jsonb_each(params)
      ),
      digest_subject = case when digest_subject is null then null else 'Maille' end,
      about_user_ids = '{}'
    where about_user_ids @> ${idArray([person.id])}::bigint[]${matches ? sql` or ${matches}` : sql``}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** The person's notifications; at erasure they go, and what others were told about the person is scrubbed. */
export const notificationPersonalData: PersonalDataSource = {
  exportAt: ['notifications'],
  export: exportNotifications,
  erase: async (trx, person) => {
    await eraseNotifications(trx, person.id);
    await scrubNotificationsAbout(trx, person);
  },
};

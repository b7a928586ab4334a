/**
 * @module A person's moderation data in their export, and what erasing the account does to it: their blocks and
 * e-mail choices go; their reports stay, anonymous and without their comment (the count still protects others);
 * reports about them as a person are deleted with them.
 */
import type { Database, Executor } from '../core/database/schema.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export async function exportModerationData(db: Database, userId: string) {
  const [reportsFiled, blocked, preference, digests, decisionsAboutMe] = await Promise.all([
    db
      .selectFrom('moderation_reports')
      .select(['subject_type as subjectType', 'subject_id as subjectId', 'reason', 'comment', 'created_at as createdAt', 'closed_at as closedAt'])
      .where('reporter_id', '=', userId)
      .orderBy('id')
      .execute(),
    // The people this person blocked (by number: their names are theirs).
    db.selectFrom('user_blocks').select(['blocked_id as userId', 'created_at as blockedAt']).where('blocker_id', '=', userId).orderBy('created_at').execute(),
    db.selectFrom('notification_preferences').select(['email', 'updated_at as updatedAt']).where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('notification_digests').select(['cadence', 'period', 'notifications', 'sent_at as sentAt']).where('user_id', '=', userId).orderBy('id').execute(),
    // Decisions on reports about this person (never who reported them).
    db
      .selectFrom('moderation_decisions')
      .select(['decision', 'reason', 'decided_at as decidedAt'])
      .where('subject_type', '=', 'user')
      .where('subject_id', '=', userId)
      .orderBy('id')
      .execute(),
  ]);
  return { reportsFiled, blocked, emailPreference: preference ?? { email: 'immediately', updatedAt: null }, digests, decisionsAboutMe };
}

export async function eraseModerationData(trx: Executor, userId: string): Promise<void> {
  await trx.deleteFrom('user_blocks').where((eb) => eb.or([eb('blocker_id', '=', userId), eb('blocked_id', '=', userId)])).execute();
  await trx.deleteFrom('notification_preferences').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notification_digests').where('user_id', '=', userId).execute();
  await trx.updateTable('moderation_reports').set({ reporter_id: null, comment: null }).where('reporter_id', '=', userId).execute();
  await trx.deleteFrom('moderation_reports').where('subject_type', '=', 'user').where('subject_id', '=', userId).execute();
}

export const moderationPersonalData: PersonalDataSource = {
  exportAt: ['moderation'],
  export: exportModerationData,
  erase: (trx, person) => eraseModerationData(trx, person.id),
};

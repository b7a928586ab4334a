/** @module When an account is erased: its memberships go, and no community is left without an organiser. */
import type { Transaction } from '../core/database/schema.ts';

/**
 * Removes every membership of the person. Where they were the last organiser, the longest-standing
 * active member becomes organiser; a community left with nobody is deleted.
 */
export async function releaseMemberships(trx: Transaction, userId: string): Promise<void> {
  const organised = await trx
    .selectFrom('community_members')
    .select('community_id')
    .where('user_id', '=', userId)
    .where('role', '=', 'organiser')
    .where('status', '=', 'active')
    .execute();
  await trx.deleteFrom('community_members').where('user_id', '=', userId).execute();
  for (const { community_id: communityId } of organised) {
    const members = trx.selectFrom('community_members').where('community_id', '=', communityId).where('status', '=', 'active');
    const organisers = await members.select('user_id').where('role', '=', 'organiser').limit(1).execute();
    if (organisers.length > 0) continue;
    const heir = await members.select('user_id').orderBy('joined_at').orderBy('user_id').limit(1).executeTakeFirst();
    if (heir) {
      await trx
        .updateTable('community_members')
        .set({ role: 'organiser' })
        .where('community_id', '=', communityId)
        .where('user_id', '=', heir.user_id)
        .execute();
    } else {
      await trx.deleteFrom('communities').where('id', '=', communityId).execute();
    }
  }
}

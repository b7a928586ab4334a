/** @module One person's community memberships across territories (for their data export). */
import type { Database } from '../core/database/schema.ts';

export interface MembershipRecord {
  territory: string;
  communityId: string;
  community: string;
  role: string;
  status: string;
  joinedAt: Date;
}

export async function listMembershipsOf(db: Database, userId: string): Promise<MembershipRecord[]> {
  return db
    .selectFrom('community_members as m')
    .innerJoin('communities as c', 'c.id', 'm.community_id')
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select(['t.slug as territory', 'c.id as communityId', 'c.name as community', 'm.role', 'm.status', 'm.joined_at as joinedAt'])
    .where('m.user_id', '=', userId)
    .orderBy('m.joined_at')
    .execute();
}

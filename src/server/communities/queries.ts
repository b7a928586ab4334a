/** @module Community tables: communities and their members, always filtered by territory. */
import { sql } from 'kysely';
import type { CommunityRow, Executor } from '../core/database/schema.ts';
import type { Membership } from './model.ts';

export async function findCommunity(db: Executor, territoryId: string, id: string): Promise<CommunityRow | undefined> {
  return db.selectFrom('communities').selectAll().where('territory_id', '=', territoryId).where('id', '=', id).executeTakeFirst();
}

export async function findCommunityByInvite(db: Executor, territoryId: string, code: string): Promise<CommunityRow | undefined> {
  return db
    .selectFrom('communities')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('invite_code', '=', code.toUpperCase())
    .executeTakeFirst();
}

export async function findMembership(db: Executor, communityId: string, userId: string | undefined): Promise<Membership | null> {
  if (!userId) return null;
  const row = await db
    .selectFrom('community_members')
    .select(['role', 'status'])
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

export async function countActiveMembers(db: Executor, communityId: string): Promise<number> {
  const row = await db
    .selectFrom('community_members')
    .select(sql<string>`count(*)`.as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countOrganisers(db: Executor, communityId: string): Promise<number> {
  const row = await db
    .selectFrom('community_members')
    .select(sql<string>`count(*)`.as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where('role', '=', 'organiser')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Reads and locks the community row: membership changes to one community run one at a time. */
export async function lockCommunity(trx: Executor, territoryId: string, id: string): Promise<CommunityRow | undefined> {
  return trx
    .selectFrom('communities')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

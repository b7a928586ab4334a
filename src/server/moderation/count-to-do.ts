/** @module What waits for an operator in moderation, counted for the home page's to-do list: subjects with an open report. */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';

export async function countOpenReports(db: Executor, territoryId: string): Promise<number> {
  const row = await db
    .selectFrom('moderation_reports')
    .select(sql<string>`count(distinct (subject_type, subject_id))`.as('n'))
    .where('territory_id', '=', territoryId)
    .where('closed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

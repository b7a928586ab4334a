/** @module Response figures of organisations, computed from their applications of the last 12 months (see response-rate.ts for the rules). */
import type { Executor } from '../core/database/schema.ts';
import { responseStats, WINDOW_DAYS, type ResponseStats } from './response-rate.ts';

export async function organisationStats(db: Executor, organisationIds: readonly string[], now: Date): Promise<Map<string, ResponseStats>> {
  const result = new Map<string, ResponseStats>();
  if (organisationIds.length === 0) return result;
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const rows = await db
    .selectFrom('participations as p')
    .innerJoin('missions as m', 'm.id', 'p.mission_id')
    .select(['m.organisation_id', 'p.awaiting_since', 'p.answered_at', 'p.cancelled_by'])
    .where('m.organisation_id', 'in', organisationIds)
    .where('p.applied_at', '>=', since)
    .execute();
  const byOrg = new Map<string, { awaitingSince: Date | null; answeredAt: Date | null; withdrawn: boolean }[]>();
  for (const r of rows) {
    const list = byOrg.get(r.organisation_id) ?? [];
    list.push({ awaitingSince: r.awaiting_since, answeredAt: r.answered_at, withdrawn: r.cancelled_by === 'volunteer' });
    byOrg.set(r.organisation_id, list);
  }
  for (const id of organisationIds) result.set(id, responseStats(byOrg.get(id) ?? [], now));
  return result;
}

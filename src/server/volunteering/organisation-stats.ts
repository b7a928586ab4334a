/**
 * @module Response figures of organisations, computed from their applications of the last 12 months (see response-rate.ts
 * for the rules). The figures describe how volunteers were answered: outside the organisation's managers, they are shown
 * only when at least PRIVACY_MIN_GROUP distinct volunteers applied (docs/privacy.md).
 */
import type { Executor } from '../core/database/schema.ts';
import { guard, type Guarded } from '../core/privacy/small-group.ts';
import { responseStats, WINDOW_DAYS, type ResponseStats } from './response-rate.ts';

/** `minGroup` null: the viewer manages the organisation and sees its figures whole. */
export async function organisationStats(db: Executor, organisationIds: readonly string[], now: Date, minGroup: number | null): Promise<Map<string, Guarded<ResponseStats>>> {
  const result = new Map<string, Guarded<ResponseStats>>();
  if (organisationIds.length === 0) return result;
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const rows = await db
    .selectFrom('participations as p')
    .innerJoin('missions as m', 'm.id', 'p.mission_id')
    .select(['m.organisation_id', 'p.awaiting_since', 'p.answered_at', 'p.cancelled_by', 'p.user_id'])
    .where('m.organisation_id', 'in', organisationIds)
    .where('p.applied_at', '>=', since)
    .execute();
  const byOrg = new Map<string, { awaitingSince: Date | null; answeredAt: Date | null; withdrawn: boolean }[]>();
  for (const r of rows) {
    const list = byOrg.get(r.organisation_id) ?? [];
    list.push({ awaitingSince: r.awaiting_since, answeredAt: r.answered_at, withdrawn: r.cancelled_by === 'volunteer' });
    byOrg.set(r.organisation_id, list);
  }
  const volunteers = new Map<string, Set<string | null>>();
  for (const r of rows) volunteers.set(r.organisation_id, (volunteers.get(r.organisation_id) ?? new Set()).add(r.user_id));
  for (const id of organisationIds) {
    const stats = responseStats(byOrg.get(id) ?? [], now);
    result.set(id, minGroup === null ? stats : guard(stats, volunteers.get(id)?.size ?? 0, minGroup));
  }
  return result;
}

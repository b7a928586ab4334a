/**
 * @module The collective value of mutual aid, next to the mobility gestures: done requests per ISO week (Europe/Paris),
 * hours of help (the hours reported when marking it done, else the per-kind estimate — both counted apart), people
 * helped and helpers; for a person, a community (help given by its active members) or the territory; and "N others
 * helped this week".
 */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import { guard, isShown, isSuppressed, suppressed, type Guarded, type GuardedCell } from '../core/privacy/small-group.ts';
import { localInstant, weekStart } from '../core/time-of-day.ts';
import { HOURS_ESTIMATE } from './model.ts';
import type { OthersHelped, WeekOfHelp } from './schemas.ts';
import type { AidKind } from './tables.ts';

export type HelpScope = { kind: 'person'; userId: string } | { kind: 'community'; communityId: string } | { kind: 'territory' };


export const HELP_METHOD = [
  'A request counts once it is marked done, in the week (Europe/Paris) it was marked done.',
  'Hours of help: the time reported when marking it done; otherwise an estimate per kind of request (groceries 1 h, pharmacy 45 min, visit 1 h 30, call 30 min, homework 1 h, small repairs 1 h 30, lift 1 h, other 1 h). Estimated and reported hours are shown apart.',
  'People helped: distinct requesters; helpers: distinct accepted helpers. A community counts the help given by its active members.',
];

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const round = (x: number) => Math.round(x * 100) / 100;

interface DoneRow {
  week: string;
  kind: AidKind;
  hours_reported: number | null;
  requester_id: string;
  accepted_helper_id: string | null;
}

async function doneBetween(db: Executor, territoryId: string, scope: HelpScope, firstWeek: string, endWeek: string): Promise<DoneRow[]> {
  const week = sql<string>`to_char(date_trunc('week', (r.done_at at time zone 'Europe/Paris')), 'YYYY-MM-DD')`;
  let q = db
    .selectFrom('aid_requests as r')
    .select([week.as('week'), 'r.kind', 'r.hours_reported', 'r.requester_id', 'r.accepted_helper_id'])
    .where('r.territory_id', '=', territoryId)
    .where('r.status', '=', 'done')
    .where('r.done_at', '>=', localInstant(firstWeek, 0))
    .where('r.done_at', '<', localInstant(endWeek, 0));
  if (scope.kind === 'person') q = q.where('r.accepted_helper_id', '=', scope.userId);
  if (scope.kind === 'community') {
    q = q.where('r.accepted_helper_id', 'in', (eb) => eb.selectFrom('community_members').select('user_id').where('community_id', '=', scope.communityId).where('status', '=', 'active'));
  }
  return q.execute();
}

/** A week as shown: whole, or its date and the suppressed shape. */
export type ShownWeekOfHelp = GuardedCell<WeekOfHelp, 'weekOf'>;

export interface HelpSummary {
  weeks: ShownWeekOfHelp[];
  /** Distinct people helped and helpers over the weeks shown (not the sum of the weeks'). */
  peopleHelped: number;
  helpers: number;
}

/**
 * The last `weeks` ISO weeks up to the week of `today`, oldest first, empty weeks included. With `minGroup`
 * (someone outside the group reads it), a week is shown only when its helpers and the people they helped are
 * each at least `minGroup`; the distinct counts then cover the weeks shown only (docs/privacy.md).
 */
export async function summariseHelp(db: Executor, input: { territoryId: string; scope: HelpScope; weeks: number; today: string; minGroup: number | null }): Promise<HelpSummary> {
  const lastWeek = weekStart(input.today);
  const firstWeek = addDays(lastWeek, -7 * (input.weeks - 1));
  const rows = await doneBetween(db, input.territoryId, input.scope, firstWeek, addDays(lastWeek, 7));
  const out: ShownWeekOfHelp[] = [];
  const counted: DoneRow[] = [];
  for (let w = firstWeek; w <= lastWeek; w = addDays(w, 7)) {
    const of = rows.filter((r) => r.week === w);
    const people = Math.min(new Set(of.map((r) => r.requester_id)).size, new Set(of.flatMap((r) => (r.accepted_helper_id ? [r.accepted_helper_id] : []))).size);
    if (input.minGroup !== null && !isShown(people, input.minGroup)) {
      out.push({ weekOf: w, ...suppressed(input.minGroup) });
      continue;
    }
    counted.push(...of);
    const reported = of.reduce((s, r) => s + (r.hours_reported === null ? 0 : Number(r.hours_reported)), 0);
    const estimated = of.reduce((s, r) => s + (r.hours_reported === null ? HOURS_ESTIMATE[r.kind] : 0), 0);
    out.push({
      weekOf: w,
      requestsDone: of.length,
      hours: round(reported + estimated),
      hoursReported: round(reported),
      hoursEstimated: round(estimated),
      peopleHelped: new Set(of.map((r) => r.requester_id)).size,
      helpers: new Set(of.flatMap((r) => (r.accepted_helper_id ? [r.accepted_helper_id] : []))).size,
    });
  }
  return {
    weeks: out,
    peopleHelped: new Set(counted.map((r) => r.requester_id)).size,
    helpers: new Set(counted.flatMap((r) => (r.accepted_helper_id ? [r.accepted_helper_id] : []))).size,
  };
}

/** Totals over the weeks shown; none shown (outside a small group), no totals. */
export function totalsOfHelp(summary: HelpSummary, minGroup: number | null): Guarded<Omit<WeekOfHelp, 'weekOf'>> {
  const weeks = summary.weeks.filter((w): w is WeekOfHelp => !isSuppressed(w));
  if (minGroup !== null && weeks.length === 0) return suppressed(minGroup);
  return {
    peopleHelped: summary.peopleHelped,
    helpers: summary.helpers,
    requestsDone: weeks.reduce((s, w) => s + w.requestsDone, 0),
    hours: round(weeks.reduce((s, w) => s + w.hours, 0)),
    hoursReported: round(weeks.reduce((s, w) => s + w.hoursReported, 0)),
    hoursEstimated: round(weeks.reduce((s, w) => s + w.hoursEstimated, 0)),
  };
}


/** Others (not `userId`) who helped — a request marked done with them as helper — in the ISO week of `date`. */
export async function othersHelpedThisWeek(db: Executor, input: { territoryId: string; userId: string; date: string; minGroup: number }): Promise<OthersHelped> {
  const from = weekStart(input.date);
  const rows = await doneBetween(db, input.territoryId, { kind: 'territory' }, from, addDays(from, 7));
  const helpers = new Set(rows.flatMap((r) => (r.accepted_helper_id && r.accepted_helper_id !== input.userId ? [r.accepted_helper_id] : [])));
  const mine = await db
    .selectFrom('community_members as mine')
    .innerJoin('communities as c', 'c.id', 'mine.community_id')
    .leftJoin('community_members as other', (j) =>
      j.onRef('other.community_id', '=', 'mine.community_id').on('other.status', '=', 'active').onRef('other.user_id', '<>', 'mine.user_id'),
    )
    .select(['c.id', 'c.name', 'other.user_id'])
    .where('mine.user_id', '=', input.userId)
    .where('mine.status', '=', 'active')
    .where('mine.territory_id', '=', input.territoryId)
    .orderBy('c.name')
    .execute();
  const communities = new Map<string, { id: string; name: string; others: number }>();
  for (const m of mine) {
    const entry = communities.get(m.id) ?? { id: m.id, name: m.name, others: 0 };
    if (m.user_id && helpers.has(m.user_id)) entry.others += 1;
    communities.set(m.id, entry);
  }
  return { weekOf: from, territory: guard(helpers.size, helpers.size, input.minGroup), communities: [...communities.values()] };
}

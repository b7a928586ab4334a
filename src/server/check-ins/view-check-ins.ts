/**
 * @module Reading check-ins: my follow-up and today's status; the people I watch over (invitations, today, open alerts);
 * a follow-up's history — the resident and active referents only, staff with a stated reason that is audited; and the
 * duty list, which shows staff an alert only once it escalated to them.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { Executor } from '../core/database/schema.ts';
import { toHHMM } from '../core/time-of-day.ts';
import { recordAudit } from '../audit/index.ts';
import { auditStaffRead, statedReason } from '../audit/index.ts';
import { requireResident, requireTerritoryRole } from '../territories/index.ts';
import { DUTY_ROLES, notVisible, reasonRequired, relationTo } from './access.ts';
import type { AlertView, Duty, EnrolmentView, History, HistoryDay, MyCheckIns, TodayView, WatchedView, Watching } from './schemas.ts';
import { addDays, dayStatus, deadlineOn, isDayExpected, today } from './schedule.ts';
import { findEnrolment, findEnrolmentOf, listReferents, toSchedule, type EnrolmentRow } from './store.ts';

/** How many past days a history shows. */
export const HISTORY_DAYS = 30;

async function todayOf(db: Executor, row: EnrolmentRow, now: Date): Promise<TodayView> {
  const date = today(now);
  const c = await db.selectFrom('check_ins').select(['at', 'channel']).where('enrolment_id', '=', row.id).where('local_date', '=', date).executeTakeFirst();
  return { date, status: dayStatus(toSchedule(row), date, c !== undefined, now), deadlineAt: deadlineOn(date, row.deadline_minutes), checkIn: c ?? null };
}

async function enrolmentView(db: Executor, row: EnrolmentRow, now: Date): Promise<EnrolmentView> {
  return {
    id: row.id,
    deadline: toHHMM(row.deadline_minutes),
    weekdays: row.weekdays,
    escalationMinutes: row.escalation_minutes,
    started: row.counts_from !== null,
    paused: row.paused_from && (row.paused_until === null || row.paused_until >= today(now)) ? { since: row.paused_from, until: row.paused_until } : null,
    enrolledByMediator: row.enrolled_by !== null,
    referents: await listReferents(db, row.id),
    today: await todayOf(db, row, now),
  };
}

async function alertsOf(db: Executor, enrolmentIds: readonly string[], where: { openOnly?: boolean; since?: string } = {}): Promise<Map<string, AlertView[]>> {
  const out = new Map<string, AlertView[]>();
  if (enrolmentIds.length === 0) return out;
  let q = db.selectFrom('check_in_alerts').selectAll().where('enrolment_id', 'in', enrolmentIds);
  if (where.openOnly) q = q.where('resolved_at', 'is', null);
  if (where.since) q = q.where('local_date', '>=', where.since);
  const alerts = await q.orderBy('local_date', 'desc').execute();
  const acks = alerts.length
    ? await db
        .selectFrom('check_in_acknowledgements as k')
        .leftJoin('users as u', 'u.id', 'k.user_id')
        .select(['k.alert_id', 'u.display_name', 'k.role', 'k.action', 'k.note', 'k.at'])
        .where('k.alert_id', 'in', alerts.map((a) => a.id))
        .orderBy('k.id')
        .execute()
    : [];
  for (const a of alerts) {
    const list = out.get(a.enrolment_id) ?? [];
    list.push({
      id: a.id,
      date: a.local_date,
      deadlineAt: a.deadline_at,
      raisedAt: a.raised_at,
      escalateAt: a.escalate_at,
      escalatedAt: a.escalated_at,
      resolvedAt: a.resolved_at,
      resolution: a.resolution,
      acknowledgements: acks.filter((k) => k.alert_id === a.id).map((k) => ({ by: k.display_name, role: k.role, action: k.action, note: k.note, at: k.at })),
    });
    out.set(a.enrolment_id, list);
  }
  return out;
}

/** My follow-up in this territory (null when not enrolled). */
export async function viewMyCheckIns(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope): Promise<MyCheckIns> {
  const actor = await requireResident(deps.db, territory, viewer);
  const row = await findEnrolmentOf(deps.db, territory.id, actor.userId);
  if (!row) return { enrolment: null, openAlerts: [] };
  const now = deps.clock.now();
  return { enrolment: await enrolmentView(deps.db, row, now), openAlerts: (await alertsOf(deps.db, [row.id], { openOnly: true })).get(row.id) ?? [] };
}

/** The people I watch over (active), and the invitations waiting for my answer. */
export async function viewWatching(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope): Promise<Watching> {
  const actor = await requireResident(deps.db, territory, viewer);
  const now = deps.clock.now();
  const links = await deps.db
    .selectFrom('check_in_referents as r')
    .innerJoin('check_in_enrolments as e', 'e.id', 'r.enrolment_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['r.enrolment_id', 'r.status', 'r.invited_at', 'u.id as resident_id', 'u.display_name'])
    .where('r.territory_id', '=', territory.id)
    .where('r.user_id', '=', actor.userId)
    .where('r.status', 'in', ['invited', 'active'])
    .where('u.deleted_at', 'is', null)
    .orderBy('r.id')
    .execute();
  const invitations = links.filter((l) => l.status === 'invited').map((l) => ({ enrolmentId: l.enrolment_id, resident: { userId: l.resident_id, displayName: l.display_name }, invitedAt: l.invited_at }));
  const active = links.filter((l) => l.status === 'active');
  const alerts = await alertsOf(deps.db, active.map((l) => l.enrolment_id), { openOnly: true });
  const watching: WatchedView[] = [];
  for (const l of active) {
    const row = await findEnrolment(deps.db, territory.id, l.enrolment_id);
    if (!row) continue;
    const view = await enrolmentView(deps.db, row, now);
    watching.push({
      enrolmentId: row.id,
      resident: { userId: l.resident_id, displayName: l.display_name },
      deadline: view.deadline,
      weekdays: view.weekdays,
      started: view.started,
      paused: view.paused,
      today: view.today,
      openAlerts: alerts.get(row.id) ?? [],
    });
  }
  return { invitations, watching };
}

/**
 * A follow-up's last 30 days: check-ins, alerts and acknowledgements. The resident and active referents read it;
 * mediators, operators and admins only with a reason, recorded as `personal_data.viewed`; anyone else gets 404.
 */
export async function viewHistory(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { enrolmentId: string; reason?: string | undefined }): Promise<History> {
  const actor = await requireResident(deps.db, territory, viewer);
  const row = await findEnrolment(deps.db, territory.id, input.enrolmentId);
  if (!row) throw notVisible();
  const relation = await relationTo(deps.db, row, actor);
  if (relation === 'none') throw notVisible();
  const reason = input.reason?.trim() ?? '';
  if (relation === 'staff' && reason.length < 5) throw reasonRequired();
  const now = deps.clock.now();
  const to = today(now);
  const from = [addDays(to, -(HISTORY_DAYS - 1)), today(row.created_at)].sort().at(-1)!;
  const read = async (db: Executor): Promise<History> => {
    const [resident, checkIns, alerts] = await Promise.all([
      db.selectFrom('users').select(['id', 'display_name']).where('id', '=', row.user_id).executeTakeFirstOrThrow(),
      db.selectFrom('check_ins').select(['local_date', 'at', 'channel']).where('enrolment_id', '=', row.id).where('local_date', '>=', from).execute(),
      alertsOf(db, [row.id], { since: from }),
    ]);
    const schedule = toSchedule(row);
    const days: HistoryDay[] = [];
    for (let d = to; d >= from; d = addDays(d, -1)) {
      const c = checkIns.find((x) => x.local_date === d);
      days.push({ date: d, expected: isDayExpected(schedule, d), checkIn: c ? { at: c.at, channel: c.channel } : null });
    }
    return {
      resident: { userId: resident.id, displayName: resident.display_name },
      deadline: toHHMM(row.deadline_minutes),
      weekdays: row.weekdays,
      viewedAs: relation,
      days,
      alerts: alerts.get(row.id) ?? [],
    };
  };
  if (relation !== 'staff') return read(deps.db);
  // Staff access: the read and its audited reason commit together.
  return deps.db.transaction().execute(async (trx) => {
    const result = await read(trx);
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'personal_data.viewed',
      subjectType: 'check_in_enrolment',
      subjectId: row.id,
      reason,
      details: { userId: row.user_id, what: 'check_in_history' },
      requestId,
      at: now,
    });
    return result;
  });
}

/** For mediators, operators and admins: alerts that escalated to the people on duty — open ones and those closed in the last 7 days. */
export async function viewDuty(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, read: { reason: string }): Promise<Duty> {
  await requireTerritoryRole(deps.db, territory, viewer, DUTY_ROLES);
  const reason = statedReason(read.reason);
  const since = new Date(deps.clock.now().getTime() - 7 * 86_400_000);
  const rows = await deps.db
    .selectFrom('check_in_alerts as a')
    .innerJoin('check_in_enrolments as e', 'e.id', 'a.enrolment_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('territory_members as m', (j) => j.onRef('m.territory_id', '=', 'e.territory_id').onRef('m.user_id', '=', 'e.user_id'))
    .leftJoin('communes as c', (j) => j.onRef('c.territory_id', '=', 'e.territory_id').onRef('c.code', '=', 'm.commune_code'))
    .select(['a.id', 'a.enrolment_id', 'u.id as resident_id', 'u.display_name', 'c.name as commune'])
    .where('a.territory_id', '=', territory.id)
    .where('a.escalated_at', 'is not', null)
    .where((eb) => eb.or([eb('a.resolved_at', 'is', null), eb('a.resolved_at', '>=', since)]))
    .orderBy('a.escalated_at', 'desc')
    .limit(200)
    .execute();
  const alerts = await alertsOf(deps.db, [...new Set(rows.map((r) => r.enrolment_id))]);
  const items: Duty['items'] = [];
  for (const r of rows) {
    const alert = alerts.get(r.enrolment_id)?.find((a) => a.id === r.id);
    if (!alert) continue;
    const referents = (await listReferents(deps.db, r.enrolment_id)).filter((x) => x.status === 'active').map((x) => ({ userId: x.userId, displayName: x.displayName }));
    items.push({ ...alert, enrolmentId: r.enrolment_id, resident: { userId: r.resident_id, displayName: r.display_name, commune: r.commune }, referents });
  }
  // Names, communes, referents and notes are personal data: the read is audited with its reason before it is shown.
  const people = items.flatMap((i) => [i.resident.userId, ...i.referents.map((x) => x.userId)]);
  await auditStaffRead(deps.db, { territoryId: territory.id, viewer: viewer!, reason, what: 'check_in_duty_list', subjectType: 'check_in_duty', people, requestId, at: deps.clock.now() });
  return { items };
}

/**
 * @module The moderation queue and its decisions. Operators and admins see every open report of the territory;
 * a community's organisers see those about their community. Open reports are grouped by subject (what, why,
 * how many, hidden or not, never who reported). A review keeps (shown again) or removes (stays hidden), with a
 * reason; it closes the subject's open reports, is audited, and tells the authors.
 */
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { auditStaffRead, statedReason } from '../audit/index.ts';
import { notify } from '../notifications/index.ts';
import { requireResident } from '../territories/index.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { subjectMail } from './messages.ts';
import { moderatorRole, reviewEffect } from './model.ts';
import type { ModerationDeps } from './report-content.ts';
import { authorsOf, describeSubjects, findSubject, setHidden, SUBJECTS, type SubjectType } from './subjects.ts';
import type { ModerationDecision } from './tables.ts';
import type { Queue, QueueItem, ReviewAnswer } from './schemas.ts';

/** One reported subject in the queue: the `QueueItem` response schema. */
export type { QueueItem } from './schemas.ts';

/** Communities the person organises in this territory (active organiser). */
async function organisedCommunities(db: Executor, territoryId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('community_members')
    .select('community_id')
    .where('territory_id', '=', territoryId)
    .where('user_id', '=', userId)
    .where('role', '=', 'organiser')
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.community_id);
}

const cannotModerate = () => new AppError('forbidden', 'Only the territory’s operators, or a community’s organisers for their community, moderate reports.');

export async function listQueue(
  { db }: Pick<Deps, 'db'>,
  { territory, viewer, requestId }: RequestScope,
  input: { communityId?: string | undefined; reason: string },
): Promise<Omit<Queue, 'hideAfter'>> {
  const actor = await requireResident(db, territory, viewer);
  const reason = statedReason(input.reason);
  const operator = moderatorRole(actor.roles, false) === 'operator';
  const organised = operator ? [] : await organisedCommunities(db, territory.id, actor.userId);
  if (!operator && (organised.length === 0 || (input.communityId !== undefined && !organised.includes(input.communityId)))) throw cannotModerate();
  const communities = input.communityId !== undefined ? [input.communityId] : organised;
  const rows = await db
    .selectFrom('moderation_reports')
    .select(['subject_type', 'subject_id', 'community_id', 'reason', 'comment', 'created_at'])
    .where('territory_id', '=', territory.id)
    .where('closed_at', 'is', null)
    .$if(!operator || input.communityId !== undefined, (q) => q.where('community_id', 'in', communities))
    .orderBy('created_at')
    .limit(5000)
    .execute();
  const groups = new Map<string, QueueItem>();
  for (const r of rows) {
    const type = r.subject_type as SubjectType;
    const key = `${type}:${r.subject_id}`;
    let g = groups.get(key);
    if (!g) {
      g = { subjectType: type, subjectId: r.subject_id, label: '', private: SUBJECTS[type]?.privateText === true, communityId: r.community_id, hidden: false, hideable: SUBJECTS[type]?.hideable ?? false, reports: 0, reasons: {}, comments: [], firstReportedAt: r.created_at, lastReportedAt: r.created_at };
      groups.set(key, g);
    }
    g.reports += 1;
    g.reasons[r.reason] = (g.reasons[r.reason] ?? 0) + 1;
    if (r.comment) g.comments.push({ reason: r.reason, comment: r.comment, at: r.created_at });
    g.lastReportedAt = r.created_at;
  }
  const items = [...groups.values()];
  const labels = await describeSubjects(db, items.filter((i) => !i.private).map((i) => ({ type: i.subjectType, id: i.subjectId })));
  for (const item of items) {
    item.label = item.private ? '' : (labels.get(`${item.subjectType}:${item.subjectId}`) ?? '');
    const subject = await findSubject(db, territory.id, item.subjectType, item.subjectId);
    item.hidden = subject?.hiddenAt != null;
  }
  // Hidden content first (people are waiting for a decision), then the most reported, then the oldest.
  items.sort((a, b) => Number(b.hidden) - Number(a.hidden) || b.reports - a.reports || a.firstReportedAt.getTime() - b.firstReportedAt.getTime());
  // What was reported, about whom and the reporters' words are personal data: the read is audited with its reason.
  await auditStaffRead(db, {
    territoryId: territory.id,
    viewer: viewer!,
    reason,
    what: 'moderation_queue',
    subjectType: 'moderation_queue',
    people: items.filter((i) => i.subjectType === 'user').map((i) => i.subjectId),
    details: { scope: operator ? 'operator' : 'organiser', communityId: input.communityId ?? null, subjects: items.map((i) => `${i.subjectType}:${i.subjectId}`) },
    requestId,
  });
  return { items, scope: operator ? 'operator' : 'organiser' };
}

export interface ReviewInput {
  subjectType: SubjectType;
  subjectId: string;
  decision: ModerationDecision;
  reason: string;
}

export async function reviewSubject(deps: ModerationDeps, { territory, viewer, requestId }: RequestScope, input: ReviewInput): Promise<ReviewAnswer> {
  const actor = await requireResident(deps.db, territory, viewer);
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('invalid', 'Say why (the author is told).', { field: '/reason' });
  const now = deps.clock.now();
  const outcome = await inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const subject = await findSubject(trx, territory.id, input.subjectType, input.subjectId, true);
    const open = await trx
      .selectFrom('moderation_reports')
      .select(['id', 'community_id'])
      .where('territory_id', '=', territory.id)
      .where('subject_type', '=', input.subjectType)
      .where('subject_id', '=', input.subjectId)
      .where('closed_at', 'is', null)
      .forUpdate()
      .execute();
    const communityId = subject?.communityId ?? open[0]?.community_id ?? null;
    const organises = communityId !== null && (await organisedCommunities(trx, territory.id, actor.userId)).includes(communityId);
    const role = moderatorRole(actor.roles, organises);
    if (!role) {
      // Someone who may not moderate learns nothing about the subject or its reports.
      throw cannotModerate();
    }
    if (!subject && open.length === 0) throw new AppError('not_found', 'Reported item not found.');
    // Operators may decide on any subject (an override); organisers answer open reports only.
    if (open.length === 0 && role === 'organiser') throw new AppError('conflict', 'There is no open report about this.', { reason: 'nothing_to_review' });
    const kind = SUBJECTS[input.subjectType];
    const wasHidden = subject?.hiddenAt != null;
    const effect = reviewEffect(input.decision, wasHidden, kind.hideable && subject !== undefined);
    if (subject && kind.hideable) await setHidden(trx, territory.id, input.subjectType, subject.id, effect.hidden ? (subject.hiddenAt ?? now) : null);
    const decision = await trx
      .insertInto('moderation_decisions')
      .values({ territory_id: territory.id, subject_type: input.subjectType, subject_id: input.subjectId, decision: input.decision, reason, decided_by: actor.userId, decided_as: role, decided_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (open.length > 0) {
      await trx.updateTable('moderation_reports').set({ closed_at: now, decision_id: decision.id }).where('id', 'in', open.map((r) => r.id)).execute();
    }
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: 'moderation.reviewed',
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      reason,
      details: { decision: input.decision, as: role, reports: open.length, hidden: effect.hidden },
      requestId,
      at: now,
    });
    let mailed = 0;
    if (effect.tellAuthor && subject) {
      const notice = input.subjectType === 'user' ? 'warned' : effect.tellAuthor;
      const told = await notify(
        trx,
        {
          territoryId: territory.id,
          userIds: await authorsOf(trx, input.subjectType, subject.id),
          kind: `moderation.${notice}`,
          params: { subjectType: input.subjectType, subjectId: subject.id, reason },
          link: null,
          mail: (locale) => subjectMail(notice, input.subjectType, locale, reason),
        },
        { now, publicUrl: deps.config.publicUrl },
      );
      mailed = told.mailed;
    }
    work.mailQueued(mailed);
    return { decision: input.decision, hidden: effect.hidden, closedReports: open.length };
  });
  return { decision: outcome.decision, hidden: outcome.hidden, closedReports: outcome.closedReports };
}

/**
 * @module Reporting a person or content: one report per reporter per subject, never oneself or one's own content.
 * At the configured number of open reports the content is hidden in the same transaction, and its authors are told.
 */
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { notify } from '../notifications/index.ts';
import { requireResident } from '../territories/index.ts';
import { subjectMail } from './messages.ts';
import { shouldHide } from './model.ts';
import { authorsOf, canSee, findSubject, setHidden, SUBJECTS, type SubjectType } from './subjects.ts';
import type { ReportReason } from './tables.ts';
import type { ReportAnswer } from './schemas.ts';

/** What moderation's writes need: the database, the clock, the public URL and MODERATION_HIDE_AFTER, the bus for mail. */
export type ModerationDeps = Pick<Deps, 'db' | 'clock' | 'bus'> & { config: Pick<Deps['config'], 'publicUrl' | 'moderationHideAfter'> };

export interface ReportInput {
  subjectType: SubjectType;
  subjectId: string;
  reason: ReportReason;
  comment?: string | undefined;
}

const alreadyReported = () => new AppError('conflict', 'You have already reported this.', { reason: 'already_reported' });

export async function reportContent(deps: ModerationDeps, { territory, viewer, requestId }: RequestScope, input: ReportInput): Promise<ReportAnswer> {
  const actor = await requireResident(deps.db, territory, viewer);
  const comment = input.comment?.trim() || null;
  const now = deps.clock.now();
  const kind = SUBJECTS[input.subjectType];
  try {
    const outcome = await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      // The row lock queues concurrent reports on one subject, so the threshold is crossed exactly once.
      const subject = await findSubject(trx, territory.id, input.subjectType, input.subjectId, true);
      if (!subject || !(await canSee(trx, input.subjectType, subject.id, actor.userId))) throw notFound('Reported item');
      const authors = await authorsOf(trx, input.subjectType, subject.id);
      if (input.subjectType === 'user' ? subject.id === actor.userId : authors.includes(actor.userId)) {
        throw new AppError('invalid', 'You cannot report yourself or your own content.', { field: '/subjectId', reason: 'self_report' });
      }
      const existing = await trx
        .selectFrom('moderation_reports')
        .select('id')
        .where('subject_type', '=', input.subjectType)
        .where('subject_id', '=', subject.id)
        .where('reporter_id', '=', actor.userId)
        .executeTakeFirst();
      if (existing) throw alreadyReported();
      const report = await trx
        .insertInto('moderation_reports')
        .values({
          territory_id: territory.id,
          subject_type: input.subjectType,
          subject_id: subject.id,
          community_id: subject.communityId,
          reporter_id: actor.userId,
          reason: input.reason,
          comment,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        territoryId: territory.id,
        ...auditActor(viewer!),
        action: 'moderation.reported',
        subjectType: input.subjectType,
        subjectId: subject.id,
        reason: input.reason,
        requestId,
        at: now,
      });
      const open = await trx
        .selectFrom('moderation_reports')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('subject_type', '=', input.subjectType)
        .where('subject_id', '=', subject.id)
        .where('closed_at', 'is', null)
        .executeTakeFirstOrThrow();
      const hide = shouldHide({ openReports: Number(open.n), threshold: deps.config.moderationHideAfter, alreadyHidden: subject.hiddenAt !== null, autoHide: kind.hideable });
      let mailed = 0;
      if (hide) {
        await setHidden(trx, territory.id, input.subjectType, subject.id, now);
        await recordAudit(trx, {
          territoryId: territory.id,
          actorId: null,
          action: 'moderation.hidden',
          subjectType: input.subjectType,
          subjectId: subject.id,
          reason: 'reports',
          details: { reports: Number(open.n), threshold: deps.config.moderationHideAfter },
          requestId,
          at: now,
        });
        const told = await notify(
          trx,
          {
            territoryId: territory.id,
            userIds: authors,
            kind: 'moderation.hidden',
            params: { subjectType: input.subjectType, subjectId: subject.id },
            link: null,
            mail: (locale) => subjectMail('hidden', input.subjectType, locale),
          },
          { now, publicUrl: deps.config.publicUrl },
        );
        mailed = told.mailed;
      }
      work.mailQueued(mailed);
      return { id: report.id, hidden: hide || subject.hiddenAt !== null };
    });
    return { id: outcome.id, hidden: outcome.hidden };
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyReported();
    throw error;
  }
}

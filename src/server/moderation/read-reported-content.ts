/**
 * @module A moderator reads the text of reported private words (a ride's message), which the queue withholds: only
 * while a report about it is open, only someone who may moderate it, only with a stated reason — and the read is
 * audited, naming its authors.
 */
import { AppError, notFound } from '../core/errors.ts';
import { auditStaffRead, statedReason } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { moderatorRole } from './model.ts';
import { authorsOf, findSubject, SUBJECTS, subjectText, type SubjectType } from './subjects.ts';
import type { ReportedContent } from './schemas.ts';

export interface ContentReadInput {
  subjectType: SubjectType;
  subjectId: string;
  reason: string;
}

export async function readReportedContent({ db }: Pick<Deps, 'db'>, { territory, viewer, requestId }: RequestScope, input: ContentReadInput): Promise<ReportedContent> {
  const actor = await requireResident(db, territory, viewer);
  const reason = statedReason(input.reason);
  // Private words have no community: their moderators are the territory's operators and admins.
  if (!moderatorRole(actor.roles, false)) throw new AppError('forbidden', 'Only the territory’s operators and admins read reported private messages.');
  if (!SUBJECTS[input.subjectType].privateText) throw notFound('Reported private content');
  const subject = await findSubject(db, territory.id, input.subjectType, input.subjectId);
  const open = await db
    .selectFrom('moderation_reports')
    .select('id')
    .where('territory_id', '=', territory.id)
    .where('subject_type', '=', input.subjectType)
    .where('subject_id', '=', input.subjectId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  // Nobody reads a private message that nobody reported, or once its reports are closed.
  if (!subject || !open) throw notFound('Reported private content');
  const text = (await subjectText(db, input.subjectType, subject.id)) ?? '';
  await auditStaffRead(db, {
    territoryId: territory.id,
    viewer: viewer!,
    reason,
    what: 'reported_private_content',
    subjectType: input.subjectType,
    subjectId: subject.id,
    people: await authorsOf(db, input.subjectType, subject.id),
    requestId,
  });
  return { text };
}

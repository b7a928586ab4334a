/** @module Request and response schemas of moderation routes, the types its use-cases return, and the reasons its refusals carry. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { StaffReason } from '../audit/index.ts';
import { REPORT_REASONS } from './model.ts';
import { SUBJECT_TYPES } from './subjects.ts';

/** Every `reason` a moderation refusal carries, for clients to branch on. */
export const MODERATION_REASONS = ['already_reported', 'self_report', 'nothing_to_review'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

export const SubjectType = StringEnum(SUBJECT_TYPES);
export type SubjectType = Static<typeof SubjectType>;
export const ReportReason = StringEnum(REPORT_REASONS);
export type ReportReason = Static<typeof ReportReason>;
export const Decision = StringEnum(['keep', 'remove'] as const);

const Subject = { subjectType: SubjectType, subjectId: IdParam };
export const UserParams = Type.Object({ territory: TerritoryParam.properties.territory, userId: IdParam });
export const SubjectParams = Type.Object({ territory: TerritoryParam.properties.territory, ...Subject });

export const ReportBody = Type.Object(
  { ...Subject, reason: ReportReason, comment: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const ReportAnswer = Type.Object({ id: Type.String(), hidden: Type.Boolean({ description: 'whether the content is now hidden until reviewed' }) });
export type ReportAnswer = Static<typeof ReportAnswer>;

const count = () => Type.Optional(Type.Integer({ minimum: 1 }));
export const QueueItem = Type.Object({
  subjectType: SubjectType,
  subjectId: Type.String(),
  label: Type.String({ description: 'a name, title or the start of a text; empty when the content is gone or private' }),
  private: Type.Boolean({ description: 'private words: the label is empty, the text is read through …/content with a reason' }),
  communityId: Type.Union([Type.String(), Type.Null()]),
  hidden: Type.Boolean(),
  hideable: Type.Boolean(),
  reports: Type.Integer(),
  reasons: Type.Object(
    { spam: count(), abuse: count(), unsafe: count(), personal_data: count(), other: count() },
    { additionalProperties: false, description: 'open reports by reason' },
  ),
  comments: Type.Array(Type.Object({ reason: ReportReason, comment: Type.String(), at: DateTime })),
  firstReportedAt: DateTime,
  lastReportedAt: DateTime,
});
export type QueueItem = Static<typeof QueueItem>;

export const QueueQuery = Type.Object({ communityId: Type.Optional(IdParam), reason: StaffReason }, { additionalProperties: false });
export const Queue = Type.Object({
  scope: StringEnum(['operator', 'organiser'] as const),
  hideAfter: Type.Integer({ description: 'MODERATION_HIDE_AFTER: distinct reports that hide content' }),
  items: Type.Array(QueueItem),
});
export type Queue = Static<typeof Queue>;

export const ContentQuery = Type.Object({ reason: StaffReason }, { additionalProperties: false });
export const ReportedContent = Type.Object({ text: Type.String() });
export type ReportedContent = Static<typeof ReportedContent>;

export const ReviewBody = Type.Object(
  { ...Subject, decision: Decision, reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export const ReviewAnswer = Type.Object({ decision: Decision, hidden: Type.Boolean(), closedReports: Type.Integer() });
export type ReviewAnswer = Static<typeof ReviewAnswer>;

export const Block = Type.Object({ userId: Type.String(), displayName: Type.String(), blockedAt: DateTime });
export type Block = Static<typeof Block>;
export const BlockList = Type.Object({ items: Type.Array(Block) });
export type BlockList = Static<typeof BlockList>;
export const BlockAnswer = Type.Object({ blocked: Type.Literal(true) });
export type BlockAnswer = Static<typeof BlockAnswer>;

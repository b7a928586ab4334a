/** @module HTTP routes: Safety: reports, automatic hiding, moderation queue, blocks (notification preferences live with notifications). */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { DateTime, IdParam, NoContent, problemResponses, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { StaffReason } from '../audit/staff-read.ts';
import { blockUser, listMyBlocks, unblockUser } from './block-user.ts';
import { REPORT_REASONS } from './model.ts';
import { reportContent } from './report-content.ts';
import { readReportedContent } from './read-reported-content.ts';
import { listQueue, reviewSubject } from './review-reports.ts';
import { SUBJECT_TYPES } from './subjects.ts';

const tags = ['moderation'];
const base = '/api/territories/:territory';
const UserParams = Type.Object({ territory: TerritoryParam.properties.territory, userId: IdParam });
const Subject = { subjectType: StringEnum(SUBJECT_TYPES), subjectId: IdParam };

const QueueItem = Type.Object({
  subjectType: Type.String(),
  subjectId: Type.String(),
  label: Type.String(),
  private: Type.Boolean({ description: 'private words: the label is empty, the text is read through …/content with a reason' }),
  communityId: Type.Union([Type.String(), Type.Null()]),
  hidden: Type.Boolean(),
  hideable: Type.Boolean(),
  reports: Type.Integer(),
  reasons: Type.Record(Type.String(), Type.Integer()),
  comments: Type.Array(Type.Object({ reason: Type.String(), comment: Type.String(), at: DateTime })),
  firstReportedAt: DateTime,
  lastReportedAt: DateTime,
});

export const moderationRoutes: RouteModule = (app, deps) => {
  app.post(`${base}/reports`, {
    schema: {
      tags,
      description: `Report a person or content. One report per person per subject (409 \`already_reported\`); never yourself (400 \`self_report\`). Content is hidden once ${deps.config.moderationHideAfter} people reported it (MODERATION_HIDE_AFTER), until reviewed; a person is only reviewed.`,
      params: TerritoryParam,
      body: Type.Object({ ...Subject, reason: StringEnum(REPORT_REASONS), comment: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Type.String(), hidden: Type.Boolean() }), ...problemResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(
        await reportContent(deps, { slug: req.params.territory, viewer: req.viewer, ...req.body, subjectType: req.body.subjectType, requestId: req.id }),
      ),
  });

  app.get(`${base}/moderation/reports`, {
    schema: {
      tags,
      description: 'The moderation queue: open reports grouped by subject (what, why, how many, hidden or not; never who reported; never the text of private words). Operators and admins see the territory; organisers their communities (`communityId` narrows to one). A staff read of personal data: `reason` is required and recorded in the audit log.',
      params: TerritoryParam,
      querystring: Type.Object({ communityId: Type.Optional(IdParam), reason: StaffReason }, { additionalProperties: false }),
      response: { 200: Type.Object({ scope: StringEnum(['operator', 'organiser'] as const), hideAfter: Type.Integer({ description: 'MODERATION_HIDE_AFTER: distinct reports that hide content' }), items: Type.Array(QueueItem) }), ...problemResponses },
    },
    handler: async (req) => ({
      ...(await listQueue(deps.db, { slug: req.params.territory, viewer: req.viewer, communityId: req.query.communityId, reason: req.query.reason, requestId: req.id })),
      hideAfter: deps.config.moderationHideAfter,
    }),
  });

  app.get(`${base}/moderation/reports/:subjectType/:subjectId/content`, {
    schema: {
      tags,
      description:
        'Operators and admins: the text of reported private words (a ride’s message), which the queue withholds — only while a report about it is open (404 otherwise), with a stated `reason` recorded in the audit log.',
      params: Type.Object({ territory: TerritoryParam.properties.territory, ...Subject }),
      querystring: Type.Object({ reason: StaffReason }, { additionalProperties: false }),
      response: { 200: Type.Object({ text: Type.String() }), ...problemResponses },
    },
    handler: async (req) => readReportedContent(deps.db, { slug: req.params.territory, viewer: req.viewer, ...req.params, reason: req.query.reason, requestId: req.id }),
  });

  app.post(`${base}/moderation/reviews`, {
    schema: {
      tags,
      description: 'Decide on a reported subject: keep (shown again, reports closed) or remove (stays hidden; the author is told), with a reason. Audited.',
      params: TerritoryParam,
      body: Type.Object({ ...Subject, decision: StringEnum(['keep', 'remove'] as const), reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ decision: Type.String(), hidden: Type.Boolean(), closedReports: Type.Integer() }), ...problemResponses },
    },
    handler: async (req) => reviewSubject(deps, { slug: req.params.territory, viewer: req.viewer, ...req.body, requestId: req.id }),
  });

  app.get(`${base}/blocks`, {
    schema: {
      tags,
      description: 'The people I blocked (blocks hold in every territory).',
      params: TerritoryParam,
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ userId: Type.String(), displayName: Type.String(), blockedAt: DateTime })) }), ...problemResponses },
    },
    handler: async (req) => ({ items: await listMyBlocks(deps.db, { slug: req.params.territory, viewer: req.viewer }) }),
  });

  app.post(`${base}/blocks/:userId`, {
    schema: {
      tags,
      description: 'Block a member of the territory: no rides, messages or help between you; they are not told. Again: no change.',
      params: UserParams,
      response: { 200: Type.Object({ blocked: Type.Boolean() }), ...problemResponses },
    },
    handler: async (req) => blockUser(deps, { slug: req.params.territory, viewer: req.viewer, userId: req.params.userId, requestId: req.id }),
  });

  app.delete(`${base}/blocks/:userId`, {
    schema: { tags, description: 'Lift my block on a person (none: no change).', params: UserParams, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await unblockUser(deps, { slug: req.params.territory, viewer: req.viewer, userId: req.params.userId, requestId: req.id });
      return reply.status(204).send();
    },
  });
};

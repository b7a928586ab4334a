/** @module HTTP routes: Safety: reports, automatic hiding, moderation queue, blocks (notification preferences live with notifications). */
import type { RouteModule } from '../core/http/build-app.ts';
import { NoContent, problemResponsesFor, TerritoryParam } from '../core/http/schemas.ts';
import { blockUser, listMyBlocks, unblockUser } from './block-user.ts';
import { reportContent } from './report-content.ts';
import { readReportedContent } from './read-reported-content.ts';
import { listQueue, reviewSubject } from './review-reports.ts';
import * as S from './schemas.ts';

const tags = ['moderation'];
const base = '/api/territories/:territory';
const security = [{ session: [] }];
const problems = problemResponsesFor(S.MODERATION_REASONS);

export const moderationRoutes: RouteModule = (app, deps) => {
  app.post(`${base}/reports`, {
    schema: {
      tags,
      summary: 'Report a person or content',
      operationId: 'reportContent',
      security,
      description: `Report a person or content. One report per person per subject (409 \`already_reported\`); never yourself (400 \`self_report\`). Content is hidden once ${deps.config.moderationHideAfter} people reported it (MODERATION_HIDE_AFTER), until reviewed; a person is only reviewed.`,
      params: TerritoryParam,
      body: S.ReportBody,
      response: { 201: S.ReportAnswer, ...problems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(
        await reportContent(deps, req.scope, req.body),
      ),
  });

  app.get(`${base}/moderation/reports`, {
    schema: {
      tags,
      summary: 'Read the moderation queue, with a stated reason (audited)',
      operationId: 'listModerationQueue',
      security,
      description: 'The moderation queue: open reports grouped by subject (what, why, how many, hidden or not; never who reported; never the text of private words). Operators and admins see the territory; organisers their communities (`communityId` narrows to one). A staff read of personal data: `reason` is required and recorded in the audit log.',
      params: TerritoryParam,
      querystring: S.QueueQuery,
      response: { 200: S.Queue, ...problems },
    },
    handler: async (req) => ({
      ...(await listQueue(deps, req.scope, req.query)),
      hideAfter: deps.config.moderationHideAfter,
    }),
  });

  app.get(`${base}/moderation/reports/:subjectType/:subjectId/content`, {
    schema: {
      tags,
      summary: 'Read the text of reported private words, with a stated reason (audited)',
      operationId: 'readReportedContent',
      security,
      description:
        'Operators and admins: the text of reported private words (a ride’s message), which the queue withholds — only while a report about it is open (404 otherwise), with a stated `reason` recorded in the audit log.',
      params: S.SubjectParams,
      querystring: S.ContentQuery,
      response: { 200: S.ReportedContent, ...problems },
    },
    handler: async (req) => readReportedContent(deps, req.scope, { subjectType: req.params.subjectType, subjectId: req.params.subjectId, reason: req.query.reason }),
  });

  app.post(`${base}/moderation/reviews`, {
    schema: {
      tags,
      summary: 'Keep or remove a reported subject, with a reason (audited)',
      operationId: 'reviewReportedSubject',
      security,
      description: 'Decide on a reported subject: keep (shown again, reports closed) or remove (stays hidden; the author is told), with a reason. Audited.',
      params: TerritoryParam,
      body: S.ReviewBody,
      response: { 200: S.ReviewAnswer, ...problems },
    },
    handler: async (req) => reviewSubject(deps, req.scope, req.body),
  });

  app.get(`${base}/blocks`, {
    schema: {
      tags,
      summary: 'List the people I blocked',
      operationId: 'listMyBlocks',
      security,
      description: 'The people I blocked (blocks hold in every territory).',
      params: TerritoryParam,
      response: { 200: S.BlockList, ...problems },
    },
    handler: async (req) => ({ items: await listMyBlocks(deps, req.scope) }),
  });

  app.post(`${base}/blocks/:userId`, {
    schema: {
      tags,
      summary: 'Block a member of the territory',
      operationId: 'blockUser',
      security,
      description: 'Block a member of the territory: no rides, messages or help between you; they are not told. Again: no change.',
      params: S.UserParams,
      response: { 200: S.BlockAnswer, ...problems },
    },
    handler: async (req) => blockUser(deps, req.scope, { userId: req.params.userId }),
  });

  app.delete(`${base}/blocks/:userId`, {
    schema: {
      tags,
      summary: 'Lift my block on a person',
      operationId: 'unblockUser',
      security,
      description: 'Lift my block on a person (none: no change).',
      params: S.UserParams,
      response: { 204: NoContent, ...problems },
    },
    handler: async (req, reply) => {
      await unblockUser(deps, req.scope, { userId: req.params.userId });
      return reply.status(204).send();
    },
  });
};

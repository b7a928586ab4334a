/** @module HTTP routes of communities: directory, create, read, join, leave, organiser tools. */
import { Type } from 'typebox';
import type { Viewer } from '../core/auth/sessions.ts';
import type { RouteModule } from '../core/http/build-app.ts';
import { NoContent, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import { createCommunity } from './create-community.ts';
import { getCommunity, getInvite, listMembers } from './get-community.ts';
import { joinCommunity, leaveCommunity } from './join-community.ts';
import { listDirectory, listMyCommunities } from './list-communities.ts';
import { approveMember, removeMember, setMemberRole } from './manage-members.ts';
import * as S from './schemas.ts';
import { rotateInviteCode, updateCommunity } from './update-community.ts';

const tags = ['communities'];
const base = '/api/territories/:territory/communities';

export const communityRoutes: RouteModule = (app, deps) => {
  const { db } = deps;
  app.get(base, {
    schema: { tags, params: TerritoryParam, querystring: S.DirectoryQuery, response: { 200: Type.Object({ items: Type.Array(S.Community), total: Type.Integer() }), ...problemResponses } },
    handler: async (req) => listDirectory(db, req.params.territory, req.viewer, req.query),
  });

  app.get(`${base}/mine`, {
    schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(S.Community) }), ...problemResponses } },
    handler: async (req) => ({ items: await listMyCommunities(db, req.params.territory, req.viewer) }),
  });

  app.post(base, {
    schema: { tags, params: TerritoryParam, body: S.CommunityBody, response: { 201: S.Community, ...problemResponses } },
    handler: async (req, reply) => {
      const view = await createCommunity(deps, { slug: req.params.territory, viewer: req.viewer, community: req.body, requestId: req.id });
      return reply.status(201).send(view);
    },
  });

  app.get(`${base}/:id`, {
    schema: { tags, params: S.CommunityParams, response: { 200: S.Community, ...problemResponses } },
    handler: async (req) => getCommunity(db, req.params.territory, req.params.id, req.viewer),
  });

  app.patch(`${base}/:id`, {
    schema: { tags, params: S.CommunityParams, body: S.CommunityPatch, response: { 200: S.Community, ...problemResponses } },
    handler: async (req) =>
      updateCommunity(db, { slug: req.params.territory, id: req.params.id, viewer: req.viewer, changes: req.body, requestId: req.id }),
  });

  app.get(`${base}/:id/members`, {
    schema: { tags, params: S.CommunityParams, response: { 200: Type.Object({ items: Type.Array(S.Member) }), ...problemResponses } },
    handler: async (req) => ({ items: await listMembers(db, req.params.territory, req.params.id, req.viewer) }),
  });

  app.post(`${base}/:id/join`, {
    schema: {
      tags,
      params: S.CommunityParams,
      body: Type.Optional(Type.Object({ inviteCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{6,20}$' })) }, { additionalProperties: false })),
      response: { 200: Type.Object({ status: Type.String() }), ...problemResponses },
    },
    handler: async (req) =>
      joinCommunity(deps, { slug: req.params.territory, id: req.params.id, viewer: req.viewer, inviteCode: req.body?.inviteCode, requestId: req.id }),
  });

  app.post(`${base}/:id/leave`, {
    schema: { tags, params: S.CommunityParams, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await leaveCommunity(deps, { slug: req.params.territory, id: req.params.id, viewer: req.viewer, requestId: req.id });
      return reply.status(204).send();
    },
  });

  const memberInput = (req: { params: { territory: string; id: string; userId: string }; viewer: Viewer | null; id: string }) => ({
    slug: req.params.territory,
    id: req.params.id,
    userId: req.params.userId,
    viewer: req.viewer,
    requestId: req.id,
  });

  app.post(`${base}/:id/members/:userId/approve`, {
    schema: { tags, params: S.MemberParams, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await approveMember(deps, memberInput(req));
      return reply.status(204).send();
    },
  });

  app.put(`${base}/:id/members/:userId/role`, {
    schema: {
      tags,
      params: S.MemberParams,
      body: Type.Object({ role: Type.Union([Type.Literal('member'), Type.Literal('organiser')]) }, { additionalProperties: false }),
      response: { 204: NoContent, ...problemResponses },
    },
    handler: async (req, reply) => {
      await setMemberRole(db, { ...memberInput(req), role: req.body.role });
      return reply.status(204).send();
    },
  });

  app.delete(`${base}/:id/members/:userId`, {
    schema: { tags, params: S.MemberParams, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await removeMember(deps, memberInput(req));
      return reply.status(204).send();
    },
  });

  app.post(`${base}/:id/invite-code`, {
    schema: { tags, params: S.CommunityParams, response: { 200: Type.Object({ inviteCode: Type.String() }), ...problemResponses } },
    handler: async (req) => ({
      inviteCode: await rotateInviteCode(db, { slug: req.params.territory, id: req.params.id, viewer: req.viewer, requestId: req.id }),
    }),
  });

  app.get('/api/territories/:territory/invites/:code', {
    schema: {
      tags,
      params: Type.Object({ territory: TerritoryParam.properties.territory, code: Type.String({ pattern: '^[A-Za-z0-9]{6,20}$' }) }),
      response: {
        200: Type.Object({
          community: Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), description: Type.String(), memberCount: Type.Integer() }),
        }),
        ...problemResponses,
      },
    },
    handler: async (req) => ({ community: await getInvite(db, req.params.territory, req.params.code) }),
  });
};

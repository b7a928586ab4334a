/** @module HTTP routes of communities: directory, create, read, join, leave, organiser tools. */
import type { RouteModule } from '../core/http/build-app.ts';
import { NoContent, problemResponsesFor, TerritoryParam } from '../core/http/schemas.ts';
import { createCommunity } from './create-community.ts';
import { getCommunity, getInvite, listMembers } from './get-community.ts';
import { joinCommunity, leaveCommunity } from './join-community.ts';
import { listDirectory, listMyCommunities } from './list-communities.ts';
import { approveMember, removeMember, setMemberRole } from './manage-members.ts';
import * as S from './schemas.ts';
import { rotateInviteCode, updateCommunity } from './update-community.ts';

const tags = ['communities'];
const base = '/api/territories/:territory/communities';
const session = [{ session: [] }];
const problems = problemResponsesFor(S.COMMUNITY_REASONS);

export const communityRoutes: RouteModule = (app, deps) => {
  app.get(base, {
    schema: { tags, summary: 'Search the community directory (public communities, and the private ones I belong to)', operationId: 'listCommunities', security: [{}, { session: [] }], params: TerritoryParam, querystring: S.DirectoryQuery, response: { 200: S.DirectoryPage, ...problems } },
    handler: async (req) => listDirectory(deps, req.scope, req.query),
  });

  app.get(`${base}/mine`, {
    schema: { tags, summary: 'List my communities in this territory', operationId: 'listMyCommunities', security: session, params: TerritoryParam, response: { 200: S.CommunityList, ...problems } },
    handler: async (req) => ({ items: await listMyCommunities(deps, req.scope) }),
  });

  app.post(base, {
    schema: { tags, summary: 'Create a community, with me as its organiser', operationId: 'createCommunity', security: session, params: TerritoryParam, body: S.CommunityBody, response: { 201: S.Community, ...problems } },
    handler: async (req, reply) => reply.status(201).send(await createCommunity(deps, req.scope, req.body)),
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: 'Read a community', operationId: 'getCommunity', security: [{}, { session: [] }], params: S.CommunityParams, response: { 200: S.Community, ...problems } },
    handler: async (req) => getCommunity(deps, req.scope, { id: req.params.id }),
  });

  app.patch(`${base}/:id`, {
    schema: { tags, summary: 'Edit a community as its organiser', operationId: 'updateCommunity', security: session, params: S.CommunityParams, body: S.CommunityPatch, response: { 200: S.Community, ...problems } },
    handler: async (req) => updateCommunity(deps, req.scope, { id: req.params.id, changes: req.body }),
  });

  app.get(`${base}/:id/members`, {
    schema: { tags, summary: 'List a community’s members (pending requests too, for its organisers)', operationId: 'listCommunityMembers', security: [{}, { session: [] }], params: S.CommunityParams, response: { 200: S.MemberList, ...problems } },
    handler: async (req) => ({ items: await listMembers(deps, req.scope, { id: req.params.id }) }),
  });

  app.post(`${base}/:id/join`, {
    schema: {
      tags,
      summary: 'Join a community, or ask to (again: the current status)',
      operationId: 'joinCommunity',
      security: session,
      params: S.CommunityParams,
      body: S.JoinBody,
      response: { 200: S.JoinAnswer, ...problems },
    },
    handler: async (req) => joinCommunity(deps, req.scope, { id: req.params.id, inviteCode: req.body?.inviteCode }),
  });

  app.post(`${base}/:id/leave`, {
    schema: { tags, summary: 'Leave a community', operationId: 'leaveCommunity', security: session, params: S.CommunityParams, response: { 204: NoContent, ...problems } },
    handler: async (req, reply) => {
      await leaveCommunity(deps, req.scope, { id: req.params.id });
      return reply.status(204).send();
    },
  });

  const memberInput = (req: { params: { id: string; userId: string } }) => ({ id: req.params.id, userId: req.params.userId });

  app.post(`${base}/:id/members/:userId/approve`, {
    schema: { tags, summary: 'Approve a pending member as an organiser', operationId: 'approveCommunityMember', security: session, params: S.MemberParams, response: { 204: NoContent, ...problems } },
    handler: async (req, reply) => {
      await approveMember(deps, req.scope, memberInput(req));
      return reply.status(204).send();
    },
  });

  app.put(`${base}/:id/members/:userId/role`, {
    schema: {
      tags,
      summary: 'Make a member an organiser, or a member again',
      operationId: 'setCommunityMemberRole',
      security: session,
      params: S.MemberParams,
      body: S.RoleBody,
      response: { 204: NoContent, ...problems },
    },
    handler: async (req, reply) => {
      await setMemberRole(deps, req.scope, { ...memberInput(req), role: req.body.role });
      return reply.status(204).send();
    },
  });

  app.delete(`${base}/:id/members/:userId`, {
    schema: { tags, summary: 'Remove a member, or refuse a pending request, as an organiser', operationId: 'removeCommunityMember', security: session, params: S.MemberParams, response: { 204: NoContent, ...problems } },
    handler: async (req, reply) => {
      await removeMember(deps, req.scope, memberInput(req));
      return reply.status(204).send();
    },
  });

  app.post(`${base}/:id/invite-code`, {
    schema: { tags, summary: 'Replace the community’s invite code (the old link stops working)', operationId: 'rotateInviteCode', security: session, params: S.CommunityParams, response: { 200: S.InviteCodeAnswer, ...problems } },
    handler: async (req) => ({ inviteCode: await rotateInviteCode(deps, req.scope, { id: req.params.id }) }),
  });

  app.get('/api/territories/:territory/invites/:code', {
    schema: {
      tags,
      summary: 'Read the community behind an invite link, before joining',
      operationId: 'getInvite',
      security: [],
      params: S.InviteParams,
      response: { 200: S.InviteAnswer, ...problems },
    },
    handler: async (req) => ({ community: await getInvite(deps, req.scope, { code: req.params.code }) }),
  });
};

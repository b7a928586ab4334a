/** @module HTTP routes of territories: public card and map, joining, staff access to people, roles. */
import { Type } from 'typebox';
import { NoContent, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import type { RouteModule } from '../core/http/build-app.ts';
import { getTerritory } from './get-territory.ts';
import { joinTerritory } from './join-territory.ts';
import { listCommunes } from './list-communes.ts';
import { listTerritoryRefs } from './queries.ts';
import * as S from './schemas.ts';
import { findPeople, listRoleHolders } from './find-people.ts';
import { setPersonRoles } from './set-person-roles.ts';
import { viewPerson } from './view-person.ts';

const tags = ['territories'];
const session = [{ session: [] }];

export const territoryRoutes: RouteModule = (app, deps) => {
  const { db } = deps;
  app.get('/api/territories', {
    schema: {
      tags,
      summary: 'List the territories',
      operationId: 'listTerritories',
      security: [],
      response: { 200: S.TerritoryList, ...problemResponses },
    },
    handler: async () => ({ items: (await listTerritoryRefs(db)).map(({ slug, name }) => ({ slug, name })) }),
  });

  app.get('/api/territories/:territory', {
    schema: {
      tags,
      summary: 'Read a territory’s public card: bounding box and key figures with their sources',
      operationId: 'getTerritory',
      security: [],
      params: TerritoryParam,
      response: { 200: S.TerritoryCard, ...problemResponses },
    },
    handler: async (request) => getTerritory(deps, request.scope),
  });

  app.get('/api/territories/:territory/communes', {
    schema: {
      tags,
      summary: 'List the territory’s communes as GeoJSON, with resident counts',
      operationId: 'listCommunes',
      security: [],
      params: TerritoryParam,
      description: 'GeoJSON FeatureCollection of the communes',
      response: { 200: { description: 'the communes', content: { 'application/geo+json': { schema: S.CommuneCollection } } }, ...problemResponses },
    },
    handler: async (request, reply) => {
      void reply.type('application/geo+json');
      return listCommunes(deps, request.scope);
    },
  });

  app.post('/api/territories/:territory/join', {
    schema: {
      tags,
      summary: 'Join a territory as a resident (again: no change)',
      operationId: 'joinTerritory',
      security: session,
      params: TerritoryParam,
      body: S.JoinBody,
      response: { 204: NoContent, ...problemResponses },
    },
    handler: async (request, reply) => {
      await joinTerritory(deps, request.scope, { commune: request.body?.commune ?? null });
      return reply.status(204).send();
    },
  });

  app.get('/api/territories/:territory/people/:userId', {
    schema: {
      tags,
      summary: 'Read one resident’s record as staff, with a stated reason (audited)',
      operationId: 'viewPerson',
      security: session,
      params: S.PersonParams,
      querystring: Type.Object({ reason: S.Reason }, { additionalProperties: false }),
      description: 'Operators and admins: one resident record (name, e-mail, roles, commune, public communities — never private ones); the access and its reason are audited.',
      response: { 200: S.PersonRecord, ...problemResponses },
    },
    handler: async (request) =>
      viewPerson(deps, request.scope, { userId: request.params.userId, reason: request.query.reason }),
  });

  app.put('/api/territories/:territory/people/:userId/roles', {
    schema: {
      tags,
      summary: 'Set a person’s territory roles as an admin, with a reason (audited)',
      operationId: 'setPersonRoles',
      security: session,
      params: S.PersonParams,
      body: S.RolesBody,
      response: { 200: S.Roles, ...problemResponses },
    },
    handler: async (request) => ({
      roles: await setPersonRoles(deps, request.scope, { userId: request.params.userId, roles: request.body.roles, reason: request.body.reason }),
    }),
  });

  app.get('/api/territories/:territory/people', {
    schema: {
      tags,
      summary: 'Find people of the territory by name or e-mail as an admin, with a reason (audited)',
      operationId: 'findPeople',
      security: session,
      params: TerritoryParam,
      querystring: S.PeopleQuery,
      description: 'Admins: at most 20 members whose name or e-mail contains `q`, with their roles; the read and its reason are audited with the ids shown.',
      response: { 200: S.PeopleList, ...problemResponses },
    },
    handler: async (request) => findPeople(deps, request.scope, request.query),
  });

  app.get('/api/territories/:territory/role-holders', {
    schema: {
      tags,
      summary: 'List who holds each staff role as an admin, with a reason (audited)',
      operationId: 'listRoleHolders',
      security: session,
      params: TerritoryParam,
      querystring: Type.Object({ reason: S.Reason }, { additionalProperties: false }),
      response: { 200: S.RoleHolders, ...problemResponses },
    },
    handler: async (request) => listRoleHolders(deps, request.scope, request.query),
  });
};

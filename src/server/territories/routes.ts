/** @module HTTP routes of territories: public card and map, joining, staff access to people, roles. */
import { Type } from 'typebox';
import { DateTime, IdParam, NoContent, StringEnum, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import type { RouteModule } from '../core/http/build-app.ts';
import { getTerritory } from './get-territory.ts';
import { joinTerritory } from './join-territory.ts';
import { listCommunes } from './list-communes.ts';
import { TERRITORY_ROLES } from './model.ts';
import { listTerritoryRefs } from './queries.ts';
import { setPersonRoles } from './set-person-roles.ts';
import { viewPerson } from './view-person.ts';

const tags = ['territories'];
const Role = StringEnum(TERRITORY_ROLES);
const Reason = Type.String({ minLength: 5, maxLength: 500, description: 'why this access is needed (audited)' });
const PersonParams = Type.Object({ territory: TerritoryParam.properties.territory, userId: IdParam });
const PersonRecord = Type.Object({
  userId: Type.String(),
  displayName: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  communeCode: Type.Union([Type.String(), Type.Null()]),
  joinedAt: DateTime,
  communities: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String(), status: Type.String() })),
});

export const territoryRoutes: RouteModule = (app, { db }) => {
  app.get('/api/territories', {
    schema: {
      tags,
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })) }) },
    },
    handler: async () => ({ items: (await listTerritoryRefs(db)).map(({ slug, name }) => ({ slug, name })) }),
  });

  app.get('/api/territories/:territory', {
    schema: {
      tags,
      params: TerritoryParam,
      response: {
        200: Type.Object({
          slug: Type.String(),
          name: Type.String(),
          bbox: Type.Array(Type.Number()),
          figures: Type.Object({
            communes: Type.Integer(),
            population: Type.Integer(),
            residents: Type.Integer(),
            communities: Type.Integer(),
          }),
          sources: Type.Record(Type.String(), Type.String()),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => getTerritory(db, request.params.territory),
  });

  app.get('/api/territories/:territory/communes', {
    schema: { tags, params: TerritoryParam, description: 'GeoJSON FeatureCollection of the communes' },
    handler: async (request, reply) => {
      void reply.type('application/geo+json');
      return listCommunes(db, request.params.territory);
    },
  });

  app.post('/api/territories/:territory/join', {
    schema: {
      tags,
      params: TerritoryParam,
      body: Type.Optional(
        Type.Object({ commune: Type.Optional(Type.String({ pattern: '^[0-9AB]{5}$' })) }, { additionalProperties: false }),
      ),
      response: { 204: NoContent, ...problemResponses },
    },
    handler: async (request, reply) => {
      await joinTerritory(db, request.params.territory, request.viewer, request.body?.commune ?? null, request.id);
      return reply.status(204).send();
    },
  });

  app.get('/api/territories/:territory/people/:userId', {
    schema: {
      tags,
      params: PersonParams,
      querystring: Type.Object({ reason: Reason }, { additionalProperties: false }),
      description: 'Operators and admins: one resident record (name, e-mail, roles, commune, public communities — never private ones); the access and its reason are audited.',
      response: { 200: PersonRecord, ...problemResponses },
    },
    handler: async (request) =>
      viewPerson(db, {
        slug: request.params.territory,
        viewer: request.viewer,
        userId: request.params.userId,
        reason: request.query.reason,
        requestId: request.id,
      }),
  });

  app.put('/api/territories/:territory/people/:userId/roles', {
    schema: {
      tags,
      params: PersonParams,
      body: Type.Object({ roles: Type.Array(Role, { maxItems: 5 }), reason: Reason }, { additionalProperties: false }),
      response: { 200: Type.Object({ roles: Type.Array(Type.String()) }), ...problemResponses },
    },
    handler: async (request) => ({
      roles: await setPersonRoles(db, {
        slug: request.params.territory,
        viewer: request.viewer,
        userId: request.params.userId,
        roles: request.body.roles,
        reason: request.body.reason,
        requestId: request.id,
      }),
    }),
  });
};

/** @module HTTP routes of the corridors' admin screen: read a corridor's definition and edit it (operators and admins). */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { problemResponses } from '../core/http/schemas.ts';
import { CorridorBody, CorridorParams } from './schemas.ts';
import { getCorridorDefinition, updateCorridor } from './update-corridor.ts';

const tags = ['corridors'];
const signedIn = [{ session: [] }];
const CorridorDefinition = Type.Object({ id: Type.String(), ...CorridorBody.properties }, { description: 'a corridor’s definition: ends and shape, capacity, free-flow time, baseline demand per 15-minute slot' });

export const corridorAdminRoutes: RouteModule = (app, deps) => {
  app.get('/api/territories/:territory/corridors/:id/definition', {
    schema: { tags, summary: 'Read a corridor’s definition to edit it (operators, admins)', operationId: 'getCorridorDefinition', security: signedIn, params: CorridorParams, response: { 200: CorridorDefinition, ...problemResponses } },
    handler: async (req) => getCorridorDefinition(deps, req.scope, { id: req.params.id }),
  });

  app.put('/api/territories/:territory/corridors/:id', {
    schema: { tags, summary: 'Edit a corridor’s definition (operators, admins; audited)', operationId: 'updateCorridor', security: signedIn, params: CorridorParams, body: CorridorBody, response: { 200: CorridorDefinition, ...problemResponses } },
    handler: async (req) => updateCorridor(deps, req.scope, { id: req.params.id, corridor: req.body }),
  });
};

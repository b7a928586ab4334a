/** @module HTTP routes of corridors: list and read (with the queue model), create, commit to a shift, record it. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { DateTime, IdParam, NoContent, problemResponses, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { GuardedSchema } from '../core/privacy/small-group.ts';
import { HHMM_PATTERN, localDate } from '../core/time-of-day.ts';
import { commitShift, endCommitment, listMyCommitments, recordShift } from './commit-shift.ts';
import { createCorridor } from './create-corridor.ts';
import { getCorridor, listCorridors } from './get-corridor.ts';
import { presentCorridor, presentCorridors, presentShift } from './present-corridor.ts';

const tags = ['corridors'];
const base = '/api/territories/:territory/corridors';
const territory = TerritoryParam.properties.territory;
const CorridorParams = Type.Object({ territory, id: IdParam });
const CommitmentParams = Type.Object({ territory, commitmentId: IdParam });
const Date_ = Type.String({ format: 'date' });
const Demand = Type.Array(Type.Integer({ minimum: 0, maximum: 100_000 }), { minItems: 1, maxItems: 48 });
const NotAlone = Type.Object({
  weekOf: Type.String(),
  kind: Type.Union([Type.String(), Type.Null()]),
  territory: GuardedSchema(Type.Integer()),
  communities: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), others: Type.Integer() })),
});

export const corridorRoutes: RouteModule = (app, deps) => {
  const { db } = deps;

  app.get(base, {
    schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()), provenance: Type.Unknown() }), ...problemResponses } },
    handler: async (req) => presentCorridors(await listCorridors(deps, req.params.territory, req.viewer), localDate(deps.clock.now())),
  });

  app.get(`${base}/:id`, {
    schema: { tags, params: CorridorParams, description: 'Queue per slot today and with the current commitments (queue model).', response: { 200: Type.Unknown(), ...problemResponses } },
    handler: async (req) => presentCorridor(await getCorridor(deps, req.params.territory, req.params.id, req.viewer)),
  });

  app.post(base, {
    schema: {
      tags,
      params: TerritoryParam,
      body: Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 120 }),
          geometry: Type.Object(
            { type: Type.Literal('LineString'), coordinates: Type.Array(Type.Array(Type.Number({ minimum: -180, maximum: 180 }), { minItems: 2, maxItems: 2 }), { minItems: 2, maxItems: 500, description: '[longitude, latitude] pairs' }) },
            { additionalProperties: false },
          ),
          capacityPerHour: Type.Integer({ minimum: 1, maximum: 20_000 }),
          freeFlowMin: Type.Number({ minimum: 0.5, maximum: 240, description: 'minutes to drive the corridor when it flows freely' }),
          amStart: Type.String({ pattern: HHMM_PATTERN }),
          amDemand: Demand,
          pmStart: Type.String({ pattern: HHMM_PATTERN }),
          pmDemand: Demand,
        },
        { additionalProperties: false },
      ),
      response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send({ id: await createCorridor(db, { slug: req.params.territory, viewer: req.viewer, corridor: req.body, requestId: req.id }) }),
  });

  app.get('/api/territories/:territory/shift-commitments/mine', {
    schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), corridorId: Type.String(), corridor: Type.String(), period: Type.String(), fromSlot: Type.Integer(), toSlot: Type.Integer(), weekdays: Type.Array(Type.Integer()), createdAt: DateTime })) }), ...problemResponses } },
    handler: async (req) => ({ items: await listMyCommitments(db, req.params.territory, req.viewer) }),
  });

  app.post(`${base}/:id/commitments`, {
    schema: {
      tags,
      params: CorridorParams,
      body: Type.Object(
        {
          period: StringEnum(['am', 'pm'] as const),
          fromSlot: Type.Integer({ minimum: 0, maximum: 47 }),
          toSlot: Type.Integer({ minimum: 0, maximum: 47 }),
          weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true }),
        },
        { additionalProperties: false },
      ),
      response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await commitShift(deps, { slug: req.params.territory, corridorId: req.params.id, viewer: req.viewer, commitment: req.body })),
  });

  app.delete('/api/territories/:territory/shift-commitments/:commitmentId', {
    schema: { tags, params: CommitmentParams, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await endCommitment(deps, { slug: req.params.territory, commitmentId: req.params.commitmentId, viewer: req.viewer });
      return reply.status(204).send();
    },
  });

  app.post('/api/territories/:territory/shift-commitments/:commitmentId/shifts', {
    schema: {
      tags,
      params: CommitmentParams,
      body: Type.Object({ date: Date_ }, { additionalProperties: false }),
      response: { 200: Type.Object({ id: Type.String(), created: Type.Boolean(), notAlone: NotAlone, provenance: Type.Unknown() }), ...problemResponses },
    },
    handler: async (req) => presentShift(await recordShift(deps, { slug: req.params.territory, commitmentId: req.params.commitmentId, viewer: req.viewer, date: req.body.date }), localDate(deps.clock.now())),
  });
};

/** @module HTTP routes of corridors: list and read (with the queue model), create, commit to a shift, record it. */
import type { RouteModule } from '../core/http/build-app.ts';
import { NoContent, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import { localDate } from '../core/time-of-day.ts';
import { commitShift, endCommitment, listMyCommitments, recordShift } from './commit-shift.ts';
import { createCorridor } from './create-corridor.ts';
import { getCorridor, listCorridors } from './get-corridor.ts';
import { presentCorridor, presentCorridors, presentShift } from './present-corridor.ts';
import * as S from './schemas.ts';

const tags = ['corridors'];
const signedIn = [{ session: [] }];
const optional: { [scheme: string]: string[] }[] = [{}, { session: [] }];
const base = '/api/territories/:territory/corridors';
const commitments = '/api/territories/:territory/shift-commitments';

export const corridorRoutes: RouteModule = (app, deps) => {

  app.get(base, {
    schema: { tags, summary: 'List the territory’s congested corridors with today’s queues', operationId: 'listCorridors', security: optional, params: TerritoryParam, response: { 200: S.CorridorList, ...problemResponses } },
    handler: async (req) => presentCorridors(await listCorridors(deps, req.scope), localDate(deps.clock.now())),
  });

  app.get(`${base}/:id`, {
    schema: {
      tags,
      summary: 'Read a corridor: queue per slot today and with the current commitments',
      operationId: 'getCorridor',
      security: optional,
      params: S.CorridorParams,
      description: 'Queue per slot today and with the current commitments (queue model), and per period the best departure change for the viewer (bestShift): the slot within ±60 minutes of their usual one (commute profile, else the peak slot) that spares the other drivers the most queue delay, or null when no move helps.',
      response: { 200: S.CorridorResponse, ...problemResponses },
    },
    handler: async (req) => presentCorridor(await getCorridor(deps, req.scope, { id: req.params.id })),
  });

  app.post(base, {
    schema: { tags, summary: 'Define a congested corridor (operators)', operationId: 'createCorridor', security: signedIn, params: TerritoryParam, body: S.CorridorBody, response: { 201: S.Created, ...problemResponses } },
    handler: async (req, reply) => reply.status(201).send({ id: await createCorridor(deps, req.scope, req.body) }),
  });

  app.get(`${commitments}/mine`, {
    schema: { tags, summary: 'List my running shift commitments', operationId: 'listMyShiftCommitments', security: signedIn, params: TerritoryParam, response: { 200: S.CommitmentList, ...problemResponses } },
    handler: async (req) => ({ items: await listMyCommitments(deps, req.scope) }),
  });

  app.post(`${base}/:id/commitments`, {
    schema: { tags, summary: 'Commit to leave in another slot on given weekdays', operationId: 'commitToShift', security: signedIn, params: S.CorridorParams, body: S.CommitmentBody, response: { 201: S.Created, ...problemResponses } },
    handler: async (req, reply) => reply.status(201).send(await commitShift(deps, req.scope, { corridorId: req.params.id, commitment: req.body })),
  });

  app.delete(`${commitments}/:commitmentId`, {
    schema: { tags, summary: 'End one of my shift commitments', operationId: 'endShiftCommitment', security: signedIn, params: S.CommitmentParams, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await endCommitment(deps, req.scope, { commitmentId: req.params.commitmentId });
      return reply.status(204).send();
    },
  });

  app.post(`${commitments}/:commitmentId/shifts`, {
    schema: { tags, summary: 'Record that I shifted my departure on a day', operationId: 'recordShift', security: signedIn, params: S.CommitmentParams, body: S.ShiftBody, response: { 200: S.RecordedShiftResponse, ...problemResponses } },
    handler: async (req) => presentShift(await recordShift(deps, req.scope, { commitmentId: req.params.commitmentId, date: req.body.date }), localDate(deps.clock.now())),
  });
};

/** @module HTTP routes of commands to equipment: ask (commanders), approve or refuse (a second commander), list, and the equipment's answer (a key of scope `command`). */
import type { RouteModule } from '../../core/http/build-app.ts';
import { TerritoryParam } from '../../core/http/schemas.ts';
import { AppError } from '../../core/errors.ts';
import { bearerOf } from '../receive-readings.ts';
import { verifyKey } from '../keys.ts';
import { answerCommand } from './deliver-commands.ts';
import { decideCommand, getCommand, listCommands, requestCommand } from './request-command.ts';
import * as S from './schemas.ts';
import { Type } from 'typebox';

const tags = ['observatory'];
const base = '/api/territories/:territory/observatory/commands';
const security = [{ session: [] }];
const problems = S.commandProblems;

export const commandRoutes: RouteModule = (app, deps) => {
  app.post(base, {
    schema: {
      tags, summary: 'Send a command to equipment (commanders, audited)', operationId: 'requestObservatoryCommand', security,
      description: 'A commander asks for a command (a green wave on a route’s traffic lights, a building to surveillance mode, street lights dimmed) with a reason. A sensitive command waits for a second commander’s approval (the others are told) and expires after 15 minutes without one; the others leave at once. Each thing is sent the command until it answers, at most `maxAttempts` times `timeoutSeconds` apart, then marked failed. The same `idempotencyKey` answers the same command (200 instead of 201).',
      params: TerritoryParam, body: S.CommandBody, response: { 200: S.Command, 201: S.Command, ...problems },
    },
    handler: async (req, reply) => {
      const { command, created } = await requestCommand(deps, req.scope, req.body);
      return reply.status(created ? 201 : 200).send(command);
    },
  });

  app.get(base, {
    schema: { tags, summary: 'List the latest commands', operationId: 'listObservatoryCommands', security, description: 'Operators, commanders and admins: the 50 latest commands with each thing’s answer.', params: TerritoryParam, response: { 200: S.CommandList, ...problems } },
    handler: async (req) => listCommands(deps, req.scope),
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: 'Read one command', operationId: 'getObservatoryCommand', security, params: S.CommandParams, response: { 200: S.Command, ...problems } },
    handler: async (req) => getCommand(deps, req.scope, req.params.id),
  });

  app.post(`${base}/:id/decision`, {
    schema: {
      tags, summary: 'Approve or refuse a sensitive command (a second commander, audited)', operationId: 'decideObservatoryCommand', security,
      description: 'Never the commander who asked (403 `own_request`); only while it waits (409 `not_awaiting`). The requester is told.',
      params: S.CommandParams, body: S.DecisionBody, response: { 200: S.Command, ...problems },
    },
    handler: async (req) => decideCommand(deps, req.scope, { id: req.params.id, ...req.body }),
  });

  app.post(`${base}/:id/answers`, {
    schema: {
      tags, summary: 'The equipment answers a command', operationId: 'answerObservatoryCommand', security: [{ observatoryKey: [] }],
      description: 'For equipment that answers over HTTP (MQTT equipment answers on its command topic’s `/answers`): `Authorization: Bearer <key>` with the `command` scope. Once per thing (409 `already_answered`).',
      params: S.CommandParams, body: S.AnswerBody, response: { 200: Type.Object({ status: Type.String() }), ...problems },
    },
    handler: async (req) => {
      const secret = bearerOf(req);
      if (!secret) throw new AppError('unauthenticated', 'Send the key of scope command as a Bearer token.');
      if (!(await verifyKey(deps.db, req.scope.territory.id, secret, 'command', deps.clock.now()))) throw new AppError('forbidden', 'This key cannot answer commands here.');
      return answerCommand(deps, req.scope.territory, { commandId: req.params.id, ...req.body });
    },
  });
};

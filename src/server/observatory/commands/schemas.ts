/** @module Request and response schemas of commands to equipment. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, Nullable, problemResponsesFor, StringEnum, TerritoryParam } from '../../core/http/schemas.ts';
import { JsonObject } from '../../audit/index.ts';
import { COMMAND_NAMES } from './model.ts';

export const COMMAND_REASONS = ['unknown_thing', 'wrong_type', 'bad_params', 'own_request', 'not_awaiting', 'not_a_target', 'already_answered'] as const;
export const commandProblems = problemResponsesFor(COMMAND_REASONS);

export const CommandName = StringEnum(COMMAND_NAMES, 'what to do; the registry says which types take it and whether it needs approval');
const TargetStatus = StringEnum(['waiting', 'sent', 'acknowledged', 'rejected', 'failed', 'cancelled'] as const);
export const CommandStatus = StringEnum(['awaiting_approval', 'refused', 'approved', 'done', 'partly_failed', 'failed', 'expired'] as const);

export const CommandBody = Type.Object(
  {
    command: CommandName,
    thingIds: Type.Array(IdParam, { minItems: 1, maxItems: 200, uniqueItems: true, description: 'the things it goes to (a green wave: the lights of the route)' }),
    params: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z]{1,32}$' }), Type.Number())),
    reason: Type.String({ minLength: 3, maxLength: 500, description: 'why, for the audit log and the approving operator' }),
    idempotencyKey: Type.String({ minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$', description: 'the same key again answers the same command' }),
    timeoutSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 3600, description: 'how long to wait for each answer before sending again (default 30)' })),
    maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'sends per thing before it is marked failed (default 3)' })),
  },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object({ decision: StringEnum(['approve', 'refuse'] as const), note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, { additionalProperties: false });
export const AnswerBody = Type.Object(
  { entityId: Type.String({ minLength: 1, maxLength: 256 }), ok: Type.Boolean(), result: Type.Optional(JsonObject('what the equipment says it did', 3)) },
  { additionalProperties: false },
);

export const Command = Type.Object({
  id: Type.String(),
  command: CommandName,
  label: Type.String(),
  params: Type.Record(Type.String(), Type.Number()),
  reason: Type.String(),
  sensitive: Type.Boolean(),
  status: CommandStatus,
  requestedBy: Nullable(Type.String({ description: 'display name' })),
  requestedAt: DateTime,
  decision: Nullable(Type.Object({ by: Nullable(Type.String()), at: DateTime, approved: Type.Boolean(), note: Nullable(Type.String()) })),
  timeoutSeconds: Type.Integer(),
  maxAttempts: Type.Integer(),
  targets: Type.Array(
    Type.Object({
      thingId: Type.String(),
      entityId: Type.String(),
      name: Nullable(Type.String()),
      status: TargetStatus,
      attempts: Type.Integer(),
      lastSentAt: Nullable(DateTime),
      answeredAt: Nullable(DateTime),
      failure: Nullable(Type.String()),
    }),
  ),
});
export const CommandList = Type.Object({ commands: Type.Array(Command) });
export const CommandParams = Type.Object({ ...TerritoryParam.properties, id: IdParam });

export type CommandBodyT = Static<typeof CommandBody>;
export type CommandT = Static<typeof Command>;

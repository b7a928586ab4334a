/** @module Response schemas of the audit log route, and the record types its reads return. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, Nullable } from '../core/http/schemas.ts';

/** Any JSON value, as TypeScript sees it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function jsonSchema(depth: number): Record<string, unknown> {
  const scalar = [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }];
  if (depth === 0) return { anyOf: scalar };
  const inner = jsonSchema(depth - 1);
  return { anyOf: [...scalar, { type: 'array', items: inner }, { type: 'object', additionalProperties: inner }] };
}

/**
 * A free-form JSON object whose keys depend on a `kind` or `action` (audit details, notification parameters): strings,
 * numbers, booleans, null, and arrays or objects of them, nested at most `depth` levels.
 */
export function JsonObject(description: string, depth = 4) {
  return Type.Unsafe<{ [key: string]: JsonValue }>({ type: 'object', additionalProperties: jsonSchema(depth), description });
}

/** Any JSON value nested at most `depth` levels (a capability's part of a personal-data export). */
export function JsonValueSchema(description: string, depth = 4) {
  return Type.Unsafe<JsonValue>({ ...jsonSchema(depth), description });
}


export const AuditQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    before: Type.Optional(IdParam),
    action: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);

const auditFields = {
  id: Type.String(),
  at: DateTime,
  actorId: Nullable(Type.String()),
  onBehalfOfId: Nullable(Type.String()),
  action: Type.String({ description: 'what happened, e.g. `community.member_joined`' }),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  reason: Nullable(Type.String({ description: 'the stated reason of a staff action or read' })),
  details: JsonObject('what the action recorded besides its subject (ids, before/after values, counts), by action', 5),
};

/** One entry of the log: ids only, never names or e-mails. */
export const AuditRecord = Type.Object(auditFields);
export type AuditRecord = Static<typeof AuditRecord>;

/** A territory's entry as admins read it: with the display names of the actor and of the person acted for. */
export const NamedAuditRecord = Type.Object({ ...auditFields, actorName: Nullable(Type.String()), onBehalfOfName: Nullable(Type.String()) });
export type NamedAuditRecord = Static<typeof NamedAuditRecord>;

export const AuditPage = Type.Object({ items: Type.Array(NamedAuditRecord) });

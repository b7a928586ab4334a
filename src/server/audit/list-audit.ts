/** @module Reads the audit log: a territory's, newest first, or everything about one person. */
import type { Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../core/database/schema.ts';
import type { AuditRecord, JsonValue, NamedAuditRecord } from './schemas.ts';

export type { AuditRecord, NamedAuditRecord } from './schemas.ts';

function toRecord(r: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    onBehalfOfId: r.on_behalf_of_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    reason: r.reason,
    // The column holds what recordAudit was given: a JSON object.
    details: r.details as { [key: string]: JsonValue },
  };
}

export async function listAudit(
  db: Database,
  territoryId: string,
  options: { limit: number; before?: string | undefined; action?: string | undefined },
): Promise<NamedAuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll().where('territory_id', '=', territoryId);
  if (options.before) query = query.where('id', '<', options.before);
  if (options.action) query = query.where('action', '=', options.action);
  const rows = await query.orderBy('id', 'desc').limit(options.limit).execute();
  // Names are looked up at read time (the log stores ids only): an erased account reads as no name.
  const ids = [...new Set(rows.flatMap((r) => [r.actor_id, r.on_behalf_of_id]).filter((id): id is string => id !== null))];
  const people = ids.length === 0 ? [] : await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  return rows.map((r) => ({
    ...toRecord(r),
    actorName: r.actor_id ? (names.get(r.actor_id) ?? null) : null,
    onBehalfOfName: r.on_behalf_of_id ? (names.get(r.on_behalf_of_id) ?? null) : null,
  }));
}

/** Every entry where the person acted, was acted for, or was the subject (their data export). */
export async function listAuditAbout(db: Database, userId: string): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('actor_id', '=', userId),
        eb('on_behalf_of_id', '=', userId),
        eb.and([eb('subject_type', '=', 'user'), eb('subject_id', '=', userId)]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

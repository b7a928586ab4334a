/** @module Appends to the audit log: who did what, on whose behalf, why, and when. */
import type { Executor } from '../core/database/schema.ts';
import type { AuditAction } from './schemas.ts';

export interface AuditEntry {
  territoryId?: string | null;
  actorId: string | null;
  onBehalfOfId?: string | null;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  reason?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
  at?: Date;
}

export type { AuditAction } from './schemas.ts';

/** Records one entry inside the caller's transaction, so the log and the change commit together. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      territory_id: entry.territoryId ?? null,
      actor_id: entry.actorId,
      on_behalf_of_id: entry.onBehalfOfId ?? null,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      reason: entry.reason ?? null,
      details: JSON.stringify(entry.details ?? {}),
      request_id: entry.requestId ?? null,
      ...(entry.at ? { at: entry.at } : {}),
    })
    .execute();
}

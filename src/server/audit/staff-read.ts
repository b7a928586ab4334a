/**
 * @module Staff reads of personal data: the reason every such read states (a required query field, checked at the
 * edge) and the audit entry that records it, `personal_data.viewed`, naming whose data was shown (ids only).
 */
import { Type } from 'typebox';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import { auditActor } from './actor.ts';
import { recordAudit } from './record-audit.ts';
import type { AuditSubjectType } from './schemas.ts';

/** The `reason` query field of a staff read: 400 naming `/query/reason` when missing or shorter than 5 characters. */
export const StaffReason = Type.String({ minLength: 5, maxLength: 500, description: 'why this staff read of personal data is needed (recorded in the audit log)' });

/** The reason, trimmed; blank padding does not make a reason (400 naming the field). */
export function statedReason(raw: string, field = '/query/reason'): string {
  const reason = raw.trim();
  if (reason.length < 5) throw invalid(field, `${field} must state why you need this personal data (at least 5 characters); it is recorded in the audit log.`);
  return reason;
}

export interface StaffRead {
  territoryId: string;
  viewer: Viewer;
  reason: string;
  /** What was read, e.g. `check_in_duty_list`. */
  what: string;
  subjectType: AuditSubjectType;
  subjectId?: string | undefined;
  /** The people whose data the answer shows (ids only; the log keeps no names). */
  people: readonly string[];
  details?: Record<string, unknown>;
  requestId: string;
  at?: Date | undefined;
}

/** Records one staff read in the caller's transaction (or right after the read, before anything is returned). */
export async function auditStaffRead(db: Executor, read: StaffRead): Promise<void> {
  await recordAudit(db, {
    territoryId: read.territoryId,
    ...auditActor(read.viewer),
    action: 'personal_data.viewed',
    subjectType: read.subjectType,
    ...(read.subjectId ? { subjectId: read.subjectId } : {}),
    reason: read.reason,
    details: { what: read.what, people: [...new Set(read.people)], ...read.details },
    requestId: read.requestId,
    ...(read.at ? { at: read.at } : {}),
  });
}

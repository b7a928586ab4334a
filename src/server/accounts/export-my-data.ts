/**
 * @module Everything Maille holds about the caller, as one JSON document (GDPR art. 15 and 20): the account's own
 * part here, and each capability's part from the personal-data registry (`core/personal-data.ts`), at its path.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { exportPersonalData, type PersonalDataSource } from '../core/personal-data.ts';
import { listAuditAbout, type AuditRecord } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';

export interface AccountExport {
  exportedAt: Date;
  account: { id: string; email: string | null; displayName: string | null; locale: string; createdAt: Date };
  sessions: { createdAt: Date; expiresAt: Date }[];
  passwordResets: { createdAt: Date; expiresAt: Date; usedAt: Date | null }[];
  /** Verification links sent, with the address each was for. */
  emailVerifications: { email: string; createdAt: Date; expiresAt: Date; usedAt: Date | null }[];
  mails: { to: string; subject: string; text: string; createdAt: Date; sentAt: Date | null }[];
  auditLog: AuditRecord[];
}

/**
 * The account's part, then every capability's (territories, communities, mobility, commitments, notifications,
 * incentives, checkIns, mutualAid, moderation, mediation, volunteering) under the key its source names.
 */
export type PersonalDataExport = AccountExport & Record<string, unknown>;

export async function exportMyData(
  db: Database,
  sources: readonly PersonalDataSource[],
  viewer: Viewer | null,
  now: Date,
  requestId: string,
): Promise<PersonalDataExport> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const id = viewer.userId;
  await recordAudit(db, { actorId: id, action: 'account.exported', subjectType: 'user', subjectId: id, requestId });
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [sessions, resets, verifications, mails, auditLog] = await Promise.all([
    db.selectFrom('sessions').select(['created_at as createdAt', 'expires_at as expiresAt']).where('user_id', '=', id).execute(),
    db
      .selectFrom('password_reset_tokens')
      .select(['created_at as createdAt', 'expires_at as expiresAt', 'used_at as usedAt'])
      .where('user_id', '=', id)
      .execute(),
    db
      .selectFrom('email_verification_tokens')
      .select(['email', 'created_at as createdAt', 'expires_at as expiresAt', 'used_at as usedAt'])
      .where('user_id', '=', id)
      .execute(),
    db
      .selectFrom('mail_outbox')
      .select(['to_address as to', 'subject', 'body_text as text', 'created_at as createdAt', 'sent_at as sentAt'])
      .where('user_id', '=', id)
      .execute(),
    listAuditAbout(db, id),
  ]);
  const capabilities = await exportPersonalData(db, sources, id);
  return {
    exportedAt: now,
    account: { id: user.id, email: user.email, displayName: user.display_name, locale: user.locale, createdAt: user.created_at },
    sessions,
    passwordResets: resets,
    emailVerifications: verifications,
    mails,
    auditLog,
    ...capabilities,
  };
}

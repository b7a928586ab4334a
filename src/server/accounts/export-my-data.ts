/** @module Everything Maille holds about the caller, as one JSON document (GDPR art. 15 and 20). */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { listAuditAbout, type AuditRecord } from '../audit/list-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { exportCarpoolData } from '../carpool/personal-data.ts';
import { exportCommitmentData } from '../commitments/personal-data.ts';
import { exportCheckInData } from '../check-ins/personal-data.ts';
import { listMembershipsOf, type MembershipRecord } from '../communities/list-memberships-of.ts';
import { exportCommuteData } from '../commute/personal-data.ts';
import { exportShiftData } from '../corridors/personal-data.ts';
import { exportGestures } from '../impact/personal-data.ts';
import { exportNotifications } from '../notifications/personal-data.ts';
import { exportModerationData } from '../moderation/personal-data.ts';
import { exportWalletData, type WalletExport } from '../incentives/wallet-personal-data.ts';
import { exportMutualAidData } from '../mutual-aid/personal-data.ts';
import { exportMediationData } from '../mediation/personal-data.ts';
import { exportVolunteeringData } from '../volunteering/personal-data.ts';

export interface PersonalDataExport {
  exportedAt: Date;
  account: { id: string; email: string | null; displayName: string | null; locale: string; createdAt: Date };
  territories: { slug: string; name: string; roles: string[]; communeCode: string | null; joinedAt: Date }[];
  communities: MembershipRecord[];
  sessions: { createdAt: Date; expiresAt: Date }[];
  passwordResets: { createdAt: Date; expiresAt: Date; usedAt: Date | null }[];
  /** Verification links sent, with the address each was for. */
  emailVerifications: { email: string; createdAt: Date; expiresAt: Date; usedAt: Date | null }[];
  mails: { to: string; subject: string; text: string; createdAt: Date; sentAt: Date | null }[];
  auditLog: AuditRecord[];
  mobility: {
    commuteProfiles: unknown[];
    carpool: { trips: unknown[]; rides: unknown[]; messages: unknown[] };
    shiftCommitments: unknown[];
    gestures: unknown[];
  };
  commitments: { created: unknown[]; signed: unknown[]; enteredForOthers: unknown[] };
  /** In-app notifications (their mails are under `mails`). */
  notifications: unknown[];
  /** Wallets (balance and history per territory), vouchers, and the shops whose till account this is. */
  incentives: WalletExport;
  /** Daily check-ins: my follow-up and its history, the follow-ups I was asked to watch over, my acknowledgements. */
  checkIns: Awaited<ReturnType<typeof exportCheckInData>>;
  /** Help requests (with their addresses while under way), offers to help, standing offers, helper profile, help given. */
  mutualAid: Awaited<ReturnType<typeof exportMutualAidData>>;
  /** Reports filed, people blocked, decisions about me, the e-mail choice and digests sent. */
  moderation: Awaited<ReturnType<typeof exportModerationData>>;
  /** As an assisted resident: consent and sessions opened for me; as a mediator: accounts created and sessions run. */
  mediation: Awaited<ReturnType<typeof exportMediationData>>;
  /** Organisations applied for or managed, missions written, applications and participations. */
  volunteering: Awaited<ReturnType<typeof exportVolunteeringData>>;
}

export async function exportMyData(db: Database, viewer: Viewer | null, now: Date, requestId: string): Promise<PersonalDataExport> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const id = viewer.userId;
  await recordAudit(db, { actorId: id, action: 'account.exported', subjectType: 'user', subjectId: id, requestId });
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [territories, communities, sessions, resets, verifications, mails, auditLog] = await Promise.all([
    db
      .selectFrom('territory_members as m')
      .innerJoin('territories as t', 't.id', 'm.territory_id')
      .select(['t.slug', 't.name', 'm.roles', 'm.commune_code as communeCode', 'm.joined_at as joinedAt'])
      .where('m.user_id', '=', id)
      .execute(),
    listMembershipsOf(db, id),
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
  const [commuteProfiles, carpool, shiftCommitments, gestures, commitments, incentives] = await Promise.all([
    exportCommuteData(db, id),
    exportCarpoolData(db, id),
    exportShiftData(db, id),
    exportGestures(db, id),
    exportCommitmentData(db, id),
    exportWalletData(db, id),
  ]);
  const notifications = await exportNotifications(db, id);
  const checkIns = await exportCheckInData(db, id);
  const mutualAid = await exportMutualAidData(db, id);
  const moderation = await exportModerationData(db, id);
  const mediation = await exportMediationData(db, id);
  const volunteering = await exportVolunteeringData(db, id);
  return {
    exportedAt: now,
    account: { id: user.id, email: user.email, displayName: user.display_name, locale: user.locale, createdAt: user.created_at },
    territories,
    communities,
    sessions,
    passwordResets: resets,
    emailVerifications: verifications,
    mails,
    auditLog,
    mobility: { commuteProfiles, carpool, shiftCommitments, gestures },
    commitments,
    notifications,
    incentives,
    checkIns,
    mutualAid,
    moderation,
    mediation,
    volunteering,
  };
}

/** @module Appends to the audit log: who did what, on whose behalf, why, and when. */
import type { Executor } from '../core/database/schema.ts';

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

/** Security-relevant actions; the log is append-only (a database trigger refuses updates and deletes). */
export type AuditAction =
  | 'account.signed_up'
  | 'account.signed_in'
  | 'account.sign_in_failed'
  | 'account.signed_out'
  | 'account.password_reset_requested'
  | 'account.password_reset'
  | 'account.email_verified'
  | 'account.email_change_requested'
  | 'account.exported'
  | 'account.erased'
  | 'territory.joined'
  | 'territory.roles_changed'
  | 'personal_data.viewed'
  | 'community.created'
  | 'community.updated'
  | 'community.member_joined'
  | 'community.member_requested'
  | 'community.member_approved'
  | 'community.member_left'
  | 'community.member_removed'
  | 'community.role_changed'
  | 'community.invite_rotated'
  | 'corridor.created'
  | 'impact.factors_published'
  | 'carpool.reviewed'
  | 'carpool.settings_changed'
  | 'commitment.signed_for'
  | 'commitment.wording_changed'
  | 'commitment.offline_signature_entered'
  | 'commitment.offline_signature_confirmed'
  | 'commitment.offline_signature_withdrawn'
  | 'campaign.launched'
  /** A draft run over past gestures (its rules in details): the trace of what an operator asked of the figures. */
  | 'campaign.simulated'
  | 'campaign.closed'
  | 'campaign.draw_revealed'
  | 'campaign.topped_up'
  | 'campaign.budget_returned'
  | 'merchant.created'
  | 'merchant.settled'
  | 'merchant.updated'
  | 'voucher.redeemed'
  | 'moderation.reported'
  | 'moderation.hidden'
  | 'moderation.reviewed'
  | 'moderation.user_blocked'
  | 'moderation.user_unblocked'
  | 'volunteering.organisation_applied'
  | 'volunteering.organisation_validated'
  | 'volunteering.organisation_refused'
  | 'volunteering.mission_published'
  | 'volunteering.mission_returned'
  | 'volunteering.mission_cancelled'
  | 'volunteering.applied'
  | 'volunteering.application_accepted'
  | 'volunteering.application_refused'
  | 'volunteering.participation_cancelled'
  | 'volunteering.attendance_recorded'
  | 'check_in.enrolled'
  | 'check_in.enrolment_changed'
  | 'check_in.paused'
  | 'check_in.resumed'
  | 'check_in.left'
  | 'check_in.referent_invited'
  | 'check_in.referent_removed'
  | 'check_in.referent_answered'
  | 'check_in.recorded_for'
  | 'check_in.alert_acknowledged'
  | 'mediation.assisted_created'
  | 'mediation.consent_withdrawn'
  | 'mediation.session_started'
  | 'mediation.session_ended'
  | 'mediation.acted'
  | 'mediation.takeover_code_issued'
  | 'mediation.taken_over'
  | 'mediation.account_erased'
  | 'mutual_aid.request_created'
  | 'mutual_aid.help_offered'
  | 'mutual_aid.help_withdrawn'
  | 'mutual_aid.helper_accepted'
  | 'mutual_aid.request_done'
  | 'mutual_aid.request_cancelled'
  | 'mutual_aid.thanks_sent'
  | 'mutual_aid.address_read'
  | 'mutual_aid.helper_profile_saved'
  | 'mutual_aid.helper_profile_deleted'
  | 'mutual_aid.offer_published'
  | 'mutual_aid.offer_closed'
  | 'place.meeting_point_created'
  | 'place.meeting_point_updated'
  | 'place.meeting_point_deactivated'
  | 'place.meeting_points_imported';

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

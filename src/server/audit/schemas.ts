/** @module Response schemas of the audit log route, and the record types its reads return. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, Nullable, StringEnum } from '../core/http/schemas.ts';

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

/**
 * Every action the log records: `recordAudit` takes only these, and each has words in French and English for the
 * admins' journal (src/web/i18n/admin-fr.ts, admin-en.ts; held complete by audit-words.test.ts).
 */
export const AUDIT_ACTIONS = [
  'account.signed_up',
  'account.signed_in',
  'account.sign_in_failed',
  'account.signed_out',
  'account.password_reset_requested',
  'account.password_reset',
  'account.email_verified',
  'account.email_change_requested',
  'account.exported',
  'account.erased',
  'territory.joined',
  'territory.roles_changed',
  'personal_data.viewed',
  'community.created',
  'community.updated',
  'community.member_joined',
  'community.member_requested',
  'community.member_approved',
  'community.member_left',
  'community.member_removed',
  'community.role_changed',
  'community.invite_rotated',
  'corridor.created',
  'corridor.updated',
  'impact.factors_published',
  'carpool.reviewed',
  'carpool.settings_changed',
  'commitment.signed_for',
  'commitment.wording_changed',
  'commitment.offline_signature_entered',
  'commitment.offline_signature_confirmed',
  'commitment.offline_signature_withdrawn',
  'campaign.launched',
  // A draft run over past gestures (its rules in details): the trace of what an operator asked of the figures.
  'campaign.simulated',
  'campaign.closed',
  'campaign.draw_revealed',
  'campaign.topped_up',
  'campaign.budget_returned',
  'merchant.created',
  'merchant.settled',
  'merchant.updated',
  'voucher.redeemed',
  'moderation.reported',
  'moderation.hidden',
  'moderation.reviewed',
  'moderation.user_blocked',
  'moderation.user_unblocked',
  'volunteering.organisation_applied',
  'volunteering.organisation_validated',
  'volunteering.organisation_refused',
  'volunteering.mission_published',
  'volunteering.mission_returned',
  'volunteering.mission_cancelled',
  'volunteering.applied',
  'volunteering.application_accepted',
  'volunteering.application_refused',
  'volunteering.participation_cancelled',
  'volunteering.attendance_recorded',
  'check_in.enrolled',
  'check_in.enrolment_changed',
  'check_in.paused',
  'check_in.resumed',
  'check_in.left',
  'check_in.referent_invited',
  'check_in.referent_removed',
  'check_in.referent_answered',
  'check_in.recorded_for',
  'check_in.alert_acknowledged',
  'mediation.assisted_created',
  'mediation.consent_withdrawn',
  'mediation.session_started',
  'mediation.session_ended',
  'mediation.acted',
  'mediation.takeover_code_issued',
  'mediation.taken_over',
  'mediation.account_erased',
  'mutual_aid.request_created',
  'mutual_aid.help_offered',
  'mutual_aid.help_withdrawn',
  'mutual_aid.helper_accepted',
  'mutual_aid.request_done',
  'mutual_aid.request_cancelled',
  'mutual_aid.thanks_sent',
  'mutual_aid.address_read',
  'mutual_aid.helper_profile_saved',
  'mutual_aid.helper_profile_deleted',
  'mutual_aid.offer_published',
  'mutual_aid.offer_closed',
  'place.meeting_point_created',
  'place.meeting_point_updated',
  'place.meeting_point_deactivated',
  'place.meeting_points_imported',
  'observatory.key_created',
  'observatory.key_revoked',
  'observatory.thing_created',
  'observatory.thing_updated',
  'observatory.indicators_imported',
  'observatory.alert_acknowledged',
  'observatory.alert_resolved',
  'observatory.rule_created',
  'observatory.rule_changed',
  'observatory.zones_configured',
  'observatory.command_requested',
  'observatory.command_approved',
  'observatory.command_refused',
  'observatory.command_finished',
] as const;

/** Security-relevant actions; the log is append-only (a database trigger refuses updates and deletes). */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about (`subject_type`): each has a readable name in the journal, and a link where a page shows it. */
export const AUDIT_SUBJECT_TYPES = [
  'user',
  'assisted_accounts',
  'territory',
  'community',
  'corridor',
  'impact_factors',
  'carpool_match',
  'carpool_message',
  'carpool_settings',
  'commitment',
  'campaign',
  'merchant',
  'voucher',
  'moderation_queue',
  'organisation',
  'mission',
  'participation',
  'volunteering_validation',
  'check_in_enrolment',
  'check_in_alert',
  'check_in_duty',
  'mediation_session',
  'aid_request',
  'aid_offer',
  'meeting_point',
  'observatory_key',
  'observatory_alert',
  'observatory_thing',
  'observatory_alert_rule',
  'observatory_command',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

export const AuditQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    before: Type.Optional(IdParam),
    action: Type.Optional(StringEnum(AUDIT_ACTIONS)),
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

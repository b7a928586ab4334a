/** @module HTTP routes: Daily check-ins for isolated people: enrolment, referents, alerts, escalation. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { CalendarDate, IdParam, NoContent, problemResponsesFor, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { StaffReason } from '../audit/index.ts';
import { acknowledgeAlert } from './acknowledge-alert.ts';
import { changeSchedule, leaveCheckIns, pauseEnrolment, resumeEnrolment } from './change-enrolment.ts';
import { checkInToday, recordPhoneCheckIn } from './check-in.ts';
import { enrolForResident, enrolSelf } from './enrol.ts';
import { answerInvitation, inviteReferent, removeReferent } from './manage-referents.ts';
import { AcknowledgeAnswer, CHECK_IN_REASONS, CheckInAnswer, Created, Duty, History, InvitationAnswer, MyCheckIns, Ok, PausedUntil, Watching } from './schemas.ts';
import { viewDuty, viewHistory, viewMyCheckIns, viewWatching } from './view-check-ins.ts';

const tags = ['check-ins'];
const base = '/api/territories/:territory/check-ins';
const Territory = TerritoryParam.properties.territory;
const IdParams = Type.Object({ territory: Territory, id: IdParam });
const UserParams = Type.Object({ territory: Territory, userId: IdParam });
const Deadline = Type.String({ maxLength: 10, description: 'daily time before which the resident checks in, "HH:MM", Europe/Paris' });
const Weekdays = Type.Array(Type.Integer(), { maxItems: 7, description: 'ISO weekdays that count, 1 Monday … 7 Sunday; every day when absent' });
const Escalation = Type.Integer({ description: 'minutes without a referent acknowledging before the people on duty are told (30–240)' });
const Referents = Type.Array(Type.String({ maxLength: 254 }), { maxItems: 10, description: 'one to three Maille numbers or e-mail addresses of residents of the territory' });
const EnrolBody = Type.Object({ deadline: Deadline, weekdays: Type.Optional(Weekdays), escalationMinutes: Escalation, referents: Referents }, { additionalProperties: false });
const Reason = Type.String({ minLength: 5, maxLength: 500, description: 'why a mediator, operator or admin reads this history (audited)' });
const signedIn: { session: string[] }[] = [{ session: [] }];
const problemResponses = problemResponsesFor(CHECK_IN_REASONS);

export const checkInRoutes: RouteModule = (app, deps) => {
  app.get(`${base}/me`, {
    schema: { tags, summary: 'Read my daily check-in follow-up', operationId: 'getMyCheckIns', security: signedIn, params: TerritoryParam, description: 'My daily check-in follow-up: schedule, referents, today’s status, open alerts (null when not enrolled).', response: { 200: MyCheckIns, ...problemResponses } },
    handler: async (req) => viewMyCheckIns(deps, req.scope),
  });

  app.post(`${base}/enrolment`, {
    schema: {
      tags,
      summary: 'Enrol in daily check-ins',
      operationId: 'enrolInCheckIns',
      security: signedIn,
      params: TerritoryParam,
      description: 'Enrol in daily check-ins with one to three referents (each must accept). In a mediator’s session, only for an assisted resident with active consent; the consent reference recorded with the account is kept on the enrolment.',
      body: EnrolBody,
      response: { 201: Created, ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await enrolSelf(deps, req.scope, req.body)),
  });

  app.patch(`${base}/enrolment`, {
    schema: {
      tags,
      summary: 'Change my check-in schedule',
      operationId: 'changeCheckInSchedule',
      security: signedIn,
      params: TerritoryParam,
      description: 'Change the daily time, weekdays or escalation delay; a new time or new days count from now on.',
      body: Type.Object({ deadline: Type.Optional(Deadline), weekdays: Type.Optional(Weekdays), escalationMinutes: Type.Optional(Escalation) }, { additionalProperties: false }),
      response: { 200: Ok, ...problemResponses },
    },
    handler: async (req) => changeSchedule(deps, req.scope, req.body),
  });

  app.delete(`${base}/enrolment`, {
    schema: { tags, summary: 'Leave daily check-ins', operationId: 'leaveCheckIns', security: signedIn, params: TerritoryParam, description: 'Leave daily check-ins: the follow-up and its history are erased.', response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await leaveCheckIns(deps, req.scope);
      return reply.status(204).send();
    },
  });

  app.post(`${base}/enrolment/pause`, {
    schema: {
      tags,
      summary: 'Pause my check-ins',
      operationId: 'pauseCheckIns',
      security: signedIn,
      params: TerritoryParam,
      description: 'Pause (holidays) until a date, inclusive, or until resumed: no day is expected meanwhile.',
      body: Type.Optional(Type.Object({ until: Type.Optional(CalendarDate) }, { additionalProperties: false })),
      response: { 200: PausedUntil, ...problemResponses },
    },
    handler: async (req) => pauseEnrolment(deps, req.scope, { until: req.body?.until }),
  });

  app.post(`${base}/enrolment/resume`, {
    schema: { tags, summary: 'Resume my check-ins', operationId: 'resumeCheckIns', security: signedIn, params: TerritoryParam, description: 'Resume after a pause; days count from now on.', response: { 200: Ok, ...problemResponses } },
    handler: async (req) => resumeEnrolment(deps, req.scope),
  });

  app.post(`${base}/enrolment/referents`, {
    schema: {
      tags,
      summary: 'Invite a referent',
      operationId: 'inviteCheckInReferent',
      security: signedIn,
      params: TerritoryParam,
      description: 'Invite one more referent (three at most, invited and active together) by Maille number or e-mail.',
      body: Type.Object({ referent: Type.String({ maxLength: 254 }) }, { additionalProperties: false }),
      response: { 200: Ok, ...problemResponses },
    },
    handler: async (req) => inviteReferent(deps, req.scope, { referent: req.body.referent }),
  });

  app.delete(`${base}/enrolment/referents/:userId`, {
    schema: { tags, summary: 'Remove a referent', operationId: 'removeCheckInReferent', security: signedIn, params: UserParams, description: 'Remove a referent or withdraw an invitation.', response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await removeReferent(deps, req.scope, { userId: req.params.userId });
      return reply.status(204).send();
    },
  });

  app.post(`${base}/today`, {
    schema: {
      tags,
      summary: 'Check in for today',
      operationId: 'checkInToday',
      security: signedIn,
      params: TerritoryParam,
      description: '“I am fine”: today’s check-in (Europe/Paris day); pressing again answers the same check-in. Closes open alerts.',
      response: { 200: CheckInAnswer, ...problemResponses },
    },
    handler: async (req) => checkInToday(deps, req.scope),
  });

  app.get(`${base}/watching`, {
    schema: { tags, summary: 'List the people I watch over', operationId: 'listWatchedCheckIns', security: signedIn, params: TerritoryParam, description: 'The people I watch over as a referent (today’s status, open alerts) and invitations waiting for my answer.', response: { 200: Watching, ...problemResponses } },
    handler: async (req) => viewWatching(deps, req.scope),
  });

  app.post(`${base}/enrolments/:id/accept`, {
    schema: { tags, summary: 'Accept to be a referent', operationId: 'acceptReferentInvitation', security: signedIn, params: IdParams, description: 'The invited person agrees to be a referent (their consent).', response: { 200: InvitationAnswer, ...problemResponses } },
    handler: async (req) => answerInvitation(deps, req.scope, { enrolmentId: req.params.id, accept: true }),
  });

  app.post(`${base}/enrolments/:id/decline`, {
    schema: { tags, summary: 'Decline or step down as a referent', operationId: 'declineReferentInvitation', security: signedIn, params: IdParams, description: 'The invited person declines, or an active referent steps down.', response: { 200: InvitationAnswer, ...problemResponses } },
    handler: async (req) => answerInvitation(deps, req.scope, { enrolmentId: req.params.id, accept: false }),
  });

  app.get(`${base}/enrolments/:id/history`, {
    schema: {
      tags,
      summary: 'Read a check-in history',
      operationId: 'getCheckInHistory',
      security: signedIn,
      params: IdParams,
      querystring: Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false }),
      description: 'The last 30 days of check-ins, alerts and acknowledgements: the resident and active referents; mediators, operators and admins only with a reason (audited).',
      response: { 200: History, ...problemResponses },
    },
    handler: async (req) => viewHistory(deps, req.scope, { enrolmentId: req.params.id, reason: req.query.reason }),
  });

  app.post(`${base}/alerts/:id/acknowledge`, {
    schema: {
      tags,
      summary: 'Answer a check-in alert',
      operationId: 'acknowledgeCheckInAlert',
      security: signedIn,
      params: IdParams,
      description: 'A referent (or someone on duty, once escalated) answers an alert: on_my_way stops the escalation, all_well closes it. The note is practical only, never health details.',
      body: Type.Object({ action: StringEnum(['on_my_way', 'all_well'] as const), note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
      response: { 200: AcknowledgeAnswer, ...problemResponses },
    },
    handler: async (req) => acknowledgeAlert(deps, req.scope, { alertId: req.params.id, action: req.body.action, note: req.body.note }),
  });

  app.get(`${base}/duty`, {
    schema: {
      tags,
      summary: 'List alerts escalated to the people on duty',
      operationId: 'listCheckInDuty',
      security: signedIn,
      params: TerritoryParam,
      querystring: Type.Object({ reason: StaffReason }, { additionalProperties: false }),
      description: 'Mediators, operators and admins: alerts escalated to the people on duty (open, and closed in the last 7 days). A staff read of personal data: `reason` is required and recorded in the audit log.',
      response: { 200: Duty, ...problemResponses },
    },
    handler: async (req) => viewDuty(deps, req.scope, { reason: req.query.reason }),
  });

  app.post(`${base}/residents/:userId/enrolment`, {
    schema: {
      tags,
      summary: 'Enrol an assisted resident',
      operationId: 'enrolResidentInCheckIns',
      security: signedIn,
      params: UserParams,
      description:
        'A mediator enrols the assisted resident of their open session (header `x-maille-acting-for`; the session must be for `:userId`, with consent active — 403 `session_required` or `no_consent` otherwise). The consent reference comes from the account; audited "by mediator M on behalf of R".',
      body: EnrolBody,
      response: { 201: Created, ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await enrolForResident(deps, req.scope, { userId: req.params.userId, body: req.body })),
  });

  app.post(`${base}/residents/:userId/phone-check-ins`, {
    schema: {
      tags,
      summary: 'Record a check-in given on the phone',
      operationId: 'recordPhoneCheckIn',
      security: signedIn,
      params: UserParams,
      description:
        'A mediator, inside an open session for the assisted resident `:userId` (header `x-maille-acting-for`, consent active), records today’s check-in given on the phone (channel phone, audited); the resident must be enrolled.',
      response: { 200: CheckInAnswer, ...problemResponses },
    },
    handler: async (req) => recordPhoneCheckIn(deps, req.scope, { userId: req.params.userId }),
  });
};

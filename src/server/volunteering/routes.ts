/** @module HTTP routes: Volunteering: organisations, missions, participations, reminders, attendance. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, problemResponsesFor, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { HHMM_PATTERN } from '../core/time-of-day.ts';
import { answerApplication } from './answer-application.ts';
import { applyForOrganisation } from './apply-organisation.ts';
import { applyToMission } from './apply-to-mission.ts';
import { cancelParticipation } from './cancel-participation.ts';
import { decideOrganisation } from './decide-organisation.ts';
import { listApplications, listMyParticipations } from './list-participations.ts';
import { cancelMission, completeMission, decideMission, submitMission } from './mission-lifecycle.ts';
import { MAX_RADIUS_KM, MIN_RADIUS_KM, PUBLICS, SKILLS } from './model.ts';
import { recordAttendance } from './record-attendance.ts';
import { createMission, updateMission } from './save-mission.ts';
import * as S from './schemas.ts';
import { searchMissions } from './search-missions.ts';
import { validationQueue } from './validation-queue.ts';
import { StaffReason } from '../audit/index.ts';
import { viewMission } from './view-mission.ts';
import { listMyOrganisations, listOrganisations, viewOrganisation } from './view-organisation.ts';

const tags = ['volunteering'];
const base = '/api/territories/:territory/volunteering';
const Params = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (Europe/Paris)' });
const Reason = Type.String({ maxLength: 500 });
const State = S.State;
const signedIn: { session: string[] }[] = [{ session: [] }];
const optionalSession: Record<string, string[]>[] = [{}, { session: [] }];
const publicRoute: Record<string, string[]>[] = [];
const problemResponses = problemResponsesFor(S.VOLUNTEERING_REASONS);

const MissionBody = Type.Object(
  {
    title: Type.String({ maxLength: 140 }),
    description: Type.String({ maxLength: 4000 }),
    schedule: Type.Union([
      Type.Object({ kind: Type.Literal('once'), startsAt: Type.String({ format: 'date-time' }), endsAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
      Type.Object(
        {
          kind: Type.Literal('weekly'),
          weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 }),
          startTime: Type.String({ pattern: HHMM_PATTERN }),
          endTime: Type.String({ pattern: HHMM_PATTERN }),
          firstDay: Day,
          lastDay: Type.Optional(Day),
        },
        { additionalProperties: false },
      ),
    ]),
    place: Type.Union([
      Type.Object({ kind: Type.Literal('online') }, { additionalProperties: false }),
      Type.Object(
        {
          kind: Type.Literal('on_site'),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          address: Type.String({ maxLength: 300, description: 'shown to the managers and accepted volunteers only' }),
        },
        { additionalProperties: false },
      ),
    ]),
    volunteersNeeded: Type.Integer({ maximum: 500, description: 'at least 1; 0 is refused with reason no_places' }),
    skills: Type.Optional(Type.Array(StringEnum(SKILLS), { maxItems: SKILLS.length })),
    publics: Type.Optional(Type.Array(StringEnum(PUBLICS), { maxItems: PUBLICS.length })),
  },
  { additionalProperties: false },
);

export const volunteeringRoutes: RouteModule = (app, deps) => {
  // ── Organisations ───────────────────────────────────────────────────────
  app.post(`${base}/organisations`, {
    schema: {
      tags,
      summary: 'Apply for an organisation account',
      operationId: 'applyForOrganisation',
      security: signedIn,
      description: 'A signed-in resident applies for an organisation account (pending until an operator decides; audited).',
      params: TerritoryParam,
      body: Type.Object(
        {
          name: Type.String({ maxLength: 120 }),
          kind: StringEnum(['association', 'public_service'] as const),
          description: Type.String({ maxLength: 2000 }),
          contactEmail: Type.Optional(Type.String({ maxLength: 200 })),
          contactPhone: Type.Optional(Type.String({ maxLength: 30 })),
          commune: Type.Optional(Type.String({ pattern: '^[0-9AB]{5}$' })),
        },
        { additionalProperties: false },
      ),
      response: { 201: State, ...problemResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await applyForOrganisation(deps, req.scope, req.body)),
  });

  app.get(`${base}/organisations`, {
    schema: { tags, summary: 'List validated organisations', operationId: 'listOrganisations', security: publicRoute, description: 'Validated organisations not hidden by moderation, with their response figures.', params: TerritoryParam, response: { 200: S.OrganisationList, ...problemResponses } },
    handler: async (req) => ({ items: await listOrganisations(deps, req.scope) }),
  });

  app.get(`${base}/organisations/:id`, {
    schema: { tags, summary: 'Read an organisation', operationId: 'getOrganisation', security: optionalSession, description: 'An organisation, its response rate and median delay (how computed: response.windowDays, graceDays) and its missions.', params: Params, response: { 200: S.OrganisationView, ...problemResponses } },
    handler: async (req) => viewOrganisation(deps, req.scope, { id: req.params.id }),
  });

  app.post(`${base}/organisations/:id/decision`, {
    schema: {
      tags,
      summary: 'Validate or refuse an organisation',
      operationId: 'decideOrganisation',
      security: signedIn,
      description: 'An operator validates the organisation (its applicant becomes its manager) or refuses it with a reason (audited).',
      params: Params,
      body: Type.Object({ decision: StringEnum(['validate', 'refuse'] as const), reason: Type.Optional(Reason) }, { additionalProperties: false }),
      response: { 200: State, ...problemResponses },
    },
    handler: async (req) => decideOrganisation(deps, req.scope, { id: req.params.id, ...req.body }),
  });

  app.post(`${base}/organisations/:id/missions`, {
    schema: { tags, summary: 'Write a mission as a draft', operationId: 'createMission', security: signedIn, description: 'A manager writes a mission as a draft.', params: Params, body: MissionBody, response: { 201: State, ...problemResponses } },
    handler: async (req, reply) => reply.status(201).send(await createMission(deps, req.scope, { organisationId: req.params.id, mission: req.body })),
  });

  app.get(`${base}/my-organisations`, {
    schema: { tags, summary: 'List my organisations', operationId: 'listMyOrganisations', security: signedIn, description: 'The organisations I manage or applied for, whatever their status.', params: TerritoryParam, response: { 200: S.MyOrganisations, ...problemResponses } },
    handler: async (req) => ({ items: await listMyOrganisations(deps, req.scope) }),
  });

  app.get(`${base}/validation`, {
    schema: {
      tags,
      summary: 'Read the validation queue',
      operationId: 'getValidationQueue',
      security: signedIn,
      description: 'Operators: organisations awaiting validation (with their applicant and contact details) and missions awaiting publication. A staff read of personal data: `reason` is required and recorded in the audit log.',
      params: TerritoryParam,
      querystring: Type.Object({ reason: StaffReason }, { additionalProperties: false }),
      response: { 200: S.ValidationQueue, ...problemResponses },
    },
    handler: async (req) => validationQueue(deps, req.scope, req.query),
  });

  // ── Missions ────────────────────────────────────────────────────────────
  app.get(`${base}/missions`, {
    schema: {
      tags,
      summary: 'Search published missions',
      operationId: 'searchMissions',
      security: publicRoute,
      description: 'Published missions (not hidden): by distance from a commune or a point (radiusKm from 0.1 to 50, default 10), day range, skill, weekday, online or on site.',
      params: TerritoryParam,
      querystring: Type.Object(
        {
          commune: Type.Optional(Type.String({ pattern: '^[0-9AB]{5}$' })),
          lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
          lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
          radiusKm: Type.Optional(Type.Number({ minimum: MIN_RADIUS_KM, maximum: MAX_RADIUS_KM })),
          from: Type.Optional(Day),
          to: Type.Optional(Day),
          skill: Type.Optional(StringEnum(SKILLS)),
          weekday: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7 })),
          mode: Type.Optional(StringEnum(['online', 'on_site'] as const)),
          organisation: Type.Optional(IdParam),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: S.MissionSearch, ...problemResponses },
    },
    handler: async (req) => searchMissions(deps, req.scope, req.query),
  });

  app.get(`${base}/missions/:id`, {
    schema: { tags, summary: 'Read a mission', operationId: 'getMission', security: optionalSession, description: 'A mission: its approximate area for everyone, the exact address for its managers and accepted volunteers only.', params: Params, response: { 200: S.MissionView, ...problemResponses } },
    handler: async (req) => viewMission(deps, req.scope, { id: req.params.id }),
  });

  app.put(`${base}/missions/:id`, {
    schema: { tags, summary: 'Edit a draft mission', operationId: 'updateMission', security: signedIn, description: 'A manager edits a draft.', params: Params, body: MissionBody, response: { 200: State, ...problemResponses } },
    handler: async (req) => updateMission(deps, req.scope, { id: req.params.id, mission: req.body }),
  });

  app.post(`${base}/missions/:id/submit`, {
    schema: { tags, summary: 'Submit a mission for validation', operationId: 'submitMission', security: signedIn, description: 'A manager submits a draft for the operator’s validation.', params: Params, response: { 200: State, ...problemResponses } },
    handler: async (req) => submitMission(deps, req.scope, { id: req.params.id }),
  });

  app.post(`${base}/missions/:id/decision`, {
    schema: {
      tags,
      summary: 'Publish or return a mission',
      operationId: 'decideMission',
      security: signedIn,
      description: 'An operator publishes a mission awaiting validation, or sends it back to draft with a reason (audited).',
      params: Params,
      body: Type.Object({ decision: StringEnum(['publish', 'return'] as const), reason: Type.Optional(Reason) }, { additionalProperties: false }),
      response: { 200: State, ...problemResponses },
    },
    handler: async (req) => decideMission(deps, req.scope, { id: req.params.id, ...req.body }),
  });

  app.post(`${base}/missions/:id/cancel`, {
    schema: {
      tags,
      summary: 'Cancel a mission',
      operationId: 'cancelMission',
      security: signedIn,
      description: 'A manager (or an operator) cancels the mission with a reason; everyone who applied, waits or was accepted is told (audited).',
      params: Params,
      body: Type.Object({ reason: Reason }, { additionalProperties: false }),
      response: { 200: S.CancelledMission, ...problemResponses },
    },
    handler: async (req) => cancelMission(deps, req.scope, { id: req.params.id, reason: req.body.reason }),
  });

  app.post(`${base}/missions/:id/complete`, {
    schema: { tags, summary: 'Mark a mission completed', operationId: 'completeMission', security: signedIn, description: 'A manager marks a started mission completed; unanswered and waiting applications close.', params: Params, response: { 200: State, ...problemResponses } },
    handler: async (req) => completeMission(deps, req.scope, { id: req.params.id }),
  });

  // ── Participations ──────────────────────────────────────────────────────
  app.post(`${base}/missions/:id/participations`, {
    schema: {
      tags,
      summary: 'Apply to a mission',
      operationId: 'applyToMission',
      security: signedIn,
      description: 'Apply with a message: awaiting an answer while places remain, else on the waiting list (position). Twice → 409 already_applied.',
      params: Params,
      body: Type.Object({ message: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
      response: { 201: S.Application, ...problemResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await applyToMission(deps, req.scope, { missionId: req.params.id, message: req.body.message })),
  });

  app.get(`${base}/missions/:id/participations`, {
    schema: { tags, summary: 'List a mission\'s applications', operationId: 'listMissionApplications', security: signedIn, description: 'The mission’s applications, for its organisation’s managers.', params: Params, response: { 200: S.ApplicationList, ...problemResponses } },
    handler: async (req) => ({ items: await listApplications(deps, req.scope, { missionId: req.params.id }) }),
  });

  app.post(`${base}/participations/:id/accept`, {
    schema: { tags, summary: 'Accept an application', operationId: 'acceptApplication', security: signedIn, description: 'A manager accepts an application awaiting an answer (audited; the volunteer is told).', params: Params, response: { 200: State, ...problemResponses } },
    handler: async (req) => answerApplication(deps, req.scope, { id: req.params.id, decision: 'accept' }),
  });

  app.post(`${base}/participations/:id/refuse`, {
    schema: {
      tags,
      summary: 'Refuse an application',
      operationId: 'refuseApplication',
      security: signedIn,
      description: 'A manager refuses an application with a reason (audited; the volunteer is told; the waiting list moves up).',
      params: Params,
      body: Type.Object({ reason: Reason }, { additionalProperties: false }),
      response: { 200: State, ...problemResponses },
    },
    handler: async (req) => answerApplication(deps, req.scope, { id: req.params.id, decision: 'refuse', reason: req.body.reason }),
  });

  app.post(`${base}/participations/:id/cancel`, {
    schema: {
      tags,
      summary: 'Cancel a participation',
      operationId: 'cancelParticipation',
      security: signedIn,
      description: 'The volunteer cancels their participation, or a manager cancels it with a reason; the waiting list moves up.',
      params: Params,
      body: Type.Optional(Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false })),
      response: { 200: S.CancelledParticipation, ...problemResponses },
    },
    handler: async (req) => cancelParticipation(deps, req.scope, { id: req.params.id, reason: req.body?.reason }),
  });

  app.post(`${base}/participations/:id/attendance`, {
    schema: {
      tags,
      summary: 'Record attendance',
      operationId: 'recordAttendance',
      security: signedIn,
      description: 'After the mission has started, a manager records whether an accepted volunteer came.',
      params: Params,
      body: Type.Object({ attendance: StringEnum(['present', 'absent'] as const) }, { additionalProperties: false }),
      response: { 200: S.RecordedAttendance, ...problemResponses },
    },
    handler: async (req) => recordAttendance(deps, req.scope, { id: req.params.id, attendance: req.body.attendance }),
  });

  app.get(`${base}/me/participations`, {
    schema: { tags, summary: 'List my participations', operationId: 'listMyParticipations', security: signedIn, description: 'My applications and participations (the exact address once accepted).', params: TerritoryParam, response: { 200: S.MyParticipations, ...problemResponses } },
    handler: async (req) => ({ items: await listMyParticipations(deps, req.scope) }),
  });
};

/** @module Response schemas of volunteering routes, the types its use-cases return, and the reasons its refusals carry. */
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, StringEnum, VIEWER_HOOK_REASONS } from '../core/http/schemas.ts';
import { GuardedSchema } from '../core/privacy/small-group.ts';
import { PUBLICS, SKILLS } from './model.ts';
import type { Attendance, CancelledBy, MissionStatus, OrganisationKind, OrganisationStatus, ParticipationStatus } from './tables.ts';

// Types the web app reads with the schemas (it imports the server through schemas.ts only).
export type { MissionStatus, OrganisationKind, OrganisationStatus, ParticipationStatus } from './tables.ts';

/** Every `reason` a volunteering refusal carries, for clients to branch on. */
export const VOLUNTEERING_REASONS = [
  'already_answered',
  'already_applied',
  'already_closed',
  'already_decided',
  'blocked',
  'mission_closed',
  'name_taken',
  'no_places',
  'not_accepted',
  'not_editable',
  'not_manager',
  'not_started',
  'on_waiting_list',
  'organisation_not_validated',
  'past_date',
  'radius_out_of_range',
  'wrong_state',
  // A mediator's request in a session on behalf (mediation/acting-for.ts).
  // The refusals of a session on behalf, before any route runs (core/http/schemas.ts).
  ...VIEWER_HOOK_REASONS,
] as const;
export type VolunteeringReason = (typeof VOLUNTEERING_REASONS)[number];

const Day = Type.String({ description: 'YYYY-MM-DD, Europe/Paris' });
const OrgKind = StringEnum(['association', 'public_service'] as const satisfies readonly OrganisationKind[]);
const OrgStatus = StringEnum(['pending', 'validated', 'refused'] as const satisfies readonly OrganisationStatus[]);
const MissionState = StringEnum(['draft', 'awaiting_validation', 'published', 'completed', 'cancelled'] as const satisfies readonly MissionStatus[]);
const ParticipationState = StringEnum(['applied', 'waiting', 'accepted', 'refused', 'cancelled'] as const satisfies readonly ParticipationStatus[]);
const Cancelled = Nullable(StringEnum(['volunteer', 'organisation', 'mission_closed'] as const satisfies readonly CancelledBy[]));
const Came = Nullable(StringEnum(['present', 'absent'] as const satisfies readonly Attendance[]));

/** A state change: the thing's id and its new status. */
export const State = Type.Object({ id: Type.String(), status: Type.String() });
export type State = Static<typeof State>;
export const CancelledMission = Type.Object({ id: Type.String(), status: MissionState, notified: Type.Integer() });
export const Application = Type.Object({ id: Type.String(), status: ParticipationState, position: Nullable(Type.Integer()) });
export const CancelledParticipation = Type.Object({ id: Type.String(), status: ParticipationState, by: Type.String() });
export const RecordedAttendance = Type.Object({ id: Type.String(), attendance: StringEnum(['present', 'absent'] as const) });

export const ScheduleView = Type.Object({
  kind: StringEnum(['once', 'weekly'] as const),
  startsAt: Type.Optional(DateTime),
  endsAt: Type.Optional(DateTime),
  weekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }))),
  startTime: Type.Optional(Type.String({ description: 'HH:MM' })),
  endTime: Type.Optional(Type.String({ description: 'HH:MM' })),
  firstDay: Type.Optional(Day),
  lastDay: Type.Optional(Nullable(Day)),
});
export type ScheduleView = Static<typeof ScheduleView>;

export const ResponseStats = Type.Object({
  counted: Type.Integer({ description: 'applications taken into account' }),
  answered: Type.Integer(),
  rate: Nullable(Type.Number({ description: '0–1, null when nothing is counted yet' })),
  medianHours: Nullable(Type.Number({ description: 'median hours from application to answer, one decimal' })),
  windowDays: Type.Integer(),
  graceDays: Type.Integer(),
});
export type ResponseStats = Static<typeof ResponseStats>;
/** Outside the organisation's managers, suppressed when fewer than PRIVACY_MIN_GROUP volunteers applied (docs/privacy.md). */
const Response = GuardedSchema(ResponseStats);

const summaryFields = {
  id: Type.String(),
  title: Type.String(),
  status: MissionState,
  organisation: Type.Object({ id: Type.String(), name: Type.String(), kind: OrgKind }),
  schedule: ScheduleView,
  nextOccurrence: Nullable(DateTime),
  online: Type.Boolean(),
  communeCode: Nullable(Type.String()),
  communeName: Nullable(Type.String()),
  area: Nullable(Type.Object({ cell: Type.String(), lat: Type.Number(), lng: Type.Number() }, { description: 'H3 cell (resolution 8) and its centre: never the address' })),
  volunteersNeeded: Type.Integer(),
  accepted: Type.Integer(),
  placesLeft: Type.Integer(),
  waiting: Type.Integer(),
  skills: Type.Array(StringEnum(SKILLS)),
  publics: Type.Array(StringEnum(PUBLICS)),
};

/** What anyone may know of a mission: never the exact address. */
export const MissionSummary = Type.Object(summaryFields);
export type MissionSummary = Static<typeof MissionSummary>;

const participationFields = {
  id: Type.String(),
  status: ParticipationState,
  position: Nullable(Type.Integer({ description: 'rank on the waiting list' })),
  message: Nullable(Type.String()),
  appliedAt: DateTime,
  refusalReason: Nullable(Type.String()),
  cancelledBy: Cancelled,
  attendance: Came,
};

export const MissionView = Type.Object({
  ...summaryFields,
  description: Type.String(),
  address: Nullable(Type.String({ description: 'managers and accepted volunteers only' })),
  createdAt: DateTime,
  submittedAt: Nullable(DateTime),
  publishedAt: Nullable(DateTime),
  completedAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  cancelReason: Nullable(Type.String()),
  returnedReason: Nullable(Type.String()),
  hidden: Type.Boolean(),
  organisationStatus: OrgStatus,
  viewer: Type.Object({ manager: Type.Boolean(), operator: Type.Boolean(), participation: Nullable(Type.Object(participationFields)) }),
});
export type MissionView = Static<typeof MissionView>;

export const MissionSearch = Type.Object({
  total: Type.Integer(),
  items: Type.Array(Type.Object({ ...summaryFields, distanceKm: Nullable(Type.Number()) })),
  origin: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() }, { description: 'the point distances are measured from' })),
});
export type MissionSearch = Static<typeof MissionSearch>;

const publicFields = {
  id: Type.String(),
  name: Type.String(),
  kind: OrgKind,
  description: Type.String(),
  communeCode: Nullable(Type.String()),
  communeName: Nullable(Type.String()),
  contactEmail: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
};

export const OrganisationList = Type.Object({ items: Type.Array(Type.Object({ ...publicFields, response: Response })) });
export type OrganisationList = Static<typeof OrganisationList>;

export const OrganisationView = Type.Object({
  ...publicFields,
  status: OrgStatus,
  appliedAt: DateTime,
  decidedAt: Nullable(DateTime),
  refusalReason: Nullable(Type.String()),
  hidden: Type.Boolean(),
  response: Response,
  missions: Type.Array(Type.Object({ ...summaryFields, returnedReason: Nullable(Type.String()) })),
  managers: Type.Array(Type.Object({ id: Type.String(), displayName: Nullable(Type.String()) })),
  viewer: Type.Object({ manager: Type.Boolean(), operator: Type.Boolean(), applicant: Type.Boolean() }),
});
export type OrganisationView = Static<typeof OrganisationView>;

export const MyOrganisations = Type.Object({
  items: Type.Array(
    Type.Object({ ...publicFields, status: OrgStatus, appliedAt: DateTime, refusalReason: Nullable(Type.String()), hidden: Type.Boolean(), manager: Type.Boolean(), response: Response }),
  ),
});
export type MyOrganisations = Static<typeof MyOrganisations>;

export const ValidationQueue = Type.Object({
  organisations: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: OrgKind,
      description: Type.String(),
      contactEmail: Nullable(Type.String()),
      contactPhone: Nullable(Type.String()),
      communeName: Nullable(Type.String()),
      appliedAt: DateTime,
      applicant: Nullable(Type.String()),
    }),
  ),
  missions: Type.Array(Type.Object({ ...summaryFields, description: Type.String(), submittedAt: Nullable(DateTime) })),
});
export type ValidationQueue = Static<typeof ValidationQueue>;

export const ApplicationList = Type.Object({
  items: Type.Array(
    Type.Object({
      ...participationFields,
      volunteer: Nullable(Type.Object({ id: Type.String(), displayName: Nullable(Type.String()) })),
      answeredAt: Nullable(DateTime),
      cancelledAt: Nullable(DateTime),
      promotedAt: Nullable(DateTime),
    }),
  ),
});
export type ApplicationList = Static<typeof ApplicationList>;

export const MyParticipations = Type.Object({
  items: Type.Array(
    Type.Object({
      ...participationFields,
      answeredAt: Nullable(DateTime),
      remindedAt: Nullable(DateTime),
      address: Nullable(Type.String({ description: 'once accepted, for a mission on site' })),
      mission: Type.Object({ ...summaryFields, cancelReason: Nullable(Type.String()) }),
    }),
  ),
});
export type MyParticipations = Static<typeof MyParticipations>;

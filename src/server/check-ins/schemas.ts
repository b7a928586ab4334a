/** @module Response schemas of check-in routes, the types its reads return, and the reasons its refusals carry. */
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, StringEnum, VIEWER_HOOK_REASONS } from '../core/http/schemas.ts';
import type { Relation } from './access.ts';
import type { DayStatus } from './schedule.ts';
import type { AcknowledgementAction, AlertResolution, CheckInChannel, ReferentStatus } from './tables.ts';

/**
 * Every `reason` a check-in refusal carries, and those of a session on behalf (mediation/acting-for.ts) a mediator's
 * request may meet here.
 */
export const CHECK_IN_REASONS = [
  'already_enrolled',
  'alert_closed',
  'date_malformed',
  'deadline_malformed',
  'delay_out_of_range',
  'note_too_long',
  'not_enrolled',
  'pause_out_of_range',
  'reason_required',
  'referent_count',
  'referent_duplicate',
  'referent_malformed',
  'referent_self',
  'referent_unknown',
  'use_check_in',
  'weekday_invalid',
  'weekdays_empty',
  // Acting for a resident (mediation/access.ts, mediation/acting-for.ts).
  // The refusals of a session on behalf, before any route runs (core/http/schemas.ts).
  ...VIEWER_HOOK_REASONS,
  'session_required',
] as const;
export type CheckInReason = (typeof CHECK_IN_REASONS)[number];

const Day = Type.String({ description: 'YYYY-MM-DD, Europe/Paris' });
const HHMM = Type.String({ description: 'HH:MM, Europe/Paris' });
const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { description: 'ISO weekdays, 1 Monday … 7 Sunday' });
const Channel = StringEnum(['button', 'phone'] as const satisfies readonly CheckInChannel[]);
const Person = Type.Object({ userId: Type.String(), displayName: Nullable(Type.String()) });
const Paused = Nullable(Type.Object({ since: DateTime, until: Nullable(Day) }));
const DoneCheckIn = Nullable(Type.Object({ at: DateTime, channel: Channel }));

export const Ok = Type.Object({ ok: Type.Literal(true) });
export const Created = Type.Object({ id: Type.String() });
export const PausedUntil = Type.Object({ pausedUntil: Nullable(Day) });
export const InvitationAnswer = Type.Object({ status: StringEnum(['active', 'declined'] as const satisfies readonly ReferentStatus[]) });
export const AcknowledgeAnswer = Type.Object({ status: StringEnum(['acknowledged', 'resolved'] as const) });

export const CheckInAnswer = Type.Object({
  date: Day,
  at: DateTime,
  channel: Channel,
  alreadyDone: Type.Boolean({ description: 'this day already had a check-in: nothing new was written' }),
  resolvedAlerts: Type.Integer({ description: 'open alerts this check-in closed' }),
});
export type CheckInAnswer = Static<typeof CheckInAnswer>;

export const TodayView = Type.Object({
  date: Day,
  status: StringEnum(['done', 'pending', 'missed', 'not_expected'] as const satisfies readonly DayStatus[]),
  deadlineAt: DateTime,
  checkIn: DoneCheckIn,
});
export type TodayView = Static<typeof TodayView>;

export const AcknowledgementView = Type.Object({
  by: Nullable(Type.String({ description: 'display name of who answered' })),
  role: StringEnum(['referent', 'duty'] as const),
  action: StringEnum(['on_my_way', 'all_well'] as const satisfies readonly AcknowledgementAction[]),
  note: Nullable(Type.String()),
  at: DateTime,
});

export const AlertView = Type.Object({
  id: Type.String(),
  date: Day,
  deadlineAt: DateTime,
  raisedAt: DateTime,
  escalateAt: DateTime,
  escalatedAt: Nullable(DateTime),
  resolvedAt: Nullable(DateTime),
  resolution: Nullable(StringEnum(['checked_in', 'all_well'] as const satisfies readonly AlertResolution[])),
  acknowledgements: Type.Array(AcknowledgementView),
});
export type AlertView = Static<typeof AlertView>;

export const ReferentRecord = Type.Object({
  userId: Type.String(),
  displayName: Nullable(Type.String()),
  status: StringEnum(['invited', 'active', 'declined'] as const satisfies readonly ReferentStatus[]),
  invitedAt: DateTime,
  answeredAt: Nullable(DateTime),
});
export type ReferentRecord = Static<typeof ReferentRecord>;

export const EnrolmentView = Type.Object({
  id: Type.String(),
  deadline: HHMM,
  weekdays: Weekdays,
  escalationMinutes: Type.Integer(),
  started: Type.Boolean({ description: 'false until a referent accepts: before that, no day is followed' }),
  paused: Paused,
  enrolledByMediator: Type.Boolean(),
  referents: Type.Array(ReferentRecord),
  today: TodayView,
});
export type EnrolmentView = Static<typeof EnrolmentView>;

/** My follow-up (null when not enrolled) and its open alerts. */
export const MyCheckIns = Type.Object({ enrolment: Nullable(EnrolmentView), openAlerts: Type.Array(AlertView) });
export type MyCheckIns = Static<typeof MyCheckIns>;

export const WatchedView = Type.Object({
  enrolmentId: Type.String(),
  resident: Person,
  deadline: HHMM,
  weekdays: Weekdays,
  started: Type.Boolean(),
  paused: Paused,
  today: TodayView,
  openAlerts: Type.Array(AlertView),
});
export type WatchedView = Static<typeof WatchedView>;

export const Watching = Type.Object({
  invitations: Type.Array(Type.Object({ enrolmentId: Type.String(), resident: Person, invitedAt: DateTime })),
  watching: Type.Array(WatchedView),
});
export type Watching = Static<typeof Watching>;

export const HistoryDay = Type.Object({ date: Day, expected: Type.Boolean(), checkIn: DoneCheckIn });
export type HistoryDay = Static<typeof HistoryDay>;

export const History = Type.Object({
  resident: Person,
  deadline: HHMM,
  weekdays: Weekdays,
  viewedAs: StringEnum(['self', 'referent', 'staff'] as const satisfies readonly Relation[]),
  days: Type.Array(HistoryDay),
  alerts: Type.Array(AlertView),
});
export type History = Static<typeof History>;

export const DutyItem = Type.Object({
  ...AlertView.properties,
  enrolmentId: Type.String(),
  resident: Type.Object({ userId: Type.String(), displayName: Nullable(Type.String()), commune: Nullable(Type.String()) }),
  referents: Type.Array(Person),
});
export const Duty = Type.Object({ items: Type.Array(DutyItem) });
export type Duty = Static<typeof Duty>;

/** @module Shapes of the check-in API answers the pages read (see docs/check-ins.md). */

export type DayStatus = 'done' | 'pending' | 'missed' | 'not_expected';
export type Channel = 'button' | 'phone';

export interface Today {
  date: string;
  status: DayStatus;
  deadlineAt: string;
  checkIn: { at: string; channel: Channel } | null;
}

export interface Referent {
  userId: string;
  displayName: string | null;
  status: 'invited' | 'active' | 'declined';
}

export interface Acknowledgement {
  by: string | null;
  role: 'referent' | 'duty';
  action: 'on_my_way' | 'all_well';
  note: string | null;
  at: string;
}

export interface Alert {
  id: string;
  date: string;
  deadlineAt: string;
  raisedAt: string;
  escalateAt: string;
  escalatedAt: string | null;
  resolvedAt: string | null;
  resolution: 'checked_in' | 'all_well' | null;
  acknowledgements: Acknowledgement[];
}

export interface Enrolment {
  id: string;
  deadline: string;
  weekdays: number[];
  escalationMinutes: number;
  started: boolean;
  paused: { since: string; until: string | null } | null;
  enrolledByMediator: boolean;
  referents: Referent[];
  today: Today;
}

export interface MyCheckIns {
  enrolment: Enrolment | null;
  openAlerts: Alert[];
}

export interface Watched {
  enrolmentId: string;
  resident: { userId: string; displayName: string | null };
  deadline: string;
  weekdays: number[];
  started: boolean;
  paused: { since: string; until: string | null } | null;
  today: Today;
  openAlerts: Alert[];
}

export interface Watching {
  invitations: { enrolmentId: string; resident: { userId: string; displayName: string | null }; invitedAt: string }[];
  watching: Watched[];
}

export interface History {
  resident: { userId: string; displayName: string | null };
  deadline: string;
  weekdays: number[];
  days: { date: string; expected: boolean; checkIn: { at: string; channel: Channel } | null }[];
  alerts: Alert[];
}

export interface DutyItem extends Alert {
  enrolmentId: string;
  resident: { userId: string; displayName: string | null; commune: string | null };
  referents: { userId: string; displayName: string | null }[];
}

export interface CheckInAnswer {
  date: string;
  at: string;
  channel: Channel;
  alreadyDone: boolean;
  resolvedAlerts: number;
}

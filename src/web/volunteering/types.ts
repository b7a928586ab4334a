/** @module The volunteering API's answers as the pages read them. */

// The API's own types, imported for types only (nothing reaches the bundle), where the server declares them; the
// mission, organisation and participation answers are built inline by the server (no declared type), so they are written here.
import type { Suppressed } from '../../server/core/privacy/small-group.ts';
import type { Wire } from '../core/wire.ts';
import type { ResponseStats } from '../../server/volunteering/response-rate.ts';
import type { MissionStatus, OrganisationKind, OrganisationStatus, ParticipationStatus } from '../../server/volunteering/tables.ts';
import type { ScheduleView as ServerScheduleView } from '../../server/volunteering/view-mission.ts';

export const SKILLS = ['reception', 'food_aid', 'tutoring', 'digital', 'diy', 'driving', 'cooking', 'listening', 'activities', 'gardening', 'logistics', 'languages', 'admin', 'sport'] as const;
export type Skill = (typeof SKILLS)[number];
export const PUBLICS = ['everyone', 'children', 'young_people', 'seniors', 'families', 'disabled_people', 'people_in_need', 'newcomers'] as const;
export type Public = (typeof PUBLICS)[number];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type { MissionStatus, OrganisationKind, OrganisationStatus, ParticipationStatus } from '../../server/volunteering/tables.ts';
export type { ResponseStats } from '../../server/volunteering/response-rate.ts';

export type ScheduleView = Wire<ServerScheduleView>;

export interface MissionSummary {
  id: string;
  title: string;
  status: MissionStatus;
  organisation: { id: string; name: string; kind: OrganisationKind };
  schedule: ScheduleView;
  nextOccurrence: string | null;
  online: boolean;
  communeCode: string | null;
  communeName: string | null;
  area: { cell: string; lat: number; lng: number } | null;
  volunteersNeeded: number;
  accepted: number;
  placesLeft: number;
  waiting: number;
  skills: Skill[];
  publics: Public[];
  distanceKm?: number | null;
  returnedReason?: string | null;
}

export interface MyParticipationInMission {
  id: string;
  status: ParticipationStatus;
  position: number | null;
  message: string | null;
  appliedAt: string;
  refusalReason: string | null;
  cancelledBy: string | null;
  attendance: 'present' | 'absent' | null;
}

export interface MissionView extends MissionSummary {
  description: string;
  address: string | null;
  cancelReason: string | null;
  returnedReason: string | null;
  hidden: boolean;
  organisationStatus: OrganisationStatus;
  viewer: { manager: boolean; operator: boolean; participation: MyParticipationInMission | null };
}

export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  communeCode: string | null;
  communeName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  status?: OrganisationStatus;
  refusalReason?: string | null;
  hidden?: boolean;
  /** Outside the organisation's managers, suppressed when fewer than 5 volunteers applied (docs/privacy.md). */
  response: ResponseStats | Suppressed;
  missions?: MissionSummary[];
  manager?: boolean;
  viewer?: { manager: boolean; operator: boolean; applicant: boolean };
}

export interface Application {
  id: string;
  volunteer: { id: string; displayName: string | null } | null;
  message: string | null;
  status: ParticipationStatus;
  position: number | null;
  appliedAt: string;
  answeredAt: string | null;
  refusalReason: string | null;
  cancelledBy: string | null;
  attendance: 'present' | 'absent' | null;
}

export interface MyParticipation {
  id: string;
  status: ParticipationStatus;
  position: number | null;
  message: string | null;
  appliedAt: string;
  refusalReason: string | null;
  cancelledBy: string | null;
  attendance: 'present' | 'absent' | null;
  remindedAt: string | null;
  address: string | null;
  mission: MissionSummary & { cancelReason: string | null };
}

export interface ValidationQueue {
  organisations: { id: string; name: string; kind: OrganisationKind; description: string; contactEmail: string | null; contactPhone: string | null; communeName: string | null; appliedAt: string; applicant: string | null }[];
  missions: (MissionSummary & { description: string; submittedAt: string })[];
}

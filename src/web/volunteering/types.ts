/** @module The volunteering API's answers as the pages read them. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts).
import type * as S from '../../server/volunteering/schemas.ts';
import type { ApiError } from '../core/api-error.ts';
import type { Wire } from '../core/wire.ts';

export const SKILLS = ['reception', 'food_aid', 'tutoring', 'digital', 'diy', 'driving', 'cooking', 'listening', 'activities', 'gardening', 'logistics', 'languages', 'admin', 'sport'] as const;
export type Skill = (typeof SKILLS)[number];
export const PUBLICS = ['everyone', 'children', 'young_people', 'seniors', 'families', 'disabled_people', 'people_in_need', 'newcomers'] as const;
export type Public = (typeof PUBLICS)[number];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type { MissionStatus, OrganisationKind, OrganisationStatus, ParticipationStatus } from '../../server/volunteering/schemas.ts';
export type { ResponseStats, VolunteeringReason } from '../../server/volunteering/schemas.ts';

export type ScheduleView = Wire<S.ScheduleView>;
export type MissionSummary = Wire<S.MissionSummary> & { distanceKm?: number | null; returnedReason?: string | null };
export type MissionSearch = Wire<S.MissionSearch>;
export type MissionView = Wire<S.MissionView>;
/** An organisation's page. */
export type OrganisationView = Wire<S.OrganisationView>;
/** An organisation in the public list. */
export type OrganisationListItem = Wire<S.OrganisationList>['items'][number];
/** An organisation I manage or applied for. */
export type MyOrganisation = Wire<S.MyOrganisations>['items'][number];
export type Application = Wire<S.ApplicationList>['items'][number];
export type MyParticipation = Wire<S.MyParticipations>['items'][number];
export type ValidationQueue = Wire<S.ValidationQueue>;

/** The refusal's reason as one of volunteering's (server/volunteering/schemas.ts): comparing with another string does not compile. */
export const volunteeringReason = (error: Pick<ApiError, 'reason'>): S.VolunteeringReason | '' => error.reason as S.VolunteeringReason | '';

/** @module Shapes of the check-in API answers the pages read (see docs/check-ins.md): the server's schemas, dates as ISO strings. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
import type * as S from '../../server/check-ins/schemas.ts';
import type { ApiError } from '../core/api-error.ts';
import type { Wire } from '../core/wire.ts';

export type { CheckInReason } from '../../server/check-ins/schemas.ts';

export type Today = Wire<S.TodayView>;
export type DayStatus = Today['status'];
export type Channel = Wire<S.CheckInAnswer>['channel'];
export type Alert = Wire<S.AlertView>;
export type Acknowledgement = Alert['acknowledgements'][number];
export type Referent = Wire<S.ReferentRecord>;
export type Enrolment = Wire<S.EnrolmentView>;
export type MyCheckIns = Wire<S.MyCheckIns>;
export type Watched = Wire<S.WatchedView>;
export type Watching = Wire<S.Watching>;
export type History = Wire<S.History>;
export type DutyItem = Wire<S.Duty>['items'][number];
export type CheckInAnswer = Wire<S.CheckInAnswer>;

/** The refusal's reason as one of the check-ins' (server/check-ins/schemas.ts): comparing with another string does not compile. */
export const checkInReason = (error: Pick<ApiError, 'reason'>): S.CheckInReason | '' => error.reason as S.CheckInReason | '';

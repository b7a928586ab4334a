/** @module Moderation answers as the web app reads them: the server's response schemas (dates as ISO strings) and its refusal reasons. */
import type { ApiError } from '../core/api-error.ts';
import { everyValue } from '../core/types.ts';
import type { Wire } from '../core/wire.ts';
import type {
  BlockList as ServerBlockList,
  ModerationReason,
  Queue as ServerQueue,
  QueueItem as ServerQueueItem,
  ReportAnswer,
  ReportedContent,
  ReportReason,
  SubjectType,
} from '../../server/moderation/schemas.ts';

export type { ModerationReason, ReportAnswer, ReportedContent, ReportReason, SubjectType };

/** A subject with its open reports. */
export type QueueItem = Wire<ServerQueueItem>;
/** The queue, with `hideAfter` (MODERATION_HIDE_AFTER). */
export type Queue = Wire<ServerQueue>;
export type BlockList = Wire<ServerBlockList>;

/** A problem's `reason` as one of the moderation routes' reasons (the server's MODERATION_REASONS), or "" without one. */
export const moderationReason = (error: Pick<ApiError, 'reason'>): ModerationReason | '' => error.reason as ModerationReason | '';

/** The report reasons in the order the form offers them: the build fails when the server adds one. */
export const REPORT_REASONS = everyValue<ReportReason>()(['spam', 'abuse', 'unsafe', 'personal_data', 'other']);

/** @module Conditional commitments as the API sends them: status, progress per bucket, signers. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts).
import type { ApiError } from '../core/api-error.ts';
import type { Wire } from '../core/wire.ts';
import type { ActionKind, Status } from '../../server/commitments/schemas.ts';
import type { CommitmentReason, CommitmentView, MySignature as ServerMySignature } from '../../server/commitments/schemas.ts';

export type EngagementStatus = Status;
export type { ActionKind, Target } from '../../server/commitments/schemas.ts';
export type { BucketProgress } from '../../server/commitments/schemas.ts';
export const ACTION_KINDS: readonly ActionKind[] = ['carpool', 'shift', 'mode_switch', 'help', 'free_text'];

/** The viewer's own signature: how it was entered, their "did you do it?" answer, their automatic count. */
export type MySignature = Wire<ServerMySignature>;

export type Engagement = Wire<CommitmentView>;

/** A problem's `reason` as one of the commitment routes' reasons (the server's COMMITMENT_REASONS), or "" without one. */
export const engagementReason = (error: Pick<ApiError, 'reason'>): CommitmentReason | '' => error.reason as CommitmentReason | '';

/** An in-app notification (GET /api/notifications). */
export interface AppNotification {
  id: string;
  territoryId: string | null;
  kind: string;
  params: { commitmentId?: string; wording?: string; remaining?: number; signers?: number; entry?: 'mediator' | 'offline' };
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

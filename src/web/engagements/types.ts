/** @module Conditional commitments as the API sends them: status, progress per bucket, signers. */

export type EngagementStatus = 'collecting' | 'succeeded' | 'active' | 'completed' | 'failed';
export type ActionKind = 'carpool' | 'shift' | 'mode_switch' | 'help' | 'free_text';
export const ACTION_KINDS: readonly ActionKind[] = ['carpool', 'shift', 'mode_switch', 'help', 'free_text'];

export type Target = { kind: 'count'; count: number; base?: number } | { kind: 'share'; share: number; base: number };

export interface BucketProgress {
  commune: string | null;
  required: number;
  signed: number;
  remaining: number;
  neededShare: number | null;
  signedShare: number | null;
}

export interface Engagement {
  id: string;
  wording: string;
  action: ActionKind;
  scope: { kind: 'territory' | 'corridor' | 'community' | 'per_commune'; corridorId?: string; communityId?: string };
  status: EngagementStatus;
  progress: { buckets: BucketProgress[]; remaining: number; fraction: number; reached: boolean };
  signers: number;
  publicNames: string[];
  signedByMe: boolean;
  signingDeadline: string;
  actionStart: string;
  actionEnd: string;
  createdAt: string;
}

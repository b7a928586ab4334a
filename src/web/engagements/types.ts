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

/** The viewer's own signature: how it was entered, their "did you do it?" answer, their automatic count. */
export interface MySignature {
  signedAt: string;
  entry: 'self' | 'mediator' | 'offline';
  publicName: boolean;
  kept: boolean | null;
  checkedAt: string | null;
  automaticCount: number | null;
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
  createdByMe: boolean;
  mine: MySignature | null;
  /** Signers with a matching gesture in the action period, and those gestures (aggregates only). */
  automatic: { people: number; gestures: number } | null;
  keptRate: { kept: number; answered: number; rate: number | null };
  canCheck: boolean;
  canSignFor: boolean;
  canEnterOffline: boolean;
  signingDeadline: string;
  actionStart: string;
  actionEnd: string;
  createdAt: string;
}

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

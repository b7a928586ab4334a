/** @module Conditional commitments ("I will if N others do"): the shapes the pure rules in this folder work on. */

export const ACTION_KINDS = ['carpool', 'shift', 'mode_switch', 'help', 'free_text'] as const;
/** The gesture a commitment is about; `free_text` links to no gesture kind (nothing counts automatically). */
export type ActionKind = (typeof ACTION_KINDS)[number];

/**
 * How many signers are needed: a count, or a share (0..1] of a base population (e.g. the peak drivers of a
 * corridor, where the queue model suggests the share that removes the jam). A count may name its base too,
 * so progress can be shown as shares and the count checked against it.
 */
export type Target =
  | { kind: 'count'; count: number; base?: number | undefined }
  | { kind: 'share'; share: number; base: number };

/** One commune's own target in a per-commune commitment; `commune` is its code (INSEE). */
export interface CommuneTarget {
  commune: string;
  target: Target;
}

/** Where signers come from. A per-commune commitment has one target per commune and succeeds when every commune reaches its own. */
export type Scope =
  | { kind: 'community'; communityId: string; target: Target }
  | { kind: 'corridor'; corridorId: string; target: Target }
  | { kind: 'territory'; target: Target }
  | { kind: 'per_commune'; communes: CommuneTarget[] };

export interface Commitment {
  /** Frozen once anyone has signed (see `canEditWording`). */
  readonly wording: string;
  action: ActionKind;
  scope: Scope;
  /** Signing opens here. */
  createdAt: Date;
  /** Inclusive: a signature stamped exactly at the deadline counts; one a millisecond later is refused. */
  signingDeadline: Date;
  /** The action period, half-open [start, end); it starts at or after the deadline. */
  actionStart: Date;
  actionEnd: Date;
}

/** One person's signature; `commune` says which commune's target it counts towards (per-commune scope only). */
export interface Signature {
  signerId: string;
  at: Date;
  commune: string | null;
}

/**
 * collecting → succeeded (the moment the target is reached; signing stays open) → active (action period)
 * → completed; or collecting → failed just after the deadline, when nobody is bound.
 */
export type Status = 'collecting' | 'succeeded' | 'active' | 'completed' | 'failed';

/** What signers are told, each at most once per commitment. */
export type Milestone = 'progress_33' | 'progress_66' | 'succeeded' | 'failed';

/** A commitment with what has happened to it so far: the input and output of the state machine. */
export interface CommitmentState {
  commitment: Commitment;
  /** In signing order, one per signer. */
  signatures: readonly Signature[];
  /** Milestones already notified or deliberately skipped (never sent later). */
  fired: readonly Milestone[];
}

/** @module After the action period: the "did you do it?" check and the kept rate shown on the commitment. */
import type { Status } from './model.ts';

export interface KeptCheck {
  signerId: string;
  kept: boolean;
}

export interface KeptRate {
  /** Signers who said they kept the commitment. */
  kept: number;
  /** Signers who answered at all. */
  answered: number;
  /** kept / answered, null before anyone answers. Silence is not counted as a broken commitment. */
  rate: number | null;
}

/** The check is asked once the action period is over, and only of a commitment that succeeded. */
export function canRecordCheck(status: Status): boolean {
  return status === 'completed';
}

/**
 * The kept rate over the signers who answered; a signer who answers twice counts once, with the last answer.
 * @example keptRate([{ signerId: 'a', kept: true }, { signerId: 'b', kept: false }]) // { kept: 1, answered: 2, rate: 0.5 }
 */
export function keptRate(checks: readonly KeptCheck[]): KeptRate {
  const last = new Map<string, boolean>();
  for (const c of checks) last.set(c.signerId, c.kept);
  const answered = last.size;
  const kept = [...last.values()].filter(Boolean).length;
  return { kept, answered, rate: answered === 0 ? null : kept / answered };
}

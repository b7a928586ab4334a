/**
 * @module A commitment's figures as shown to someone outside its group, under the small-group rule (docs/privacy.md):
 * what signers did (the automatic count, the kept rate) is whole to the signers only; a community commitment's
 * progress is whole to the community's members only. A share is shown when both those who did and those who did not
 * are at least PRIVACY_MIN_GROUP: "all 4 signers did it" says what each of them did.
 */
import { guard, type Guarded } from '../core/privacy/small-group.ts';
import type { AutomaticCount } from './counting.ts';
import type { KeptRate } from './kept-rate.ts';
import type { Progress } from './targets.ts';

export interface CommitmentFigures {
  progress: Progress;
  signers: number;
  automatic: AutomaticCount | null;
  keptRate: KeptRate;
}

export interface ShownCommitmentFigures {
  progress: Guarded<Progress>;
  signers: Guarded<number>;
  automatic: Guarded<AutomaticCount> | null;
  keptRate: Guarded<KeptRate>;
}

// Inside the group nothing is suppressed: as if the group were as large as can be.
const WHOLE = Number.MAX_SAFE_INTEGER;

export function guardCommitmentFigures(f: CommitmentFigures, viewer: { signer: boolean; inCommunity: boolean }, minGroup: number): ShownCommitmentFigures {
  const signed = viewer.inCommunity ? WHOLE : f.signers;
  const split = (part: number, whole: number) => (viewer.signer ? WHOLE : Math.min(part, whole - part));
  return {
    progress: guard(f.progress, signed, minGroup),
    signers: guard(f.signers, signed, minGroup),
    automatic: f.automatic === null ? null : guard(f.automatic, Math.min(signed, split(f.automatic.people, f.signers)), minGroup),
    keptRate: guard(f.keptRate, Math.min(signed, split(f.keptRate.kept, f.keptRate.answered)), minGroup),
  };
}

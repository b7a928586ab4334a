/** @module Targets of a commitment: the signer count each needs, validation, and progress ("5.2 % needed — 3.1 % signed"). */
import { invalid } from '../core/errors.ts';
import type { Scope, Signature, Target } from './model.ts';

/** Float guard: 0.052 × 1000 must need 52 signers, not 53. */
const EPSILON = 1e-9;

/**
 * Signers a target needs: the count, or the share of the base rounded up (the stated share is enough), at least one.
 * @example requiredCount({ kind: 'share', share: 0.052, base: 1000 }) // 52
 */
export function requiredCount(target: Target): number {
  return target.kind === 'count' ? target.count : Math.max(1, Math.ceil(target.share * target.base - EPSILON));
}

function isPositiveInteger(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

/** Throws a 400 naming the field (`prefix` is the target's JSON pointer) for a target ≤ 0, above its base, or not a whole count. */
export function validateTarget(target: Target, prefix: string): void {
  if (target.base !== undefined && !isPositiveInteger(target.base)) throw invalid(`${prefix}/base`, 'The base population must be a whole number of people, at least one.');
  if (target.kind === 'count') {
    if (!isPositiveInteger(target.count)) throw invalid(`${prefix}/count`, 'A target must be a whole number of signers, at least one.');
    if (target.base !== undefined && target.count > target.base) throw invalid(`${prefix}/count`, `A target of ${target.count} is above the base population of ${target.base}.`);
    return;
  }
  if (!(target.share > 0)) throw invalid(`${prefix}/share`, 'A target share must be above 0 %.');
  if (!(target.share <= 1)) throw invalid(`${prefix}/share`, 'A target share cannot be above 100 % of the base population.');
}

/** The targets a scope counts towards: one unnamed bucket, or one per commune. */
export function bucketsOf(scope: Scope): { commune: string | null; target: Target }[] {
  return scope.kind === 'per_commune' ? scope.communes.map((c) => ({ commune: c.commune, target: c.target })) : [{ commune: null, target: scope.target }];
}

export interface BucketProgress {
  /** Null outside per-commune scope. */
  commune: string | null;
  required: number;
  signed: number;
  /** "N more needed"; 0 once reached. */
  remaining: number;
  /** Shares of the base population (0..1), null when the target has no base; `neededShare` is required ÷ base. */
  neededShare: number | null;
  signedShare: number | null;
}

export interface Progress {
  buckets: BucketProgress[];
  /** Sum of the buckets' remaining counts. */
  remaining: number;
  /** 0..1: the weakest bucket's signed / required, capped at 1; it reaches 1 exactly when the target is reached. */
  fraction: number;
  reached: boolean;
}

/**
 * Progress of `signatures` (already filtered to those that count) against the scope's targets. Outside
 * per-commune scope every signature counts; in it, a signature counts for its own commune only.
 */
export function progressOf(scope: Scope, signatures: readonly Signature[]): Progress {
  const buckets = bucketsOf(scope).map(({ commune, target }): BucketProgress => {
    const required = requiredCount(target);
    const signed = commune === null ? signatures.length : signatures.filter((s) => s.commune === commune).length;
    const base = target.base;
    return {
      commune,
      required,
      signed,
      remaining: Math.max(0, required - signed),
      // The real threshold: a 5 % target of 30 people needs 2 signers, which is 6.7 %, not the 5 % typed.
      neededShare: base === undefined ? null : required / base,
      signedShare: base === undefined ? null : signed / base,
    };
  });
  const fraction = Math.min(...buckets.map((b) => Math.min(1, b.signed / b.required)));
  return { buckets, remaining: buckets.reduce((sum, b) => sum + b.remaining, 0), fraction, reached: buckets.every((b) => b.remaining === 0) };
}

/**
 * A bucket's progress as the page and mails show it, in French or English: the needed share rounded up, the
 * signed share rounded down (never overstate), or counts when there is no base.
 * @example formatProgress({ commune: null, required: 52, signed: 31, remaining: 21, neededShare: 0.052, signedShare: 0.031 }) // "5.2 % needed — 3.1 % signed — 21 more needed"
 * @example formatProgress({ commune: null, required: 52, signed: 31, remaining: 21, neededShare: 0.052, signedShare: 0.031 }, 'fr') // "nécessaire : 5,2 % — signé : 3,1 % — encore 21 signatures"
 */
export function formatProgress(b: BucketProgress, locale: 'fr' | 'en' = 'en'): string {
  const fr = locale === 'fr';
  // French counts 0 and 1 as singular: "1 signataire sur 3", "0 signataire sur 3", "2 signataires sur 3".
  const one = (n: number) => new Intl.PluralRules(locale).select(n) === 'one';
  const more = b.remaining > 0 ? (fr ? `encore ${b.remaining} ${one(b.remaining) ? 'signature' : 'signatures'}` : `${b.remaining} more needed`) : fr ? 'objectif atteint' : 'target reached';
  const signers = one(b.signed) ? 'signataire' : 'signataires';
  if (b.neededShare === null || b.signedShare === null) return fr ? `${b.signed} ${signers} sur ${b.required} — ${more}` : `${b.signed} of ${b.required} signed — ${more}`;
  const decimal = (n: number) => (fr ? n.toFixed(1).replace('.', ',') : n.toFixed(1));
  const needed = decimal(Math.ceil(b.neededShare * 1000 - 1e-6) / 10);
  const signed = decimal(Math.floor(b.signedShare * 1000 + 1e-6) / 10);
  return fr ? `nécessaire : ${needed} % — signé : ${signed} % — ${more}` : `${needed} % needed — ${signed} % signed — ${more}`;
}

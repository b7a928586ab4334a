/** @module Pure rules of moderation: when content is hidden, what a review does, who moderates. */
import type { DecidedAs, ModerationDecision, ReportReason } from './tables.ts';

export const REPORT_REASONS: readonly ReportReason[] = ['spam', 'abuse', 'unsafe', 'personal_data', 'other'];
export const DEFAULT_HIDE_AFTER = 3;

/** Content is hidden once `openReports` distinct people reported it (people are never hidden, only reviewed). */
export function shouldHide(input: { openReports: number; threshold: number; alreadyHidden: boolean; autoHide: boolean }): boolean {
  return input.autoHide && !input.alreadyHidden && input.openReports >= input.threshold;
}

export interface ReviewEffect {
  /** The content's hidden_at afterwards: shown (null) or hidden (kept as it was, or now). */
  hidden: boolean;
  /** What the author is told: removed, shown again, or nothing. */
  tellAuthor: 'removed' | 'restored' | null;
}

/**
 * A review closes every open report of the subject. Keep shows the content again (and tells its author if it
 * was hidden); remove keeps it hidden, hiding it now if it was not yet, and tells the author.
 */
export function reviewEffect(decision: ModerationDecision, wasHidden: boolean, hideable: boolean): ReviewEffect {
  if (decision === 'keep') return { hidden: false, tellAuthor: hideable && wasHidden ? 'restored' : null };
  return { hidden: hideable, tellAuthor: 'removed' };
}

/** Who may review a subject: territory operators and admins everywhere; organisers for their community's content. */
export function moderatorRole(roles: readonly string[], organisesSubjectCommunity: boolean): DecidedAs | null {
  if (roles.includes('operator') || roles.includes('admin')) return 'operator';
  return organisesSubjectCommunity ? 'organiser' : null;
}

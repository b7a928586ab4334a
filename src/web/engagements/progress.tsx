/** @module A commitment's progress: an accessible bar with its text equivalent, and its status badge. */
import { useI18n } from '../core/i18n.tsx';
import { isSuppressed } from '../core/small-group.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { Engagement, EngagementStatus } from './types.ts';

const BADGE: Record<EngagementStatus, string> = {
  collecting: 'badge badge-pending',
  succeeded: 'badge',
  active: 'badge',
  completed: 'badge badge-muted',
  failed: 'badge badge-error',
};

export function StatusBadge({ status }: { status: EngagementStatus }) {
  const { m } = useMobilityI18n();
  return <span class={BADGE[status]}>{m(`engagement.status.${status}`)}</span>;
}

/**
 * "encore 3 signatures nécessaires", or with a base "5,2 % nécessaires — 3,1 % signés — encore 21": the needed
 * share rounded up and the signed share rounded down, as the server's formatProgress (never overstate progress).
 */
export function useProgressText(): (engagement: Engagement) => string {
  const { m, mp, formatNumber } = useMobilityI18n();
  const { t } = useI18n();
  return (engagement) => {
    const { progress } = engagement;
    // A community commitment seen from outside, with fewer signers than the small-group threshold (docs/privacy.md).
    if (isSuppressed(progress)) return t('privacy.smallGroup', { minGroup: progress.minGroup });
    const bucket = progress.buckets.length === 1 ? progress.buckets[0] : undefined;
    if (bucket && bucket.neededShare !== null && bucket.signedShare !== null) {
      const shares = {
        needed: formatNumber(Math.ceil(bucket.neededShare * 1000 - 1e-6) / 10, 1),
        signed: formatNumber(Math.floor(bucket.signedShare * 1000 + 1e-6) / 10, 1),
      };
      return progress.reached
        ? `${m('engagement.progress.shares', shares)} — ${m('engagement.progress.reached')}`
        : mp('engagement.progress.sharesRemaining', progress.remaining, shares);
    }
    return progress.reached ? m('engagement.progress.reached') : mp('engagement.progress.remaining', progress.remaining);
  };
}

export function ProgressBar({ engagement, labelId }: { engagement: Engagement; labelId: string }) {
  const text = useProgressText()(engagement);
  const percent = isSuppressed(engagement.progress) ? 0 : Math.round(Math.min(1, Math.max(0, engagement.progress.fraction)) * 100);
  return (
    <div class="engagement-progress">
      <progress
        class="progress"
        role="progressbar"
        max={100}
        value={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} % — ${text}`}
        aria-labelledby={labelId}
      />
      <p class="progress-text">{text}</p>
    </div>
  );
}

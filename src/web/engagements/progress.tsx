/** @module A commitment's progress: an accessible bar with its text equivalent, and its status badge. */
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

/** "3 more needed", or "12 % needed — 4 % signed" when the target is a share of a base population. */
export function useProgressText(): (engagement: Engagement) => string {
  const { m, mp, formatNumber } = useMobilityI18n();
  return (engagement) => {
    const { progress } = engagement;
    const bucket = progress.buckets.length === 1 ? progress.buckets[0] : undefined;
    const remaining = progress.reached ? m('engagement.progress.reached') : mp('engagement.progress.remaining', progress.remaining);
    if (bucket && bucket.neededShare !== null && bucket.signedShare !== null) {
      const shares = m('engagement.progress.shares', {
        needed: formatNumber(bucket.neededShare * 100, 1),
        signed: formatNumber(bucket.signedShare * 100, 1),
      });
      return `${remaining} (${shares})`;
    }
    return remaining;
  };
}

export function ProgressBar({ engagement, labelId }: { engagement: Engagement; labelId: string }) {
  const text = useProgressText()(engagement);
  const percent = Math.round(Math.min(1, Math.max(0, engagement.progress.fraction)) * 100);
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

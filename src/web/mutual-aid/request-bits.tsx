/** @module Pieces shared by the mutual-aid pages: a request's facts (kind, when, approximate area), its status badge, an action error. */
import type { ApiError } from '../core/api-error.ts';
import { ErrorNotice } from '../core/status.tsx';
import { shortCell, type AidStatus, type RequestSummary } from './types.ts';
import { useAidI18n } from './use-aid-i18n.ts';

export function StatusBadge({ status }: { status: AidStatus }) {
  const { a } = useAidI18n();
  const tone = status === 'done' ? 'badge' : status === 'cancelled' ? 'badge badge-muted' : 'badge badge-pending';
  return <span class={tone}>{a(`status.${status}`)}</span>;
}

/** Kind and urgency, the window, and the coarse area (commune and a short cell name) — never an address. */
export function RequestFacts({ request, distanceKm }: { request: RequestSummary; distanceKm?: number | undefined }) {
  const { a, when, formatNumber } = useAidI18n();
  return (
    <dl class="facts">
      <div>
        <dt>{a('ask.urgency')}</dt>
        <dd>
          {a(`urgency.${request.urgency}`)} — {a('window.value', { from: when(request.window.from), to: when(request.window.to) })}
        </dd>
      </div>
      <div>
        <dt>{a('offer.place')}</dt>
        <dd>
          {a('area.value', { commune: request.communeName, cell: shortCell(request.cell) })}
          {distanceKm !== undefined ? ` — ${a('distance.value', { km: formatNumber(distanceKm, 1) })}` : null}
        </dd>
      </div>
    </dl>
  );
}

/** Says what a refused action means, with the stable reason's wording when there is one. */
export function ActionError({ error }: { error: ApiError | null }) {
  const { a } = useAidI18n();
  if (!error) return null;
  const known = ['not_offered', 'not_open', 'no_helper_profile', 'already_thanked', 'closed'] as const;
  const reason = known.find((r) => r === error.reason);
  return reason ? <ErrorNotice message={a(`error.${reason}`)} /> : <ErrorNotice error={error} />;
}

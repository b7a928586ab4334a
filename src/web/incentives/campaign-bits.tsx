/** @module Small pieces shared by the campaign pages: status badge, confirmation step, and the campaign's key facts. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CampaignStatus, CampaignView } from './types.ts';
import { useIncentivesI18n } from './use-incentives-i18n.ts';

const BADGE: Record<CampaignStatus, string> = { draft: 'badge badge-pending', active: 'badge', closed: 'badge badge-muted' };

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { c } = useIncentivesI18n();
  return <span class={BADGE[status]}>{c(`campaign.status.${status}`)}</span>;
}

/**
 * A button that asks first: pressing it shows the question with Confirm / Cancel, focused so screen readers
 * read it; Cancel (or Escape) brings focus back to the button.
 */
export function ConfirmAction({ label, question, onConfirm, busy, primary }: {
  label: string; question: string; onConfirm: () => void; busy?: boolean; primary?: boolean;
}) {
  const { c } = useIncentivesI18n();
  const [asking, setAsking] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) panel.current?.focus();
  }, [asking]);
  const cancel = () => {
    setAsking(false);
    window.setTimeout(() => button.current?.focus(), 0);
  };
  if (!asking) {
    return (
      <button ref={button} type="button" class={primary ? 'button button-primary' : 'button'} aria-disabled={busy ? 'true' : undefined}
        onClick={() => !busy && setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div ref={panel} class="confirm-panel" role="group" aria-label={label} tabIndex={-1} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <p>{question}</p>
      <p class="actions">
        <button type="button" class="button button-primary" onClick={() => { setAsking(false); onConfirm(); }}>
          {c('confirm.yes')} — {label}
        </button>
        <button type="button" class="button" onClick={cancel}>{c('action.cancel')}</button>
      </p>
    </div>
  );
}

export function CampaignFacts({ campaign, children }: { campaign: CampaignView; children?: ComponentChildren }) {
  const { c, day, euros, formatNumber, formatDate } = useIncentivesI18n();
  const topUps = campaign.topUps ?? [];
  return (
    <dl class="facts facts-inline">
      <dt>{c('campaign.periodLabel')}</dt>
      <dd>{c('campaign.period', { start: day(campaign.startsOn.slice(0, 10)), end: day(campaign.endsOn.slice(0, 10)) })}</dd>
      <dt>{c('campaign.modeLabel')}</dt>
      <dd>
        {c(`campaign.mode.${campaign.mode}`)}
        {campaign.mode === 'lottery' && campaign.prizeCents !== undefined
          ? ` — ${c('campaign.lotteryTerms', { winners: formatNumber(campaign.winnersPerWeek ?? 1), prize: euros(campaign.prizeCents) })}`
          : null}
      </dd>
      <dt>{c('campaign.budget')}</dt>
      <dd>{euros(campaign.budgetCents)}</dd>
      {topUps.length > 0 ? (
        <>
          <dt>{c('campaign.topUps')}</dt>
          <dd>
            <ul class="top-up-list" data-testid="campaign-top-ups">
              {topUps.map((topUp) => (
                <li key={`${topUp.at}-${topUp.reference}`}>{c('campaign.topUpItem', { amount: euros(topUp.cents), date: formatDate(topUp.at), reference: topUp.reference })}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt>{c('campaign.spent')}</dt>
      <dd>{euros(campaign.spentCents)}</dd>
      <dt>{c('campaign.remaining')}</dt>
      <dd>{euros(campaign.remainingCents)}</dd>
      {campaign.returnedCents > 0 ? (
        <>
          <dt>{c('campaign.returned')}</dt>
          <dd data-testid="campaign-returned">{euros(campaign.returnedCents)}</dd>
        </>
      ) : null}
      {campaign.status !== 'draft' ? (
        <>
          <dt>{c('campaign.awarded')}</dt>
          <dd>{formatNumber(campaign.awardedGestures)}</dd>
          <dt>{c('campaign.people')}</dt>
          <dd>{formatNumber(campaign.people)}</dd>
        </>
      ) : null}
      {children}
    </dl>
  );
}

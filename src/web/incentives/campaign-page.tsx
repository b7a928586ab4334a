/** @module /t/:territory/campagnes/:id — one campaign: status, rules in words, spending with its gauge, held gestures, operator actions (settle, top up, close, return the remainder), lottery draws. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { BudgetGauge } from './budget-gauge.tsx';
import { CampaignFacts, CampaignStatusBadge, ConfirmAction } from './campaign-bits.tsx';
import { ReturnForm, TopUpForm } from './campaign-budget-forms.tsx';
import { DrawsSection } from './draws-section.tsx';
import { incentiveApi, incentivePaths } from './paths.ts';
import { RulesInWords } from './rules-in-words.tsx';
import type { CampaignView, SettleResult } from './types.ts';
import { isOperator, useIncentivesI18n } from './use-incentives-i18n.ts';

export function CampaignPage({ territory: slug, id }: { territory: string; id: string }) {
  const { c, cp, formatDate } = useIncentivesI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const operator = isOperator(roles);
  const resource = useFetch<CampaignView>(territoryPath(slug, incentiveApi.campaign(id)));
  if (resource.error && !resource.data) {
    const missing = resource.error.code === 'not_found';
    return (
      <section class="page">
        <PageHeading title={missing ? c('campaign.notFound') : c('campaigns.title')} />
        {missing ? null : <ErrorNotice error={resource.error} />}
        <a href={incentivePaths.campaigns(slug)}>{c('campaign.back')}</a>
      </section>
    );
  }
  const campaign = resource.data;
  if (!campaign) return <Loading />;
  return (
    <div class="page">
      <PageHeading title={campaign.name} />
      <p class="meta">
        <a href={incentivePaths.campaigns(slug)}>{c('campaign.back')}</a>
      </p>
      <p data-testid="campaign-status">
        <CampaignStatusBadge status={campaign.status} />{' '}
        {campaign.launchedAt ? c('campaign.launchedAt', { date: formatDate(campaign.launchedAt) }) : null}{' '}
        {campaign.closedAt ? c('campaign.closedAt', { date: formatDate(campaign.closedAt) }) : null}
      </p>

      <section aria-labelledby="campaign-spending">
        <h2 id="campaign-spending">{c('campaign.spendingTitle')}</h2>
        <BudgetGauge usedCents={campaign.spentCents} budgetCents={campaign.budgetCents} />
        <CampaignFacts campaign={campaign} />
        {campaign.heldGestures > 0 ? (
          <p class="notice notice-info" data-testid="held-gestures">
            {cp('campaign.held', campaign.heldGestures)}{' '}
            {operator ? <a href={paths.reviews(slug)}>{c('campaign.reviewLink')}</a> : null}
          </p>
        ) : null}
      </section>

      {operator ? <OperatorActions slug={slug} campaign={campaign} onChanged={resource.setData} reload={resource.reload} /> : null}

      <section aria-labelledby="campaign-rules">
        <h2 id="campaign-rules">{c('campaign.rulesTitle')}</h2>
        <RulesInWords slug={slug} mode={campaign.mode} rules={campaign.rules} />
      </section>

      {campaign.mode === 'lottery' && campaign.status !== 'draft' ? <DrawsSection slug={slug} campaignId={campaign.id} /> : null}
    </div>
  );
}

function OperatorActions({ slug, campaign, onChanged, reload }: {
  slug: string; campaign: CampaignView; onChanged: (campaign: CampaignView) => void; reload: () => void;
}) {
  const { c, cp, t, euros } = useIncentivesI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const run = (action: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setError('');
    setDone('');
    action().then(
      (message) => {
        setDone(message);
        announce(message);
      },
      (caught: unknown) => setError(describeApiError(toApiError(caught), t)),
    ).finally(() => setBusy(false));
  };
  const settle = () =>
    run(async () => {
      const result = await callApi<SettleResult>('POST', territoryPath(slug, incentiveApi.settle(campaign.id)));
      reload();
      const parts = [cp('campaign.settled', result.awarded, { amount: euros(result.paidCents) })];
      if (result.draws > 0) parts.push(cp('campaign.settledDraws', result.draws));
      if (result.exhausted) parts.push(c('campaign.exhausted'));
      return parts.join(' ');
    });
  const close = () =>
    run(async () => {
      onChanged(await callApi<CampaignView>('POST', territoryPath(slug, incentiveApi.close(campaign.id))));
      return c('campaign.closedDone');
    });
  return (
    <section aria-labelledby="campaign-operator" class="panel">
      <h2 id="campaign-operator">{c('campaign.operatorTitle')}</h2>
      {error ? <ErrorNotice message={error} /> : null}
      {done ? <SuccessNotice message={done} /> : null}
      {campaign.status === 'draft' ? (
        <p class="actions">
          <a class="button button-primary" href={incentivePaths.editCampaign(slug, campaign.id)}>{c('campaign.edit')}</a>
        </p>
      ) : null}
      {campaign.status === 'active' ? (
        <>
          <p class="field-hint">{c('campaign.settleHint')}</p>
          <div class="actions">
            <button type="button" class="button button-primary" aria-disabled={busy ? 'true' : undefined} onClick={settle}>
              {c('campaign.settle')}
            </button>
            <ConfirmAction label={c('campaign.close')} question={c('campaign.closeConfirm', { name: campaign.name })} onConfirm={close} busy={busy} />
          </div>
          <TopUpForm slug={slug} campaign={campaign} onChanged={onChanged} />
        </>
      ) : null}
      {campaign.status === 'closed' ? <ReturnForm slug={slug} campaign={campaign} onChanged={onChanged} /> : null}
    </section>
  );
}

/** @module /t/:territory/campagnes — the territory's incentive campaigns with their rules in words and spending; operators also see drafts. */
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { BudgetGauge } from './budget-gauge.tsx';
import { CampaignFacts, CampaignStatusBadge } from './campaign-bits.tsx';
import { MerchantsSection } from './merchants-section.tsx';
import { incentiveApi, incentivePaths } from './paths.ts';
import { RulesInWords } from './rules-in-words.tsx';
import type { CampaignStatus, CampaignView } from './types.ts';
import { isOperator, useIncentivesI18n } from './use-incentives-i18n.ts';

const SECTIONS: readonly CampaignStatus[] = ['draft', 'active', 'closed'];

export function CampaignsPage({ territory: slug }: { territory: string }) {
  const { c } = useIncentivesI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const operator = isOperator(roles);
  const list = useFetch<{ items: CampaignView[] }>(territoryPath(slug, incentiveApi.campaigns));
  const items = list.data?.items ?? [];
  return (
    <div class="page">
      <PageHeading title={c('campaigns.title')} />
      <p class="lead">{c('campaigns.intro')}</p>
      <p class="actions">
        {operator ? <a class="button button-primary" href={incentivePaths.newCampaign(slug)}>{c('campaigns.new')}</a> : null}
        {me ? <a class="button" href={incentivePaths.wallet(slug)}>{c('campaigns.wallet')}</a> : null}
      </p>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && items.length === 0 ? <p>{c('campaigns.none')}</p> : null}
      {SECTIONS.map((status) => {
        const inSection = items.filter((item) => item.status === status);
        if (inSection.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`campaigns-${status}`}>
            <h2 id={`campaigns-${status}`}>{c(`campaigns.section.${status}`)}</h2>
            <ul class="cards">
              {inSection.map((campaign) => (
                <CampaignCard key={campaign.id} slug={slug} campaign={campaign} />
              ))}
            </ul>
          </section>
        );
      })}
      <MerchantsSection slug={slug} operator={operator} />
    </div>
  );
}

function CampaignCard({ slug, campaign }: { slug: string; campaign: CampaignView }) {
  return (
    <li class="card">
      <h3 class="card-title" id={`campaign-${campaign.id}`}>
        <a href={incentivePaths.campaign(slug, campaign.id)}>{campaign.name}</a>
      </h3>
      <p class="card-text">
        <CampaignStatusBadge status={campaign.status} />
      </p>
      <CampaignFacts campaign={campaign} />
      <BudgetGauge usedCents={campaign.spentCents} budgetCents={campaign.budgetCents} />
      <RulesInWords slug={slug} mode={campaign.mode} rules={campaign.rules} headingLevel={4} />
    </li>
  );
}

/** @module /t/:territory/impact/territoire — everyone's gestures per week, and communities ranked by participation rate. */
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { ImpactFigures } from './impact-figures.tsx';
import { MethodDetails } from './method-details.tsx';
import { RankingsTable } from './rankings-table.tsx';
import type { ImpactView, Rankings } from './types.ts';
import { HelpImpactSection } from '../mutual-aid/help-impact.tsx';

export function TerritoryImpactPage({ territory: slug }: { territory: string }) {
  const { m } = useMobilityI18n();
  const impact = useFetch<ImpactView>(territoryPath(slug, '/impact?weeks=8'));
  const rankings = useFetch<Rankings>(territoryPath(slug, '/impact/rankings?limit=20'));
  const view = impact.data;
  return (
    <div class="page">
      <PageHeading title={view ? m('territoryImpact.title', { name: view.name }) : m('territoryImpact.titleShort')} />
      <p class="lead">{m('territoryImpact.intro')}</p>
      {impact.error ? <ErrorNotice error={impact.error} /> : null}
      {!view && !impact.error ? <Loading /> : null}
      {view ? (
        <>
          <ImpactFigures view={view} withPeople idPrefix="territory" />
          <MethodDetails view={view} />
        </>
      ) : null}
      <HelpImpactSection slug={slug} scope="territory" />
      <section aria-labelledby="rankings-title">
        <h2 id="rankings-title">{m('rankings.title')}</h2>
        <p>{m('rankings.intro')}</p>
        {rankings.error ? <ErrorNotice error={rankings.error} /> : null}
        {rankings.data ? <RankingsTable slug={slug} rankings={rankings.data} /> : rankings.error ? null : <Loading />}
      </section>
    </div>
  );
}

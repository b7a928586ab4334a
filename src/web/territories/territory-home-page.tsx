/** @module Territory home: name, key figures with sources, a choropleth of the communes and the same data as a table. */
import { useMemo } from 'preact/hooks';
import { territoryPath } from '../core/api.ts';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import type { CommuneCollection, Territory } from '../core/types.ts';
import { useFetch } from '../core/use-fetch.ts';
import { classBreaks, withRates } from './choropleth.ts';
import { CommunesTable } from './communes-table.tsx';
import { KeyFigures } from './key-figures.tsx';
import { MapPanel } from './map-panel.tsx';

function Communes({ slug, territory }: { slug: string; territory: Territory }) {
  const { t } = useI18n();
  const communes = useFetch<CommuneCollection>(territoryPath(slug, '/communes'));
  const rated = useMemo(() => (communes.data ? withRates(communes.data) : undefined), [communes.data]);
  const breaks = useMemo(() => classBreaks(rated?.features.map((f) => f.properties.rate) ?? []), [rated]);
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">{t('map.title')}</h2>
      <p>{t('map.caption')}</p>
      {communes.error ? <ErrorNotice error={communes.error} /> : null}
      {rated ? (
        <>
          <MapPanel data={rated} bbox={territory.bbox} breaks={breaks} territoryName={territory.name} />
          <CommunesTable communes={rated.features.map((f) => f.properties)} territoryName={territory.name} />
        </>
      ) : communes.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}

export function TerritoryHomePage({ territory: slug }: { territory: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { data: territory, error } = useFetch<Territory>(territoryPath(slug));
  if (error) {
    return (
      <section class="page">
        <PageHeading title={error.code === 'not_found' ? t('territory.notFound') : t('app.name')} />
        {error.code === 'not_found' ? null : <ErrorNotice error={error} />}
      </section>
    );
  }
  if (!territory) return <Loading />;
  return (
    <div class="page">
      <PageHeading title={territory.name} />
      <p class="lead">{t('home.intro')}</p>
      <p class="actions">
        {me ? (
          <a class="button button-primary" href={paths.directory(slug)}>
            {t('home.browse')}
          </a>
        ) : (
          <>
            <a class="button button-primary" href={paths.signUp(slug)}>
              {t('home.join')}
            </a>
            <a class="button" href={paths.signIn(slug)}>
              {t('home.signIn')}
            </a>
          </>
        )}
      </p>
      <KeyFigures figures={territory.figures} />
      <Communes slug={slug} territory={territory} />
    </div>
  );
}

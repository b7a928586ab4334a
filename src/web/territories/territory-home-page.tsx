/** @module Territory home: the collective value of the week first (overview/), then the territory's key figures with their sources. */
import { territoryPath } from '../core/api.ts';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import type { Territory } from '../core/types.ts';
import { useFetch } from '../core/use-fetch.ts';
import { KeyFigures } from './key-figures.tsx';
import { OverviewSection } from '../overview/overview-section.tsx';

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
  const roles = me?.territories.find((x) => x.slug === slug)?.roles ?? [];
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
      <OverviewSection slug={slug} bbox={territory.bbox} signedIn={Boolean(me)} operator={roles.includes('operator') || roles.includes('admin')} />
      <KeyFigures figures={territory.figures} />
    </div>
  );
}

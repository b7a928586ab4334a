/** @module "/" sends people to the home page of the first territory listed by the server. */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { toApiError, type ApiError } from '../core/api-error.ts';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { loadTerritoryList } from './load-territory.ts';

export function RedirectToTerritory() {
  const { t } = useI18n();
  const { route } = useLocation();
  const [problem, setProblem] = useState<{ error?: ApiError; empty?: boolean }>();
  useEffect(() => {
    loadTerritoryList().then(
      (items) => {
        const first = items[0];
        if (first) route(paths.home(first.slug), true);
        else setProblem({ empty: true });
      },
      (error: unknown) => setProblem({ error: toApiError(error) }),
    );
  }, [route]);
  if (!problem) return <Loading />;
  return (
    <section class="page">
      <PageHeading title={t('app.name')} />
      {problem.error ? <ErrorNotice error={problem.error} /> : <p>{t('territory.none')}</p>}
    </section>
  );
}

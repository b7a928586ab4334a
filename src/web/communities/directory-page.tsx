/** @module Directory of the territory's communities: text search, kind filter, member counts, pagination. */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { territoryPath } from '../core/api.ts';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { COMMUNITY_KINDS, type CommunityKind, type DirectoryPage } from '../core/types.ts';
import { useFetch } from '../core/use-fetch.ts';
import { CommunityCard } from './community-card.tsx';
import { Pagination } from './pagination.tsx';

const PAGE_SIZE = 20;

function directoryUrl(slug: string, q: string, kind: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (kind) params.set('type', kind);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${paths.directory(slug)}?${query}` : paths.directory(slug);
}

export function DirectoryPage({ territory: slug }: { territory: string }) {
  const { t, tp } = useI18n();
  const { query, route } = useLocation();
  const q = query['q'] ?? '';
  const kind = COMMUNITY_KINDS.includes(query['type'] as CommunityKind) ? (query['type'] as string) : '';
  const page = Math.max(1, Number.parseInt(query['page'] ?? '1', 10) || 1);
  const [draftQ, setDraftQ] = useState(q);
  const [draftKind, setDraftKind] = useState(kind);
  useEffect(() => {
    setDraftQ(q);
    setDraftKind(kind);
  }, [q, kind]);

  const api = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  if (q) api.set('q', q);
  if (kind) api.set('kind', kind); // empty values are left out: the server validates the kind enum
  const result = useFetch<DirectoryPage>(territoryPath(slug, `/communities?${api.toString()}`));
  const pages = Math.max(1, Math.ceil((result.data?.total ?? 0) / PAGE_SIZE));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    route(directoryUrl(slug, draftQ.trim(), draftKind, 1));
  };

  return (
    <div class="page">
      <PageHeading title={t('directory.title')} />
      <p class="actions">
        <a class="button" href={paths.createCommunity(slug)}>
          {t('directory.create')}
        </a>
      </p>
      <form class="search-form" role="search" onSubmit={onSubmit}>
        <div class="field">
          <label for="directory-q">{t('directory.search')}</label>
          <input id="directory-q" name="q" type="search" value={draftQ} onInput={(e) => setDraftQ(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="directory-kind">{t('directory.kindFilter')}</label>
          <select id="directory-kind" name="type" value={draftKind} onChange={(e) => setDraftKind(e.currentTarget.value)}>
            <option value="">{t('directory.allKinds')}</option>
            {COMMUNITY_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`kind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-primary">
          {t('directory.submit')}
        </button>
      </form>
      {result.error ? <ErrorNotice error={result.error} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {result.data ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite">
            {tp('directory.results', result.data.total)}
          </h2>
          {result.data.items.length === 0 ? (
            <p>{t('directory.empty')}</p>
          ) : (
            <ul class="cards">
              {result.data.items.map((community) => (
                <CommunityCard key={community.id} slug={slug} community={community} />
              ))}
            </ul>
          )}
          <Pagination page={page} pages={pages} hrefOf={(n) => directoryUrl(slug, q, kind, n)} />
        </section>
      ) : null}
    </div>
  );
}

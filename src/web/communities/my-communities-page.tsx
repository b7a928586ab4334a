/** @module My communities: the ones I belong to and the ones waiting for an organiser's approval. */
import { territoryPath } from '../core/api.ts';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import type { CommunityList } from '../core/types.ts';
import { useFetch } from '../core/use-fetch.ts';
import { CommunityCard } from './community-card.tsx';

export function MyCommunitiesPage({ territory: slug }: { territory: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const mine = useFetch<CommunityList>(me ? territoryPath(slug, '/communities/mine') : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={t('mine.title')} />;
  const items = mine.data?.items ?? [];
  const active = items.filter((c) => c.myStatus !== 'pending');
  const pending = items.filter((c) => c.myStatus === 'pending');
  return (
    <div class="page">
      <PageHeading title={t('mine.title')} />
      <p class="actions">
        <a class="button button-primary" href={paths.createCommunity(slug)}>
          {t('mine.create')}
        </a>
        <a class="button" href={paths.directory(slug)}>
          {t('mine.browse')}
        </a>
      </p>
      {mine.error && mine.error.code !== 'forbidden' ? <ErrorNotice error={mine.error} /> : null}
      {mine.loading ? <Loading /> : null}
      {!mine.loading && items.length === 0 ? <p>{t('mine.empty')}</p> : null}
      {active.length > 0 ? (
        <ul class="cards" aria-label={t('mine.title')}>
          {active.map((community) => (
            <CommunityCard key={community.id} slug={slug} community={community} />
          ))}
        </ul>
      ) : null}
      {pending.length > 0 ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t('community.pending')}</h2>
          <ul class="cards">
            {pending.map((community) => (
              <CommunityCard key={community.id} slug={slug} community={community} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** @module /t/:territory/engagements — the territory's conditional commitments ("I will if N others do") and their progress. */
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { lastSigningDay } from './deadline.ts';
import { ProgressBar, StatusBadge } from './progress.tsx';
import type { Engagement } from './types.ts';

export function EngagementsPage({ territory: slug }: { territory: string }) {
  const { m, locale } = useMobilityI18n();
  const { me } = useSession();
  const list = useFetch<{ items: Engagement[] }>(territoryPath(slug, '/commitments'));
  return (
    <div class="page">
      <PageHeading title={m('engagements.title')} />
      <p class="lead">{m('engagements.intro')}</p>
      {me ? (
        <p class="actions">
          <a class="button button-primary" href={paths.createEngagement(slug)}>{m('engagements.create')}</a>
          <a class="button" href={paths.myEngagements(slug)}>{m('engagements.mine')}</a>
        </p>
      ) : null}
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{m('engagements.none')}</p> : null}
      <ul class="cards">
        {(list.data?.items ?? []).map((item) => (
          <li key={item.id} class="card">
            <h2 class="card-title" id={`engagement-${item.id}`}>
              <a href={paths.engagement(slug, item.id)}>{item.wording}</a>
            </h2>
            <p class="card-text">
              <StatusBadge status={item.status} />
            </p>
            <ProgressBar engagement={item} labelId={`engagement-${item.id}`} />
            <p class="card-text">{m('engagement.deadline', { date: lastSigningDay(item.signingDeadline, locale, new Date().getFullYear()) })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

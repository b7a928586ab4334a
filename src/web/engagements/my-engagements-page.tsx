/** @module /t/:territory/mes-engagements — signatures collected on paper waiting for me, then the commitments I launched or signed: status, progress, my signature, and the check still to answer. */
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { PaperSignatures } from './paper-signatures.tsx';
import { lastSigningDay } from './deadline.ts';
import { ProgressBar, StatusBadge } from './progress.tsx';
import type { Engagement } from './types.ts';

export function MyEngagementsPage({ territory: slug }: { territory: string }) {
  const { m, formatDate, locale } = useMobilityI18n();
  const { me } = useSession();
  const list = useFetch<{ items: Engagement[] }>(me ? territoryPath(slug, '/me/commitments') : null);
  if (me === null) return <SignInRequired slug={slug} title={m('myEngagements.title')} />;
  if (me === undefined) return <Loading />;
  return (
    <div class="page">
      <PageHeading title={m('myEngagements.title')} />
      <p class="lead">{m('myEngagements.intro')}</p>
      <p class="actions">
        <a href={paths.engagements(slug)}>{m('engagement.back')}</a>
      </p>
      <PaperSignatures slug={slug} onChanged={list.reload} />
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{m('myEngagements.none')}</p> : null}
      <ul class="cards">
        {(list.data?.items ?? []).map((item) => (
          <li key={item.id} class="card">
            <h2 class="card-title" id={`my-engagement-${item.id}`}>
              <a href={paths.engagement(slug, item.id)}>{item.wording}</a>
            </h2>
            <p class="card-text">
              <StatusBadge status={item.status} />
              {item.createdByMe ? <span class="badge badge-muted">{m('myEngagements.created')}</span> : null}
            </p>
            <ProgressBar engagement={item} labelId={`my-engagement-${item.id}`} />
            <p class="card-text">
              {item.mine ? m('myEngagements.signed', { date: formatDate(item.mine.signedAt) }) : null}
              {item.mine ? ' — ' : null}
              {m('engagement.deadline', { date: lastSigningDay(item.signingDeadline, locale, new Date().getFullYear()) })}
            </p>
            {item.canCheck && item.mine?.kept === null ? (
              <p class="card-text">
                <a class="button button-primary" href={paths.engagement(slug, item.id)}>{m('myEngagements.checkPending')}</a>
              </p>
            ) : item.mine && item.mine.kept !== null ? (
              <p class="card-text">{m(item.mine.kept ? 'myEngagements.kept.yes' : 'myEngagements.kept.no')}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

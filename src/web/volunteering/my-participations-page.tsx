/** @module /t/:territory/benevolat/mes-participations — my applications: status, waiting-list position, the exact address once accepted, cancel. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { placeText, VolunteeringLinks } from './bits.tsx';
import { volunteeringApi, volunteeringPaths } from './paths.ts';
import type { MyParticipation } from './types.ts';
import { isOperator, useVolunteeringI18n } from './use-volunteering-i18n.ts';
import './volunteering.css';

const LIVE = ['applied', 'waiting', 'accepted'];

export function MyParticipationsPage({ territory: slug }: { territory: string }) {
  const { v } = useVolunteeringI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const list = useFetch<{ items: MyParticipation[] }>(me ? territoryPath(slug, volunteeringApi.mine) : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={v('mine.title')} />;
  const items = list.data?.items ?? [];
  const current = items.filter((p) => LIVE.includes(p.status) && p.mission.status === 'published');
  const past = items.filter((p) => !current.includes(p));
  return (
    <div class="page">
      <PageHeading title={v('mine.title')} />
      <p class="lead">{v('mine.intro')}</p>
      <VolunteeringLinks slug={slug} signedIn operator={isOperator(roles)} />
      {list.error && list.error.status !== 403 ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && items.length === 0 ? (
        <p>
          {v('mine.none')} <a href={volunteeringPaths.search(slug)}>{v('mine.find')}</a>
        </p>
      ) : null}
      {current.length > 0 ? (
        <section aria-labelledby="mine-current">
          <h2 id="mine-current">{v('mine.upcoming')}</h2>
          <ul class="mission-list">
            {current.map((p) => (
              <Item key={p.id} slug={slug} p={p} onChange={list.reload} />
            ))}
          </ul>
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="mine-past">
          <h2 id="mine-past">{v('mine.past')}</h2>
          <ul class="mission-list">
            {past.map((p) => (
              <Item key={p.id} slug={slug} p={p} onChange={list.reload} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function Item({ slug, p, onChange }: { slug: string; p: MyParticipation; onChange: () => void }) {
  const { v, t, schedule, formatDate } = useVolunteeringI18n();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const live = LIVE.includes(p.status) && p.mission.status === 'published';
  const cancel = () => {
    if (busy) return;
    setBusy(true);
    callApi('POST', territoryPath(slug, volunteeringApi.cancelParticipation(p.id)))
      .then(() => {
        announce(v('mission.mine.cancelled'));
        onChange();
      })
      .catch((caught: unknown) => setError(describeApiError(toApiError(caught), t)))
      .finally(() => setBusy(false));
  };
  return (
    <li class="mission-card" data-testid="my-participation">
      <h3>
        <a href={volunteeringPaths.mission(slug, p.mission.id)}>{p.mission.title}</a>
      </h3>
      <p class="meta">{v('mission.by', { name: p.mission.organisation.name })}</p>
      <p>
        <span class="badge">{v(`part.status.${p.status}`)}</span>
        {p.position !== null ? ` ${v('mission.mine.position', { position: p.position })}` : null}
      </p>
      <p>{schedule(p.mission.schedule)}</p>
      <p>{p.address ? <span class="address">{v('place.address', { address: p.address })}</span> : placeText(p.mission, v)}</p>
      {p.refusalReason ? <p>{v('mission.mine.reason', { reason: p.refusalReason })}</p> : null}
      {p.mission.status === 'cancelled' && p.mission.cancelReason ? <p>{v('mission.cancelled', { reason: p.mission.cancelReason })}</p> : null}
      {p.attendance ? <p>{v(`attendance.${p.attendance}`)}</p> : null}
      {p.remindedAt ? <p class="meta">{v('mine.reminded', { date: formatDate(p.remindedAt) })}</p> : null}
      {error ? <ErrorNotice message={error} /> : null}
      {live ? (
        <p class="actions">
          <button type="button" class="button button-danger button-small" onClick={cancel} aria-disabled={busy ? 'true' : undefined}>
            {v('mission.mine.cancel')}
          </button>
        </p>
      ) : null}
    </li>
  );
}

/** @module /t/:territory/bonjour/referent — the people I look after: invitations to accept, today's status of each, alerts to answer, their history. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useAction } from '../core/use-action.ts';
import { useFetch } from '../core/use-fetch.ts';
import { AcknowledgeForm } from './acknowledge-form.tsx';
import { watchedTodayWording } from './describe.ts';
import { AlertDetails, HistoryView, say } from './history-view.tsx';
import { checkInApi } from './paths.ts';
import type { History, Watched, Watching } from './types.ts';
import { useCheckInsI18n } from './use-check-ins-i18n.ts';
import './check-ins.css';

function WatchedHistory({ slug, enrolmentId }: { slug: string; enrolmentId: string }) {
  const i18n = useCheckInsI18n();
  const history = useFetch<History>(territoryPath(slug, checkInApi.history(enrolmentId)));
  if (history.error) return <ErrorNotice error={history.error} />;
  return history.data ? <HistoryView i18n={i18n} history={history.data} headingLevel={3} /> : <Loading />;
}

function WatchedCard({ slug, person, onChanged }: { slug: string; person: Watched; onChanged: () => void }) {
  const i18n = useCheckInsI18n();
  const { c, day, time } = i18n;
  const [showHistory, setShowHistory] = useState(false);
  const name = person.resident.displayName ?? '';
  const titleId = `watched-${person.enrolmentId}`;
  const action = useAction();
  const stepDown = () =>
    action.run(async () => {
      await callApi('POST', territoryPath(slug, checkInApi.decline(person.enrolmentId)));
      announce(c('referent.steppedDown'));
      onChanged();
    });
  const status = watchedTodayWording(person.today, person.deadline, person.started);
  return (
    <li class={person.openAlerts.length > 0 ? 'card alert-card' : 'card'}>
      <h3 class="card-title" id={titleId}>
        {name}
      </h3>
      <p class="card-text">{c('referent.deadline', { time: person.deadline })}</p>
      {person.paused ? <p class="card-text">{person.paused.until ? c('bonjour.paused', { date: day(person.paused.until) }) : c('bonjour.pausedOpen')}</p> : null}
      <p class="card-text" data-testid="watched-status">{say(i18n, status)}</p>
      {person.openAlerts.map((alert) => (
        <div key={alert.id} class={alert.escalatedAt ? 'panel alert-card-escalated' : 'panel'}>
          <h4 class="card-title">{c('referent.alert', { date: day(alert.date), time: time(alert.deadlineAt) })}</h4>
          <p class="card-text">{alert.escalatedAt ? c('referent.alertEscalated', { time: time(alert.escalatedAt) }) : c('referent.alertEscalateAt', { time: time(alert.escalateAt) })}</p>
          <AlertDetails i18n={i18n} alert={alert} />
          <AcknowledgeForm slug={slug} alert={alert} onDone={onChanged} />
        </div>
      ))}
      <p class="actions">
        <button type="button" class="button button-small" aria-expanded={showHistory ? 'true' : 'false'} onClick={() => setShowHistory(!showHistory)}>
          {c(showHistory ? 'referent.hideHistory' : 'referent.history')}
        </button>
        <button type="button" class="button button-small button-quiet" aria-disabled={action.busy ? 'true' : undefined} onClick={stepDown}>
          {c('referent.stepDown', { name })}
        </button>
      </p>
      {showHistory ? <WatchedHistory slug={slug} enrolmentId={person.enrolmentId} /> : null}
    </li>
  );
}

export function ReferentPage({ territory: slug }: { territory: string }) {
  const { c } = useCheckInsI18n();
  const { me } = useSession();
  const data = useFetch<Watching>(me ? territoryPath(slug, checkInApi.watching) : null);
  const action = useAction();
  if (me === null) return <SignInRequired slug={slug} title={c('referent.title')} />;
  if (me === undefined || (!data.data && !data.error)) return <Loading />;
  const answer = (enrolmentId: string, name: string, accept: boolean) =>
    action.run(async () => {
      await callApi('POST', territoryPath(slug, accept ? checkInApi.accept(enrolmentId) : checkInApi.decline(enrolmentId)));
      announce(accept ? c('referent.accepted', { name }) : c('referent.declined'));
      data.reload();
    });
  const invitations = data.data?.invitations ?? [];
  const watching = data.data?.watching ?? [];
  return (
    <div class="page page-narrow">
      <PageHeading title={c('referent.title')} />
      <p class="lead">{c('referent.intro')}</p>
      {data.error ? <ErrorNotice error={data.error} /> : null}
      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">{c('referent.invitations')}</h2>
          <ul class="cards">
            {invitations.map((inv) => {
              const name = inv.resident.displayName ?? '';
              return (
                <li key={inv.enrolmentId} class="card">
                  <p class="card-text">{c('referent.invitation', { name })}</p>
                  <div class="big-actions">
                    <button type="button" class="button button-primary" aria-disabled={action.busy ? 'true' : undefined} onClick={() => answer(inv.enrolmentId, name, true)}>
                      {c('referent.accept')}
                    </button>
                    <button type="button" class="button" aria-disabled={action.busy ? 'true' : undefined} onClick={() => answer(inv.enrolmentId, name, false)}>
                      {c('referent.decline')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <h2>{c('referent.watching')}</h2>
      {watching.length === 0 ? <p>{c('referent.none')}</p> : null}
      <ul class="cards">
        {watching.map((person) => (
          <WatchedCard key={person.enrolmentId} slug={slug} person={person} onChanged={data.reload} />
        ))}
      </ul>
    </div>
  );
}

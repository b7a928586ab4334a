/** @module /t/:territory/bonjour — the resident's big "I am fine" button: the daily time, today's status, referents, pause, history. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { toApiError, type ApiError } from '../core/api-error.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useForm } from '../core/use-form.ts';
import { anyReferentActive, thanksWording, todayWording } from './describe.ts';
import { HistoryView, say } from './history-view.tsx';
import { checkInApi, checkInPaths } from './paths.ts';
import type { CheckInAnswer, Enrolment, History, MyCheckIns } from './types.ts';
import { useCheckInsI18n, type CheckInsI18n } from './use-check-ins-i18n.ts';
import './check-ins.css';

function BigButton({ slug, referentsActive, onDone }: { slug: string; referentsActive: boolean; onDone: (message: string) => void }) {
  const i18n = useCheckInsI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const press = () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    callApi<CheckInAnswer>('POST', territoryPath(slug, checkInApi.today))
      .then((answer) => onDone(i18n.c(thanksWording(answer, referentsActive).key)))
      .catch((caught: unknown) => setError(toApiError(caught)))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <button type="button" class="bonjour-button" onClick={press} aria-disabled={busy ? 'true' : undefined} aria-describedby="bonjour-hint">
        {i18n.c('bonjour.button')}
      </button>
      <p class="bonjour-hint" id="bonjour-hint">
        {i18n.c('bonjour.buttonHint')}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}

function PauseControls({ slug, enrolment, onChanged }: { slug: string; enrolment: Enrolment; onChanged: () => void }) {
  const { c } = useCheckInsI18n();
  const form = useForm('pause', ['until']);
  const [until, setUntil] = useState('');
  if (enrolment.paused) {
    const resume = () =>
      void callApi('POST', territoryPath(slug, checkInApi.resume)).then(() => {
        announce(c('bonjour.resumed'));
        onChanged();
      });
    return (
      <p class="actions">
        <button type="button" class="button" onClick={resume}>
          {c('bonjour.resume')}
        </button>
      </p>
    );
  }
  const onSubmit = (event: Event) =>
    form.submit(event, {
      action: async () => {
        await callApi('POST', territoryPath(slug, checkInApi.pause), { body: until ? { until } : {} });
        announce(c('bonjour.pausedDone'));
        onChanged();
      },
    });
  return (
    <details class="panel">
      <summary>{c('bonjour.pause')}</summary>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="until" type="date" label={c('bonjour.pauseUntil')} hint={c('bonjour.pauseUntilHint')} value={until} onValue={setUntil} optional />
        <SubmitButton form={form} label={c('bonjour.pauseSubmit')} />
      </form>
    </details>
  );
}

function Status({ i18n, enrolment }: { i18n: CheckInsI18n; enrolment: Enrolment }) {
  const wording = todayWording(enrolment.today, enrolment.deadline, enrolment.started, anyReferentActive(enrolment.referents));
  const tone = enrolment.today.checkIn ? ' bonjour-status-done' : enrolment.today.status === 'missed' && enrolment.started ? ' bonjour-status-missed' : '';
  return (
    <p class={`bonjour-status${tone}`} data-testid="bonjour-status">
      {say(i18n, wording)}
    </p>
  );
}

export function BonjourPage({ territory: slug }: { territory: string }) {
  const i18n = useCheckInsI18n();
  const { c, days, day } = i18n;
  const { me } = useSession();
  const mine = useFetch<MyCheckIns>(me ? territoryPath(slug, checkInApi.me) : null);
  const enrolment = mine.data?.enrolment ?? null;
  const history = useFetch<History>(enrolment ? territoryPath(slug, checkInApi.history(enrolment.id)) : null);
  const [message, setMessage] = useState('');
  if (me === null) return <SignInRequired slug={slug} title={c('bonjour.title')} />;
  if (me === undefined || (!mine.data && !mine.error)) return <Loading />;
  const refresh = () => {
    mine.reload();
    history.reload();
  };
  // The notice sits in a live region that is always there, so screen readers hear it once.
  const done = (text: string) => {
    setMessage(text);
    refresh();
  };
  return (
    <div class="page page-narrow">
      <PageHeading title={c('bonjour.title')} />
      {mine.error ? <ErrorNotice error={mine.error} /> : null}
      {mine.data && !enrolment ? (
        <>
          <p class="lead">{c('bonjour.notEnrolled')}</p>
          <p class="big-actions">
            <a class="button button-primary" href={checkInPaths.enrol(slug)}>
              {c('bonjour.enrol')}
            </a>
          </p>
        </>
      ) : null}
      {enrolment ? (
        <>
          <p class="bonjour-deadline">{c('bonjour.deadline', { time: enrolment.deadline })}</p>
          <p class="meta">{c('bonjour.deadlineOn', { days: days(enrolment.weekdays) })}</p>
          {enrolment.paused ? <p class="notice notice-info">{enrolment.paused.until ? c('bonjour.paused', { date: day(enrolment.paused.until) }) : c('bonjour.pausedOpen')}</p> : null}
          <Status i18n={i18n} enrolment={enrolment} />
          <BigButton slug={slug} referentsActive={anyReferentActive(enrolment.referents)} onDone={done} />
          <div aria-live="polite">{message ? <SuccessNotice message={message} /> : null}</div>
          <h2>{c('bonjour.referents')}</h2>
          <ul class="referent-list">
            {enrolment.referents.map((r) => (
              <li key={r.userId}>
                <span class="member-name">{r.displayName}</span>
                <span class={r.status === 'active' ? 'badge' : 'badge badge-pending'}>{c(`bonjour.referent.${r.status}`)}</span>
              </li>
            ))}
          </ul>
          {anyReferentActive(enrolment.referents) ? null : <p>{c('bonjour.noReferent')}</p>}
          <p class="actions">
            <a href={checkInPaths.enrol(slug)}>{c('bonjour.settings')}</a>
          </p>
          <PauseControls slug={slug} enrolment={enrolment} onChanged={refresh} />
          <h2>{c('bonjour.history')}</h2>
          {history.error ? <ErrorNotice error={history.error} /> : null}
          {history.data ? <HistoryView i18n={i18n} history={history.data} headingLevel={3} /> : <Loading />}
        </>
      ) : null}
    </div>
  );
}

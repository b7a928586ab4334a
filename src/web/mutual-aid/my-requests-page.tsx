/** @module /t/:territory/entraide/mes-demandes — my help requests: offers received (accept one), mark done, cancel, thank the helper. */
import { BlockButton } from '../moderation/block-button.tsx';
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError, type ApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useForm, type FieldErrors } from '../core/use-form.ts';
import { aidApi, aidPaths } from './paths.ts';
import { ActionError, RequestFacts, StatusBadge } from './request-bits.tsx';
import { mutualAidReason, type OwnRequest } from './types.ts';
import { useAidI18n } from './use-aid-i18n.ts';

function ThanksForm({ slug, request, onSent }: { slug: string; request: OwnRequest; onSent: () => void }) {
  const { a } = useAidI18n();
  const form = useForm(`aid-thanks-${request.id}`, ['message']);
  const [message, setMessage] = useState('');
  const name = request.acceptedHelper?.name ?? a('mine.someone');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: (): FieldErrors => (message.trim() ? {} : { message: a('form.required') }),
      action: async () => {
        await callApi('POST', territoryPath(slug, aidApi.thanks(request.id)), { body: { message: message.trim() } });
        announce(a('mine.thanksSent'));
        onSent();
      },
      explain: (error) => (mutualAidReason(error) === 'already_thanked' ? { message: a('error.already_thanked') } : null),
    });
  return (
    <form onSubmit={onSubmit} noValidate class="inline-form">
      <h3>{a('mine.thanksTitle', { name })}</h3>
      <FormErrors form={form} />
      <TextField form={form} name="message" multiline label={a('mine.thanksLabel')} value={message} onValue={setMessage} />
      <SubmitButton form={form} label={a('mine.thanksSend')} />
    </form>
  );
}

function RequestCard({ slug, request, reload }: { slug: string; request: OwnRequest; reload: () => void }) {
  const { a, ap, formatNumber } = useAidI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const act = (path: string, body: unknown, done: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    callApi('POST', territoryPath(slug, path), body === undefined ? {} : { body })
      .then(() => {
        announce(done);
        reload();
      })
      .catch((caught: unknown) => setError(toApiError(caught)))
      .finally(() => setBusy(false));
  };
  const titleId = `aid-request-${request.id}`;
  const helperName = request.acceptedHelper?.name ?? a('mine.someone');
  return (
    <li class="card">
      <h2 class="card-title" id={titleId}>
        {a(`kind.${request.kind}`)}
      </h2>
      <p class="card-text badges">
        <StatusBadge status={request.status} />
        {request.status === 'open' || request.status === 'offered' ? <span class="badge badge-muted">{ap('offers', request.offers)}</span> : null}
      </p>
      {request.hidden ? <p class="notice notice-info">{a('mine.hidden')}</p> : null}
      {request.description ? <p class="card-text">{request.description}</p> : null}
      <RequestFacts request={request} />
      {request.status === 'open' || request.status === 'offered' ? (
        <section aria-labelledby={`${titleId}-offers`}>
          <h3 id={`${titleId}-offers`}>{a('mine.offersTitle')}</h3>
          {request.offersReceived.length === 0 ? <p>{a('mine.noOffer')}</p> : null}
          <ul class="cards">
            {request.offersReceived.map((offer) => {
              const name = offer.name ?? a('mine.someone');
              return (
                <li key={offer.helperId} class="card">
                  <p class="card-title">{name}</p>
                  {offer.message ? <p class="card-text">« {offer.message} »</p> : null}
                  <button type="button" class="button button-primary" aria-disabled={busy ? 'true' : undefined} onClick={() => act(aidApi.accept(request.id), { helperId: offer.helperId }, a('mine.accepted', { name }))}>
                    {a('mine.accept', { name })}
                  </button>
                  <BlockButton slug={slug} userId={offer.helperId} name={name} onChange={reload} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {request.status === 'matched' ? <p class="card-text">{a('mine.helper', { name: helperName })}</p> : null}
      {request.status === 'done' && request.hours !== null ? (
        <p class="card-text">{a('mine.hours', { hours: formatNumber(request.hours, 2), how: a(request.hoursEstimated ? 'mine.hoursEstimated' : 'mine.hoursReported') })}</p>
      ) : null}
      <p class="actions">
        {request.status === 'matched' ? (
          <button type="button" class="button button-primary" aria-disabled={busy ? 'true' : undefined} onClick={() => act(aidApi.done(request.id), {}, a('mine.doneAnnounce'))}>
            {a('mine.done')}
          </button>
        ) : null}
        {request.status !== 'done' && request.status !== 'cancelled' ? (
          <button type="button" class="button button-quiet" aria-disabled={busy ? 'true' : undefined} onClick={() => act(aidApi.cancel(request.id), undefined, a('mine.cancelled'))}>
            {a('mine.cancel')}
          </button>
        ) : null}
      </p>
      <div aria-live="polite">
        <ActionError error={error} />
      </div>
      {request.status === 'done' && !request.thanked ? <ThanksForm slug={slug} request={request} onSent={reload} /> : null}
      {request.status === 'done' && request.thanked ? <SuccessNotice message={a('mine.thanked')} /> : null}
    </li>
  );
}

export function MyRequestsPage({ territory: slug }: { territory: string }) {
  const { a } = useAidI18n();
  const { me } = useSession();
  const list = useFetch<{ items: OwnRequest[] }>(me ? territoryPath(slug, aidApi.mine) : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={a('mine.title')} />;
  return (
    <div class="page">
      <PageHeading title={a('mine.title')} />
      <p class="lead">{a('mine.intro')}</p>
      <p class="actions">
        <a class="button button-primary" href={aidPaths.ask(slug)}>{a('mine.ask')}</a>
      </p>
      {list.error && list.error.status !== 403 ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 || list.error?.status === 403 ? <p>{a('mine.none')}</p> : null}
      <ul class="cards">
        {(list.data?.items ?? []).map((request) => (
          <RequestCard key={request.id} slug={slug} request={request} reload={list.reload} />
        ))}
      </ul>
    </div>
  );
}

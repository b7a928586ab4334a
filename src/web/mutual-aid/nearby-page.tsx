/**
 * @module /t/:territory/entraide/a-proximite — for helpers: where I help (the exact address once accepted, mark it
 * done, step back, the thanks received), and the requests near me with their approximate area only (offer to help).
 */
import { ReportButton } from '../moderation/report-button.tsx';
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
import { mutualAidReason, type HelpingRequest, type NearbyRequest, type PrivateAddress } from './types.ts';
import { useAidI18n } from './use-aid-i18n.ts';

/** The exact address, fetched only when the accepted helper asks for it (each read is audited). */
function AddressPanel({ slug, request }: { slug: string; request: HelpingRequest }) {
  const { a } = useAidI18n();
  const [address, setAddress] = useState<PrivateAddress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const show = () =>
    callApi<PrivateAddress>('GET', territoryPath(slug, aidApi.address(request.id)))
      .then(setAddress)
      .catch((caught: unknown) => setError(toApiError(caught)));
  return (
    <section class="panel" aria-labelledby={`aid-address-${request.id}`}>
      <h3 id={`aid-address-${request.id}`}>{a('helping.addressTitle')}</h3>
      {address ? (
        <div aria-live="polite" data-testid="aid-address">
          {address.requesterName ? <p>{a('helping.addressFor', { name: address.requesterName })}</p> : null}
          <p>
            <strong>{address.address}</strong>
          </p>
          {address.contact ? <p>{address.contact}</p> : null}
        </div>
      ) : (
        <button type="button" class="button" onClick={show}>
          {a('helping.showAddress')}
        </button>
      )}
      <ActionError error={error} />
    </section>
  );
}

function DoneForm({ slug, request, reload }: { slug: string; request: HelpingRequest; reload: () => void }) {
  const { a } = useAidI18n();
  const form = useForm(`aid-done-${request.id}`, ['hours']);
  const [hours, setHours] = useState('');
  const onSubmit = (event: Event) => {
    const value = Number(hours.trim().replace(',', '.'));
    form.submit(event, {
      validate: (): FieldErrors => (hours.trim() === '' || (value > 0 && value <= 24) ? {} : { hours: a('helping.hoursInvalid') }),
      action: async () => {
        await callApi('POST', territoryPath(slug, aidApi.done(request.id)), { body: hours.trim() === '' ? {} : { hours: value } });
        announce(a('helping.doneAnnounce'));
        reload();
      },
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate class="inline-form">
      <FormErrors form={form} />
      <TextField form={form} name="hours" optional inputMode="decimal" label={a('helping.hours')} hint={a('helping.hoursHint')} value={hours} onValue={setHours} />
      <SubmitButton form={form} label={a('helping.done')} />
    </form>
  );
}

function HelpingCard({ slug, request, reload }: { slug: string; request: HelpingRequest; reload: () => void }) {
  const { a } = useAidI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const stepBack = () =>
    callApi('DELETE', territoryPath(slug, aidApi.myOffer(request.id)))
      .then(() => {
        announce(a('nearby.withdrawn'));
        reload();
      })
      .catch((caught: unknown) => setError(toApiError(caught)));
  const active = request.myOffer === 'active' && (request.status === 'open' || request.status === 'offered' || (request.acceptedMe && request.status === 'matched'));
  return (
    <li class="card">
      <h3 class="card-title">{a(`kind.${request.kind}`)}</h3>
      <p class="card-text badges">
        <StatusBadge status={request.status} />
      </p>
      {request.description ? <p class="card-text">{request.description}</p> : null}
      <RequestFacts request={request} />
      {request.acceptedMe && request.status === 'matched' ? (
        <>
          <p>{a('helping.accepted')}</p>
          <AddressPanel slug={slug} request={request} />
          <DoneForm slug={slug} request={request} reload={reload} />
        </>
      ) : null}
      {!request.acceptedMe && (request.status === 'open' || request.status === 'offered') && request.myOffer === 'active' ? <p>{a('helping.waiting')}</p> : null}
      {!request.acceptedMe && (request.status === 'matched' || request.status === 'done' || request.status === 'cancelled') ? <p class="meta">{a('helping.notChosen')}</p> : null}
      {request.acceptedMe && request.status === 'done' ? <p class="meta">{a('helping.closed')}</p> : null}
      {request.thanks?.message ? <SuccessNotice message={a('helping.thanks', { message: request.thanks.message })} /> : null}
      {active ? (
        <p class="actions">
          <button type="button" class="button button-quiet" onClick={stepBack}>
            {request.acceptedMe ? a('helping.stepBack') : a('nearby.withdraw')}
          </button>
        </p>
      ) : null}
      <ActionError error={error} />
    </li>
  );
}

function NearbyCard({ slug, request, onOffered }: { slug: string; request: NearbyRequest; onOffered: () => void }) {
  const { a, ap } = useAidI18n();
  const form = useForm(`aid-offer-${request.id}`, ['message']);
  const [message, setMessage] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      action: async () => {
        await callApi('POST', territoryPath(slug, aidApi.offer(request.id)), { body: message.trim() ? { message: message.trim() } : {} });
        announce(a('nearby.offered'));
        onOffered();
      },
      explain: (error) => {
        const reason = mutualAidReason(error);
        return reason === 'not_open' || reason === 'no_helper_profile' ? { message: a(`error.${reason}`) } : null;
      },
    });
  const titleId = `aid-nearby-${request.id}`;
  return (
    <li class="card">
      <h3 class="card-title" id={titleId}>
        {a(`kind.${request.kind}`)}
      </h3>
      <p class="card-text badges">
        {request.skillMatch ? <span class="badge">{a('nearby.skill')}</span> : null}
        <span class="badge badge-muted">{ap('offers', request.offers)}</span>
      </p>
      {request.description ? <p class="card-text">{request.description}</p> : null}
      <RequestFacts request={request} distanceKm={request.approxDistanceKm} />
      {request.myOffer ? (
        <p>{a('nearby.alreadyOffered')}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate class="inline-form" aria-labelledby={titleId}>
          <FormErrors form={form} />
          <TextField form={form} name="message" optional label={a('nearby.message')} value={message} onValue={setMessage} />
          <SubmitButton form={form} label={a('nearby.offer')} />
        </form>
      )}
      <ReportButton slug={slug} subjectType="aid_request" subjectId={request.id} what={a(`kind.${request.kind}`)} onReported={(hidden) => (hidden ? onOffered() : undefined)} />
    </li>
  );
}

export function NearbyPage({ territory: slug }: { territory: string }) {
  const { a, ap, formatNumber } = useAidI18n();
  const { me } = useSession();
  const nearby = useFetch<{ hasProfile: boolean; radiusKm: number | null; items: NearbyRequest[] }>(me ? territoryPath(slug, aidApi.nearby) : null);
  const helping = useFetch<{ items: HelpingRequest[] }>(me ? territoryPath(slug, aidApi.helping) : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={a('nearby.title')} />;
  const reload = () => {
    nearby.reload();
    helping.reload();
  };
  const items = nearby.data?.items ?? [];
  return (
    <div class="page">
      <PageHeading title={a('nearby.title')} />
      <p class="lead">{a('nearby.intro')}</p>
      <section aria-labelledby="aid-helping-title">
        <h2 id="aid-helping-title">{a('helping.title')}</h2>
        {helping.error && helping.error.status !== 403 ? <ErrorNotice error={helping.error} /> : null}
        {helping.data?.items.length === 0 || helping.error?.status === 403 ? <p>{a('helping.none')}</p> : null}
        <ul class="cards">
          {(helping.data?.items ?? []).map((request) => (
            <HelpingCard key={request.id} slug={slug} request={request} reload={reload} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="aid-nearby-title">
        <h2 id="aid-nearby-title">{a('nearby.title')}</h2>
        {nearby.error && nearby.error.status !== 403 ? <ErrorNotice error={nearby.error} /> : null}
        {!nearby.data && !nearby.error ? <Loading /> : null}
        {(nearby.data && !nearby.data.hasProfile) || nearby.error?.status === 403 ? (
          <>
            <p>{a('nearby.noProfile')}</p>
            <p class="actions">
              <a class="button button-primary" href={aidPaths.helper(slug)}>{a('nearby.setProfile')}</a>
            </p>
          </>
        ) : null}
        {nearby.data?.hasProfile ? (
          <>
            <p>
              {a('nearby.radius', { km: formatNumber(nearby.data.radiusKm ?? 0, 1) })} <a href={aidPaths.helper(slug)}>{a('helper.profileTitle')}</a>
            </p>
            <p role="status">{items.length === 0 ? a('nearby.none') : ap('nearby.count', items.length)}</p>
            <ul class="cards">
              {items.map((request) => (
                <NearbyCard key={request.id} slug={slug} request={request} onOffered={reload} />
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}

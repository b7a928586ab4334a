/** @module /t/:territory/verifications — operators clear or reject carpools held by the fraud rules, with a reason. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { dayOnly, formatDay } from '../core/dates.ts';
import { FormErrors, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import type { MobilityKey } from '../i18n/mobility-fr.ts';
import type { PendingReview } from './types.ts';

const FLAGS: Record<string, MobilityKey> = {
  short: 'review.flag.short',
  too_many_today: 'review.flag.too_many_today',
  too_close: 'review.flag.too_close',
  overlap: 'review.flag.overlap',
};

export function ReviewsPage({ territory: slug }: { territory: string }) {
  const { m } = useMobilityI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const allowed = roles.includes('operator') || roles.includes('admin');
  const reviews = useFetch<{ items: PendingReview[] }>(allowed ? territoryPath(slug, '/carpool/reviews') : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={m('review.title')} />;
  return (
    <div class="page">
      <PageHeading title={m('review.title')} />
      <p class="lead">{m('review.intro')}</p>
      {!allowed ? <ErrorNotice message={m('review.forbidden')} /> : null}
      {reviews.error ? <ErrorNotice error={reviews.error} /> : null}
      {allowed && !reviews.data && !reviews.error ? <Loading /> : null}
      {reviews.data?.items.length === 0 ? <p>{m('review.none')}</p> : null}
      <ul class="cards">
        {(reviews.data?.items ?? []).map((review) => (
          <ReviewCard key={review.id} slug={slug} review={review} onDone={reviews.reload} />
        ))}
      </ul>
    </div>
  );
}

function ReviewCard({ slug, review, onDone }: { slug: string; review: PendingReview; onDone: () => void }) {
  const { m, mp, locale, formatNumber } = useMobilityI18n();
  const form = useForm(`review-${review.id}`, ['reason']);
  const [reason, setReason] = useState('');
  const decide = (decision: 'cleared' | 'rejected') => (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ reason: reason.trim().length >= 5 ? undefined : m('form.reasonTooShort') }),
      action: async () => {
        await callApi('POST', territoryPath(slug, `/carpool/matches/${encodeURIComponent(review.id)}/review`), { body: { decision, reason: reason.trim() } });
        announce(m(decision === 'cleared' ? 'review.cleared' : 'review.rejected'));
        onDone();
      },
    });
  const confirmations = Number(review.driverConfirmedAt !== null) + Number(review.passengerConfirmedAt !== null);
  return (
    <li class="card">
      <h2 class="card-title">{m('review.ride', { id: review.id, date: formatDay(locale, dayOnly(review.date)) })}</h2>
      <p class="card-text">
        {m('review.distances', { shared: formatNumber(review.sharedKm, 1), detour: formatNumber(review.detourKm, 1) })} ·{' '}
        {mp('review.confirmations', confirmations)}
      </p>
      <ul>
        {review.flags.map((flag) => (
          <li key={flag}>{FLAGS[flag] ? m(FLAGS[flag]) : flag}</li>
        ))}
      </ul>
      <form onSubmit={decide('cleared')} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="reason" multiline label={m('review.reason')} hint={m('review.reasonHint')} value={reason} onValue={setReason} />
        <p class="actions">
          <button type="submit" class="button button-primary" aria-disabled={form.busy ? 'true' : undefined}>
            {m('review.clear')}
          </button>
          <button type="button" class="button button-danger" aria-disabled={form.busy ? 'true' : undefined} onClick={decide('rejected')}>
            {m('review.reject')}
          </button>
        </p>
      </form>
    </li>
  );
}

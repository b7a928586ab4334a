/**
 * @module /t/:territory/engagements/:id — one commitment: status in words, progress, signers, the sign form; then the
 * automatic count, "did you do it?" and the kept rate; for organisers, signatures collected on paper (a mediator signs in a session).
 */
import { useState } from 'preact/hooks';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import { callApi, territoryPath } from '../core/api.ts';
import type { ApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useForm } from '../core/use-form.ts';
import { useMobilityI18n, type MobilityI18n } from '../core/use-mobility-i18n.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import { useLocation } from 'preact-iso';
import { CheckForm, FollowUpFacts } from './follow-up.tsx';
import { dayOf, lastDayOf, lastSigningDay } from './deadline.ts';
import { ProgressBar, StatusBadge } from './progress.tsx';
import { ShareEngagement } from './share.tsx';
import { SignForForm } from './sign-for-forms.tsx';
import { engagementReason, type Engagement } from './types.ts';
import { WordingForm } from './wording-form.tsx';

/** The server's 409 answers, in the reader's language. */
function explainConflict(error: ApiError, m: MobilityI18n['m']): string | null {
  if (error.code !== 'conflict') return null;
  switch (engagementReason(error)) {
    case 'already_signed':
      return m('engagement.sign.already');
    case 'deadline_passed':
      return m('engagement.sign.deadlinePassed');
    case 'failed':
      return m('engagement.sign.failed');
    case 'not_open':
      return m('engagement.sign.notOpen');
    default:
      return null;
  }
}

function SignForm({ slug, engagement, onSigned }: { slug: string; engagement: Engagement; onSigned: () => void }) {
  const { m } = useMobilityI18n();
  const form = useForm('sign', ['publicName']);
  const ensureResident = useEnsureResident(slug);
  const [publicName, setPublicName] = useState(false);
  const onSubmit = (event: Event) =>
    form.submit(event, {
      action: async () => {
        await ensureResident();
        await callApi('POST', territoryPath(slug, `/commitments/${encodeURIComponent(engagement.id)}/sign`), { body: { publicName } });
        announce(m('engagement.sign.done'));
        onSigned();
      },
      explain: (error) => {
        const message = explainConflict(error, m);
        return message ? { message } : null;
      },
    });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <div class="choice">
        <input id={form.fieldId('publicName')} type="checkbox" checked={publicName} onChange={(event) => setPublicName(event.currentTarget.checked)} />
        <label for={form.fieldId('publicName')}>{m('engagement.sign.publicName')}</label>
      </div>
      <SubmitButton form={form} label={m('engagement.sign.submit')} />
    </form>
  );
}

export function EngagementPage({ territory: slug, id }: { territory: string; id: string }) {
  const { m, mp, t, locale } = useMobilityI18n();
  const { me } = useSession();
  const { url } = useLocation();
  const resource = useFetch<Engagement>(territoryPath(slug, `/commitments/${encodeURIComponent(id)}`));
  if (resource.error && !resource.data) {
    const missing = resource.error.code === 'not_found';
    return (
      <section class="page">
        <PageHeading title={missing ? m('engagement.notFound') : m('engagements.title')} />
        {missing ? <a href={paths.engagements(slug)}>{m('engagement.back')}</a> : <ErrorNotice error={resource.error} />}
      </section>
    );
  }
  const e = resource.data;
  if (!e) return <Loading />;
  const open = e.status === 'collecting' || e.status === 'succeeded';
  const thisYear = new Date().getFullYear();
  return (
    <div class="page">
      <PageHeading title={e.wording} />
      <p class="meta">
        <a href={paths.engagements(slug)}>{m('engagement.back')}</a>
      </p>
      <p data-testid="engagement-status">
        <StatusBadge status={e.status} /> <span>{m(`engagement.explain.${e.status}`)}</span>
      </p>
      <h2 id="engagement-progress">{m('engagement.progressTitle')}</h2>
      <ProgressBar engagement={e} labelId="engagement-progress" />
      <dl class="facts">
        <dt>{m('engagement.action')}</dt>
        <dd>{m(`engagement.action.${e.action}`)}</dd>
        <dt>{m('engagement.deadlineLabel')}</dt>
        <dd>{m('engagement.deadlineValue', { date: lastSigningDay(e.signingDeadline, locale, thisYear) })}</dd>
        <dt>{m('engagement.period')}</dt>
        <dd>{m('engagement.periodValue', { start: dayOf(e.actionStart, locale, thisYear), end: lastDayOf(e.actionEnd, locale, thisYear) })}</dd>
        <dt>{m('engagement.signers')}</dt>
        <dd>
          {isSuppressed(e.signers) ? <SmallGroup minGroup={e.signers.minGroup} /> : mp('engagement.signerCount', e.signers)}
          {e.publicNames.length > 0 ? ` — ${m('engagement.publicNames', { names: e.publicNames.join(', ') })}` : null}
        </dd>
        <FollowUpFacts engagement={e} />
      </dl>
      {e.createdByMe && e.signers === 0 && open ? <WordingForm key={e.wording} slug={slug} engagement={e} onSaved={resource.reload} /> : null}
      <section aria-labelledby="sign-title">
        <h2 id="sign-title">{m('engagement.sign.title')}</h2>
        {e.mine ? (
          <p class="notice notice-success">
            {m('engagement.sign.mine')}
            {e.mine.entry !== 'self' ? ` ${m(e.mine.entry === 'mediator' ? 'engagement.mineEntry.mediator' : 'engagement.mineEntry.offline')}` : null}
          </p>
        ) : !open ? (
          <p>{m('engagement.sign.closed')}</p>
        ) : me === null ? (
          <p class="actions">
            <a class="button button-primary" href={paths.signIn(slug, url)}>{t('home.signIn')}</a>
            <a class="button" href={paths.signUp(slug, url)}>{t('home.join')}</a>
          </p>
        ) : (
          <SignForm slug={slug} engagement={e} onSigned={resource.reload} />
        )}
      </section>
      {e.canCheck ? <CheckForm key={`${e.id}-${e.mine?.checkedAt ?? ''}`} slug={slug} engagement={e} onSaved={resource.reload} /> : null}
      {open ? <ShareEngagement slug={slug} engagement={e} /> : null}
      {e.canEnterOffline ? <SignForForm slug={slug} engagement={e} onSigned={resource.reload} /> : null}
    </div>
  );
}

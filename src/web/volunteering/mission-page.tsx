/** @module /t/:territory/benevolat/missions/:id — a mission: when, where (approximate area; the exact address once accepted), places, apply with a message, my application; its managers also manage it here. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useForm } from '../core/use-form.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import type { VolunteeringKey } from '../i18n/volunteering-fr.ts';
import { PlacesLeft, placeText, Tags, VolunteeringLinks } from './bits.tsx';
import { ReportButton } from '../moderation/report-button.tsx';
import { ManageMission } from './manage-mission.tsx';
import { volunteeringApi, volunteeringPaths } from './paths.ts';
import { volunteeringReason, type MissionView } from './types.ts';
import { isOperator, useVolunteeringI18n } from './use-volunteering-i18n.ts';
import './volunteering.css';

export function MissionPage({ territory: slug, id }: { territory: string; id: string }) {
  const { v, t, when, schedule } = useVolunteeringI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const mission = useFetch<MissionView>(me === undefined ? null : territoryPath(slug, volunteeringApi.mission(id)));
  if (me === undefined || (!mission.data && !mission.error)) return <Loading />;
  if (mission.error) {
    return (
      <div class="page">
        <PageHeading title={v('mission.notFound')} />
        <ErrorNotice error={mission.error} />
        <VolunteeringLinks slug={slug} signedIn={Boolean(me)} operator={isOperator(roles)} />
      </div>
    );
  }
  const m = mission.data!;
  return (
    <div class="page">
      <PageHeading title={m.title} />
      <p class="meta">
        <a href={volunteeringPaths.organisation(slug, m.organisation.id)}>{v('mission.by', { name: m.organisation.name })}</a> · {v(`kind.${m.organisation.kind}`)}
      </p>
      {m.status !== 'published' ? (
        <p>
          <span class="badge badge-muted">{v(`mission.status.${m.status}`)}</span>
        </p>
      ) : null}
      {m.status === 'cancelled' ? <p class="notice notice-info">{v('mission.cancelled', { reason: m.cancelReason ?? '' })}</p> : null}
      {m.status === 'completed' ? <p class="notice notice-info">{v('mission.completed')}</p> : null}
      <dl class="facts">
        <div>
          <dt>{v('mission.when')}</dt>
          <dd>
            {schedule(m.schedule)}
            {m.schedule.kind === 'weekly' && m.nextOccurrence ? <span class="meta"> — {v('schedule.next', { date: when(m.nextOccurrence) })}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{v('mission.where')}</dt>
          <dd>
            {m.address ? <span class="address" data-testid="mission-address">{v('place.address', { address: m.address })}</span> : placeText(m, v)}
            {!m.online && !m.address ? <span class="meta"> — {v('place.addressHidden')}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{v('mission.places')}</dt>
          <dd>
            <PlacesLeft m={m} />
          </dd>
        </div>
      </dl>
      <h2>{v('mission.description')}</h2>
      <p class="description">{m.description}</p>
      {m.skills.length > 0 ? (
        <>
          <h2>{v('mission.skills')}</h2>
          <Tags prefix="skill" values={m.skills} label={v('mission.skills')} />
        </>
      ) : null}
      {m.publics.length > 0 ? (
        <>
          <h2>{v('mission.publics')}</h2>
          <Tags prefix="public" values={m.publics} label={v('mission.publics')} />
        </>
      ) : null}
      {m.viewer.participation ? <MyApplication slug={slug} mission={m} onChange={mission.reload} /> : null}
      {(!m.viewer.participation || m.viewer.participation.cancelledBy === 'volunteer') && m.status === 'published' && !m.viewer.manager ? (
        me ? (
          <ApplyForm slug={slug} mission={m} onApplied={mission.reload} />
        ) : (
          <section class="panel">
            <h2>{v('mission.apply.title')}</h2>
            <p>{v('mission.apply.signIn')}</p>
            <p class="actions">
              <a class="button button-primary" href={paths.signIn(slug, volunteeringPaths.mission(slug, id))}>
                {t('home.signIn')}
              </a>
              <a class="button" href={paths.signUp(slug, volunteeringPaths.mission(slug, id))}>
                {t('home.join')}
              </a>
            </p>
          </section>
        )
      ) : null}
      {m.viewer.manager ? <ManageMission slug={slug} mission={m} onChange={mission.reload} /> : null}
      {me && !m.viewer.manager && m.status === 'published' ? <ReportButton slug={slug} subjectType="mission" subjectId={m.id} what={m.title} /> : null}
      <VolunteeringLinks slug={slug} signedIn={Boolean(me)} operator={isOperator(roles)} />
    </div>
  );
}

function ApplyForm({ slug, mission, onApplied }: { slug: string; mission: MissionView; onApplied: () => void }) {
  const { v } = useVolunteeringI18n();
  const form = useForm('apply', ['message']);
  const [message, setMessage] = useState('');
  const ensureResident = useEnsureResident(slug);
  const onSubmit = (event: Event) =>
    form.submit(event, {
      action: async () => {
        await ensureResident();
        const answer = await callApi<{ status: string; position: number | null }>('POST', territoryPath(slug, volunteeringApi.participations(mission.id)), { body: message.trim() ? { message: message.trim() } : {} });
        announce(answer.status === 'waiting' ? v('mission.apply.sentWaiting', { position: answer.position ?? 1 }) : v('mission.apply.sent'));
        onApplied();
      },
      explain: (error) => {
        const reason = volunteeringReason(error);
        return reason === 'already_applied' ? { message: v('mission.apply.already') } : reason === 'mission_closed' ? { message: v('mission.apply.closed') } : null;
      },
    });
  return (
    <section class="panel" aria-labelledby="apply-title">
      <h2 id="apply-title">{v('mission.apply.title')}</h2>
      {mission.placesLeft === 0 ? <p class="notice notice-info">{v('mission.apply.waitingNote')}</p> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="message" label={v('mission.apply.message')} hint={v('mission.apply.messageHint')} multiline optional value={message} onValue={setMessage} />
        <SubmitButton form={form} label={v('mission.apply.submit')} />
      </form>
    </section>
  );
}

function MyApplication({ slug, mission, onChange }: { slug: string; mission: MissionView; onChange: () => void }) {
  const { v, t } = useVolunteeringI18n();
  const p = mission.viewer.participation!;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const live = ['applied', 'waiting', 'accepted'].includes(p.status);
  const cancel = () => {
    if (busy) return;
    setBusy(true);
    setError('');
    callApi('POST', territoryPath(slug, volunteeringApi.cancelParticipation(p.id)))
      .then(() => {
        announce(v('mission.mine.cancelled'));
        onChange();
      })
      .catch((caught: unknown) => setError(describeApiError(toApiError(caught), t)))
      .finally(() => setBusy(false));
  };
  return (
    <section class="panel" aria-labelledby="mine-title">
      <h2 id="mine-title">{v('mission.mine', { status: v(`part.status.${p.status}`) })}</h2>
      {p.status === 'accepted' ? <SuccessNotice message={v('part.status.accepted')} /> : null}
      {p.status === 'waiting' && p.position !== null ? <p data-testid="waiting-position">{v('mission.mine.position', { position: p.position })}</p> : null}
      {p.refusalReason ? <p>{v('mission.mine.reason', { reason: p.refusalReason })}</p> : null}
      {p.status === 'cancelled' && p.cancelledBy ? <p class="meta">{v(`part.cancelledBy.${p.cancelledBy}` as VolunteeringKey)}</p> : null}
      {error ? <ErrorNotice message={error} /> : null}
      {live && mission.status === 'published' ? (
        <p class="actions">
          <button type="button" class="button button-danger" onClick={cancel} aria-disabled={busy ? 'true' : undefined}>
            {v('mission.mine.cancel')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

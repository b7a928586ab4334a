/** @module /t/:territory/benevolat/validation — operators, after stating why they read it (audited): organisations to validate or refuse (with a reason) and missions to publish or send back (with a reason); every decision is audited. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { StaffReasonGate, withReason } from '../core/staff-reason.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { placeText, Tags, VolunteeringLinks } from './bits.tsx';
import { ReasonForm } from './manage-mission.tsx';
import { volunteeringApi, volunteeringPaths } from './paths.ts';
import type { ValidationQueue } from './types.ts';
import { isOperator, useVolunteeringI18n } from './use-volunteering-i18n.ts';
import './volunteering.css';

export function ValidationPage({ territory: slug }: { territory: string }) {
  const { v } = useVolunteeringI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const operator = isOperator(roles);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={v('validation.title')} />;
  return (
    <div class="page">
      <PageHeading title={v('validation.title')} />
      {!operator ? (
        <ErrorNotice message={v('validation.forbidden')} />
      ) : (
        <>
          <p class="lead">{v('validation.intro')}</p>
          <StaffReasonGate id="validation">{(reason) => <ValidationQueueView slug={slug} reason={reason} locale={me.locale} />}</StaffReasonGate>
        </>
      )}
      <VolunteeringLinks slug={slug} signedIn operator={operator} />
    </div>
  );
}

/** The queue itself, read with the operator's stated reason (audited): applicants' names and contact details are personal data. */
function ValidationQueueView({ slug, reason, locale }: { slug: string; reason: string; locale: string }) {
  const { v } = useVolunteeringI18n();
  const queue = useFetch<ValidationQueue>(withReason(territoryPath(slug, volunteeringApi.validation), reason));
  return (
    <>
      {queue.error ? <ErrorNotice error={queue.error} /> : null}
      {!queue.data && !queue.error ? <Loading /> : null}
      {queue.data ? (
        <>
          <section aria-labelledby="queue-orgs">
            <h2 id="queue-orgs">{v('validation.organisations')}</h2>
            {queue.data.organisations.length === 0 ? <p>{v('validation.noOrganisations')}</p> : null}
            {queue.data.organisations.map((o) => (
              <Decision
                key={`o${o.id}`}
                slug={slug}
                title={o.name}
                path={volunteeringApi.organisationDecision(o.id)}
                yes={{ label: v('validation.validate'), body: { decision: 'validate' }, done: v('validation.validated', { name: o.name }) }}
                no={{ label: v('validation.refuse'), reasonLabel: v('validation.refuseReason'), hint: v('validation.refuseHint'), submit: v('validation.refuseSubmit'), decision: 'refuse', done: v('validation.refused', { name: o.name }) }}
                onDone={queue.reload}
              >
                <p class="meta">
                  {v(`kind.${o.kind}`)}
                  {o.communeName ? ` — ${o.communeName}` : null}
                </p>
                <p>{o.description}</p>
                <p class="meta">{[o.contactEmail, o.contactPhone].filter(Boolean).join(' · ')}</p>
                <p class="meta">{v('validation.appliedBy', { name: o.applicant ?? '—', date: new Date(o.appliedAt).toLocaleDateString(locale === 'en' ? 'en-GB' : 'fr-FR') })}</p>
              </Decision>
            ))}
          </section>
          <section aria-labelledby="queue-missions">
            <h2 id="queue-missions">{v('validation.missions')}</h2>
            {queue.data.missions.length === 0 ? <p>{v('validation.noMissions')}</p> : null}
            {queue.data.missions.map((m) => (
              <Decision
                key={`m${m.id}`}
                slug={slug}
                title={m.title}
                path={volunteeringApi.missionDecision(m.id)}
                yes={{ label: v('validation.publish'), body: { decision: 'publish' }, done: v('validation.published', { name: m.title }) }}
                no={{ label: v('validation.return'), reasonLabel: v('validation.returnReason'), submit: v('validation.returnSubmit'), decision: 'return', done: v('validation.returned', { name: m.title }) }}
                onDone={queue.reload}
              >
                <MissionFacts slug={slug} m={m} />
              </Decision>
            ))}
          </section>
        </>
      ) : null}
    </>
  );
}

function MissionFacts({ slug, m }: { slug: string; m: ValidationQueue['missions'][number] }) {
  const { v, schedule } = useVolunteeringI18n();
  return (
    <>
      <p class="meta">
        <a href={volunteeringPaths.organisation(slug, m.organisation.id)}>{m.organisation.name}</a>
      </p>
      <p>{schedule(m.schedule)}</p>
      <p>{placeText(m, v)}</p>
      <p>{m.description}</p>
      <Tags prefix="skill" values={m.skills} label={v('mission.skills')} />
      <p>
        <a href={volunteeringPaths.mission(slug, m.id)}>{m.title}</a>
      </p>
    </>
  );
}

interface DecisionProps {
  slug: string;
  title: string;
  path: string;
  yes: { label: string; body: unknown; done: string };
  no: { label: string; reasonLabel: string; hint?: string; submit: string; decision: string; done: string };
  onDone: () => void;
  children: ComponentChildren;
}

function Decision({ slug, title, path, yes, no, onDone, children }: DecisionProps) {
  const { t } = useVolunteeringI18n();
  const [refusing, setRefusing] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `decision-${path.replace(/\W/g, '-')}`;
  const accept = () => {
    if (busy) return;
    setBusy(true);
    callApi('POST', territoryPath(slug, path), { body: yes.body })
      .then(() => {
        announce(yes.done);
        onDone();
      })
      .catch((caught: unknown) => setError(describeApiError(toApiError(caught), t)))
      .finally(() => setBusy(false));
  };
  return (
    <article class="queue-item" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
      {error ? <ErrorNotice message={error} /> : null}
      <p class="actions">
        <button type="button" class="button button-primary" onClick={accept} aria-disabled={busy ? 'true' : undefined}>
          {yes.label}
        </button>
        <button type="button" class="button" aria-expanded={refusing} onClick={() => setRefusing(!refusing)}>
          {no.label}
        </button>
      </p>
      {refusing ? (
        <ReasonForm
          idPrefix={`${id}-reason`}
          label={no.reasonLabel}
          {...(no.hint ? { hint: no.hint } : {})}
          submit={no.submit}
          onReason={async (reason) => {
            await callApi('POST', territoryPath(slug, path), { body: { decision: no.decision, reason } });
            announce(no.done);
            onDone();
          }}
        />
      ) : null}
    </article>
  );
}

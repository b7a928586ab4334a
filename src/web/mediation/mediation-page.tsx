/** @module /t/:territory/mediation — a mediator's desk: create assisted accounts with paper consent, act for someone in a 30-minute session, print a takeover code, record a withdrawal. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { currentActing, startActing } from './acting-store.ts';
import { AssistedItem } from './assisted-item.tsx';
import { SessionList } from './session-list.tsx';
import { type AssistedAccount, type MediationSession, mediationReason } from './types.ts';
import { useMediationI18n } from './use-mediation-i18n.ts';
import './mediation.css';

export function MediationPage({ territory: slug }: { territory: string }) {
  const { d, time } = useMediationI18n();
  const { me } = useSession();
  const { route } = useLocation();
  const acting = currentActing();
  const isMediator = Boolean(me?.territories.find((t) => t.slug === slug)?.roles.includes('mediator'));
  const ready = Boolean(me) && isMediator && !acting;
  const list = useFetch<{ items: AssistedAccount[] }>(ready ? territoryPath(slug, '/mediation/assisted') : null);
  const sessions = useFetch<{ items: MediationSession[] }>(ready ? territoryPath(slug, '/mediation/sessions') : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={d('mediation.title')} />;
  if (acting) {
    return (
      <div class="page">
        <PageHeading title={d('mediation.title')} />
        <p>{d('mediation.whileActing', { name: acting.residentName })}</p>
      </div>
    );
  }
  if (!isMediator) {
    return (
      <div class="page">
        <PageHeading title={d('mediation.title')} />
        <p>{d('mediation.notMediator')}</p>
      </div>
    );
  }
  return (
    <div class="page">
      <PageHeading title={d('mediation.title')} />
      <p>{d('mediation.intro')}</p>
      <CreateAssisted slug={slug} onCreated={list.reload} />
      <section aria-labelledby="assisted-title">
        <h2 id="assisted-title" tabIndex={-1}>{d('mediation.list.title')}</h2>
        {list.error ? <ErrorNotice error={list.error} /> : null}
        {list.loading ? <Loading /> : null}
        {list.data && list.data.items.length === 0 ? <p>{d('mediation.list.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <ul class="assisted-list">
            {list.data.items.map((account) => (
              <AssistedItem key={account.userId} slug={slug} account={account} onChanged={list.reload} onStart={(session) => {
                  begin(slug, session);
                  announce(d('mediation.session.started', { name: session.residentName, time: time(session.expiresAt) }));
                  // The mediator goes on in the ordinary pages, as the resident.
                  route(paths.home(slug));
                }} />
            ))}
          </ul>
        ) : null}
      </section>
      <SessionList sessions={sessions} />
    </div>
  );
}

/** Remembers the session (the API client then sends its id), which reloads the app as the resident. */
function begin(slug: string, session: MediationSession): void {
  startActing({ id: session.id, territory: slug, residentId: session.residentId, residentName: session.residentName, expiresAt: session.expiresAt });
}

function CreateAssisted({ slug, onCreated }: { slug: string; onCreated: () => void }) {
  const { d } = useMediationI18n();
  const communes = useCommunes(slug);
  const form = useForm('assisted', ['displayName', 'commune', 'consentRef', 'consentDate']);
  const [displayName, setDisplayName] = useState('');
  const [commune, setCommune] = useState('');
  const [consentRef, setConsentRef] = useState('');
  const [consentDate, setConsentDate] = useState('');
  const required = d('form.required');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          displayName: displayName.trim() ? undefined : required,
          commune: commune ? undefined : required,
          consentRef: consentRef.trim() ? undefined : required,
        }),
      action: async () => {
        const body = { displayName: displayName.trim(), commune, consentRef: consentRef.trim(), ...(consentDate ? { consentDate } : {}) };
        const created = await callApi<AssistedAccount>('POST', territoryPath(slug, '/mediation/assisted'), { body });
        announce(d('mediation.create.done', { name: created.displayName, id: created.userId }));
        setDisplayName('');
        setConsentRef('');
        setConsentDate('');
        onCreated();
      },
      explain: (error) => (mediationReason(error) === 'consent_ref_used' ? { field: 'consentRef', message: d('mediation.create.refUsed') } : null),
    });
  const options = [{ value: '', label: d('mediation.create.communeChoose') }, ...(communes ?? []).map((c) => ({ value: c.code, label: c.name }))];
  return (
    <section aria-labelledby="create-assisted-title">
      <h2 id="create-assisted-title">{d('mediation.create.title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="displayName" label={d('mediation.create.displayName')} hint={d('mediation.create.displayNameHint')} value={displayName} onValue={setDisplayName} autoComplete="off" />
        <SelectField form={form} name="commune" label={d('mediation.create.commune')} value={commune} onValue={setCommune} options={options} />
        <TextField form={form} name="consentRef" label={d('mediation.create.consentRef')} hint={d('mediation.create.consentRefHint')} value={consentRef} onValue={setConsentRef} autoComplete="off" />
        <TextField form={form} name="consentDate" type="date" optional label={d('mediation.create.consentDate')} hint={d('mediation.create.consentDateHint')} value={consentDate} onValue={setConsentDate} />
        <SubmitButton form={form} label={d('mediation.create.submit')} />
      </form>
    </section>
  );
}

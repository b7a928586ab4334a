/** @module /t/:territory/benevolat/mon-organisation — the organisations I manage or applied for: status, missions (each links to its page, where applications are answered), a new mission; and the form to register an organisation. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import { VolunteeringLinks } from './bits.tsx';
import { MissionForm } from './mission-form.tsx';
import { volunteeringApi, volunteeringPaths } from './paths.ts';
import { volunteeringReason, type MyOrganisation, type OrganisationKind, type OrganisationView } from './types.ts';
import { isOperator, useVolunteeringI18n } from './use-volunteering-i18n.ts';
import './volunteering.css';

export function MyOrganisationPage({ territory: slug }: { territory: string }) {
  const { v } = useVolunteeringI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const member = Boolean(me?.territories.some((territory) => territory.slug === slug));
  const mine = useFetch<{ items: MyOrganisation[] }>(me && member ? territoryPath(slug, volunteeringApi.myOrganisations) : null);
  const [sent, setSent] = useState('');
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={v('myOrg.title')} />;
  const items = mine.data?.items ?? [];
  return (
    <div class="page">
      <PageHeading title={v('myOrg.title')} />
      <p class="lead">{v('myOrg.intro')}</p>
      <VolunteeringLinks slug={slug} signedIn operator={isOperator(roles)} />
      {mine.error ? <ErrorNotice error={mine.error} /> : null}
      {member && !mine.data && !mine.error ? <Loading /> : null}
      {(mine.data || !member) && items.length === 0 ? <p>{v('myOrg.none')}</p> : null}
      {items.map((o) => (
        <Organisation key={o.id} slug={slug} o={o} />
      ))}
      {sent ? <SuccessNotice message={sent} /> : null}
      <details class="vol-filters" open={items.length === 0}>
        <summary>{v('myOrg.apply.title')}</summary>
        <OrganisationForm
          slug={slug}
          onSent={() => {
            setSent(v('myOrg.apply.sent'));
            announce(v('myOrg.apply.sent'));
            mine.reload();
          }}
        />
      </details>
    </div>
  );
}

function Organisation({ slug, o }: { slug: string; o: MyOrganisation }) {
  const { v } = useVolunteeringI18n();
  const { route } = useLocation();
  const [creating, setCreating] = useState(false);
  const detail = useFetch<OrganisationView>(o.manager ? territoryPath(slug, volunteeringApi.organisation(o.id)) : null);
  const titleId = `org-${o.id}`;
  return (
    <section class="queue-item" aria-labelledby={titleId}>
      <h2 id={titleId}>{o.name}</h2>
      <p>
        <span class="badge">{v(`org.status.${o.status ?? 'pending'}`)}</span> {v(`kind.${o.kind}`)}
      </p>
      {o.refusalReason ? <p>{v('myOrg.refusal', { reason: o.refusalReason })}</p> : null}
      {o.status === 'pending' ? <p>{v('myOrg.pendingNote')}</p> : null}
      <p>
        <a href={volunteeringPaths.organisation(slug, o.id)}>{v('myOrg.page')}</a>
      </p>
      {o.manager && o.status === 'validated' ? (
        <>
          <h3>{v('myOrg.missions')}</h3>
          {detail.error ? <ErrorNotice error={detail.error} /> : null}
          {detail.data?.missions?.length === 0 ? <p>{v('myOrg.noMissions')}</p> : null}
          <ul class="mission-list">
            {(detail.data?.missions ?? []).map((m) => (
              <li key={m.id} class="mission-card">
                <h4>
                  <a href={volunteeringPaths.mission(slug, m.id)}>{m.title}</a>
                </h4>
                <p>
                  <span class="badge">{v(`mission.status.${m.status}`)}</span>
                  {m.status === 'published' ? ` ${m.accepted} / ${m.volunteersNeeded}` : null}
                </p>
                {m.returnedReason && m.status === 'draft' ? <p>{v('manage.returned', { reason: m.returnedReason })}</p> : null}
              </li>
            ))}
          </ul>
          <p class="actions">
            <button type="button" class="button button-primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>
              {v('myOrg.newMission')}
            </button>
          </p>
          {creating ? (
            <MissionForm
              slug={slug}
              organisationId={o.id}
              idPrefix={`new-mission-${o.id}`}
              onSaved={(id) => {
                announce(v('form.created'));
                route(volunteeringPaths.mission(slug, id));
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function OrganisationForm({ slug, onSent }: { slug: string; onSent: () => void }) {
  const { v, t } = useVolunteeringI18n();
  const communes = useCommunes(slug);
  const ensureResident = useEnsureResident(slug);
  const form = useForm('org-apply', ['name', 'kind', 'description', 'contactEmail', 'contactPhone', 'commune']);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('association');
  const [description, setDescription] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [commune, setCommune] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          name: name.trim() === '' ? t('form.required') : undefined,
          description: description.trim() === '' ? t('form.required') : undefined,
          contactEmail: email.trim() === '' && phone.trim() === '' ? v('myOrg.apply.contactRequired') : undefined,
        }),
      action: async () => {
        await ensureResident();
        await callApi('POST', territoryPath(slug, volunteeringApi.organisations), {
          body: {
            name: name.trim(),
            kind,
            description: description.trim(),
            ...(email.trim() ? { contactEmail: email.trim() } : {}),
            ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
            ...(commune ? { commune } : {}),
          },
        });
        setName('');
        setDescription('');
        onSent();
      },
      explain: (error) => {
        if (volunteeringReason(error) === 'name_taken') return { field: 'name', message: v('myOrg.apply.nameTaken') };
        const field = error.field?.replace(/^\//, '');
        return field ? { field, message: error.detail } : null;
      },
    });
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{v('myOrg.apply.intro')}</p>
      <FormErrors form={form} />
      <TextField form={form} name="name" label={v('myOrg.apply.name')} autoComplete="organization" value={name} onValue={setName} />
      <SelectField form={form} name="kind" label={v('myOrg.apply.kind')} value={kind} onValue={setKind} options={[{ value: 'association', label: v('kind.association') }, { value: 'public_service', label: v('kind.public_service') }]} />
      <TextField form={form} name="description" label={v('myOrg.apply.description')} hint={v('myOrg.apply.descriptionHint')} multiline value={description} onValue={setDescription} />
      <TextField form={form} name="contactEmail" label={v('myOrg.apply.email')} hint={v('myOrg.apply.contactHint')} type="email" optional value={email} onValue={setEmail} />
      <TextField form={form} name="contactPhone" label={v('myOrg.apply.phone')} type="text" inputMode="text" optional value={phone} onValue={setPhone} />
      <SelectField form={form} name="commune" label={v('myOrg.apply.commune')} value={commune} onValue={setCommune} options={[{ value: '', label: v('myOrg.apply.communeNone') }, ...(communes ?? []).map((c) => ({ value: c.code, label: c.name }))]} />
      <SubmitButton form={form} label={v('myOrg.apply.submit')} />
    </form>
  );
}

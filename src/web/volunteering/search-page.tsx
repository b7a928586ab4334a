/** @module /t/:territory/benevolat — search published missions by commune and distance, dates, skill, weekdays and kind; the territory's organisations with their response rates. */
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import { useState } from 'preact/hooks';
import { territoryPath } from '../core/api.ts';
import { CheckboxGroup, RadioGroup } from '../core/choice-fields.tsx';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { MissionCard, VolunteeringLinks } from './bits.tsx';
import { volunteeringApi, volunteeringPaths } from './paths.ts';
import { SKILLS, WEEKDAYS, type MissionSearch, type OrganisationListItem } from './types.ts';
import { isOperator, useVolunteeringI18n } from './use-volunteering-i18n.ts';
import './volunteering.css';

interface Filters {
  commune: string;
  radius: string;
  from: string;
  to: string;
  skill: string;
  weekdays: number[];
  mode: 'all' | 'on_site' | 'online';
}

const EMPTY: Filters = { commune: '', radius: '10', from: '', to: '', skill: '', weekdays: [], mode: 'all' };

/** The API query of a set of filters. */
export function searchQuery(f: Filters): string {
  const q = new URLSearchParams();
  if (f.commune) {
    q.set('commune', f.commune);
    q.set('radiusKm', f.radius);
  }
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.skill) q.set('skill', f.skill);
  for (const d of f.weekdays) q.append('weekday', String(d));
  if (f.mode !== 'all') q.set('mode', f.mode);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export function SearchPage({ territory: slug }: { territory: string }) {
  const { v, vp, t } = useVolunteeringI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const communes = useCommunes(slug);
  const form = useForm('vol-search', ['commune', 'radius', 'from', 'to', 'skill', 'weekdays', 'mode']);
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const results = useFetch<MissionSearch>(territoryPath(slug, `${volunteeringApi.missions}${searchQuery(applied)}`));
  const organisations = useFetch<{ items: OrganisationListItem[] }>(territoryPath(slug, volunteeringApi.organisations));
  const set = <K extends keyof Filters>(key: K) => (value: Filters[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => {
        const radius = Number(draft.radius);
        return onlyErrors({
          radius: draft.commune && (!Number.isFinite(radius) || radius < 1 || radius > 50) ? v('search.radiusInvalid') : undefined,
          to: draft.from && draft.to && draft.to < draft.from ? v('search.datesInvalid') : undefined,
        });
      },
      action: async () => setApplied(draft),
      explain: (error) => (error.field ? { field: error.field.replace('/query/', '').replace('radiusKm', 'radius'), message: error.detail } : null),
    });

  return (
    <div class="page">
      <PageHeading title={v('search.title')} />
      <p class="lead">{v('search.intro')}</p>
      <VolunteeringLinks slug={slug} signedIn={Boolean(me)} operator={isOperator(roles)} />
      <details class="vol-filters" open>
        <summary>{v('search.filters')}</summary>
        <form onSubmit={onSubmit} noValidate class="search-form">
          <FormErrors form={form} />
          <SelectField
            form={form}
            name="commune"
            label={v('search.commune')}
            value={draft.commune}
            onValue={set('commune')}
            options={[{ value: '', label: v('search.communeAny') }, ...(communes ?? []).map((c) => ({ value: c.code, label: c.name }))]}
          />
          {draft.commune ? (
            <TextField form={form} name="radius" label={v('search.radius')} hint={v('search.radiusHint')} type="number" inputMode="numeric" min="1" max="50" value={draft.radius} onValue={set('radius')} />
          ) : null}
          <TextField form={form} name="from" label={v('search.from')} type="date" optional value={draft.from} onValue={set('from')} />
          <TextField form={form} name="to" label={v('search.to')} type="date" optional value={draft.to} onValue={set('to')} />
          <SelectField
            form={form}
            name="skill"
            label={v('search.skill')}
            value={draft.skill}
            onValue={set('skill')}
            options={[{ value: '', label: v('search.skillAny') }, ...SKILLS.map((s) => ({ value: s, label: v(`skill.${s}`) }))]}
          />
          <CheckboxGroup
            form={form}
            name="weekdays"
            legend={v('search.days')}
            hint={v('search.daysHint')}
            inline
            value={draft.weekdays}
            onValue={set('weekdays')}
            options={WEEKDAYS.map((d) => ({ value: d, label: v(`weekdayLabel.${d}`) }))}
          />
          <RadioGroup
            form={form}
            name="mode"
            legend={v('search.mode')}
            inline
            value={draft.mode}
            onValue={set('mode')}
            options={[
              { value: 'all', label: v('search.modeAll') },
              { value: 'on_site', label: v('search.modeOnSite') },
              { value: 'online', label: v('search.modeOnline') },
            ]}
          />
          <p class="actions">
            <SubmitButton form={form} label={v('search.submit')} />
            <button
              type="button"
              class="button button-quiet"
              onClick={() => {
                setDraft(EMPTY);
                setApplied(EMPTY);
                form.clear();
              }}
            >
              {v('search.reset')}
            </button>
          </p>
        </form>
      </details>
      <section aria-labelledby="vol-results">
        <h2 id="vol-results" class="visually-hidden">
          {v('search.resultsTitle')}
        </h2>
        <p role="status" data-testid="mission-count">
          {results.data ? vp('search.results', results.data.total) : results.loading ? t('app.loading') : ''}
        </p>
        {results.error ? <ErrorNotice error={results.error} /> : null}
        {results.data?.total === 0 ? <p>{v('search.none')}</p> : null}
        <ul class="mission-list">
          {(results.data?.items ?? []).map((m) => (
            <MissionCard key={m.id} slug={slug} m={m} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="vol-orgs">
        <h2 id="vol-orgs">{v('search.organisations')}</h2>
        {organisations.error ? <ErrorNotice error={organisations.error} /> : null}
        {!organisations.data && !organisations.error ? <Loading /> : null}
        {organisations.data?.items.length === 0 ? <p>{v('search.organisationsNone')}</p> : null}
        <ul class="mission-list">
          {(organisations.data?.items ?? []).map((o) => (
            <li key={o.id} class="mission-card">
              <h3>
                <a href={volunteeringPaths.organisation(slug, o.id)}>{o.name}</a>
              </h3>
              <p class="meta">
                {v(`kind.${o.kind}`)}
                {o.communeName ? ` — ${o.communeName}` : null}
              </p>
              <OrgRate stats={o.response} />
            </li>
          ))}
        </ul>
        <p>
          {v('search.orgCta')} <a href={volunteeringPaths.myOrganisation(slug)}>{v('search.orgCtaLink')}</a>
        </p>
      </section>
    </div>
  );
}

function OrgRate({ stats }: { stats: OrganisationListItem['response'] }) {
  const { v, percent, delay } = useVolunteeringI18n();
  if (isSuppressed(stats)) return <p><SmallGroup minGroup={stats.minGroup} /></p>;
  if (stats.rate === null) return <p>{v('response.none')}</p>;
  return (
    <p>
      {v('response.rate', { rate: percent(stats.rate) })}
      {stats.medianHours !== null ? ` · ${v('response.delay', { delay: delay(stats.medianHours) })}` : null}
    </p>
  );
}

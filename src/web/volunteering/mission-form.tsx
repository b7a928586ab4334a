/** @module Writing a mission (new draft or edit): title, description, once or weekly, on site (commune + exact address kept private) or online, places, skills, public concerned. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { CheckboxGroup, RadioGroup } from '../core/choice-fields.tsx';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { missionFieldOf, parisInstant, parisParts } from './format.ts';
import { volunteeringApi } from './paths.ts';
import { PUBLICS, SKILLS, WEEKDAYS, volunteeringReason, type MissionView, type Public, type Skill } from './types.ts';
import { useVolunteeringI18n } from './use-volunteering-i18n.ts';

const FIELDS = ['title', 'description', 'kind', 'date', 'startTime', 'endTime', 'weekdays', 'firstDay', 'lastDay', 'placeKind', 'commune', 'address', 'needed', 'skills', 'publics'];

interface Draft {
  title: string;
  description: string;
  kind: 'once' | 'weekly';
  date: string;
  startTime: string;
  endTime: string;
  weekdays: number[];
  firstDay: string;
  lastDay: string;
  placeKind: 'on_site' | 'online';
  commune: string;
  address: string;
  needed: string;
  skills: Skill[];
  publics: Public[];
}

function initialDraft(m: MissionView | undefined): Draft {
  const start = m?.schedule.startsAt ? parisParts(m.schedule.startsAt) : null;
  const end = m?.schedule.endsAt ? parisParts(m.schedule.endsAt) : null;
  return {
    title: m?.title ?? '',
    description: m?.description ?? '',
    kind: m?.schedule.kind ?? 'once',
    date: start?.date ?? '',
    startTime: start?.time ?? m?.schedule.startTime ?? '09:00',
    endTime: end?.time ?? m?.schedule.endTime ?? '12:00',
    weekdays: m?.schedule.weekdays ?? [],
    firstDay: m?.schedule.firstDay ?? '',
    lastDay: m?.schedule.lastDay ?? '',
    placeKind: m?.online ? 'online' : 'on_site',
    commune: m?.communeCode ?? '',
    address: m?.address ?? '',
    needed: String(m?.volunteersNeeded ?? 2),
    skills: m?.skills ?? [],
    publics: m?.publics ?? [],
  };
}

export function MissionForm({ slug, organisationId, mission, onSaved, idPrefix }: { slug: string; organisationId?: string; mission?: MissionView; onSaved: (id: string) => void; idPrefix: string }) {
  const { v, t } = useVolunteeringI18n();
  const form = useForm(idPrefix, FIELDS);
  const communes = useCommunes(slug);
  const [d, setD] = useState<Draft>(() => initialDraft(mission));
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((old) => ({ ...old, [key]: value }));
  const required = (value: string) => (value.trim() === '' ? t('form.required') : undefined);

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => {
        const needed = Number(d.needed);
        return onlyErrors({
          title: required(d.title),
          description: required(d.description),
          needed: d.needed.trim() === '' ? t('form.required') : !Number.isInteger(needed) || needed < 1 ? v('form.noPlaces') : undefined,
          date: d.kind === 'once' ? required(d.date) : undefined,
          startTime: required(d.startTime),
          endTime: required(d.endTime) ?? (d.endTime <= d.startTime ? v('form.endBeforeStart') : undefined),
          weekdays: d.kind === 'weekly' && d.weekdays.length === 0 ? v('form.chooseDay') : undefined,
          firstDay: d.kind === 'weekly' ? required(d.firstDay) : undefined,
          commune: d.placeKind === 'on_site' ? required(d.commune) : undefined,
          address: d.placeKind === 'on_site' ? required(d.address) : undefined,
        });
      },
      action: async () => {
        const centre = communes?.find((c) => c.code === d.commune)?.centre;
        const body = {
          title: d.title.trim(),
          description: d.description.trim(),
          schedule:
            d.kind === 'once'
              ? { kind: 'once', startsAt: parisInstant(d.date, d.startTime).toISOString(), endsAt: parisInstant(d.date, d.endTime).toISOString() }
              : { kind: 'weekly', weekdays: d.weekdays, startTime: d.startTime, endTime: d.endTime, firstDay: d.firstDay, ...(d.lastDay ? { lastDay: d.lastDay } : {}) },
          place: d.placeKind === 'online' || !centre ? { kind: 'online' } : { kind: 'on_site', lat: centre.lat, lng: centre.lng, address: d.address.trim() },
          volunteersNeeded: Number(d.needed),
          skills: d.skills,
          publics: d.publics,
        };
        const answer = mission
          ? await callApi<{ id: string }>('PUT', territoryPath(slug, volunteeringApi.mission(mission.id)), { body })
          : await callApi<{ id: string }>('POST', territoryPath(slug, volunteeringApi.organisationMissions(organisationId!)), { body });
        onSaved(answer.id);
      },
      explain: (error) => {
        const field = missionFieldOf(error.field);
        if (volunteeringReason(error) === 'no_places') return { field: 'needed', message: v('form.noPlaces') };
        if (volunteeringReason(error) === 'past_date') return { field: field ?? 'date', message: v('form.past') };
        return field ? { field, message: error.detail } : null;
      },
    });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <TextField form={form} name="title" label={v('form.title')} value={d.title} onValue={set('title')} />
      <TextField form={form} name="description" label={v('form.description')} hint={v('form.descriptionHint')} multiline value={d.description} onValue={set('description')} />
      <RadioGroup form={form} name="kind" legend={v('form.schedule')} inline value={d.kind} onValue={set('kind')} options={[{ value: 'once', label: v('form.once') }, { value: 'weekly', label: v('form.weekly') }]} />
      {d.kind === 'once' ? (
        <TextField form={form} name="date" label={v('form.date')} type="date" value={d.date} onValue={set('date')} />
      ) : (
        <>
          <CheckboxGroup form={form} name="weekdays" legend={v('form.weekdays')} inline value={d.weekdays} onValue={set('weekdays')} options={WEEKDAYS.map((w) => ({ value: w, label: v(`weekdayLabel.${w}`) }))} />
          <TextField form={form} name="firstDay" label={v('form.firstDay')} type="date" value={d.firstDay} onValue={set('firstDay')} />
          <TextField form={form} name="lastDay" label={v('form.lastDay')} type="date" optional value={d.lastDay} onValue={set('lastDay')} />
        </>
      )}
      <div class="field-pair">
        <TextField form={form} name="startTime" label={v('form.startTime')} type="time" value={d.startTime} onValue={set('startTime')} />
        <TextField form={form} name="endTime" label={v('form.endTime')} type="time" value={d.endTime} onValue={set('endTime')} />
      </div>
      <RadioGroup form={form} name="placeKind" legend={v('form.place')} inline value={d.placeKind} onValue={set('placeKind')} options={[{ value: 'on_site', label: v('form.onSite') }, { value: 'online', label: v('form.online') }]} />
      {d.placeKind === 'on_site' ? (
        <>
          <SelectField form={form} name="commune" label={v('form.commune')} value={d.commune} onValue={set('commune')} options={[{ value: '', label: '—' }, ...(communes ?? []).map((c) => ({ value: c.code, label: c.name }))]} />
          <TextField form={form} name="address" label={v('form.address')} hint={v('form.addressHint')} autoComplete="street-address" value={d.address} onValue={set('address')} />
        </>
      ) : null}
      <TextField form={form} name="needed" label={v('form.needed')} type="number" inputMode="numeric" min="1" max="500" value={d.needed} onValue={set('needed')} />
      <CheckboxGroup form={form} name="skills" legend={v('form.skills')} inline value={d.skills} onValue={set('skills')} options={SKILLS.map((s) => ({ value: s, label: v(`skill.${s}`) }))} />
      <CheckboxGroup form={form} name="publics" legend={v('form.publics')} inline value={d.publics} onValue={set('publics')} options={PUBLICS.map((p) => ({ value: p, label: v(`public.${p}`) }))} />
      <SubmitButton form={form} label={mission ? v('form.save') : v('form.create')} />
    </form>
  );
}

/** @module Choose a place: a commune (its centre), coordinates, a named public meeting point, or the commute's home/work. */
import { RadioGroup } from '../core/choice-fields.tsx';
import { SelectField, TextField } from '../core/fields.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { FormState } from '../core/use-form.ts';
import type { PlaceDraft, PlaceKind } from './resolve-place.ts';
import type { CommuteProfile } from './types.ts';
import type { CommuneChoice } from './use-communes.ts';

interface Props {
  form: FormState;
  name: string;
  legend: string;
  kinds: readonly PlaceKind[];
  value: PlaceDraft;
  onValue: (value: PlaceDraft) => void;
  communes: readonly CommuneChoice[] | undefined;
  profile?: CommuteProfile | null | undefined;
}

export function PlacePicker({ form, name, legend, kinds, value, onValue, communes, profile }: Props) {
  const { t, m, formatNumber } = useMobilityI18n();
  const set = (patch: Partial<PlaceDraft>) => onValue({ ...value, ...patch });
  const error = form.errors[name];
  const centre = value.kind === 'home' ? profile?.homeCenter : value.kind === 'work' ? profile?.workCenter : undefined;
  const kindLabels: Record<PlaceKind, string> = {
    home: m('place.kind.home'),
    work: m('place.kind.work'),
    commune: m('place.kind.commune'),
    meeting: m('place.kind.meeting'),
    coords: m('place.kind.coords'),
  };
  return (
    <fieldset id={form.fieldId(name)} tabIndex={-1} class="place" aria-describedby={error ? `${form.fieldId(name)}-error` : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p class="field-error" id={`${form.fieldId(name)}-error`}>
          <span class="error-prefix">{t('error.prefix')}</span> {error}
        </p>
      ) : null}
      {kinds.length > 1 ? (
        <RadioGroup
          form={form}
          name={`${name}Kind`}
          legend={m('place.how')}
          value={value.kind}
          onValue={(kind) => set({ kind })}
          options={kinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
        />
      ) : null}
      {centre ? (
        <p class="meta">{m('place.cellCentre', { lat: formatNumber(centre.lat, 4), lng: formatNumber(centre.lng, 4) })}</p>
      ) : null}
      {value.kind === 'commune' ? (
        <SelectField
          form={form}
          name={`${name}Commune`}
          label={m('place.commune')}
          hint={m('place.communeHint')}
          value={value.commune}
          onValue={(commune) => set({ commune })}
          options={[{ value: '', label: communes ? m('place.communeChoose') : t('app.loading') }, ...(communes ?? []).map((c) => ({ value: c.code, label: c.name }))]}
        />
      ) : null}
      {value.kind === 'meeting' ? (
        <TextField form={form} name={`${name}Name`} label={m('place.meetingName')} hint={m('place.meetingHint')} value={value.name} onValue={(text) => set({ name: text })} />
      ) : null}
      {value.kind === 'coords' || value.kind === 'meeting' ? (
        <div class="field-pair">
          <TextField form={form} name={`${name}Lat`} label={m('place.lat')} hint={m('place.latHint')} inputMode="decimal" autoComplete="off" value={value.lat} onValue={(lat) => set({ lat })} />
          <TextField form={form} name={`${name}Lng`} label={m('place.lng')} hint={m('place.lngHint')} inputMode="decimal" autoComplete="off" value={value.lng} onValue={(lng) => set({ lng })} />
        </div>
      ) : null}
    </fieldset>
  );
}

/** @module Describe one's usual commute: home and work (kept as ~0.1 km² cells), days, departure windows, mode, occupancy. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm, type FieldErrors } from '../core/use-form.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import { modeOptions } from './labels.ts';
import { PlacePicker } from './place-picker.tsx';
import { emptyPlace, placeFieldNames, resolvePlace, type PlaceDraft } from './resolve-place.ts';
import { checkWindow, WeekdaysField, windowFieldNames, WindowFields } from './schedule-fields.tsx';
import type { CommuteMode, CommuteProfile, ProfileBody, TimeWindow } from './types.ts';
import { useCommunes } from './use-communes.ts';

const FIELDS = [
  ...placeFieldNames('home'), ...placeFieldNames('work'), 'weekdays', ...windowFieldNames('out'), ...windowFieldNames('back'), 'usualMode', 'carOccupancy',
];

interface Props {
  slug: string;
  initial: CommuteProfile | null;
  onSaved: (profile: CommuteProfile) => void;
}

export function CommuteForm({ slug, initial, onSaved }: Props) {
  const { m } = useMobilityI18n();
  const form = useForm('commute', FIELDS);
  const communes = useCommunes(slug);
  const ensureResident = useEnsureResident(slug);
  const [home, setHome] = useState<PlaceDraft>(initial ? emptyPlace('coords', initial.homeCenter) : emptyPlace('commune'));
  const [work, setWork] = useState<PlaceDraft>(initial ? emptyPlace('coords', initial.workCenter) : emptyPlace('commune'));
  const [weekdays, setWeekdays] = useState<number[]>(initial?.weekdays ?? [1, 2, 3, 4, 5]);
  const [out, setOut] = useState<TimeWindow>(initial?.out ?? { start: '07:30', end: '08:00' });
  const [back, setBack] = useState<TimeWindow>(initial?.back ?? { start: '17:00', end: '17:30' });
  const [usualMode, setUsualMode] = useState<CommuteMode>(initial?.usualMode ?? 'car_alone');
  const [occupancy, setOccupancy] = useState(String(initial?.carOccupancy ?? 1));

  const onSubmit = (event: Event) => {
    const context = { communes, profile: initial, m };
    const homePlace = resolvePlace('home', home, context);
    const workPlace = resolvePlace('work', work, context);
    const seats = Number(occupancy);
    form.submit(event, {
      validate: (): FieldErrors => ({
        ...homePlace.errors,
        ...workPlace.errors,
        ...onlyErrors({
          weekdays: weekdays.length === 0 ? m('weekdays.required') : undefined,
          carOccupancy: Number.isInteger(seats) && seats >= 1 && seats <= 9 ? undefined : m('commute.occupancyInvalid'),
        }),
        ...checkWindow('out', out, m),
        ...checkWindow('back', back, m),
      }),
      action: async () => {
        await ensureResident();
        const body: ProfileBody = {
          home: homePlace.place!,
          work: workPlace.place!,
          meetingPoints: initial?.meetingPoints ?? [],
          weekdays,
          out,
          back,
          usualMode,
          carOccupancy: seats,
        };
        const saved = await callApi<{ profile: CommuteProfile }>('PUT', territoryPath(slug, '/commute-profile'), { body });
        announce(m('commute.saved'));
        onSaved(saved.profile);
      },
      explain: (error) => {
        if (error.field === 'home' || error.field === 'work') return { field: error.field, message: m('place.outside') };
        if (error.field === 'out' || error.field === 'back') return { field: `${error.field}End`, message: m('window.endBeforeStart') };
        return null;
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <PlacePicker form={form} name="home" legend={m('commute.home')} kinds={['commune', 'coords']} value={home} onValue={setHome} communes={communes} />
      <PlacePicker form={form} name="work" legend={m('commute.work')} kinds={['commune', 'coords']} value={work} onValue={setWork} communes={communes} />
      <WeekdaysField form={form} name="weekdays" legend={m('commute.weekdays')} value={weekdays} onValue={setWeekdays} />
      <WindowFields form={form} name="out" legend={m('commute.out')} hint={m('commute.windowHint')} value={out} onValue={setOut} />
      <WindowFields form={form} name="back" legend={m('commute.back')} value={back} onValue={setBack} />
      <SelectField form={form} name="usualMode" label={m('commute.usualMode')} value={usualMode} onValue={setUsualMode} options={modeOptions(m)} />
      <TextField
        form={form}
        name="carOccupancy"
        type="number"
        inputMode="numeric"
        min="1"
        max="9"
        label={m('commute.occupancy')}
        hint={m('commute.occupancyHint')}
        value={occupancy}
        onValue={setOccupancy}
      />
      <SubmitButton form={form} label={m('commute.save')} />
    </form>
  );
}

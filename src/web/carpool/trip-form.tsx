/** @module Offer a ride (driver) or ask for one (passenger): ends, one-off date or weekdays, departure window, seats. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { RadioGroup } from '../core/choice-fields.tsx';
import { addDays, todayIn } from '../core/dates.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm, type FieldErrors } from '../core/use-form.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import { PlacePicker } from '../commute/place-picker.tsx';
import { emptyPlace, placeFieldNames, resolvePlace, type PlaceDraft, type PlaceKind } from '../commute/resolve-place.ts';
import { checkWindow, WeekdaysField, windowFieldNames, WindowFields } from '../commute/schedule-fields.tsx';
import type { CommuteProfile, TimeWindow } from '../commute/types.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { PickOnMap } from './pick-on-map.tsx';
import type { CarpoolRole, TripBody } from './types.ts';

const FIELDS = ['role', ...placeFieldNames('origin'), ...placeFieldNames('destination'), 'schedule', 'date', 'weekdays', ...windowFieldNames('window'), 'seats'];
type Schedule = 'recurring' | 'once';

interface Props {
  slug: string;
  profile: CommuteProfile | null;
  onCreated: (id: string) => void;
}

export function TripForm({ slug, profile, onCreated }: Props) {
  const { m } = useMobilityI18n();
  const form = useForm('trip', FIELDS);
  const communes = useCommunes(slug);
  const ensureResident = useEnsureResident(slug);
  const kinds: PlaceKind[] = profile ? ['home', 'work', 'commune', 'meeting', 'coords'] : ['commune', 'meeting', 'coords'];
  const [role, setRole] = useState<CarpoolRole>('driver');
  const [origin, setOrigin] = useState<PlaceDraft>(emptyPlace(profile ? 'home' : 'commune'));
  const [destination, setDestination] = useState<PlaceDraft>(emptyPlace(profile ? 'work' : 'commune'));
  const [schedule, setSchedule] = useState<Schedule>('recurring');
  const [date, setDate] = useState(() => addDays(todayIn(), 1));
  const [weekdays, setWeekdays] = useState<number[]>(profile?.weekdays ?? [1, 2, 3, 4, 5]);
  const [departure, setDeparture] = useState<TimeWindow>(profile?.out ?? { start: '07:30', end: '08:00' });
  const [seats, setSeats] = useState('');
  const seatCount = seats === '' ? (role === 'driver' ? 3 : 1) : Number(seats);

  const onSubmit = (event: Event) => {
    const context = { communes, profile, m };
    const from = resolvePlace('origin', origin, context);
    const to = resolvePlace('destination', destination, context);
    form.submit(event, {
      validate: (): FieldErrors => ({
        ...from.errors,
        ...to.errors,
        ...onlyErrors({
          destination: from.place && to.place && from.place.lat === to.place.lat && from.place.lng === to.place.lng ? m('trip.samePlace') : undefined,
          date: schedule === 'once' && !/^\d{4}-\d{2}-\d{2}$/.test(date) ? m('trip.dateRequired') : schedule === 'once' && date < todayIn() ? m('trip.datePast') : undefined,
          weekdays: schedule === 'recurring' && weekdays.length === 0 ? m('weekdays.required') : undefined,
          seats: Number.isInteger(seatCount) && seatCount >= 1 && seatCount <= 8 ? undefined : m('trip.seatsInvalid'),
        }),
        ...checkWindow('window', departure, m),
      }),
      action: async () => {
        await ensureResident();
        const body: TripBody = {
          role,
          origin: from.place!,
          destination: to.place!,
          ...(schedule === 'once' ? { date } : { weekdays }),
          window: departure,
          seats: seatCount,
        };
        const created = await callApi<{ id: string }>('POST', territoryPath(slug, '/carpool/trips'), { body });
        announce(m(role === 'driver' ? 'trip.createdDriver' : 'trip.createdPassenger'));
        onCreated(created.id);
      },
      explain: (error) => (error.field === 'window' ? { field: 'windowEnd', message: m('window.endBeforeStart') } : null),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <RadioGroup
        form={form}
        name="role"
        legend={m('trip.role')}
        value={role}
        onValue={setRole}
        options={[
          { value: 'driver', label: m('trip.role.driver') },
          { value: 'passenger', label: m('trip.role.passenger') },
        ]}
      />
      <PlacePicker form={form} name="origin" legend={m('trip.origin')} kinds={kinds} value={origin} onValue={setOrigin} communes={communes} profile={profile} />
      <PickOnMap slug={slug} name={form.fieldId('origin')} what={m('pickMap.origin')} value={origin} onValue={setOrigin} />
      <PlacePicker form={form} name="destination" legend={m('trip.destination')} kinds={kinds} value={destination} onValue={setDestination} communes={communes} profile={profile} />
      <PickOnMap slug={slug} name={form.fieldId('destination')} what={m('pickMap.destination')} value={destination} onValue={setDestination} />
      <RadioGroup
        form={form}
        name="schedule"
        legend={m('trip.schedule')}
        inline
        value={schedule}
        onValue={setSchedule}
        options={[
          { value: 'recurring', label: m('trip.schedule.recurring') },
          { value: 'once', label: m('trip.schedule.once') },
        ]}
      />
      {schedule === 'once' ? (
        <TextField form={form} name="date" type="date" min={todayIn()} label={m('trip.date')} value={date} onValue={setDate} />
      ) : (
        <WeekdaysField form={form} name="weekdays" legend={m('trip.weekdays')} value={weekdays} onValue={setWeekdays} />
      )}
      <WindowFields form={form} name="window" legend={m('trip.window')} hint={m('trip.windowHint')} value={departure} onValue={setDeparture} />
      <TextField
        form={form}
        name="seats"
        type="number"
        inputMode="numeric"
        min="1"
        max="8"
        label={m(role === 'driver' ? 'trip.seats.driver' : 'trip.seats.passenger')}
        value={seats === '' ? String(seatCount) : seats}
        onValue={setSeats}
      />
      <SubmitButton form={form} label={m(role === 'driver' ? 'trip.submit.driver' : 'trip.submit.passenger')} />
    </form>
  );
}

/** @module "Proposer ce trajet": pick a day both trips run, then the other person accepts (or not). */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { formatDay, todayIn } from '../core/dates.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { firstCommonDay } from './describe.ts';
import type { ProposedMatch, Trip } from './types.ts';

export function ProposeForm({ slug, trip, match, onProposed }: { slug: string; trip: Trip; match: ProposedMatch; onProposed: () => void }) {
  const { m, locale } = useMobilityI18n();
  const form = useForm(`propose-${trip.id}-${match.trip.id}`, ['date']);
  const today = todayIn();
  const [date, setDate] = useState(() => firstCommonDay(trip, match.trip, today) ?? '');
  const [sent, setSent] = useState('');

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : m('trip.dateRequired') }),
      action: async () => {
        await callApi('POST', territoryPath(slug, `/carpool/trips/${encodeURIComponent(trip.id)}/matches`), { body: { tripId: match.trip.id, date } });
        const message = m('match.proposed', { name: match.person.displayName, date: formatDay(locale, date, false) });
        setSent(message);
        announce(message);
        onProposed();
      },
      explain: (error) => (error.code === 'conflict' ? { message: m('match.proposeConflict') } : null),
    });

  if (sent) return <p class="notice notice-success">{sent}</p>;
  return (
    <form class="inline-form" onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <TextField form={form} name="date" type="date" min={today} label={m('match.date')} hint={m('match.dateHint')} value={date} onValue={setDate} />
      <SubmitButton form={form} label={m('match.propose')} />
    </form>
  );
}

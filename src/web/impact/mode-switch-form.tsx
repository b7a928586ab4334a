/** @module Quick log of a trip made without driving alone: mode, day, leg, distance (else the commute's), instead of what (else the usual mode) → CO2e, car-km, euros, why. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { RadioGroup } from '../core/choice-fields.tsx';
import { addDays, formatDay, todayIn } from '../core/dates.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import { COMMUTE_MODES, type CommuteMode, type CommuteProfile } from '../commute/types.ts';
import { formatFigure } from '../core/figures.ts';
import { NotAlone } from './not-alone.tsx';
import { PLAUSIBLE_MAX_KM, SWITCH_MODES, type Leg, type RecordedModeSwitch, type SwitchMode } from './types.ts';

const FIELDS = ['mode', 'date', 'leg', 'km', 'occupants', 'insteadOf'];
// The server accepts trips up to a week back.
const BACKFILL_DAYS = 7;

interface Props {
  slug: string;
  profile: CommuteProfile | null;
  onRecorded: () => void;
}

export function ModeSwitchForm({ slug, profile, onRecorded }: Props) {
  const { m, formatNumber, locale } = useMobilityI18n();
  const form = useForm('switch', FIELDS);
  const ensureResident = useEnsureResident(slug);
  const today = todayIn();
  const [mode, setMode] = useState<SwitchMode>('bike');
  const [date, setDate] = useState(today);
  const [leg, setLeg] = useState<Leg>('out');
  const [km, setKm] = useState('');
  const [occupants, setOccupants] = useState('2');
  // null until the person picks: the commute profile's usual mode stands (and the server applies it itself).
  const [insteadOf, setInsteadOf] = useState<CommuteMode | '' | null>(null);
  const against = insteadOf ?? profile?.usualMode ?? '';
  const [result, setResult] = useState<RecordedModeSwitch | null>(null);
  const distance = Number(km.replace(',', '.'));
  const people = Number(occupants);

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          date: !/^\d{4}-\d{2}-\d{2}$/.test(date) ? m('trip.dateRequired') : undefined,
          km:
            km.trim() === ''
              ? profile
                ? undefined
                : m('switch.kmRequired')
              : !(Number.isFinite(distance) && distance >= 0.1 && distance <= 300)
                ? m('switch.kmInvalid')
                : distance > PLAUSIBLE_MAX_KM[mode]
                  ? m('switch.kmImplausible', { max: formatNumber(PLAUSIBLE_MAX_KM[mode]) })
                  : undefined,
          occupants: mode === 'carpool' && !(Number.isInteger(people) && people >= 2 && people <= 9) ? m('switch.occupantsInvalid') : undefined,
        }),
      action: async () => {
        await ensureResident();
        const declared = insteadOf !== null && against !== '' ? { insteadOf: against } : {};
        const body = { mode, date, leg, ...(km.trim() === '' ? {} : { km: distance }), ...(mode === 'carpool' ? { occupants: people } : {}), ...declared };
        const recorded = await callApi<RecordedModeSwitch>('POST', territoryPath(slug, '/gestures/mode-switches'), { body });
        setResult(recorded);
        announce(recorded.counterfactual.insteadOf === 'car_alone' || recorded.counterfactual.insteadOf === 'carpool' ? m('switch.recorded', { co2: formatFigure(formatNumber, recorded.co2eKg, 'co2eKg') }) : m('switch.recordedParticipation'));
        onRecorded();
      },
      explain: (error) => (error.code === 'conflict' ? { field: 'leg', message: m('switch.legTaken') } : null),
    });

  return (
    <>
      {result ? <SwitchResult result={result} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <SelectField form={form} name="mode" label={m('switch.mode')} value={mode} onValue={setMode} options={SWITCH_MODES.map((value) => ({ value, label: m(`mode.${value}`) }))} />
        <TextField form={form} name="date" type="date" min={addDays(today, -BACKFILL_DAYS)} max={today} label={m('switch.date')} hint={m('switch.dateHint', { date: formatDay(locale, today, false) })} value={date} onValue={setDate} />
        <RadioGroup
          form={form}
          name="leg"
          legend={m('switch.leg')}
          inline
          value={leg}
          onValue={setLeg}
          options={[
            { value: 'out', label: m('switch.leg.out') },
            { value: 'back', label: m('switch.leg.back') },
            { value: 'other', label: m('switch.leg.other') },
          ]}
        />
        <TextField
          form={form}
          name="km"
          inputMode="decimal"
          optional={Boolean(profile)}
          label={m('switch.km')}
          hint={profile ? m('switch.kmHintProfile', { km: formatNumber(profile.distanceKm, 1) }) : m('switch.kmHintNoProfile')}
          value={km}
          onValue={setKm}
        />
        {mode === 'carpool' ? (
          <TextField form={form} name="occupants" type="number" inputMode="numeric" min="2" max="9" label={m('switch.occupants')} value={occupants} onValue={setOccupants} />
        ) : null}
        <SelectField
          form={form}
          name="insteadOf"
          label={m('switch.insteadOf')}
          hint={m('switch.insteadOfHint')}
          value={against}
          onValue={setInsteadOf}
          // With a commute profile its usual mode is the default; "don't know" is offered only without one.
          options={[...(profile ? [] : [{ value: '' as const, label: m('switch.insteadOf.unknown') }]), ...COMMUTE_MODES.map((value) => ({ value, label: m(`mode.${value}`) }))]}
        />
        <SubmitButton form={form} label={m('switch.submit')} />
      </form>
    </>
  );
}

function SwitchResult({ result }: { result: RecordedModeSwitch }) {
  const { m, formatNumber, locale } = useMobilityI18n();
  return (
    <section class="notice notice-success switch-result" aria-labelledby="switch-result-title">
      <h3 id="switch-result-title">
        {m('switch.resultTitle', { mode: m(`mode.${result.mode}`), date: formatDay(locale, result.occurredOn, false) })}
      </h3>
      <p>
        {result.counterfactual.insteadOf
          ? m(`switch.against.${result.counterfactual.source === 'declared' ? 'declared' : 'usual_mode'}`, { mode: m(`mode.${result.counterfactual.insteadOf}`) })
          : m('switch.against.none')}
      </p>
      {result.counterfactual.insteadOf !== 'car_alone' && result.counterfactual.insteadOf !== 'carpool' ? <p>{m('switch.participation')}</p> : null}
      <dl class="facts facts-inline">
        <div>
          {/* More emitted than the trip replaced is said so, never shown as avoided. */}
          <dt>{m(result.co2eKg < 0 ? 'impact.co2More' : 'impact.co2')}</dt>
          <dd>{m('unit.kg', { value: formatFigure(formatNumber, Math.abs(result.co2eKg), 'co2eKg') })}</dd>
        </div>
        <div>
          <dt>{m('impact.carKm')}</dt>
          <dd>{m('unit.km', { value: formatFigure(formatNumber, result.carKm, 'carKm') })}</dd>
        </div>
        <div>
          <dt>{m('impact.euros')}</dt>
          <dd>{m('unit.euros', { value: formatFigure(formatNumber, result.euros, 'euros') })}</dd>
        </div>
      </dl>
      <p>{m(result.kmSource === 'profile' ? 'switch.kmFromProfile' : 'switch.kmEntered', { km: formatNumber(result.km, 1) })}</p>
      <p>{m('switch.explanation', { version: result.factorsVersion })}</p>
      {/* The server writes these lines in French. */}
      <ul lang="fr">
        {result.explanation.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <NotAlone counts={result.notAlone} />
    </section>
  );
}

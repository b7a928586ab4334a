/** @module Commit to leave in another slot on chosen days: one car moved from the usual slot to the new one. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton } from '../core/fields.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import { WeekdaysField } from '../commute/schedule-fields.tsx';
import type { CorridorView, Period } from './types.ts';

const FIELDS = ['period', 'fromSlot', 'toSlot', 'weekdays'];

/**
 * Where the queue starts: the first slot whose arrivals exceed what the road passes in a slot. Moving a
 * car from there one slot earlier is what the queue model rewards most, so the form starts there.
 */
export function firstOverCapacitySlot(corridor: CorridorView, period: Period): number {
  const slots = corridor.periods.find((p) => p.period === period)?.slots ?? [];
  const perSlot = (corridor.capacityPerHour * corridor.slotMinutes) / 60;
  const first = slots.findIndex((slot) => slot.demand > perSlot);
  if (first >= 0) return first;
  return slots.reduce((best, slot, i) => (slot.demand > (slots[best]?.demand ?? 0) ? i : best), 0);
}

/** One slot earlier (a quarter of an hour), or the next one when the queue starts in the first slot. */
const slotBefore = (slot: number) => (slot > 0 ? slot - 1 : 1);

/**
 * The move the form starts with: the queue model's best shift for this person (server: best-shift.ts), else —
 * when no move spares anyone — where the queue starts, one slot earlier.
 */
export function suggestedMove(corridor: CorridorView, period: Period): { fromSlot: number; toSlot: number } {
  const best = corridor.periods.find((p) => p.period === period)?.bestShift;
  if (best) return { fromSlot: best.fromSlot, toSlot: best.toSlot };
  const first = firstOverCapacitySlot(corridor, period);
  return { fromSlot: first, toSlot: slotBefore(first) };
}

export function CommitForm({ slug, corridor, onCommitted }: { slug: string; corridor: CorridorView; onCommitted: () => void }) {
  const { m, formatNumber } = useMobilityI18n();
  const form = useForm('commit', FIELDS);
  const ensureResident = useEnsureResident(slug);
  const [period, setPeriod] = useState<Period>('am');
  const [fromSlot, setFromSlot] = useState(() => String(suggestedMove(corridor, 'am').fromSlot));
  const [toSlot, setToSlot] = useState(() => String(suggestedMove(corridor, 'am').toSlot));
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5]);
  const slots = corridor.periods.find((p) => p.period === period)?.slots ?? [];
  const slotOptions = slots.map((slot, i) => ({ value: String(i), label: slot.start }));
  const best = corridor.periods.find((p) => p.period === period)?.bestShift ?? null;

  const choosePeriod = (next: Period) => {
    setPeriod(next);
    const move = suggestedMove(corridor, next);
    setFromSlot(String(move.fromSlot));
    setToSlot(String(move.toSlot));
  };

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          toSlot: toSlot === fromSlot ? m('commit.sameSlot') : undefined,
          weekdays: weekdays.length === 0 ? m('weekdays.required') : undefined,
        }),
      action: async () => {
        await ensureResident();
        await callApi('POST', territoryPath(slug, `/corridors/${encodeURIComponent(corridor.id)}/commitments`), {
          body: { period, fromSlot: Number(fromSlot), toSlot: Number(toSlot), weekdays },
        });
        announce(m('commit.saved'));
        onCommitted();
      },
    });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <SelectField
        form={form}
        name="period"
        label={m('commit.period')}
        value={period}
        onValue={choosePeriod}
        options={[
          { value: 'am', label: m('commit.period.am') },
          { value: 'pm', label: m('commit.period.pm') },
        ]}
      />
      {best ? (
        <div class="notice notice-info best-shift" data-testid="best-shift">
          <p>
            {m(best.minutes < 0 ? 'commit.bestEarlier' : 'commit.bestLater', {
              from: slots[best.fromSlot]?.start ?? '',
              to: slots[best.toSlot]?.start ?? '',
              minutes: Math.abs(best.minutes),
              hours: formatNumber(best.vehicleHoursSpared, 2),
            })}
          </p>
          <p class="meta">{m(best.usualFrom === 'profile' ? 'commit.bestFromProfile' : 'commit.bestFromPeak')}</p>
        </div>
      ) : (
        <p class="notice" data-testid="best-shift">{m('commit.bestNone')}</p>
      )}
      <div class="field-pair">
        <SelectField form={form} name="fromSlot" label={m('commit.fromSlot')} value={fromSlot} onValue={setFromSlot} options={slotOptions} />
        <SelectField form={form} name="toSlot" label={m('commit.toSlot')} hint={m('commit.toSlotHint')} value={toSlot} onValue={setToSlot} options={slotOptions} />
      </div>
      <WeekdaysField form={form} name="weekdays" legend={m('commit.weekdays')} value={weekdays} onValue={setWeekdays} />
      <SubmitButton form={form} label={m('commit.submit')} />
    </form>
  );
}

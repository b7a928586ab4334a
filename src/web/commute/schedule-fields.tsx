/** @module Shared schedule inputs of the mobility forms: weekdays (checkboxes) and a departure window (two times). */
import { CheckboxGroup } from '../core/choice-fields.tsx';
import { WEEKDAYS, weekdayName } from '../core/dates.ts';
import { TextField } from '../core/fields.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { FieldErrors, FormState } from '../core/use-form.ts';
import type { MobilityKey } from '../i18n/mobility-fr.ts';
import type { TimeWindow } from './types.ts';

export function WeekdaysField({ form, name, legend, value, onValue }: { form: FormState; name: string; legend: string; value: readonly number[]; onValue: (days: number[]) => void }) {
  const { locale } = useMobilityI18n();
  return (
    <CheckboxGroup
      form={form}
      name={name}
      legend={legend}
      inline
      value={value}
      onValue={onValue}
      options={WEEKDAYS.map((day) => ({ value: day, label: weekdayName(locale, day) }))}
    />
  );
}

/** `name`Start and `name`End, "HH:MM" each. */
export function WindowFields({ form, name, legend, hint, value, onValue }: { form: FormState; name: string; legend: string; hint?: string; value: TimeWindow; onValue: (w: TimeWindow) => void }) {
  const { m } = useMobilityI18n();
  return (
    <fieldset class="window">
      <legend>{legend}</legend>
      {hint ? <p class="field-hint">{hint}</p> : null}
      <div class="field-pair">
        <TextField form={form} name={`${name}Start`} type="time" label={m('window.start')} value={value.start} onValue={(start) => onValue({ ...value, start })} />
        <TextField form={form} name={`${name}End`} type="time" label={m('window.end')} value={value.end} onValue={(end) => onValue({ ...value, end })} />
      </div>
    </fieldset>
  );
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Client checks of a window: both times given, the end not before the start. */
export function checkWindow(name: string, w: TimeWindow, m: (key: MobilityKey) => string): FieldErrors {
  const errors: FieldErrors = {};
  if (!HHMM.test(w.start)) errors[`${name}Start`] = m('window.invalid');
  if (!HHMM.test(w.end)) errors[`${name}End`] = m('window.invalid');
  else if (HHMM.test(w.start) && w.end < w.start) errors[`${name}End`] = m('window.endBeforeStart');
  return errors;
}

export function windowFieldNames(name: string): string[] {
  return [`${name}Start`, `${name}End`];
}

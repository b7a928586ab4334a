/** @module The schedule fields shared by enrolment and settings: the daily time, the weekdays, the escalation delay. */
import { CheckboxGroup } from '../core/choice-fields.tsx';
import { weekdayName, WEEKDAYS } from '../core/dates.ts';
import { SelectField, TextField } from '../core/fields.tsx';
import type { FormState } from '../core/use-form.ts';
import { DELAYS } from './describe.ts';
import { useCheckInsI18n } from './use-check-ins-i18n.ts';

export interface ScheduleValues {
  deadline: string;
  weekdays: number[];
  delay: string;
}

export function ScheduleFields({ form, values, onValues }: { form: FormState; values: ScheduleValues; onValues: (v: ScheduleValues) => void }) {
  const { c, locale } = useCheckInsI18n();
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return (
    <>
      <TextField form={form} name="deadline" type="time" label={c('enrol.deadline')} hint={c('enrol.deadlineHint')} value={values.deadline} onValue={(deadline) => onValues({ ...values, deadline })} />
      <CheckboxGroup
        form={form}
        name="weekdays"
        legend={c('enrol.weekdays')}
        hint={c('enrol.weekdaysHint')}
        inline
        value={values.weekdays}
        onValue={(weekdays) => onValues({ ...values, weekdays })}
        options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(tag, d) }))}
      />
      <SelectField
        form={form}
        name="escalationMinutes"
        label={c('enrol.delay')}
        hint={c('enrol.delayHint')}
        value={values.delay}
        onValue={(delay) => onValues({ ...values, delay })}
        options={DELAYS.map((m) => ({ value: String(m), label: m < 60 || m % 60 !== 0 ? c('enrol.delay.option', { minutes: m }) : c('enrol.delay.hours', { hours: m / 60 }) }))}
      />
    </>
  );
}

export function checkSchedule(values: ScheduleValues, c: ReturnType<typeof useCheckInsI18n>['c']): Record<string, string | undefined> {
  return {
    deadline: /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(values.deadline) ? undefined : c('enrol.required'),
    weekdays: values.weekdays.length > 0 ? undefined : c('enrol.weekdaysHint'),
  };
}

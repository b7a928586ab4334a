/** @module Radio and checkbox groups: a fieldset whose legend names the question, with hint and error tied to it. */
import type { ComponentChildren } from 'preact';
import { useI18n } from './i18n.tsx';
import type { FormState } from './use-form.ts';

interface GroupProps {
  form: FormState;
  name: string;
  legend: string;
  hint?: string;
  /** Lays the choices out on one wrapping line (weekdays, short options). */
  inline?: boolean;
}

function GroupFrame({ form, name, legend, hint, inline, children }: GroupProps & { children: ComponentChildren }) {
  const { t } = useI18n();
  const error = form.errors[name];
  const id = form.fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    // The error summary links here (#id): tabIndex lets the link move focus to the group.
    <fieldset id={id} tabIndex={-1} class={error ? 'choices field-invalid' : 'choices'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? <p class="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          <span class="error-prefix">{t('error.prefix')}</span> {error}
        </p>
      ) : null}
      <div class={inline ? 'choice-list choice-list-inline' : 'choice-list'}>{children}</div>
    </fieldset>
  );
}

interface Option<V> {
  value: V;
  label: string;
}

export function RadioGroup<V extends string>(props: GroupProps & { value: V; onValue: (value: V) => void; options: readonly Option<V>[] }) {
  const { form, name, value, onValue, options } = props;
  return (
    <GroupFrame {...props}>
      {options.map((option) => {
        const id = `${form.fieldId(name)}-${option.value}`;
        return (
          <div class="choice" key={option.value}>
            <input type="radio" id={id} name={form.fieldId(name)} value={option.value} checked={value === option.value} onChange={() => onValue(option.value)} />
            <label for={id}>{option.label}</label>
          </div>
        );
      })}
    </GroupFrame>
  );
}

export function CheckboxGroup<V extends string | number>(
  props: GroupProps & { value: readonly V[]; onValue: (value: V[]) => void; options: readonly Option<V>[] },
) {
  const { form, name, value, onValue, options } = props;
  const toggle = (choice: V, on: boolean) => {
    const next = on ? [...value, choice] : value.filter((v) => v !== choice);
    // Keep the options' order whatever the clicking order.
    onValue(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <GroupFrame {...props}>
      {options.map((option) => {
        const id = `${form.fieldId(name)}-${String(option.value)}`;
        return (
          <div class="choice" key={String(option.value)}>
            <input type="checkbox" id={id} checked={value.includes(option.value)} onChange={(event) => toggle(option.value, event.currentTarget.checked)} />
            <label for={id}>{option.label}</label>
          </div>
        );
      })}
    </GroupFrame>
  );
}

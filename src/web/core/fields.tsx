/** @module Labelled form controls whose hint and error are tied to the control with aria-describedby. */
import type { ComponentChildren } from 'preact';
import { useI18n } from './i18n.tsx';
import type { FormState } from './use-form.ts';

interface BaseProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
}

function describedBy(form: FormState, name: string, hint?: string): string | undefined {
  const ids = [hint ? `${form.fieldId(name)}-hint` : '', form.errors[name] ? `${form.fieldId(name)}-error` : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

function FieldFrame({ form, name, label, hint, optional, children }: BaseProps & { children: ComponentChildren }) {
  const { t } = useI18n();
  const error = form.errors[name];
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={form.fieldId(name)}>
        {label}
        {optional ? <span class="field-optional"> {t('form.optionalMark')}</span> : null}
      </label>
      {hint ? <p class="field-hint" id={`${form.fieldId(name)}-hint`}>{hint}</p> : null}
      {error ? (
        <p class="field-error" id={`${form.fieldId(name)}-error`}>
          <span class="error-prefix">{t('error.prefix')}</span> {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

interface TextProps extends BaseProps {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'number' | 'date' | 'time';
  autoComplete?: string;
  multiline?: boolean;
  readOnly?: boolean;
  inputMode?: 'text' | 'decimal' | 'numeric';
  min?: string;
  max?: string;
  step?: string;
}

export function TextField(props: TextProps) {
  const { form, name, value, onValue, type = 'text', autoComplete, multiline, optional, inputMode, min, max, step } = props;
  const common = {
    id: form.fieldId(name),
    name,
    value,
    required: !optional,
    'aria-invalid': form.errors[name] ? ('true' as const) : undefined,
    'aria-describedby': describedBy(form, name, props.hint),
    onInput: (event: Event) => onValue((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <FieldFrame {...props}>
      {multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} min={min} max={max} step={step} />
      )}
    </FieldFrame>
  );
}

interface SelectProps<V extends string> extends BaseProps {
  value: V;
  onValue: (value: V) => void;
  options: readonly { value: V; label: string }[];
}

export function SelectField<V extends string>(props: SelectProps<V>) {
  const { form, name, value, onValue, options } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={form.fieldId(name)}
        name={name}
        value={value}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
        onChange={(event) => onValue(event.currentTarget.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Lists the errors of the last submission; role=alert makes screen readers read it at once. */
export function FormErrors({ form }: { form: FormState }) {
  const { tp } = useI18n();
  const fieldErrors = Object.entries(form.errors);
  if (fieldErrors.length === 0 && !form.formError) return null;
  return (
    <div class="error-summary" role="alert">
      {form.formError ? <p>{form.formError}</p> : null}
      {fieldErrors.length > 0 ? (
        <>
          <p>{tp('form.errors', fieldErrors.length)}</p>
          <ul>
            {fieldErrors.map(([name, message]) => (
              <li key={name}>
                <a href={`#${form.fieldId(name)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function SubmitButton({ form, label }: { form: FormState; label: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" class="button button-primary" aria-disabled={form.busy ? 'true' : undefined}>
      {form.busy ? t('form.busy') : label}
    </button>
  );
}

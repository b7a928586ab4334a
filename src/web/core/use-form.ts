/**
 * @module Form state: field errors (client checks and server problem+json), a form-level error, and a busy flag.
 * A form is idempotent while it waits: a second submit (double click, Enter pressed again on a slow network) is
 * ignored until the answer comes, and every attempt carries an idempotency key kept until one succeeds.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { newIdempotencyKey } from './api.ts';
import { toApiError, type ApiError } from './api-error.ts';
import { describeApiError } from './error-message.ts';
import { useI18n } from './i18n.tsx';

export type FieldErrors = Record<string, string>;

/** Where to show a server error: on a field of this form, or for the whole form. */
export interface Placement {
  field?: string;
  message: string;
}

export interface SubmitPlan {
  /** Client-side checks; any entry stops the submission. */
  validate?: () => FieldErrors;
  /** The write; routes that accept `idempotencyKey` get `attempt.idempotencyKey`, the same until an attempt succeeds. */
  action: (attempt: { idempotencyKey: string }) => Promise<void>;
  /** Custom wording for known server answers; return null to use the generic message. */
  explain?: (error: ApiError) => Placement | null;
}

export interface FormState {
  errors: FieldErrors;
  formError: string;
  busy: boolean;
  fieldId: (name: string) => string;
  submit: (event: Event, plan: SubmitPlan) => void;
  clear: () => void;
}

/** `idPrefix` keeps field ids unique when a page holds several forms. */
export function useForm(idPrefix: string, fieldNames: readonly string[]): FormState {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  // Refs, not state: two submit events may arrive before the busy render (a double click on a slow phone).
  const pending = useRef(false);
  const key = useRef<string | null>(null);
  const fieldId = useCallback((name: string) => `${idPrefix}-${name}`, [idPrefix]);
  const clear = useCallback(() => {
    setErrors({});
    setFormError('');
  }, []);

  const submit = (event: Event, plan: SubmitPlan) => {
    event.preventDefault();
    if (pending.current) return;
    const found = plan.validate?.() ?? {};
    setErrors(found);
    setFormError('');
    if (Object.keys(found).length > 0) return;
    pending.current = true;
    setBusy(true);
    key.current ??= newIdempotencyKey();
    plan
      .action({ idempotencyKey: key.current })
      .then(() => {
        key.current = null;
      })
      .catch((caught: unknown) => {
        const error = toApiError(caught);
        const placement = plan.explain?.(error) ?? { field: error.field, message: describeApiError(error, t) };
        if (placement.field && fieldNames.includes(placement.field)) setErrors({ [placement.field]: placement.message });
        else setFormError(placement.message);
      })
      .finally(() => {
        pending.current = false;
        setBusy(false);
      });
  };

  return { errors, formError, busy, fieldId, submit, clear };
}

/** Common client checks; returns the message key's text or nothing. */
export function checkEmail(value: string, t: (key: 'form.required' | 'form.emailInvalid') => string): string | undefined {
  if (value.trim() === '') return t('form.required');
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? undefined : t('form.emailInvalid');
}

export function checkPassword(value: string, t: (key: 'form.required' | 'form.passwordTooShort') => string): string | undefined {
  if (value === '') return t('form.required');
  return value.length >= 10 ? undefined : t('form.passwordTooShort');
}

/** Drops undefined entries so only real errors remain. */
export function onlyErrors(candidates: Record<string, string | undefined>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, message] of Object.entries(candidates)) if (message) errors[name] = message;
  return errors;
}

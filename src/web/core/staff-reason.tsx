/**
 * @module A staff read of personal data starts with its reason: pick a usual one or type another, then show. The reason
 * travels with the read (`?reason=`) and the server records it in the audit log; changing it reads again.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FormErrors, SelectField, SubmitButton, TextField } from './fields.tsx';
import { useI18n } from './i18n.tsx';
import { onlyErrors, useForm } from './use-form.ts';

const USUAL = ['staffReason.usual.pending', 'staffReason.usual.request', 'staffReason.usual.check'] as const;
type Choice = (typeof USUAL)[number] | 'other';

/** Appends the stated reason to an API path (which may already carry a query). */
export const withReason = (path: string, reason: string) => `${path}${path.includes('?') ? '&' : '?'}reason=${encodeURIComponent(reason)}`;

/** Shows `children(reason)` once a reason is given; `id` keeps the form's field ids unique on the page. */
export function StaffReasonGate({ id, children }: { id: string; children: (reason: string) => ComponentChildren }) {
  const { t } = useI18n();
  const form = useForm(`staff-reason-${id}`, ['choice', 'other']);
  const [choice, setChoice] = useState<Choice>(USUAL[0]);
  const [other, setOther] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  if (reason !== null) {
    return (
      <>
        <p class="meta">
          {t('staffReason.stated', { reason })}{' '}
          <button type="button" class="button button-quiet button-small" onClick={() => setReason(null)}>
            {t('staffReason.change')}
          </button>
        </p>
        {children(reason)}
      </>
    );
  }
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ other: choice === 'other' && other.trim().length < 5 ? t('form.reasonTooShort') : undefined }),
      action: async () => setReason(choice === 'other' ? other.trim() : t(choice)),
    });
  return (
    <form class="panel" onSubmit={onSubmit} noValidate>
      <p>{t('staffReason.intro')}</p>
      <FormErrors form={form} />
      <SelectField
        form={form}
        name="choice"
        label={t('staffReason.label')}
        value={choice}
        onValue={setChoice}
        options={[...USUAL.map((key) => ({ value: key, label: t(key) })), { value: 'other' as const, label: t('staffReason.other') }]}
      />
      {choice === 'other' ? <TextField form={form} name="other" label={t('staffReason.otherLabel')} hint={t('staffReason.otherHint')} value={other} onValue={setOther} autoComplete="off" /> : null}
      <SubmitButton form={form} label={t('staffReason.show')} />
    </form>
  );
}

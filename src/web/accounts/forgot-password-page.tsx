/** @module Asks for a password-reset e-mail; the answer is the same whether the account exists or not. */
import { useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { SuccessNotice } from '../core/status.tsx';
import { checkEmail, onlyErrors, useForm } from '../core/use-form.ts';

const FIELDS = ['email'] as const;

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const form = useForm('forgot', FIELDS);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState('');

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ email: checkEmail(email, t) }),
      action: async () => {
        await callApi('POST', '/auth/password-reset', { body: { email: email.trim() } });
        setSentTo(email.trim());
      },
    });

  return (
    <section class="page page-narrow">
      <PageHeading title={t('forgot.title')} />
      <p>{t('forgot.intro')}</p>
      {sentTo ? <SuccessNotice message={t('forgot.sent', { email: sentTo })} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="email" type="email" label={t('field.email')} value={email} onValue={setEmail} autoComplete="email" />
        <SubmitButton form={form} label={t('forgot.submit')} />
      </form>
    </section>
  );
}

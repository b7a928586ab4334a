/** @module Deletes the account after the password and an explicit confirmation. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { useI18n } from '../core/i18n.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';

const FIELDS = ['password', 'confirm'] as const;

export function DeleteAccountForm({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { setMe } = useSession();
  const { route } = useLocation();
  const form = useForm('delete-account', FIELDS);
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const confirmError = form.errors['confirm'];

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          password: password === '' ? t('form.required') : undefined,
          confirm: confirmed ? undefined : t('account.deleteMustConfirm'),
        }),
      action: async () => {
        await callApi('DELETE', '/me', { body: { password } });
        setMe(null);
        announce(t('account.deleted'));
        route(paths.home(slug));
      },
      explain: (error) => {
        if (error.code === 'rate_limited') return { field: 'password', message: t('account.tooManyAttempts') };
        return error.field === 'password' || error.code === 'unauthenticated' || error.code === 'forbidden'
          ? { field: 'password', message: t('account.wrongPassword') }
          : null;
      },
    });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="delete-title" class="danger-zone">
      <h2 id="delete-title">{t('account.delete')}</h2>
      <p>{t('account.deleteIntro')}</p>
      <FormErrors form={form} />
      <TextField form={form} name="password" type="password" label={t('field.password')} value={password} onValue={setPassword} autoComplete="current-password" />
      <div class={confirmError ? 'field field-check field-invalid' : 'field field-check'}>
        {confirmError ? (
          <p class="field-error" id={`${form.fieldId('confirm')}-error`}>
            <span class="error-prefix">{t('error.prefix')}</span> {confirmError}
          </p>
        ) : null}
        <input
          type="checkbox"
          id={form.fieldId('confirm')}
          checked={confirmed}
          aria-invalid={confirmError ? 'true' : undefined}
          aria-describedby={confirmError ? `${form.fieldId('confirm')}-error` : undefined}
          onChange={(event) => setConfirmed(event.currentTarget.checked)}
        />
        <label for={form.fieldId('confirm')}>{t('account.deleteConfirm')}</label>
      </div>
      <SubmitButton form={form} label={t('account.deleteSubmit')} />
    </form>
  );
}

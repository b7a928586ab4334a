/** @module Sets a new password from the e-mailed link /reinitialiser?token=… */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi } from '../core/api.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { ErrorNotice, SuccessNotice } from '../core/status.tsx';
import { checkPassword, onlyErrors, useForm } from '../core/use-form.ts';
import { useDefaultTerritorySlug } from '../territories/load-territory.ts';

const FIELDS = ['password'] as const;

export function ResetPasswordPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const token = query['token'] ?? '';
  const slug = useDefaultTerritorySlug();
  const form = useForm('reset', FIELDS);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [badToken, setBadToken] = useState(token === '');

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ password: checkPassword(password, t) }),
      action: async () => {
        await callApi('POST', '/auth/password-reset/confirm', { body: { token, password } });
        setDone(true);
      },
      explain: (error) => {
        if (error.code !== 'invalid' || error.field !== 'token') return null;
        setBadToken(true);
        return { message: t('reset.badToken') };
      },
    });

  const requestNew = slug ? <a href={paths.forgotPassword(slug)}>{t('reset.requestNew')}</a> : null;
  return (
    <section class="page page-narrow">
      <PageHeading title={t('reset.title')} />
      {done ? (
        <>
          <SuccessNotice message={t('reset.done')} />
          {slug ? <p><a href={paths.signIn(slug)}>{t('signIn.submit')}</a></p> : null}
        </>
      ) : token === '' ? (
        <>
          <ErrorNotice message={t('reset.missingToken')} />
          <p>{requestNew}</p>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <FormErrors form={form} />
          {badToken ? <p>{requestNew}</p> : null}
          <TextField form={form} name="password" type="password" label={t('field.newPassword')} hint={t('field.passwordHint')} value={password} onValue={setPassword} autoComplete="new-password" />
          <SubmitButton form={form} label={t('reset.submit')} />
        </form>
      )}
    </section>
  );
}

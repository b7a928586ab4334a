/** @module Sign-in with e-mail and password; the server answers the same 401 for unknown e-mail and wrong password. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi } from '../core/api.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import type { Me } from '../core/types.ts';
import { checkEmail, onlyErrors, useForm } from '../core/use-form.ts';
import { useFinishSignIn } from './use-finish-sign-in.ts';

const FIELDS = ['email', 'password'] as const;

export function SignInPage({ territory: slug }: { territory: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const finish = useFinishSignIn(slug);
  const form = useForm('sign-in', FIELDS);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          email: checkEmail(email, t),
          password: password === '' ? t('form.required') : undefined,
        }),
      action: async () => {
        const me = await callApi<Me>('POST', '/auth/sign-in', { body: { email: email.trim(), password } });
        finish(me, t('signIn.title'));
      },
      explain: (error) => (error.code === 'unauthenticated' ? { message: t('signIn.failed') } : null),
    });

  return (
    <section class="page page-narrow">
      <PageHeading title={t('signIn.title')} />
      {query['retour'] ? <p>{t('auth.required')}</p> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="email" type="email" label={t('field.email')} value={email} onValue={setEmail} autoComplete="email" />
        <TextField form={form} name="password" type="password" label={t('field.password')} value={password} onValue={setPassword} autoComplete="current-password" />
        <SubmitButton form={form} label={t('signIn.submit')} />
      </form>
      <p>
        <a href={paths.forgotPassword(slug)}>{t('signIn.forgot')}</a>
      </p>
      <p>
        {t('signIn.noAccount')} <a href={paths.signUp(slug, query['retour'])}>{t('signIn.createAccount')}</a>
      </p>
    </section>
  );
}

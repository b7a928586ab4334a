/** @module Sign-up: display name, e-mail and password, in the territory of the route. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi } from '../core/api.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import type { Me } from '../core/types.ts';
import { checkEmail, checkPassword, onlyErrors, useForm } from '../core/use-form.ts';
import { useTerritory } from '../territories/load-territory.ts';
import { useFinishSignIn } from './use-finish-sign-in.ts';

const FIELDS = ['displayName', 'email', 'password'] as const;

export function SignUpPage({ territory: slug }: { territory: string }) {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const { territory } = useTerritory(slug);
  const finish = useFinishSignIn(slug);
  const form = useForm('sign-up', FIELDS);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          displayName: displayName.trim() === '' ? t('form.required') : undefined,
          email: checkEmail(email, t),
          password: checkPassword(password, t),
        }),
      action: async () => {
        const body = { displayName: displayName.trim(), email: email.trim(), password, territory: slug, locale };
        const me = await callApi<Me>('POST', '/auth/sign-up', { body });
        // The address gets its verification link; the reminder stays on every page until it is opened.
        finish(me, t('signUp.checkMail', { email: me.email }));
      },
      explain: (error) => (error.code === 'conflict' ? { field: 'email', message: t('signUp.emailTaken') } : null),
    });

  return (
    <section class="page page-narrow">
      <PageHeading title={t('signUp.title')} />
      {territory ? <p>{t('signUp.intro', { territory: territory.name })}</p> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="displayName" label={t('field.displayName')} hint={t('field.displayNameHint')} value={displayName} onValue={setDisplayName} autoComplete="nickname" />
        <TextField form={form} name="email" type="email" label={t('field.email')} value={email} onValue={setEmail} autoComplete="email" />
        <TextField form={form} name="password" type="password" label={t('field.password')} hint={t('field.passwordHint')} value={password} onValue={setPassword} autoComplete="new-password" />
        <SubmitButton form={form} label={t('signUp.submit')} />
      </form>
      <p>
        {t('signUp.haveAccount')} <a href={paths.signIn(slug, query['retour'])}>{t('signIn.submit')}</a>
      </p>
    </section>
  );
}

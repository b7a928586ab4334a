/** @module My address on the account page: whether it is verified, the one waiting for its link, and changing it (with the password). */
import { useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { useI18n } from '../core/i18n.tsx';
import { useSession } from '../core/session.tsx';
import { SuccessNotice } from '../core/status.tsx';
import type { Me } from '../core/types.ts';
import { checkEmail, onlyErrors, useForm } from '../core/use-form.ts';

const FIELDS = ['email', 'password'] as const;

export function EmailForm({ me }: { me: Me }) {
  const { t } = useI18n();
  const { setMe } = useSession();
  const form = useForm('email-change', FIELDS);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState<string | null>(null);

  const onSubmit = (event: Event) => {
    setSent(null);
    form.submit(event, {
      validate: () => onlyErrors({ email: checkEmail(email, t), password: password === '' ? t('form.required') : undefined }),
      action: async () => {
        const next = await callApi<Me>('POST', '/me/email', { body: { email: email.trim(), password } });
        setMe(next);
        setPassword('');
        const message = t('email.changeSent', { email: next.pendingEmail ?? email.trim() });
        setSent(message);
        announce(message);
      },
      explain: (error) => {
        if (error.code === 'conflict') return { field: 'email', message: t('signUp.emailTaken') };
        if (error.field === 'password') return { field: 'password', message: t('account.wrongPassword') };
        if (error.code === 'rate_limited') return { message: t('account.tooManyAttempts') };
        return null;
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="email-title">
      <h2 id="email-title">{t('email.title')}</h2>
      <p>
        {t('account.email', { email: me.email })} — {me.emailVerified ? t('email.verified') : t('email.unverified')}
      </p>
      {me.pendingEmail ? <p>{t('email.pending', { email: me.pendingEmail })}</p> : null}
      <p>{t('email.changeIntro')}</p>
      <FormErrors form={form} />
      {sent ? <SuccessNotice message={sent} /> : null}
      <TextField form={form} name="email" type="email" label={t('email.new')} value={email} onValue={setEmail} autoComplete="email" />
      <TextField form={form} name="password" type="password" label={t('field.password')} value={password} onValue={setPassword} autoComplete="current-password" />
      <SubmitButton form={form} label={t('email.submit')} />
    </form>
  );
}

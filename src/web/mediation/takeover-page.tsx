/** @module /t/:territory/reprendre-mon-compte — an assisted resident enters the printed code, an e-mail and a password: the account becomes theirs and they are signed in. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import type { Me } from '../core/types.ts';
import { checkEmail, checkPassword, onlyErrors, useForm } from '../core/use-form.ts';
import { useMediationI18n } from './use-mediation-i18n.ts';
import { mediationReason } from './types.ts';

export function TakeoverPage({ territory: slug }: { territory: string }) {
  const { d, t } = useMediationI18n();
  const { setMe } = useSession();
  const { route } = useLocation();
  const form = useForm('takeover', ['code', 'email', 'password']);
  const [code, setCode] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          code: code.trim() ? undefined : t('form.required'),
          email: checkEmail(email, t),
          password: checkPassword(password, t),
        }),
      action: async () => {
        const me = await callApi<Me>('POST', territoryPath(slug, '/mediation/takeover'), { body: { code: code.trim(), email: email.trim(), password } });
        setMe(me);
        announce(d('takeover.done'));
        route(paths.account(slug));
      },
      explain: (error) => {
        if (mediationReason(error) === 'code_invalid') return { field: 'code', message: d('takeover.badCode') };
        if (error.code === 'conflict') return { field: 'email', message: d('takeover.emailTaken') };
        if (mediationReason(error) === 'staff_session') return { message: d('takeover.staffSession') };
        return null;
      },
    });
  return (
    <div class="page">
      <PageHeading title={d('takeover.title')} />
      <p>{d('takeover.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="code" label={d('takeover.code')} hint={d('takeover.codeHint')} value={code} onValue={setCode} autoComplete="one-time-code" />
        <TextField form={form} name="email" type="email" label={d('takeover.email')} value={email} onValue={setEmail} autoComplete="email" />
        <TextField form={form} name="password" type="password" label={d('takeover.password')} value={password} onValue={setPassword} autoComplete="new-password" />
        <SubmitButton form={form} label={d('takeover.submit')} />
      </form>
    </div>
  );
}

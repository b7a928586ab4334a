/** @module On the notifications page: when to also get notifications by e-mail (immediately, daily or weekly digest, never). */
import { useEffect, useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { RadioGroup } from '../core/choice-fields.tsx';
import { FormErrors, SubmitButton } from '../core/fields.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useForm } from '../core/use-form.ts';
import type { NotificationPreferences } from '../notifications/types.ts';
import { useModerationI18n } from './use-moderation-i18n.ts';

type Preferences = NotificationPreferences;
type Choice = Preferences['email'];

export function EmailPreferenceForm() {
  const { s, formatDate } = useModerationI18n();
  const prefs = useFetch<Preferences>('/notifications/preferences');
  const form = useForm('email-preference', ['email']);
  const [choice, setChoice] = useState<Choice>('immediately');
  useEffect(() => {
    if (prefs.data) setChoice(prefs.data.email);
  }, [prefs.data]);
  const onSubmit = (event: Event) =>
    form.submit(event, {
      action: async () => {
        prefs.setData(await callApi<Preferences>('PUT', '/notifications/preferences', { body: { email: choice } }));
        announce(s('prefs.saved'));
      },
    });
  return (
    <section aria-labelledby="email-preference-title">
      <h2 id="email-preference-title">{s('prefs.title')}</h2>
      {prefs.error ? <ErrorNotice error={prefs.error} /> : null}
      {!prefs.data && !prefs.error ? <Loading /> : null}
      {prefs.data && !prefs.data.hasEmail ? <p>{s('prefs.noEmail')}</p> : null}
      {prefs.data?.hasEmail ? (
        <form onSubmit={onSubmit} noValidate>
          <p>{s('prefs.intro')}</p>
          <FormErrors form={form} />
          <RadioGroup
            form={form}
            name="email"
            legend={s('prefs.legend')}
            value={choice}
            onValue={setChoice}
            options={(['immediately', 'daily', 'weekly', 'never'] as const).map((value) => ({ value, label: s(`prefs.${value}`) }))}
          />
          {prefs.data.lastDigestAt ? <p class="meta">{s('prefs.lastDigest', { date: formatDate(prefs.data.lastDigestAt) })}</p> : null}
          <SubmitButton form={form} label={s('prefs.save')} />
        </form>
      ) : null}
    </section>
  );
}

/** @module Edits the display name and the language (saved on the account and applied to the interface). */
import { useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { useI18n } from '../core/i18n.tsx';
import { useSession } from '../core/session.tsx';
import { SuccessNotice } from '../core/status.tsx';
import type { Me } from '../core/types.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { translate, type Locale } from '../i18n/translate.ts';

const FIELDS = ['displayName', 'locale'] as const;

export function ProfileForm({ me }: { me: Me }) {
  const { t, locale: uiLocale, setLocale } = useI18n();
  const { setMe } = useSession();
  const form = useForm('profile', FIELDS);
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocaleField] = useState<Locale>(me.locale ?? uiLocale);
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: Event) => {
    setSaved(false);
    form.submit(event, {
      validate: () => onlyErrors({ displayName: displayName.trim() === '' ? t('form.required') : undefined }),
      action: async () => {
        const next = await callApi<Me>('PATCH', '/me', { body: { displayName: displayName.trim(), locale } });
        setMe(next);
        setLocale(locale);
        setSaved(true);
        announce(translate(locale, 'account.saved'));
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">{t('account.profile')}</h2>
      <p>{t('account.number', { id: me.id })}</p>
      <FormErrors form={form} />
      {saved ? <SuccessNotice message={t('account.saved')} /> : null}
      <TextField form={form} name="displayName" label={t('field.displayName')} value={displayName} onValue={setDisplayName} autoComplete="nickname" />
      <SelectField
        form={form}
        name="locale"
        label={t('field.locale')}
        value={locale}
        onValue={setLocaleField}
        options={[
          { value: 'fr', label: t('locale.fr') },
          { value: 'en', label: t('locale.en') },
        ]}
      />
      <SubmitButton form={form} label={t('account.save')} />
    </form>
  );
}

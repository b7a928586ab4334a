/** @module Signatures entered for someone else: a mediator with the consent form's reference, an organiser with a paper sheet's. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { Engagement } from './types.ts';

type Mode = 'mediator' | 'offline';

/** One form for both: the resident's number and a reference; a mediator may also show the person's name. */
export function SignForForm({ slug, engagement, mode, onSigned }: { slug: string; engagement: Engagement; mode: Mode; onSigned: () => void }) {
  const { m } = useMobilityI18n();
  const refField = mode === 'mediator' ? 'consentRef' : 'reference';
  const form = useForm(mode === 'mediator' ? 'sign-for' : 'offline', ['userId', refField]);
  const [userId, setUserId] = useState('');
  const [reference, setReference] = useState('');
  const [publicName, setPublicName] = useState(false);
  const key = mode === 'mediator' ? 'signFor' : 'offline';
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          userId: /^[0-9]{1,18}$/.test(userId.trim()) ? undefined : m('engagement.signFor.userIdInvalid'),
          [refField]: reference.trim() === '' ? m(mode === 'mediator' ? 'engagement.signFor.consentRefRequired' : 'engagement.offline.referenceRequired') : undefined,
        }),
      action: async () => {
        const path = territoryPath(slug, `/commitments/${encodeURIComponent(engagement.id)}/${mode === 'mediator' ? 'sign-for' : 'offline-signatures'}`);
        const body = mode === 'mediator' ? { userId: userId.trim(), consentRef: reference.trim(), publicName } : { userId: userId.trim(), reference: reference.trim() };
        await callApi('POST', path, { body });
        announce(m(mode === 'mediator' ? 'engagement.signFor.done' : 'engagement.offline.done'));
        setUserId('');
        setReference('');
        setPublicName(false);
        onSigned();
      },
      explain: (error) => (error.reason === 'already_signed' ? { field: 'userId', message: m('engagement.signFor.already') } : null),
    });
  return (
    <section aria-labelledby={`${key}-title`}>
      <h2 id={`${key}-title`}>{m(mode === 'mediator' ? 'engagement.signFor.title' : 'engagement.offline.title')}</h2>
      <p>{m(mode === 'mediator' ? 'engagement.signFor.intro' : 'engagement.offline.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="userId" label={m('engagement.signFor.userId')} hint={m('engagement.signFor.userIdHint')} value={userId} onValue={setUserId} inputMode="numeric" autoComplete="off" />
        <TextField
          form={form}
          name={refField}
          label={m(mode === 'mediator' ? 'engagement.signFor.consentRef' : 'engagement.offline.reference')}
          value={reference}
          onValue={setReference}
          autoComplete="off"
        />
        {mode === 'mediator' ? (
          <div class="choice">
            <input id={form.fieldId('publicName')} type="checkbox" checked={publicName} onChange={(event) => setPublicName(event.currentTarget.checked)} />
            <label for={form.fieldId('publicName')}>{m('engagement.signFor.publicName')}</label>
          </div>
        ) : null}
        <SubmitButton form={form} label={m(mode === 'mediator' ? 'engagement.signFor.submit' : 'engagement.offline.submit')} />
      </form>
    </section>
  );
}

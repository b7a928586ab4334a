/**
 * @module Signatures collected on paper, entered for someone by an organiser with the sheet's reference. A mediator signs
 * for an assisted person with the ordinary sign button, inside a session for them (the consent is the account's).
 */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { engagementReason, type Engagement } from './types.ts';

/** The resident's number and the paper sheet's reference. */
export function SignForForm({ slug, engagement, onSigned }: { slug: string; engagement: Engagement; onSigned: () => void }) {
  const { m } = useMobilityI18n();
  const form = useForm('offline', ['userId', 'reference']);
  const [userId, setUserId] = useState('');
  const [reference, setReference] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          userId: /^[0-9]{1,18}$/.test(userId.trim()) ? undefined : m('engagement.signFor.userIdInvalid'),
          reference: reference.trim() === '' ? m('engagement.offline.referenceRequired') : undefined,
        }),
      action: async () => {
        const path = territoryPath(slug, `/commitments/${encodeURIComponent(engagement.id)}/offline-signatures`);
        await callApi('POST', path, { body: { userId: userId.trim(), reference: reference.trim() } });
        announce(m('engagement.offline.done'));
        setUserId('');
        setReference('');
        onSigned();
      },
      explain: (error) => (engagementReason(error) === 'already_signed' ? { field: 'userId', message: m('engagement.signFor.already') } : null),
    });
  return (
    <section aria-labelledby="offline-title">
      <h2 id="offline-title">{m('engagement.offline.title')}</h2>
      <p>{m('engagement.offline.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="userId" label={m('engagement.signFor.userId')} hint={m('engagement.signFor.userIdHint')} value={userId} onValue={setUserId} inputMode="numeric" autoComplete="off" />
        <TextField form={form} name="reference" label={m('engagement.offline.reference')} value={reference} onValue={setReference} autoComplete="off" />
        <SubmitButton form={form} label={m('engagement.offline.submit')} />
      </form>
    </section>
  );
}

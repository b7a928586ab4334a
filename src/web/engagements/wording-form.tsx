/** @module The creator corrects a commitment's wording while nobody has signed it; the server refuses once someone has. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { engagementReason, type Engagement } from './types.ts';

export function WordingForm({ slug, engagement, onSaved }: { slug: string; engagement: Engagement; onSaved: () => void }) {
  const { m } = useMobilityI18n();
  const form = useForm('wording', ['wording']);
  const [wording, setWording] = useState(engagement.wording);
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ wording: wording.trim() ? undefined : m('engagementNew.wordingRequired') }),
      action: async () => {
        await callApi('PATCH', territoryPath(slug, `/commitments/${encodeURIComponent(engagement.id)}`), { body: { wording } });
        announce(m('engagement.wording.saved'));
        onSaved();
      },
      explain: (error) => (engagementReason(error) === 'wording_frozen' ? { field: 'wording', message: m('engagement.wording.frozen') } : null),
    });
  return (
    <details class="panel">
      <summary>{m('engagement.wording.title')}</summary>
      <p class="meta">{m('engagement.wording.hint')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="wording" label={m('engagementNew.wording')} value={wording} onValue={setWording} multiline />
        <SubmitButton form={form} label={m('engagement.wording.submit')} />
      </form>
    </details>
  );
}

/** @module Answering an alert: "I am calling / going by" or "all is well", with an optional practical note (never health details). */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, TextField } from '../core/fields.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { checkInApi } from './paths.ts';
import type { Alert } from './types.ts';
import { useCheckInsI18n } from './use-check-ins-i18n.ts';

export function AcknowledgeForm({ slug, alert, onDone }: { slug: string; alert: Alert; onDone: () => void }) {
  const { c } = useCheckInsI18n();
  const form = useForm(`ack-${alert.id}`, ['note']);
  const [note, setNote] = useState('');
  const send = (event: Event, action: 'on_my_way' | 'all_well') =>
    form.submit(event, {
      validate: () => onlyErrors({ note: note.trim().length > 200 ? c('referent.noteHint') : undefined }),
      action: async () => {
        await callApi('POST', territoryPath(slug, checkInApi.acknowledge(alert.id)), { body: { action, ...(note.trim() ? { note: note.trim() } : {}) } });
        announce(c(action === 'all_well' ? 'referent.resolvedDone' : 'referent.acknowledged'));
        setNote('');
        onDone();
      },
    });
  return (
    <form onSubmit={(event) => send(event, 'on_my_way')} noValidate>
      <FormErrors form={form} />
      <TextField form={form} name="note" label={c('referent.note')} hint={c('referent.noteHint')} value={note} onValue={setNote} optional autoComplete="off" />
      <div class="big-actions">
        <button type="submit" class="button button-primary" aria-disabled={form.busy ? 'true' : undefined}>
          {c('referent.onMyWay')}
        </button>
        <button type="button" class="button" onClick={(event) => send(event, 'all_well')}>
          {c('referent.allWell')}
        </button>
      </div>
    </form>
  );
}

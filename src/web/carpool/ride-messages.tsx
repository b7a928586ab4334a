/** @module The small message thread of a ride: only its two people see it, and no phone or e-mail is ever shared. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { ReportButton } from '../moderation/report-button.tsx';
import type { Message } from './types.ts';

/** `version` changes when the ride changed elsewhere (a live event): the thread is read again. */
export function RideMessages({ slug, base, rideId, version = 0 }: { slug: string; base: string; rideId: string; version?: number }) {
  const { m, formatDate } = useMobilityI18n();
  const messages = useFetch<{ items: Message[] }>(`${base}/messages`);
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    messages.reload();
  }, [version, messages.reload]);
  const form = useForm(`messages-${rideId}`, ['body']);
  const [body, setBody] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ body: body.trim() ? undefined : m('messages.empty') }),
      action: async () => {
        await callApi('POST', `${base}/messages`, { body: { body: body.trim() } });
        setBody('');
        announce(m('messages.sent'));
        messages.reload();
      },
    });
  return (
    <section class="messages" aria-labelledby={`messages-title-${rideId}`}>
      <h4 id={`messages-title-${rideId}`}>{m('messages.title')}</h4>
      <p class="meta">{m('messages.privacy')}</p>
      {messages.error ? <ErrorNotice error={messages.error} /> : null}
      {!messages.data && !messages.error ? <Loading /> : null}
      {messages.data?.items.length === 0 ? <p>{m('messages.none')}</p> : null}
      <ol class="message-list">
        {(messages.data?.items ?? []).map((message) => (
          <li key={message.id} class={message.mine ? 'message message-mine' : 'message'}>
            <p class="meta">
              {message.mine ? m('messages.you') : message.sender} · {formatDate(message.createdAt)}
            </p>
            <p class="message-body">{message.body}</p>
            {message.mine ? null : <ReportButton slug={slug} subjectType="carpool_message" subjectId={message.id} what={message.sender} onReported={() => messages.reload()} />}
          </li>
        ))}
      </ol>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="body" multiline label={m('messages.label')} value={body} onValue={setBody} />
        <SubmitButton form={form} label={m('messages.send')} />
      </form>
    </section>
  );
}

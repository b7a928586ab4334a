/**
 * @module The open reports grouped by subject (what, why, how many, hidden or not; never who reported), each with a
 * keep / remove decision and its reason. Used by the operators' page and inside a community page for its organisers.
 * Reading it is a staff read of personal data: it starts with the reader's reason (audited); a private message's text
 * is read only on request.
 */
import { useState } from 'preact/hooks';
import { callApi, getApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { RadioGroup } from '../core/choice-fields.tsx';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { paths } from '../core/paths.ts';
import { StaffReasonGate, withReason } from '../core/staff-reason.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { REPORT_REASONS as REASONS, type Queue, type QueueItem, type ReportedContent } from './types.ts';
import { moderationApi, useModerationI18n } from './use-moderation-i18n.ts';

/** Asks the staff member's reason, then loads the queue (optionally of one community) and lists it; `headingLevel` fits the page it sits in. */
export function ModerationQueue(props: { slug: string; communityId?: string; headingLevel?: 2 | 3; intro?: boolean }) {
  return <StaffReasonGate id={`queue-${props.communityId ?? 'all'}`}>{(reason) => <QueueList {...props} reason={reason} />}</StaffReasonGate>;
}

function QueueList({ slug, communityId, headingLevel = 2, intro = false, reason }: { slug: string; communityId?: string; headingLevel?: 2 | 3; intro?: boolean; reason: string }) {
  const { s } = useModerationI18n();
  const queue = useFetch<Queue>(withReason(moderationApi.queue(slug, communityId), reason));
  if (queue.error) return queue.error.code === 'forbidden' ? <p>{s('queue.forbidden')}</p> : <ErrorNotice error={queue.error} />;
  if (!queue.data) return <Loading />;
  return (
    <div class="moderation-queue">
      {intro ? <p>{queue.data.scope === 'operator' ? s('queue.intro', { count: queue.data.hideAfter }) : s('queue.introOrganiser')}</p> : null}
      {queue.data.items.length === 0 ? <p data-testid="queue-empty">{s('queue.none')}</p> : null}
      <ul class="cards">
        {queue.data.items.map((item) => (
          <QueueCard key={`${item.subjectType}:${item.subjectId}`} slug={slug} item={item} reason={reason} headingLevel={headingLevel} onDecided={queue.reload} />
        ))}
      </ul>
    </div>
  );
}

function QueueCard({ slug, item, reason, headingLevel, onDecided }: { slug: string; item: QueueItem; reason: string; headingLevel: 2 | 3; onDecided: () => void }) {
  const { s, sp, formatDate } = useModerationI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const link = item.subjectType === 'community' ? paths.community(slug, item.subjectId) : null;
  return (
    <li class="card" data-testid={`queue-${item.subjectType}-${item.subjectId}`}>
      <Heading class="card-title">
        {s(`subject.${item.subjectType}`)} : {item.label || s(item.private ? 'queue.privateLabel' : 'queue.noLabel')}
      </Heading>
      {item.private ? <PrivateText slug={slug} item={item} reason={reason} /> : null}
      <p class="badges">
        <span class="badge">{sp('queue.reports', item.reports)}</span>
        {item.hideable ? (
          <span class={item.hidden ? 'badge badge-pending' : 'badge'}>{s(item.hidden ? 'queue.hidden' : 'queue.visible')}</span>
        ) : (
          <span class="badge">{s('queue.person')}</span>
        )}
      </p>
      <p class="card-text">
        {s('queue.reasons')} :{' '}
        {REASONS.filter((r) => item.reasons[r])
          .map((r) => `${s(`report.reason.${r}`)} (${item.reasons[r]})`)
          .join(', ')}
      </p>
      {item.comments.length > 0 ? (
        <details>
          <summary>{s('queue.comments')}</summary>
          <ul>
            {item.comments.map((c, i) => (
              <li key={i}>
                {c.comment} <span class="meta">· {formatDate(c.at)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p class="meta">{s('queue.firstReported', { date: formatDate(item.firstReportedAt) })}</p>
      {link ? (
        <p>
          <a href={link}>{s('queue.open')}</a>
        </p>
      ) : null}
      <DecisionForm slug={slug} item={item} onDecided={onDecided} />
    </li>
  );
}

/** Private words are not in the queue: an operator reads them on request, with the reason already stated (audited again). */
function PrivateText({ slug, item, reason }: { slug: string; item: QueueItem; reason: string }) {
  const { s } = useModerationI18n();
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const read = async () => {
    try {
      setText((await getApi<ReportedContent>(withReason(moderationApi.content(slug, item.subjectType, item.subjectId), reason))).text);
    } catch {
      setFailed(true);
    }
  };
  if (text !== null) return <blockquote class="card-text">{text}</blockquote>;
  return (
    <p class="card-text">
      {s('queue.privateIntro')}{' '}
      <button type="button" class="button button-small" onClick={() => void read()}>
        {s('queue.privateRead')}
      </button>
      {failed ? <span role="alert"> {s('queue.privateFailed')}</span> : null}
    </p>
  );
}

function DecisionForm({ slug, item, onDecided }: { slug: string; item: QueueItem; onDecided: () => void }) {
  const { s } = useModerationI18n();
  const form = useForm(`decide-${item.subjectType}-${item.subjectId}`, ['decision', 'reason']);
  const [decision, setDecision] = useState<'keep' | 'remove'>(item.hidden ? 'remove' : 'keep');
  const [reason, setReason] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ reason: reason.trim() ? undefined : s('queue.reasonRequired') }),
      action: async () => {
        await callApi('POST', moderationApi.reviews(slug), { body: { subjectType: item.subjectType, subjectId: item.subjectId, decision, reason: reason.trim() } });
        announce(s(decision === 'keep' ? 'queue.decided.keep' : 'queue.decided.remove'));
        onDecided();
      },
    });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <RadioGroup
        form={form}
        name="decision"
        legend={s('queue.decision')}
        value={decision}
        onValue={setDecision}
        options={[
          { value: 'keep', label: s('queue.keep') },
          { value: 'remove', label: s(item.hideable ? 'queue.remove' : 'queue.removeUser') },
        ]}
      />
      <TextField form={form} name="reason" multiline label={s('queue.reason')} value={reason} onValue={setReason} />
      <SubmitButton form={form} label={s('queue.decide')} />
    </form>
  );
}

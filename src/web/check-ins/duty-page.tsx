/**
 * @module /t/:territory/bonjour/permanence — mediators, operators and admins on duty: alerts passed on because no referent
 * answered in time (and only those), to answer; a history read with a stated reason (audited). A mediator notes a phone
 * check-in or enrols an assisted person only inside a session for them: the page points to the mediation desk.
 */
import { useState } from 'preact/hooks';
import { getApi, territoryPath } from '../core/api.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { StaffReasonGate, withReason } from '../core/staff-reason.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { mediationPaths } from '../mediation/paths.ts';
import { AcknowledgeForm } from './acknowledge-form.tsx';
import { AlertDetails, HistoryView } from './history-view.tsx';
import { checkInApi } from './paths.ts';
import type { DutyItem, History } from './types.ts';
import { useCheckInsI18n } from './use-check-ins-i18n.ts';
import './check-ins.css';

function HistoryWithReason({ slug, item }: { slug: string; item: DutyItem }) {
  const i18n = useCheckInsI18n();
  const { c } = i18n;
  const form = useForm(`reason-${item.id}`, ['reason']);
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<History | null>(null);
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ reason: reason.trim().length >= 5 ? undefined : c('form.reasonTooShort') }),
      action: async () => setHistory(await getApi<History>(territoryPath(slug, checkInApi.history(item.enrolmentId, reason.trim())))),
    });
  return (
    <details class="panel">
      <summary>{c('duty.history')}</summary>
      <p>{c('duty.historyIntro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="reason" label={c('duty.reason')} hint={c('duty.reasonHint')} value={reason} onValue={setReason} autoComplete="off" />
        <SubmitButton form={form} label={c('duty.show')} />
      </form>
      {history ? <HistoryView i18n={i18n} history={history} headingLevel={3} /> : null}
    </details>
  );
}

function DutyCard({ slug, item, onChanged }: { slug: string; item: DutyItem; onChanged: () => void }) {
  const i18n = useCheckInsI18n();
  const { c, day, time } = i18n;
  const names = item.referents.map((r) => r.displayName ?? '').join(', ');
  return (
    <li class={item.resolvedAt ? 'card' : 'card alert-card-escalated alert-card'}>
      <h3 class="card-title">{c('duty.resident', { name: item.resident.displayName ?? '', id: item.resident.userId })}</h3>
      <p class="card-text">{c('referent.alert', { date: day(item.date), time: time(item.deadlineAt) })}</p>
      {item.resident.commune ? <p class="card-text meta">{c('duty.commune', { name: item.resident.commune })}</p> : null}
      <p class="card-text meta">{item.referents.length ? c('duty.referents', { names }) : c('duty.noReferents')}</p>
      <AlertDetails i18n={i18n} alert={item} />
      {item.resolvedAt ? null : <AcknowledgeForm slug={slug} alert={item} onDone={onChanged} />}
      <HistoryWithReason slug={slug} item={item} />
    </li>
  );
}

/** Acting for someone happens in a session opened from the mediation desk, with their recorded consent. */
function ForAssisted({ slug }: { slug: string }) {
  const { c } = useCheckInsI18n();
  return (
    <section aria-labelledby="for-assisted-title">
      <h2 id="for-assisted-title">{c('duty.phone')}</h2>
      <p>{c('duty.phoneIntro')}</p>
      <p>
        <a href={mediationPaths.mediation(slug)}>{c('duty.phoneLink')}</a>
      </p>
    </section>
  );
}

export function DutyPage({ territory: slug }: { territory: string }) {
  const { c } = useCheckInsI18n();
  const { me } = useSession();
  if (me === null) return <SignInRequired slug={slug} title={c('duty.title')} />;
  if (me === undefined) return <Loading />;
  const roles = me.territories.find((t) => t.slug === slug)?.roles ?? [];
  return (
    <div class="page page-narrow">
      <PageHeading title={c('duty.title')} />
      <p class="lead">{c('duty.intro')}</p>
      <StaffReasonGate id="duty">{(reason) => <DutyList slug={slug} reason={reason} />}</StaffReasonGate>
      {roles.includes('mediator') ? <ForAssisted slug={slug} /> : null}
    </div>
  );
}

/** The alerts passed on, read with the stated reason (names, communes and notes are personal data: the read is audited). */
function DutyList({ slug, reason }: { slug: string; reason: string }) {
  const { c } = useCheckInsI18n();
  const duty = useFetch<{ items: DutyItem[] }>(withReason(territoryPath(slug, checkInApi.duty), reason));
  if (duty.error) return <ErrorNotice error={duty.error} />;
  if (!duty.data) return <Loading />;
  const open = duty.data.items.filter((i) => !i.resolvedAt);
  const closed = duty.data.items.filter((i) => i.resolvedAt);
  return (
    <>
      <h2>{c('duty.open')}</h2>
      {open.length === 0 ? <p>{c('duty.none')}</p> : null}
      <ul class="cards">
        {open.map((item) => (
          <DutyCard key={item.id} slug={slug} item={item} onChanged={duty.reload} />
        ))}
      </ul>
      {closed.length > 0 ? (
        <>
          <h2>{c('duty.closed')}</h2>
          <ul class="cards">
            {closed.map((item) => (
              <DutyCard key={item.id} slug={slug} item={item} onChanged={duty.reload} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

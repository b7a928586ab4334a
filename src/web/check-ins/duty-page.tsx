/**
 * @module /t/:territory/bonjour/permanence — mediators, operators and admins on duty: alerts passed on because no referent
 * answered in time (and only those), to answer; a history read with a stated reason (audited); a mediator notes a phone
 * check-in or enrols someone without a smartphone, with the reference of their consent.
 */
import { useState } from 'preact/hooks';
import { callApi, getApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { AcknowledgeForm } from './acknowledge-form.tsx';
import { AlertDetails, HistoryView } from './history-view.tsx';
import { checkInApi } from './paths.ts';
import { checkSchedule, ScheduleFields, type ScheduleValues } from './schedule-fields.tsx';
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
      validate: () => onlyErrors({ reason: reason.trim().length >= 5 ? undefined : c('duty.reasonRequired') }),
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

function PhoneForm({ slug }: { slug: string }) {
  const { c } = useCheckInsI18n();
  const form = useForm('phone', ['userId']);
  const [userId, setUserId] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ userId: /^[0-9]{1,18}$/.test(userId.trim()) ? undefined : c('duty.userIdInvalid') }),
      action: async () => {
        await callApi('POST', territoryPath(slug, checkInApi.phone(userId.trim())));
        announce(c('duty.phoneDone'));
        setUserId('');
      },
      explain: (error) => (error.reason === 'no_consent' ? { field: 'userId', message: c('duty.phoneNoConsent') } : null),
    });
  return (
    <section aria-labelledby="phone-title">
      <h2 id="phone-title">{c('duty.phone')}</h2>
      <p>{c('duty.phoneIntro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="userId" label={c('duty.phoneUser')} value={userId} onValue={setUserId} inputMode="numeric" autoComplete="off" />
        <SubmitButton form={form} label={c('duty.phoneSubmit')} />
      </form>
    </section>
  );
}

function EnrolForForm({ slug }: { slug: string }) {
  const { c } = useCheckInsI18n();
  const form = useForm('enrol-for', ['userId', 'deadline', 'weekdays', 'escalationMinutes', 'referents', 'consentRef']);
  const [userId, setUserId] = useState('');
  const [values, setValues] = useState<ScheduleValues>({ deadline: '10:00', weekdays: [1, 2, 3, 4, 5, 6, 7], delay: '60' });
  const [referents, setReferents] = useState('');
  const [consentRef, setConsentRef] = useState('');
  const list = () => referents.split(/[\s,;]+/).filter(Boolean);
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          userId: /^[0-9]{1,18}$/.test(userId.trim()) ? undefined : c('duty.userIdInvalid'),
          ...checkSchedule(values, c),
          referents: list().length > 0 ? undefined : c('enrol.referentsRequired'),
          consentRef: consentRef.trim() ? undefined : c('duty.consentRef'),
        }),
      action: async () => {
        await callApi('POST', territoryPath(slug, checkInApi.enrolFor(userId.trim())), {
          body: { deadline: values.deadline, weekdays: values.weekdays, escalationMinutes: Number(values.delay), referents: list(), consentRef: consentRef.trim() },
        });
        announce(c('duty.enrolForDone'));
        setUserId('');
        setReferents('');
        setConsentRef('');
      },
    });
  return (
    <details class="panel">
      <summary>{c('duty.enrolFor')}</summary>
      <p>{c('duty.enrolForIntro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="userId" label={c('duty.phoneUser')} value={userId} onValue={setUserId} inputMode="numeric" autoComplete="off" />
        <ScheduleFields form={form} values={values} onValues={setValues} />
        <TextField form={form} name="referents" label={c('bonjour.referents')} hint={c('enrol.referentHint')} value={referents} onValue={setReferents} autoComplete="off" />
        <TextField form={form} name="consentRef" label={c('duty.consentRef')} value={consentRef} onValue={setConsentRef} autoComplete="off" />
        <SubmitButton form={form} label={c('duty.enrolForSubmit')} />
      </form>
    </details>
  );
}

export function DutyPage({ territory: slug }: { territory: string }) {
  const { c } = useCheckInsI18n();
  const { me } = useSession();
  const duty = useFetch<{ items: DutyItem[] }>(me ? territoryPath(slug, checkInApi.duty) : null);
  if (me === null) return <SignInRequired slug={slug} title={c('duty.title')} />;
  if (me === undefined || (!duty.data && !duty.error)) return <Loading />;
  const roles = me.territories.find((t) => t.slug === slug)?.roles ?? [];
  const items = duty.data?.items ?? [];
  const open = items.filter((i) => !i.resolvedAt);
  const closed = items.filter((i) => i.resolvedAt);
  return (
    <div class="page page-narrow">
      <PageHeading title={c('duty.title')} />
      <p class="lead">{c('duty.intro')}</p>
      {duty.error ? <ErrorNotice error={duty.error} /> : null}
      {duty.data ? (
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
      ) : null}
      {roles.includes('mediator') ? (
        <>
          <PhoneForm slug={slug} />
          <EnrolForForm slug={slug} />
        </>
      ) : null}
    </div>
  );
}

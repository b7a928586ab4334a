/**
 * @module /t/:territory/bonjour/inscription — join the daily hello (time, days, delay, one to three referents by Maille
 * number or e-mail), or, once joined, change the settings, invite or remove referents, and leave (erasing the history).
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import type { ApiError } from '../core/api-error.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm, type Placement } from '../core/use-form.ts';
import type { CheckInKey } from '../i18n/check-ins-fr.ts';
import { currentActing } from '../mediation/acting-store.ts';
import { checkInApi, checkInPaths } from './paths.ts';
import { checkSchedule, ScheduleFields, type ScheduleValues } from './schedule-fields.tsx';
import { checkInReason, type CheckInReason, type Enrolment, type MyCheckIns } from './types.ts';
import { useCheckInsI18n } from './use-check-ins-i18n.ts';
import './check-ins.css';

const REFERENT_REASONS = ['referent_unknown', 'referent_self', 'referent_duplicate', 'referent_count', 'already_enrolled'] as const satisfies readonly CheckInReason[];
type ReferentReason = (typeof REFERENT_REASONS)[number];
const isReferentReason = (reason: string): reason is ReferentReason => (REFERENT_REASONS as readonly string[]).includes(reason);

/** Known refusals about referents, in the page's words, next to the referents. */
function explainReferent(c: (key: CheckInKey) => string, field: string) {
  return (error: ApiError): Placement | null => {
    const reason = checkInReason(error);
    return isReferentReason(reason) ? { field: reason === 'already_enrolled' ? '' : field, message: c(`enrol.error.${reason}`) } : null;
  };
}

function JoinForm({ slug, onJoined }: { slug: string; onJoined: () => void }) {
  const { c } = useCheckInsI18n();
  const form = useForm('enrol', ['deadline', 'weekdays', 'escalationMinutes', 'referents']);
  // A mediator acting for the resident: the server keeps the consent reference recorded with the account.
  const acting = currentActing() !== null;
  const [values, setValues] = useState<ScheduleValues>({ deadline: '10:00', weekdays: [1, 2, 3, 4, 5, 6, 7], delay: '60' });
  const [referents, setReferents] = useState(['', '', '']);
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          ...checkSchedule(values, c),
          referents: referents.some((r) => r.trim() !== '') ? undefined : c('enrol.referentsRequired'),
        }),
      action: async () => {
        await callApi('POST', territoryPath(slug, checkInApi.enrolment), {
          body: { deadline: values.deadline, weekdays: values.weekdays, escalationMinutes: Number(values.delay), referents: referents.map((r) => r.trim()).filter(Boolean) },
        });
        announce(c('enrol.done'));
        onJoined();
      },
      explain: explainReferent(c, 'referents'),
    });
  const referentError = form.errors.referents;
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <ScheduleFields form={form} values={values} onValues={setValues} />
      <fieldset id={form.fieldId('referents')} tabIndex={-1} class={referentError ? 'choices field-invalid' : 'choices'} aria-describedby={referentError ? `${form.fieldId('referents')}-error` : undefined}>
        <legend>{c('bonjour.referents')}</legend>
        {referentError ? (
          <p class="field-error" id={`${form.fieldId('referents')}-error`}>
            {referentError}
          </p>
        ) : null}
        {referents.map((value, i) => (
          <TextField
            key={i}
            form={form}
            name={`referent${i + 1}`}
            label={c('enrol.referent', { n: i + 1 })}
            hint={i === 0 ? c('enrol.referentHint') : undefined}
            value={value}
            optional={i > 0}
            autoComplete="off"
            onValue={(v) => setReferents(referents.map((r, j) => (j === i ? v : r)))}
          />
        ))}
      </fieldset>
      {acting ? <p>{c('enrol.acting')}</p> : null}
      <p class="meta">{c('enrol.noHealth')}</p>
      <SubmitButton form={form} label={c('enrol.submit')} />
    </form>
  );
}

function SettingsForm({ slug, enrolment, onSaved }: { slug: string; enrolment: Enrolment; onSaved: () => void }) {
  const { c } = useCheckInsI18n();
  const form = useForm('settings', ['deadline', 'weekdays', 'escalationMinutes']);
  const [values, setValues] = useState<ScheduleValues>({ deadline: enrolment.deadline, weekdays: enrolment.weekdays, delay: String(enrolment.escalationMinutes) });
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors(checkSchedule(values, c)),
      action: async () => {
        await callApi('PATCH', territoryPath(slug, checkInApi.enrolment), { body: { deadline: values.deadline, weekdays: values.weekdays, escalationMinutes: Number(values.delay) } });
        announce(c('enrol.saved'));
        onSaved();
      },
    });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <ScheduleFields form={form} values={values} onValues={setValues} />
      <SubmitButton form={form} label={c('enrol.save')} />
    </form>
  );
}

function Referents({ slug, enrolment, onChanged }: { slug: string; enrolment: Enrolment; onChanged: () => void }) {
  const { c } = useCheckInsI18n();
  const form = useForm('invite', ['referent']);
  const [referent, setReferent] = useState('');
  const remove = (userId: string) =>
    void callApi('DELETE', territoryPath(slug, checkInApi.referent(userId))).then(() => {
      announce(c('enrol.removed'));
      onChanged();
    });
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ referent: referent.trim() ? undefined : c('enrol.referentsRequired') }),
      action: async () => {
        await callApi('POST', territoryPath(slug, checkInApi.referents), { body: { referent: referent.trim() } });
        announce(c('enrol.invited'));
        setReferent('');
        onChanged();
      },
      explain: explainReferent(c, 'referent'),
    });
  const current = enrolment.referents.filter((r) => r.status !== 'declined');
  return (
    <section aria-labelledby="referents-title">
      <h2 id="referents-title">{c('bonjour.referents')}</h2>
      <ul class="referent-list">
        {enrolment.referents.map((r) => (
          <li key={r.userId}>
            <span class="member-name">{r.displayName}</span>
            <span class={r.status === 'active' ? 'badge' : 'badge badge-pending'}>{c(`bonjour.referent.${r.status}`)}</span>
            <span class="member-actions">
              <button type="button" class="button button-small" onClick={() => remove(r.userId)}>
                {c('enrol.remove', { name: r.displayName ?? '' })}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {current.length < 3 ? (
        <form onSubmit={onSubmit} noValidate>
          <FormErrors form={form} />
          <TextField form={form} name="referent" label={c('enrol.invite')} hint={c('enrol.referentHint')} value={referent} onValue={setReferent} autoComplete="off" />
          <SubmitButton form={form} label={c('enrol.inviteSubmit')} />
        </form>
      ) : null}
    </section>
  );
}

function Leave({ slug, onLeft }: { slug: string; onLeft: () => void }) {
  const { c } = useCheckInsI18n();
  const [confirming, setConfirming] = useState(false);
  const leave = () =>
    void callApi('DELETE', territoryPath(slug, checkInApi.enrolment)).then(() => {
      announce(c('enrol.left'));
      onLeft();
    });
  return (
    <section class="danger-zone" aria-labelledby="leave-title">
      <h2 id="leave-title">{c('enrol.leave')}</h2>
      <p>{c('enrol.leaveHint')}</p>
      {confirming ? (
        <button type="button" class="button button-danger" onClick={leave}>
          {c('enrol.leaveConfirm')}
        </button>
      ) : (
        <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>
          {c('enrol.leave')}
        </button>
      )}
    </section>
  );
}

export function EnrolmentPage({ territory: slug }: { territory: string }) {
  const { c } = useCheckInsI18n();
  const { me } = useSession();
  const { route } = useLocation();
  const mine = useFetch<MyCheckIns>(me ? territoryPath(slug, checkInApi.me) : null);
  if (me === null) return <SignInRequired slug={slug} title={c('enrol.title')} />;
  if (me === undefined || (!mine.data && !mine.error)) return <Loading />;
  const enrolment = mine.data?.enrolment ?? null;
  return (
    <div class="page page-narrow">
      <PageHeading title={c(enrolment ? 'enrol.editTitle' : 'enrol.title')} />
      {mine.error ? <ErrorNotice error={mine.error} /> : null}
      <p class="actions">
        <a href={checkInPaths.bonjour(slug)}>{c('enrol.back')}</a>
      </p>
      {enrolment ? null : <p class="lead">{c('enrol.intro')}</p>}
      {mine.data && !enrolment ? <JoinForm slug={slug} onJoined={() => route(checkInPaths.bonjour(slug))} /> : null}
      {enrolment ? (
        <>
          <SettingsForm key={enrolment.id} slug={slug} enrolment={enrolment} onSaved={mine.reload} />
          <Referents slug={slug} enrolment={enrolment} onChanged={mine.reload} />
          <Leave slug={slug} onLeft={() => route(checkInPaths.bonjour(slug))} />
        </>
      ) : null}
    </div>
  );
}

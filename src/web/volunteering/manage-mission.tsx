/** @module The managers' panel on a mission page: edit and submit a draft, cancel or complete, and answer applications (accept, refuse with a reason, cancel, attendance). */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import type { VolunteeringKey } from '../i18n/volunteering-fr.ts';
import { MissionForm } from './mission-form.tsx';
import { volunteeringApi } from './paths.ts';
import type { Application, MissionView } from './types.ts';
import { useVolunteeringI18n } from './use-volunteering-i18n.ts';

/** A button calling one write, with its error shown next to it. */
function useAction() {
  const { t } = useVolunteeringI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = (call: () => Promise<unknown>, done: () => void) => {
    if (busy) return;
    setBusy(true);
    setError('');
    call()
      .then(done)
      .catch((caught: unknown) => setError(describeApiError(toApiError(caught), t)))
      .finally(() => setBusy(false));
  };
  return { busy, error, run };
}

/** A reason then a confirm button (refuse, cancel, send back). */
export function ReasonForm({ idPrefix, label, hint, submit, onReason }: { idPrefix: string; label: string; hint?: string; submit: string; onReason: (reason: string) => Promise<void> }) {
  const { t } = useVolunteeringI18n();
  const form = useForm(idPrefix, ['reason']);
  const [reason, setReason] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ reason: reason.trim() === '' ? t('form.required') : undefined }),
      action: () => onReason(reason.trim()),
      explain: (error) => (error.field === '/reason' ? { field: 'reason', message: error.detail } : null),
    });
  return (
    <form onSubmit={onSubmit} noValidate class="inline-form">
      <FormErrors form={form} />
      <TextField form={form} name="reason" label={label} {...(hint ? { hint } : {})} value={reason} onValue={setReason} />
      <SubmitButton form={form} label={submit} />
    </form>
  );
}

export function ManageMission({ slug, mission, onChange }: { slug: string; mission: MissionView; onChange: () => void }) {
  const { v, vp } = useVolunteeringI18n();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [done, setDone] = useState('');
  const action = useAction();
  const post = (path: string, body?: unknown) => callApi<{ notified?: number }>('POST', territoryPath(slug, path), body === undefined ? {} : { body });
  const say = (message: string) => {
    setDone(message);
    announce(message);
    onChange();
  };
  return (
    <section class="manage-panel" aria-labelledby="manage-title">
      <h2 id="manage-title">{v('manage.title')}</h2>
      <p>{v('manage.status', { status: v(`mission.status.${mission.status}`) })}</p>
      {mission.returnedReason && mission.status === 'draft' ? <p class="notice notice-info">{v('manage.returned', { reason: mission.returnedReason })}</p> : null}
      {mission.status === 'awaiting_validation' ? <p>{v('manage.awaiting')}</p> : null}
      {done ? <SuccessNotice message={done} /> : null}
      {action.error ? <ErrorNotice message={action.error} /> : null}
      <p class="actions">
        {mission.status === 'draft' ? (
          <>
            <button type="button" class="button button-primary" onClick={() => action.run(() => post(volunteeringApi.submit(mission.id)), () => say(v('manage.submitted')))}>
              {v('manage.submit')}
            </button>
            <button type="button" class="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {v('manage.edit')}
            </button>
          </>
        ) : null}
        {mission.status === 'published' ? (
          <button type="button" class="button" onClick={() => action.run(() => post(volunteeringApi.complete(mission.id)), () => say(v('manage.completed')))}>
            {v('manage.complete')}
          </button>
        ) : null}
        {['draft', 'awaiting_validation', 'published'].includes(mission.status) ? (
          <button type="button" class="button button-danger" aria-expanded={cancelling} onClick={() => setCancelling(!cancelling)}>
            {v('manage.cancel')}
          </button>
        ) : null}
      </p>
      {cancelling ? (
        <ReasonForm
          idPrefix="cancel-mission"
          label={v('manage.cancelReason')}
          hint={v('manage.cancelHint')}
          submit={v('manage.cancelSubmit')}
          onReason={async (reason) => {
            const answer = await post(volunteeringApi.cancelMission(mission.id), { reason });
            setCancelling(false);
            say(vp('manage.cancelledDone', answer.notified ?? 0));
          }}
        />
      ) : null}
      {editing ? (
        <>
          <h3>{v('manage.editTitle')}</h3>
          <MissionForm
            slug={slug}
            mission={mission}
            idPrefix="edit-mission"
            onSaved={() => {
              setEditing(false);
              say(v('manage.saved'));
            }}
          />
        </>
      ) : null}
      {['published', 'completed', 'cancelled'].includes(mission.status) ? <Applications slug={slug} mission={mission} onChange={onChange} /> : null}
    </section>
  );
}

function Applications({ slug, mission, onChange }: { slug: string; mission: MissionView; onChange: () => void }) {
  const { v } = useVolunteeringI18n();
  const list = useFetch<{ items: Application[] }>(territoryPath(slug, volunteeringApi.participations(mission.id)));
  const refresh = () => {
    list.reload();
    onChange();
  };
  return (
    <section aria-labelledby="applications-title">
      <h3 id="applications-title">{v('applications.title')}</h3>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{v('applications.none')}</p> : null}
      <ul class="application-list">
        {(list.data?.items ?? []).map((a) => (
          <ApplicationItem key={a.id} slug={slug} a={a} missionOpen={mission.status === 'published' || mission.status === 'completed'} onChange={refresh} />
        ))}
      </ul>
    </section>
  );
}

function ApplicationItem({ slug, a, missionOpen, onChange }: { slug: string; a: Application; missionOpen: boolean; onChange: () => void }) {
  const { v, formatDate } = useVolunteeringI18n();
  const [refusing, setRefusing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const action = useAction();
  const name = a.volunteer?.displayName ?? v('applications.erased');
  const post = (path: string, body?: unknown) => callApi('POST', territoryPath(slug, path), body === undefined ? {} : { body });
  const done = (message: string) => () => {
    announce(message);
    onChange();
  };
  return (
    <li class="application" data-testid="application">
      <h4>{name}</h4>
      <p>
        <span class="badge">{v(`part.status.${a.status}`)}</span> <span class="meta">{v('applications.appliedOn', { date: formatDate(a.appliedAt) })}</span>
      </p>
      {a.position !== null ? <p>{v('applications.position', { position: a.position })}</p> : null}
      {a.message ? <p>{v('applications.message', { message: a.message })}</p> : null}
      {a.refusalReason ? <p class="meta">{v('applications.reason', { reason: a.refusalReason })}</p> : null}
      {a.status === 'cancelled' && a.cancelledBy ? <p class="meta">{v(`part.cancelledBy.${a.cancelledBy}` as VolunteeringKey)}</p> : null}
      {a.attendance ? <p>{v(`attendance.${a.attendance}`)}</p> : null}
      {action.error ? <ErrorNotice message={action.error} /> : null}
      {missionOpen ? (
        <p class="actions">
          {a.status === 'applied' ? (
            <button type="button" class="button button-primary button-small" onClick={() => action.run(() => post(volunteeringApi.accept(a.id)), done(v('applications.accepted', { name })))}>
              {v('applications.accept')}
            </button>
          ) : null}
          {a.status === 'applied' || a.status === 'waiting' ? (
            <button type="button" class="button button-small" aria-expanded={refusing} onClick={() => setRefusing(!refusing)}>
              {v('applications.refuse')}
            </button>
          ) : null}
          {a.status === 'accepted' ? (
            <>
              <button type="button" class="button button-small" aria-pressed={a.attendance === 'present'} onClick={() => action.run(() => post(volunteeringApi.attendance(a.id), { attendance: 'present' }), done(v('applications.attendanceSaved', { value: v('attendance.present') })))}>
                {v('attendance.present')}
              </button>
              <button type="button" class="button button-small" aria-pressed={a.attendance === 'absent'} onClick={() => action.run(() => post(volunteeringApi.attendance(a.id), { attendance: 'absent' }), done(v('applications.attendanceSaved', { value: v('attendance.absent') })))}>
                {v('attendance.absent')}
              </button>
              <button type="button" class="button button-small button-quiet" aria-expanded={removing} onClick={() => setRemoving(!removing)}>
                {v('applications.remove')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {refusing ? (
        <ReasonForm idPrefix={`refuse-${a.id}`} label={v('applications.refuseReason')} hint={v('applications.refuseHint')} submit={v('applications.refuseSubmit')} onReason={async (reason) => {
          await post(volunteeringApi.refuse(a.id), { reason });
          setRefusing(false);
          done(v('applications.refused'))();
        }} />
      ) : null}
      {removing ? (
        <ReasonForm idPrefix={`remove-${a.id}`} label={v('applications.removeReason')} submit={v('applications.removeSubmit')} onReason={async (reason) => {
          await post(volunteeringApi.cancelParticipation(a.id), { reason });
          setRemoving(false);
          done(v('applications.removed'))();
        }} />
      ) : null}
    </li>
  );
}

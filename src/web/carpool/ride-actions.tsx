/** @module What I can do with a ride: accept, confirm it happened ("Le trajet a eu lieu"), cancel with a reason, write. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { ErrorNotice } from '../core/status.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { NotAlone } from '../impact/not-alone.tsx';
import { RideMessages } from './ride-messages.tsx';
import type { ConfirmResult, Ride } from './types.ts';

export function RideActions({ slug, ride, onChange, withMessages = true }: { slug: string; ride: Ride; onChange: () => void; withMessages?: boolean }) {
  const { m, t } = useMobilityI18n();
  const base = territoryPath(slug, `/carpool/matches/${encodeURIComponent(ride.id)}`);
  const [panel, setPanel] = useState<'none' | 'cancel' | 'decline' | 'messages'>('none');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState<ConfirmResult | null>(null);

  const act = <T,>(work: () => Promise<T>, done: (result: T) => void, conflict: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    work()
      .then(done, (caught: unknown) => {
        const apiError = toApiError(caught);
        setError(apiError.code === 'conflict' ? conflict : describeApiError(apiError, t));
      })
      .finally(() => setBusy(false));
  };
  const accept = () =>
    act(
      () => callApi<{ status: string }>('POST', `${base}/accept`),
      () => {
        announce(m('ride.accepted'));
        onChange();
      },
      m('ride.acceptConflict'),
    );
  const confirm = () =>
    act(
      () => callApi<ConfirmResult>('POST', `${base}/confirm`),
      (result) => {
        setConfirmed(result);
        announce(m(result.counted ? 'ride.confirmed' : 'ride.confirmedHeld'));
        onChange();
      },
      m('ride.confirmConflict'),
    );

  const canAccept = ride.status === 'proposed' && !ride.acceptedByMe;
  const canConfirm = (ride.status === 'accepted' || ride.status === 'done') && !ride.confirmedByMe;
  // A ride proposed to me is declined; one I proposed or accepted is cancelled.
  const canDecline = canAccept;
  const canCancel = (ride.status === 'proposed' && ride.acceptedByMe) || ride.status === 'accepted';
  return (
    <div class="ride-actions">
      {confirmed ? (
        <div class="notice notice-success" role="status">
          <p>{m(confirmed.counted ? 'ride.confirmed' : 'ride.confirmedHeld')}</p>
          {confirmed.proofClass ? <p>{m(confirmed.proofClass === 'C' ? 'ride.proofC' : 'ride.proofB')}</p> : null}
          <NotAlone counts={confirmed.notAlone} />
        </div>
      ) : null}
      {error ? <ErrorNotice message={error} /> : null}
      <p class="actions">
        {canAccept ? (
          <button type="button" class="button button-primary button-small" aria-disabled={busy ? 'true' : undefined} onClick={accept}>
            {m('ride.accept')}
          </button>
        ) : null}
        {canConfirm ? (
          <button type="button" class="button button-primary button-small" aria-disabled={busy ? 'true' : undefined} onClick={confirm}>
            {m('ride.confirm')}
          </button>
        ) : null}
        {canDecline ? (
          <button type="button" class="button button-small" aria-expanded={panel === 'decline' ? 'true' : 'false'} onClick={() => setPanel(panel === 'decline' ? 'none' : 'decline')}>
            {m('ride.decline')}
          </button>
        ) : null}
        {canCancel ? (
          <button type="button" class="button button-small" aria-expanded={panel === 'cancel' ? 'true' : 'false'} onClick={() => setPanel(panel === 'cancel' ? 'none' : 'cancel')}>
            {m('ride.cancel')}
          </button>
        ) : null}
        {withMessages ? (
          <button type="button" class="button button-small button-quiet" aria-expanded={panel === 'messages' ? 'true' : 'false'} onClick={() => setPanel(panel === 'messages' ? 'none' : 'messages')}>
            {m('ride.messages')}
          </button>
        ) : null}
      </p>
      {panel === 'cancel' || panel === 'decline' ? <CancelForm base={base} rideId={ride.id} decline={panel === 'decline'} onDone={() => { setPanel('none'); onChange(); }} /> : null}
      {withMessages && panel === 'messages' ? <RideMessages slug={slug} base={base} rideId={ride.id} /> : null}
    </div>
  );
}

/** Cancelling needs a reason; declining a ride proposed to me takes one only if I give it. */
function CancelForm({ base, rideId, decline, onDone }: { base: string; rideId: string; decline: boolean; onDone: () => void }) {
  const { m } = useMobilityI18n();
  const form = useForm(`${decline ? 'decline' : 'cancel'}-${rideId}`, ['reason']);
  const [reason, setReason] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ reason: reason.trim().length >= 3 || (decline && reason.trim() === '') ? undefined : m('ride.reasonTooShort') }),
      action: async () => {
        const given = reason.trim();
        await callApi('POST', `${base}/${decline ? 'decline' : 'cancel'}`, { body: decline && !given ? {} : { reason: given } });
        announce(m(decline ? 'ride.declined' : 'ride.cancelled'));
        onDone();
      },
    });
  return (
    <form class="inline-form" onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <TextField form={form} name="reason" multiline label={m(decline ? 'ride.declineReason' : 'ride.reason')} hint={m('ride.reasonHint')} value={reason} onValue={setReason} optional={decline} />
      <SubmitButton form={form} label={m(decline ? 'ride.declineSubmit' : 'ride.cancelSubmit')} />
    </form>
  );
}

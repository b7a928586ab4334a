/** @module One assisted person on the mediator's desk: who, consent, and what the mediator can do (act for them, print a takeover code, record a withdrawal, erase the account on a signed request). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { mediationPaths } from './paths.ts';
import { type AssistedAccount, type MediationSession, mediationReason, type TakeoverCode as IssuedCode } from './types.ts';
import { useMediationI18n } from './use-mediation-i18n.ts';

interface Props {
  slug: string;
  account: AssistedAccount;
  onChanged: () => void;
  onStart: (session: MediationSession) => void;
}

export function AssistedItem({ slug, account, onChanged, onStart }: Props) {
  const { d, formatDate } = useMediationI18n();
  const name = account.displayName;
  return (
    <li class="assisted-item" data-testid="assisted-item">
      <h3>{name}</h3>
      <p>
        <span class="status-tag">{d(`mediation.status.${account.status}`)}</span>
      </p>
      <p>{d('mediation.list.number', { id: account.userId })}</p>
      {account.communeName ? <p>{d('mediation.list.commune', { name: account.communeName })}</p> : null}
      <p>{d('mediation.list.consent', { ref: account.consentRef, date: formatDate(account.consentAt) })}</p>
      {account.createdByName ? <p class="meta">{d('mediation.list.createdBy', { name: account.createdByName })}</p> : null}
      {account.status === 'active' ? (
        <div class="assisted-actions">
          <StartSession slug={slug} account={account} onStart={onStart} />
          <TakeoverCode slug={slug} account={account} />
          <Withdraw slug={slug} account={account} onChanged={onChanged} />
          <Erase slug={slug} account={account} onChanged={onChanged} />
        </div>
      ) : null}
      {account.status === 'withdrawn' ? (
        <div class="assisted-actions">
          <Erase slug={slug} account={account} onChanged={onChanged} />
        </div>
      ) : null}
    </li>
  );
}

function StartSession({ slug, account, onStart }: { slug: string; account: AssistedAccount; onStart: (session: MediationSession) => void }) {
  const { d } = useMediationI18n();
  const form = useForm(`session-${account.userId}`, ['reason']);
  const [reason, setReason] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ reason: reason.trim().length >= 5 ? undefined : d('form.reasonTooShort') }),
      action: async () => {
        const session = await callApi<MediationSession>('POST', territoryPath(slug, '/mediation/sessions'), { body: { residentId: account.userId, reason: reason.trim() } });
        onStart(session);
      },
      explain: (error) => (mediationReason(error) === 'no_consent' ? { message: d('mediation.session.noConsent') } : null),
    });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors form={form} />
      <TextField form={form} name="reason" label={d('mediation.session.reason', { name: account.displayName })} hint={d('mediation.session.reasonHint')} value={reason} onValue={setReason} autoComplete="off" />
      <SubmitButton form={form} label={d('mediation.session.start', { name: account.displayName })} />
    </form>
  );
}

function TakeoverCode({ slug, account }: { slug: string; account: AssistedAccount }) {
  const { d, formatDate } = useMediationI18n();
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState('');
  const issue = () => {
    setError('');
    callApi<IssuedCode>('POST', territoryPath(slug, `/mediation/assisted/${encodeURIComponent(account.userId)}/takeover-code`)).then(
      (answer) => {
        setIssued(answer);
        announce(d('mediation.code.value', { code: answer.code }));
      },
      () => setError(d('takeover.badCode')),
    );
  };
  const url = `${window.location.origin}${mediationPaths.takeover(slug)}`;
  return (
    <div>
      <button type="button" class="button" onClick={issue}>
        {d('mediation.code.issue', { name: account.displayName })}
      </button>
      {error ? <p class="notice notice-error" role="alert">{error}</p> : null}
      {issued ? (
        <div class="takeover-sheet" data-testid="takeover-sheet">
          <h4>{d('mediation.code.title', { name: account.displayName })}</h4>
          <p>
            {d('mediation.code.value', { code: '' })}
            <span class="takeover-code">{issued.code}</span>
          </p>
          <p>{d('mediation.code.until', { date: formatDate(issued.expiresAt) })}</p>
          <p>{d('mediation.code.where', { url })}</p>
          <button type="button" class="button no-print" onClick={() => window.print()}>
            {d('mediation.code.print')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function Withdraw({ slug, account, onChanged }: { slug: string; account: AssistedAccount; onChanged: () => void }) {
  const { d } = useMediationI18n();
  const [confirming, setConfirming] = useState(false);
  const confirm = () => {
    callApi('POST', territoryPath(slug, `/mediation/assisted/${encodeURIComponent(account.userId)}/withdraw-consent`), { body: {} }).then(
      () => {
        announce(d('mediation.withdraw.done', { name: account.displayName }));
        onChanged();
      },
      () => setConfirming(false),
    );
  };
  if (!confirming) {
    return (
      <div>
        <button type="button" class="button button-quiet" onClick={() => setConfirming(true)}>
          {d('mediation.withdraw', { name: account.displayName })}
        </button>
      </div>
    );
  }
  return (
    <div class="actions">
      <button type="button" class="button" onClick={confirm}>
        {d('mediation.withdraw.confirm', { name: account.displayName })}
      </button>
      <button type="button" class="button button-quiet" onClick={() => setConfirming(false)}>
        {d('action.cancel')}
      </button>
    </div>
  );
}

/**
 * Erasing an account the person never took over, on their signed paper request: a first button opens the step
 * with the request's reference (required) and an optional note, then a confirmation button; nothing is sent before.
 */
function Erase({ slug, account, onChanged }: { slug: string; account: AssistedAccount; onChanged: () => void }) {
  const { d } = useMediationI18n();
  const form = useForm(`erase-${account.userId}`, ['formRef', 'reason']);
  const [open, setOpen] = useState(false);
  const [formRef, setFormRef] = useState('');
  const [reason, setReason] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const fieldId = form.fieldId('formRef');
  useEffect(() => {
    if (open) document.getElementById(fieldId)?.focus();
  }, [open, fieldId]);
  const cancel = () => {
    form.clear();
    setOpen(false);
    window.setTimeout(() => opener.current?.focus(), 0);
  };
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ formRef: formRef.trim() ? undefined : d('mediation.erase.formRefMissing') }),
      action: async () => {
        const body = { formRef: formRef.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) };
        await callApi('POST', territoryPath(slug, `/mediation/assisted/${encodeURIComponent(account.userId)}/erasure`), { body });
        announce(d('mediation.erase.done', { name: account.displayName, ref: body.formRef }));
        // The person leaves the list: focus goes to the list's heading rather than to nothing.
        document.getElementById('assisted-title')?.focus();
        onChanged();
      },
      explain: (error) => (mediationReason(error) === 'taken_over' ? { message: d('mediation.erase.takenOver', { name: account.displayName }) } : null),
    });
  if (!open) {
    return (
      <div>
        <button type="button" class="button button-quiet" ref={opener} onClick={() => setOpen(true)}>
          {d('mediation.erase')}
          <span class="visually-hidden"> ({account.displayName})</span>
        </button>
      </div>
    );
  }
  return (
    <form class="erase-step" onSubmit={onSubmit} noValidate aria-labelledby={`erase-${account.userId}-title`}>
      <h4 id={`erase-${account.userId}-title`}>{d('mediation.erase.title', { name: account.displayName })}</h4>
      <p>{d('mediation.erase.explain')}</p>
      <FormErrors form={form} />
      <TextField form={form} name="formRef" label={d('mediation.erase.formRef')} hint={d('mediation.erase.formRefHint')} value={formRef} onValue={setFormRef} autoComplete="off" />
      <TextField form={form} name="reason" optional label={d('mediation.erase.reason')} value={reason} onValue={setReason} autoComplete="off" />
      <div class="actions">
        <SubmitButton form={form} label={d('mediation.erase.confirm', { name: account.displayName })} />
        <button type="button" class="button button-quiet" onClick={cancel}>
          {d('action.cancel')}
        </button>
      </div>
    </form>
  );
}

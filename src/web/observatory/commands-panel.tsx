/**
 * @module Commands to equipment: commanders send one (a command, the things of the right type, a parameter, a
 * reason; one idempotency key per submission until it succeeds) and approve or refuse a sensitive one someone else
 * asked; operators read the list, each command's status in words and each thing's answer.
 */
import { useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { toApiError, type ApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useAction } from '../core/use-action.ts';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { observatoryApi } from './paths.ts';
import type { Command, CommandList, CommandName, Thing } from './types.ts';
import { useObservatoryI18n } from './use-observatory-i18n.ts';
import { useVisibleRefresh } from './use-visible-refresh.ts';
import { COMMAND_FORM, COMMAND_ORDER } from './words.ts';

const FIELDS = ['command', 'thingIds', 'param', 'reason'] as const;

function CommandForm({ slug, things, onSent }: { slug: string; things: readonly Thing[] | undefined; onSent: () => void }) {
  const { o, t, locale } = useObservatoryI18n();
  const form = useForm('obs-command', [...FIELDS, 'params']);
  const [command, setCommand] = useState<CommandName>('trafficLight.greenWave');
  const [chosen, setChosen] = useState<string[]>([]);
  const spec = COMMAND_FORM[command];
  const [param, setParam] = useState(String(spec.param?.initial ?? ''));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const candidates = (things ?? []).filter((thing) => spec.types.includes(thing.type));
  const choose = (next: CommandName) => {
    setCommand(next);
    setChosen([]);
    setParam(String(COMMAND_FORM[next].param?.initial ?? ''));
  };
  const toggle = (id: string, on: boolean) => setChosen((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  const paramValue = () => Number(param.replace(',', '.'));
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          thingIds: chosen.length === 0 ? o('obs.commands.pickThing') : undefined,
          param: spec.param && (param.trim() === '' || !Number.isFinite(paramValue()) || paramValue() < spec.param.min || paramValue() > spec.param.max) ? o('obs.commands.badNumber') : undefined,
          reason: reason.trim().length < 3 ? t('form.required') : undefined,
        }),
      action: async ({ idempotencyKey }) => {
        setDone('');
        const answer = await callApi<Command>('POST', observatoryApi.commands(slug), {
          body: { command, thingIds: chosen, params: spec.param ? { [spec.param.name]: paramValue() } : {}, reason: reason.trim(), idempotencyKey },
        });
        const message = answer.status === 'awaiting_approval' ? o('obs.commands.sentAwaiting') : o('obs.commands.sent');
        setDone(message);
        announce(message);
        setChosen([]);
        setReason('');
        onSent();
      },
    });
  const thingsId = form.fieldId('thingIds');
  return (
    <form class="obs-form" noValidate onSubmit={onSubmit} aria-labelledby="obs-command-form-title">
      <h3 id="obs-command-form-title">{o('obs.commands.form')}</h3>
      <FormErrors form={form} />
      <SelectField
        form={form}
        name="command"
        label={o('obs.commands.command')}
        hint={spec.sensitive ? o('obs.commands.sensitive') : undefined}
        value={command}
        onValue={choose}
        options={COMMAND_ORDER.map((name) => ({ value: name, label: o(`obs.cmd.${name}`) }))}
      />
      <fieldset id={thingsId} class={form.errors.thingIds ? 'obs-fieldset field-invalid' : 'obs-fieldset'} aria-describedby={form.errors.thingIds ? `${thingsId}-error` : undefined}>
        <legend>{o('obs.commands.things')}</legend>
        {form.errors.thingIds ? (
          <p class="field-error" id={`${thingsId}-error`}>
            <span class="error-prefix">{t('error.prefix')}</span> {form.errors.thingIds}
          </p>
        ) : null}
        {things === undefined ? <p>{o('obs.things.unavailable')}</p> : candidates.length === 0 ? <p>{o('obs.commands.noThings')}</p> : null}
        <ul class="obs-checks">
          {candidates.map((thing) => (
            <li key={thing.id}>
              <label>
                <input type="checkbox" checked={chosen.includes(thing.id)} onChange={(e) => toggle(thing.id, e.currentTarget.checked)} />
                {thing.name ?? thing.entityId}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {spec.param ? (
        <TextField
          form={form}
          name="param"
          label={o(spec.param.name === 'minutes' ? 'obs.commands.minutes' : 'obs.commands.level')}
          type="text"
          inputMode={spec.param.name === 'minutes' ? 'numeric' : 'decimal'}
          value={locale === 'fr' ? param.replace('.', ',') : param}
          onValue={setParam}
        />
      ) : null}
      <TextField form={form} name="reason" label={o('obs.commands.reason')} hint={o('obs.commands.reasonHint')} multiline value={reason} onValue={setReason} />
      <SubmitButton form={form} label={o('obs.commands.send')} />
      {done ? <SuccessNotice message={done} /> : null}
    </form>
  );
}

function CommandItem({ slug, command, commander, me, onChanged }: { slug: string; command: Command; commander: boolean; me: string; onChanged: () => void }) {
  const { o, formatDate } = useObservatoryI18n();
  const [error, setError] = useState<ApiError | undefined>();
  const action = useAction((caught) => setError(toApiError(caught)));
  const label = COMMAND_ORDER.includes(command.command) ? o(`obs.cmd.${command.command}`) : command.label;
  const decide = (decision: 'approve' | 'refuse') =>
    action.run(async () => {
      setError(undefined);
      await callApi('POST', observatoryApi.decision(slug, command.id), { body: { decision } });
      announce(o(decision === 'approve' ? 'obs.commands.approved' : 'obs.commands.refused'));
      onChanged();
    });
  const mine = command.requestedBy === me;
  const awaiting = command.status === 'awaiting_approval';
  return (
    <li class="obs-item" data-testid="obs-command">
      <h4>{label}</h4>
      <p class={`obs-status obs-command-${command.status}`} data-testid="obs-command-status">
        {o(`obs.commands.status.${command.status}`)}
      </p>
      <p>{o('obs.commands.requested', { name: command.requestedBy ?? '—', date: formatDate(command.requestedAt) })}</p>
      <p>{o('obs.commands.reasonLine', { reason: command.reason })}</p>
      {command.decision ? <p>{o('obs.commands.decidedBy', { name: command.decision.by ?? '—', date: formatDate(command.decision.at) })}</p> : null}
      <ul class="obs-targets">
        {command.targets.map((target) => (
          <li key={target.thingId}>{o('obs.commands.target', { name: target.name ?? target.entityId, status: o(`obs.target.${target.status}`) })}</li>
        ))}
      </ul>
      {error ? <ErrorNotice error={error} /> : null}
      {awaiting && commander && mine ? <p class="field-hint">{o('obs.commands.ownRequest')}</p> : null}
      {awaiting && commander && !mine ? (
        <div class="obs-actions">
          <button type="button" class="button button-primary" aria-label={o('obs.commands.approveLabel', { label })} aria-disabled={action.busy ? 'true' : undefined} onClick={() => decide('approve')}>
            {o('obs.commands.approve')}
          </button>
          <button type="button" class="button button-danger" aria-label={o('obs.commands.refuseLabel', { label })} aria-disabled={action.busy ? 'true' : undefined} onClick={() => decide('refuse')}>
            {o('obs.commands.refuse')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

export function CommandsPanel({ slug, things, commander, me }: { slug: string; things: readonly Thing[] | undefined; commander: boolean; me: string }) {
  const { o } = useObservatoryI18n();
  const list = useFetch<CommandList>(observatoryApi.commands(slug));
  useVisibleRefresh(list.reload);
  return (
    <section class="obs-section" aria-labelledby="obs-commands-title">
      <h2 id="obs-commands-title">{o('obs.commands.title')}</h2>
      {commander ? <CommandForm slug={slug} things={things} onSent={list.reload} /> : <p>{o('obs.commands.readOnly')}</p>}
      <h3>{o('obs.commands.list')}</h3>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data && list.data.commands.length === 0 ? <p>{o('obs.commands.none')}</p> : null}
      {list.data && list.data.commands.length > 0 ? (
        <ul class="obs-list">
          {list.data.commands.map((command) => (
            <CommandItem key={command.id} slug={slug} command={command} commander={commander} me={me} onChanged={list.reload} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

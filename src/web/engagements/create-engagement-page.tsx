/** @module /t/:territory/engagements/nouveau — launch a conditional commitment; a corridor's target can start from the queue model's suggestion. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { useEnsureResident } from '../communities/use-ensure-resident.ts';
import type { CorridorView } from '../corridors/types.ts';
import { endOfDay, startOfDay, todayInParis } from './deadline.ts';
import { suggestedShare } from './suggestion.ts';
import { ACTION_KINDS, type ActionKind, type Target } from './types.ts';

const FIELDS = ['wording', 'action', 'scope', 'corridor', 'targetKind', 'count', 'share', 'base', 'signingDeadline', 'actionStart', 'actionEnd'];

export function CreateEngagementPage({ territory: slug }: { territory: string }) {
  const { m, formatNumber } = useMobilityI18n();
  const { me } = useSession();
  const { route } = useLocation();
  const form = useForm('engagement', FIELDS);
  const ensureResident = useEnsureResident(slug);
  const corridors = useFetch<{ items: CorridorView[] }>(territoryPath(slug, '/corridors'));
  const [wording, setWording] = useState('');
  const [action, setAction] = useState<ActionKind>('shift');
  const [scope, setScope] = useState<'territory' | 'corridor'>('territory');
  const [corridorId, setCorridorId] = useState('');
  const [targetKind, setTargetKind] = useState<'count' | 'share'>('count');
  const [count, setCount] = useState('10');
  const [share, setShare] = useState('');
  const [base, setBase] = useState('');
  const [signingDeadline, setSigningDeadline] = useState('');
  const [actionStart, setActionStart] = useState('');
  const [actionEnd, setActionEnd] = useState('');

  if (me === null) return <SignInRequired slug={slug} title={m('engagementNew.title')} />;
  if (me === undefined) return <Loading />;

  const items = corridors.data?.items ?? [];
  const corridor = items.find((c) => c.id === corridorId);
  const suggestion = corridor ? suggestedShare(corridor) : null;

  const applySuggestion = (c: CorridorView | undefined) => {
    const s = c ? suggestedShare(c) : null;
    if (!s) return;
    setShare(String(Math.round(s.share * 1000) / 10));
    setBase(String(s.base));
  };
  const chooseScope = (next: 'territory' | 'corridor') => {
    setScope(next);
    if (next === 'territory') setTargetKind('count');
    else if (!corridorId && items[0]) {
      setCorridorId(items[0].id);
      applySuggestion(items[0]);
    }
  };
  const chooseCorridor = (id: string) => {
    setCorridorId(id);
    applySuggestion(items.find((c) => c.id === id));
  };

  const buildTarget = (): Target => (targetKind === 'share' ? { kind: 'share', share: Number(share) / 100, base: Number(base) } : { kind: 'count', count: Number(count) });

  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => {
        // Each chosen day is kept whole (Paris): signing until the end of the deadline day, the action from the start of
        // its first day to the end of its last.
        const deadline = endOfDay(signingDeadline);
        const start = startOfDay(actionStart);
        const end = endOfDay(actionEnd);
        const shareValue = Number(share);
        return onlyErrors({
          wording: wording.trim() === '' ? m('engagementNew.wordingRequired') : undefined,
          corridor: scope === 'corridor' && !corridorId ? m('engagementNew.corridorRequired') : undefined,
          count: targetKind === 'count' && !(Number.isInteger(Number(count)) && Number(count) >= 1) ? m('engagementNew.countInvalid') : undefined,
          share: targetKind === 'share' && !(shareValue > 0 && shareValue <= 100) ? m('engagementNew.shareInvalid') : undefined,
          base: targetKind === 'share' && !(Number.isInteger(Number(base)) && Number(base) >= 1) ? m('engagementNew.baseInvalid') : undefined,
          signingDeadline: deadline ? undefined : m('engagementNew.dateRequired'),
          actionStart: !start ? m('engagementNew.dateRequired') : deadline && start < deadline ? m('engagementNew.startBeforeDeadline') : undefined,
          actionEnd: !end ? m('engagementNew.dateRequired') : start && end <= start ? m('engagementNew.endBeforeStart') : undefined,
        });
      },
      action: async () => {
        await ensureResident();
        const target = buildTarget();
        const body = {
          wording: wording.trim(),
          action,
          scope: scope === 'corridor' ? { kind: 'corridor', corridorId, target } : { kind: 'territory', target },
          signingDeadline: endOfDay(signingDeadline),
          actionStart: startOfDay(actionStart),
          actionEnd: endOfDay(actionEnd),
        };
        const created = await callApi<{ id: string }>('POST', territoryPath(slug, '/commitments'), { body });
        announce(m('engagementNew.created'));
        route(paths.engagement(slug, created.id));
      },
    });

  return (
    <div class="page">
      <PageHeading title={m('engagementNew.title')} />
      <p class="meta">
        <a href={paths.engagements(slug)}>{m('engagement.back')}</a>
      </p>
      <p class="lead">{m('engagementNew.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField form={form} name="wording" label={m('engagementNew.wording')} hint={m('engagementNew.wordingHint')} value={wording} onValue={setWording} multiline />
        <SelectField
          form={form}
          name="action"
          label={m('engagement.action')}
          value={action}
          onValue={setAction}
          options={ACTION_KINDS.map((kind) => ({ value: kind, label: m(`engagement.action.${kind}`) }))}
        />
        <SelectField
          form={form}
          name="scope"
          label={m('engagementNew.scope')}
          value={scope}
          onValue={chooseScope}
          options={[
            { value: 'territory', label: m('engagementNew.scope.territory') },
            ...(items.length > 0 ? [{ value: 'corridor' as const, label: m('engagementNew.scope.corridor') }] : []),
          ]}
        />
        {corridors.error ? <ErrorNotice error={corridors.error} /> : null}
        {scope === 'corridor' ? (
          <SelectField form={form} name="corridor" label={m('engagementNew.corridor')} value={corridorId} onValue={chooseCorridor} options={items.map((c) => ({ value: c.id, label: c.name }))} />
        ) : null}
        <SelectField
          form={form}
          name="targetKind"
          label={m('engagementNew.targetKind')}
          value={targetKind}
          onValue={setTargetKind}
          options={[
            { value: 'count', label: m('engagementNew.targetKind.count') },
            ...(scope === 'corridor' ? [{ value: 'share' as const, label: m('engagementNew.targetKind.share') }] : []),
          ]}
        />
        {targetKind === 'count' ? (
          <TextField form={form} name="count" label={m('engagementNew.count')} type="number" inputMode="numeric" min="1" step="1" value={count} onValue={setCount} />
        ) : (
          <>
            {suggestion ? (
              <p class="model-note" data-testid="share-suggestion">
                {m('engagementNew.suggestion', {
                  share: formatNumber(suggestion.share * 100, 1),
                  base: formatNumber(suggestion.base),
                  minutes: formatNumber(suggestion.minutesEarlier),
                })}
              </p>
            ) : (
              <p class="model-note">{m('engagementNew.noSuggestion')}</p>
            )}
            <div class="field-pair">
              <TextField form={form} name="share" label={m('engagementNew.share')} type="number" inputMode="decimal" min="0.1" max="100" step="0.1" value={share} onValue={setShare} />
              <TextField form={form} name="base" label={m('engagementNew.base')} hint={m('engagementNew.baseHint')} type="number" inputMode="numeric" min="1" step="1" value={base} onValue={setBase} />
            </div>
          </>
        )}
        <TextField form={form} name="signingDeadline" label={m('engagementNew.signingDeadline')} hint={m('engagementNew.signingDeadlineHint')} type="date" min={todayInParis()} value={signingDeadline} onValue={setSigningDeadline} />
        <div class="field-pair">
          <TextField form={form} name="actionStart" label={m('engagementNew.actionStart')} type="date" value={actionStart} onValue={setActionStart} />
          <TextField form={form} name="actionEnd" label={m('engagementNew.actionEnd')} type="date" value={actionEnd} onValue={setActionEnd} />
        </div>
        <SubmitButton form={form} label={m('engagementNew.submit')} />
      </form>
    </div>
  );
}

/** @module Operator forms of the campaign page: top up a running campaign's budget, return what remains of a closed one to the territory. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { pointerOf } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { SuccessNotice } from '../core/status.tsx';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { formatEuros, parseEuros } from './money.ts';
import { incentiveApi } from './paths.ts';
import { incentiveReason, type CampaignView, type ReturnResult, type TopUpResult } from './types.ts';
import { useIncentivesI18n } from './use-incentives-i18n.ts';

/** The server's bounds (campaign-top-up.ts): at most 1,000,000 € per top-up; a reference of 1 to 120 characters. */
const MAX_TOP_UP_CENTS = 100_000_000;
const MAX_REFERENCE = 120;

export function TopUpForm({ slug, campaign, onChanged }: { slug: string; campaign: CampaignView; onChanged: (campaign: CampaignView) => void }) {
  const { c, cp, t, locale } = useIncentivesI18n();
  const form = useForm('top-up', ['amount', 'reference']);
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [done, setDone] = useState('');
  const euros = (cents: number) => formatEuros(locale, cents);
  const onSubmit = (event: Event) => {
    const cents = parseEuros(amount);
    form.submit(event, {
      validate: () =>
        onlyErrors({
          amount: amount.trim() === '' ? t('form.required') : cents === null ? c('builder.problem.euros')
            : cents === 0 ? c('campaign.topUpZero') : cents > MAX_TOP_UP_CENTS ? c('campaign.topUpTooMuch') : undefined,
          reference: reference.trim() === '' || reference.trim().length > MAX_REFERENCE ? c('campaign.referenceRequired') : undefined,
        }),
      action: async () => {
        setDone('');
        const result = await callApi<TopUpResult>('POST', territoryPath(slug, incentiveApi.topUps(campaign.id)), { body: { cents, reference: reference.trim() } });
        const vars = { amount: euros(result.topUp.cents), reference: result.topUp.reference, budget: euros(result.campaign.budgetCents) };
        const parts = [result.replayed ? c('campaign.topUpReplayed', vars) : c('campaign.topUpDone', vars)];
        if (result.settlement.awarded > 0) parts.push(cp('campaign.topUpPaid', result.settlement.awarded, { paid: euros(result.settlement.paidCents) }));
        const message = parts.join(' ');
        setDone(message);
        announce(message);
        setAmount('');
        setReference('');
        onChanged(result.campaign);
      },
      explain: (error) => {
        const pointer = pointerOf(error);
        if (pointer === '/cents') return { field: 'amount', message: c('campaign.topUpTooMuch') };
        if (pointer === '/reference') return { field: 'reference', message: c('campaign.referenceRequired') };
        if (incentiveReason(error) === 'not_active') return { message: c('campaign.notActive') };
        return null;
      },
    });
  };
  return (
    <section aria-labelledby="top-up-title" class="subsection">
      <h3 id="top-up-title">{c('campaign.topUpTitle')}</h3>
      <p>{c('campaign.topUpIntro')}</p>
      {done ? <SuccessNotice message={done} /> : null}
      <form onSubmit={onSubmit} noValidate data-testid="top-up-form">
        <FormErrors form={form} />
        <TextField form={form} name="amount" label={c('campaign.topUpAmount')} hint={c('campaign.topUpAmountHint')} inputMode="decimal" value={amount} onValue={setAmount} />
        <TextField form={form} name="reference" label={c('campaign.topUpReference')} hint={c('campaign.topUpReferenceHint')} value={reference} onValue={setReference} />
        <SubmitButton form={form} label={c('campaign.topUpSubmit')} />
      </form>
    </section>
  );
}

export function ReturnForm({ slug, campaign, onChanged }: { slug: string; campaign: CampaignView; onChanged: (campaign: CampaignView) => void }) {
  const { c, locale } = useIncentivesI18n();
  const form = useForm('return', ['reference']);
  const [reference, setReference] = useState('');
  const [done, setDone] = useState('');
  const onSubmit = (event: Event) => {
    form.submit(event, {
      validate: () => onlyErrors({ reference: reference.trim() === '' || reference.trim().length > MAX_REFERENCE ? c('campaign.referenceRequired') : undefined }),
      action: async () => {
        const result = await callApi<ReturnResult>('POST', territoryPath(slug, incentiveApi.returnRemainder(campaign.id)), { body: { reference: reference.trim() } });
        const message = c('campaign.returnDone', { amount: formatEuros(locale, result.returned.cents), reference: result.returned.reference });
        setDone(message);
        announce(message);
        setReference('');
        onChanged(result.campaign);
      },
      explain: (error) => {
        if (pointerOf(error) === '/reference') return { field: 'reference', message: c('campaign.referenceRequired') };
        if (incentiveReason(error) === 'nothing_left') return { message: c('campaign.nothingLeft') };
        return null;
      },
    });
  };
  // Once returned, the page shows what was given back (the form is gone with the remainder); the notice stays.
  if (campaign.remainingCents <= 0) return done ? <SuccessNotice message={done} /> : null;
  return (
    <section aria-labelledby="return-title" class="subsection">
      <h3 id="return-title">{c('campaign.returnTitle')}</h3>
      <p>{c('campaign.returnIntro', { amount: formatEuros(locale, campaign.remainingCents) })}</p>
      {done ? <SuccessNotice message={done} /> : null}
      <form onSubmit={onSubmit} noValidate data-testid="return-form">
        <FormErrors form={form} />
        <TextField form={form} name="reference" label={c('campaign.returnReference')} hint={c('campaign.returnReferenceHint')} value={reference} onValue={setReference} />
        <SubmitButton form={form} label={c('campaign.returnSubmit')} />
      </form>
    </section>
  );
}

/** @module /t/:territory/portefeuille — my points (1 point = 1 cent), held gestures, history, vouchers with their codes, and turning points into a voucher. */
import { useRef, useState } from 'preact/hooks';
import { callApi, newIdempotencyKey, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { formatEuros, parseEuros } from './money.ts';
import { incentiveApi, incentivePaths } from './paths.ts';
import { incentiveReason, type HistoryEntry, type VoucherView, type WalletView } from './types.ts';
import { spellCode } from './spell-code.ts';
import { useIncentivesI18n } from './use-incentives-i18n.ts';
import './incentives.css';

export function WalletPage({ territory: slug }: { territory: string }) {
  const { c, cp, euros } = useIncentivesI18n();
  const { me } = useSession();
  const wallet = useFetch<WalletView>(me ? territoryPath(slug, incentiveApi.wallet) : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={c('wallet.title')} />;
  const w = wallet.data;
  return (
    <div class="page">
      <PageHeading title={c('wallet.title')} />
      {wallet.error ? <ErrorNotice error={wallet.error} /> : null}
      {!w && !wallet.error ? <Loading /> : null}
      {w ? (
        <>
          <section aria-labelledby="wallet-balance">
            <h2 id="wallet-balance">{c('wallet.balance')}</h2>
            <p class="balance" data-testid="wallet-balance">{cp('points', w.balanceCents)}</p>
            <p>{c('wallet.balanceEuros', { euros: euros(w.balanceCents) })}</p>
            <p class="meta">{c('wallet.pointNote')}</p>
            {w.heldGestures > 0 ? <p class="notice notice-info">{cp('wallet.held', w.heldGestures)}</p> : null}
            <p><a href={incentivePaths.campaigns(slug)}>{c('campaigns.title')}</a></p>
          </section>
          <VoucherForm slug={slug} wallet={w} onCreated={wallet.reload} />
          <Vouchers vouchers={w.vouchers} />
          <History entries={w.history} />
        </>
      ) : null}
    </div>
  );
}

function VoucherForm({ slug, wallet, onCreated }: { slug: string; wallet: WalletView; onCreated: () => void }) {
  const { c, t, euros, locale } = useIncentivesI18n();
  const form = useForm('voucher', ['merchantId', 'cents', 'amount']);
  const [merchantId, setMerchantId] = useState('');
  const [amount, setAmount] = useState('');
  const [created, setCreated] = useState('');
  // One key per intended voucher: kept across retries and double clicks, renewed once a voucher is made.
  const key = useRef<string | null>(null);
  if (wallet.merchants.length === 0) {
    return (
      <section aria-labelledby="voucher-title">
        <h2 id="voucher-title">{c('wallet.convert')}</h2>
        <p>{c('wallet.noMerchants')}</p>
      </section>
    );
  }
  if (wallet.balanceCents <= 0 && !created) {
    return (
      <section aria-labelledby="voucher-title">
        <h2 id="voucher-title">{c('wallet.convert')}</h2>
        <p>{c('wallet.noPoints')}</p>
      </section>
    );
  }
  const onSubmit = (event: Event) => {
    const cents = parseEuros(amount);
    form.submit(event, {
      validate: () =>
        onlyErrors({
          merchantId: merchantId ? undefined : c('wallet.merchantChoose'),
          amount: amount.trim() === '' ? t('form.required') : cents === null ? c('builder.problem.euros')
            : cents === 0 ? c('wallet.zero') : cents > wallet.balanceCents ? c('wallet.tooMuch') : undefined,
        }),
      action: async () => {
        key.current ??= newIdempotencyKey();
        const voucher = await callApi<VoucherView>('POST', territoryPath(slug, incentiveApi.vouchers), {
          body: { merchantId, cents, idempotencyKey: key.current },
        });
        key.current = null;
        const message = c('wallet.created', { code: voucher.code, amount: formatEuros(locale, voucher.cents), merchant: voucher.merchantName });
        setCreated(message);
        announce(message);
        setAmount('');
        onCreated();
      },
      explain: (error) => {
        if (error.field === 'cents' || incentiveReason(error) === 'insufficient_funds') return { field: 'amount', message: c('wallet.tooMuch') };
        return null;
      },
    });
  };
  return (
    <section aria-labelledby="voucher-title">
      <h2 id="voucher-title">{c('wallet.convert')}</h2>
      <p>{c('wallet.convertIntro')}</p>
      {created ? <SuccessNotice message={created} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormErrors form={form} />
        <SelectField
          form={form} name="merchantId" label={c('wallet.merchant')} value={merchantId}
          onValue={(v) => { setMerchantId(v); key.current = null; }}
          options={[{ value: '', label: c('wallet.merchantChoose') }, ...wallet.merchants.map((m) => ({
            value: m.id, label: [m.name, m.communeName].filter(Boolean).join(' — '),
          }))]}
        />
        <TextField
          form={form} name="amount" label={c('wallet.amount')} hint={c('wallet.amountHint', { max: euros(wallet.balanceCents) })}
          inputMode="decimal" value={amount} onValue={(v) => { setAmount(v); key.current = null; }}
        />
        <SubmitButton form={form} label={c('wallet.convertSubmit')} />
      </form>
    </section>
  );
}

function Vouchers({ vouchers }: { vouchers: VoucherView[] }) {
  const { c, euros, formatDate } = useIncentivesI18n();
  const sorted = [...vouchers].sort((a, b) => Number(a.redeemedAt !== null) - Number(b.redeemedAt !== null) || b.issuedAt.localeCompare(a.issuedAt));
  return (
    <section aria-labelledby="vouchers-title">
      <h2 id="vouchers-title">{c('wallet.vouchers')}</h2>
      {sorted.length === 0 ? <p>{c('wallet.vouchersNone')}</p> : null}
      <ul class="voucher-list">
        {sorted.map((v) => (
          <li key={v.code} class={v.redeemedAt ? 'voucher voucher-used' : 'voucher'} data-testid="voucher">
            <p>
              <span class={v.redeemedAt ? 'badge badge-muted' : 'badge'}>
                {v.redeemedAt ? c('wallet.voucher.used', { date: formatDate(v.redeemedAt) }) : c('wallet.voucher.toUse')}
              </span>
            </p>
            <p class="meta">{c('wallet.voucher.code')}</p>
            <strong class="voucher-code" aria-hidden="true">{v.code}</strong>
            <span class="visually-hidden">{spellCode(v.code)}</span>
            <p>{c('wallet.voucher.value', { amount: euros(v.cents), merchant: v.merchantName })}</p>
            <p class="meta">{c('wallet.voucher.issued', { date: formatDate(v.issuedAt) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ entries }: { entries: HistoryEntry[] }) {
  const { c, formatDate, day, formatNumber } = useIncentivesI18n();
  const what = (e: HistoryEntry) => {
    switch (e.kind) {
      case 'payout':
        return e.gestureDate
          ? c('wallet.kind.payout', { campaign: e.campaignName ?? '—', date: day(e.gestureDate.slice(0, 10)) })
          : c('wallet.kind.payoutNoDate', { campaign: e.campaignName ?? '—' });
      case 'lottery_prize':
        return c('wallet.kind.lottery_prize', { campaign: e.campaignName ?? '—' });
      case 'voucher_issue':
        return c('wallet.kind.voucher_issue', { merchant: e.merchantName ?? '—' });
    }
  };
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{c('wallet.history')}</h2>
      {entries.length === 0 ? (
        <p>{c('wallet.historyNone')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="history-caption" tabIndex={0}>
          <table class="data-table data-table-stack">
            <caption id="history-caption" class="visually-hidden">{c('wallet.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{c('wallet.col.date')}</th>
                <th scope="col">{c('wallet.col.what')}</th>
                <th scope="col" class="numeric">{c('wallet.col.points')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => {
                const out = e.kind === 'voucher_issue';
                const points = Math.abs(e.cents);
                return (
                  <tr key={`${e.at}-${i}`}>
                    <th scope="row" data-label={c('wallet.col.date')}>
                      {formatDate(e.at)}
                    </th>
                    <td data-label={c('wallet.col.what')}>{what(e)}</td>
                    <td class="numeric" data-label={c('wallet.col.points')}>
                      {out ? '−' : '+'}
                      {formatNumber(points)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

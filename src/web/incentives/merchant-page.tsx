/** @module /t/:territory/commercant — a shop's account: what the territory owes, recent vouchers, and checking then accepting a voucher code. */
import { useState } from 'preact/hooks';
import { callApi, getApi, territoryPath } from '../core/api.ts';
import { toApiError, type ApiError } from '../core/api-error.ts';
import { describeApiError } from '../core/error-message.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { onlyErrors, useForm } from '../core/use-form.ts';
import { addressLine } from '../places/address-line.ts';
import { incentiveApi } from './paths.ts';
import { incentiveReason, type RedemptionResult, type ShopView, type VoucherCheck } from './types.ts';
import { useIncentivesI18n, type IncentivesI18n } from './use-incentives-i18n.ts';
import { normalizeVoucherCode } from './voucher-code.ts';
import './incentives.css';

export function MerchantPage({ territory: slug }: { territory: string }) {
  const { c } = useIncentivesI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const merchant = roles.includes('merchant');
  const shops = useFetch<{ items: ShopView[] }>(merchant ? territoryPath(slug, incentiveApi.myShops) : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={c('merchant.title')} />;
  return (
    <div class="page">
      <PageHeading title={c('merchant.title')} />
      {!merchant ? <ErrorNotice message={c('merchant.forbidden')} /> : null}
      {shops.error ? <ErrorNotice error={shops.error} /> : null}
      {merchant && !shops.data && !shops.error ? <Loading /> : null}
      {shops.data?.items.length === 0 ? <p>{c('merchant.none')}</p> : null}
      {(shops.data?.items ?? []).map((shop) => (
        <Shop key={shop.id} slug={slug} shop={shop} onRedeemed={shops.reload} />
      ))}
    </div>
  );
}

function Shop({ slug, shop, onRedeemed }: { slug: string; shop: ShopView; onRedeemed: () => void }) {
  const { c, euros, formatDate } = useIncentivesI18n();
  const titleId = `shop-${shop.id}`;
  return (
    <section class="shop" aria-labelledby={titleId}>
      <h2 id={titleId}>{shop.name}</h2>
      {shop.address || shop.communeName ? <p class="meta">{addressLine(shop.address, shop.communeName)}</p> : null}
      <dl class="figures figures-2">
        <div class="figure">
          <dt>{c('merchant.owed')}</dt>
          <dd class="figure-value" data-testid="shop-owed">{euros(shop.owedCents)}</dd>
        </div>
        <div class="figure">
          <dt>{c('merchant.settled')}</dt>
          <dd class="figure-value">{euros(shop.settledCents)}</dd>
        </div>
      </dl>
      <RedeemForm slug={slug} shop={shop} onRedeemed={onRedeemed} />
      <h3 id={`${titleId}-recent`}>{c('merchant.recent')}</h3>
      {shop.redemptions.length === 0 ? (
        <p>{c('merchant.recentNone')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby={`${titleId}-recent`} tabIndex={0}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{c('merchant.col.code')}</th>
                <th scope="col" class="numeric">{c('merchant.col.amount')}</th>
                <th scope="col">{c('merchant.col.date')}</th>
              </tr>
            </thead>
            <tbody>
              {shop.redemptions.map((r) => (
                <tr key={r.code}>
                  <th scope="row"><code>{r.code}</code></th>
                  <td class="numeric">{euros(r.cents)}</td>
                  <td>{formatDate(r.redeemedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The shop-side wording of a refused check or redemption; null for the generic message. */
export function explainVoucherError(error: ApiError, c: IncentivesI18n['c']): string | null {
  const reason = incentiveReason(error);
  if (reason === 'wrong_merchant') return c('merchant.wrongMerchant');
  if (reason === 'already_redeemed' || (error.code === 'conflict' && error.status === 409)) return c('merchant.alreadyRedeemed');
  if (error.code === 'not_found') return c('merchant.unknown');
  return null;
}

function RedeemForm({ slug, shop, onRedeemed }: { slug: string; shop: ShopView; onRedeemed: () => void }) {
  const { c, t, euros, formatDate } = useIncentivesI18n();
  const form = useForm(`redeem-${shop.id}`, ['code']);
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<VoucherCheck | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [accepting, setAccepting] = useState(false);
  // Shown in the aria-live region below, which screen readers announce.
  const say = (ok: boolean, message: string) => setResult({ ok, message });
  const onCheck = (event: Event) => {
    const normalized = normalizeVoucherCode(code);
    form.submit(event, {
      validate: () => onlyErrors({ code: code.trim() === '' ? t('form.required') : normalized === null ? c('merchant.badCode') : undefined }),
      action: async () => {
        setChecked(null);
        setResult(null);
        if (normalized === null) return;
        try {
          const voucher = await getApi<VoucherCheck>(territoryPath(slug, incentiveApi.voucher(shop.id, normalized)));
          setChecked(voucher);
          setCode(voucher.code);
          say(voucher.status === 'valid', voucher.status === 'valid'
            ? c('merchant.valid', { amount: euros(voucher.cents), date: formatDate(voucher.issuedAt) })
            : voucher.redeemedAt ? c('merchant.alreadyUsedOn', { date: formatDate(voucher.redeemedAt) }) : c('merchant.alreadyRedeemed'));
        } catch (caught) {
          const error = toApiError(caught);
          const message = explainVoucherError(error, c);
          if (message === null) throw error;
          say(false, message);
        }
      },
    });
  };
  const accept = () => {
    if (!checked || accepting) return;
    setAccepting(true);
    callApi<RedemptionResult>('POST', territoryPath(slug, incentiveApi.redemptions(shop.id)), { body: { code: checked.code } }).then(
      (done) => {
        say(true, c('merchant.accepted', { code: done.code, amount: euros(done.cents), owed: euros(done.owedCents) }));
        setChecked(null);
        setCode('');
        onRedeemed();
      },
      (caught: unknown) => {
        const error = toApiError(caught);
        say(false, explainVoucherError(error, c) ?? describeApiError(error, t));
        setChecked(null);
      },
    ).finally(() => setAccepting(false));
  };
  return (
    <div class="panel">
      <h3 id={`redeem-${shop.id}-title`}>{c('merchant.redeem')}</h3>
      <form onSubmit={onCheck} noValidate aria-labelledby={`redeem-${shop.id}-title`}>
        <FormErrors form={form} />
        <TextField form={form} name="code" label={c('merchant.code')} hint={c('merchant.codeHint')} autoComplete="off"
          value={code} onValue={(v) => { setCode(v); setChecked(null); setResult(null); }} />
        <SubmitButton form={form} label={c('merchant.checkSubmit')} />
      </form>
      <div class="redeem-result" aria-live="polite" data-testid="redeem-result">
        {result ? (
          <p class={result.ok ? 'notice notice-success' : 'notice notice-error'}>
            {result.ok ? null : <span class="error-prefix">{t('error.prefix')} </span>}
            {result.message}
          </p>
        ) : null}
      </div>
      {checked && checked.status === 'valid' ? (
        <p class="actions">
          <button type="button" class="button button-primary" aria-disabled={accepting ? 'true' : undefined} onClick={accept}>
            {c('merchant.accept', { amount: euros(checked.cents) })}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/**
 * @module /t/:territory/commerces — operators' books of the shops: what each is owed and was paid, settling it with a
 * payment reference, renaming it, naming another till account, closing and reopening it. Results are read out in
 * each shop's aria-live region.
 */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError, type ApiError } from '../core/api-error.ts';
import { describeApiError } from '../core/error-message.ts';
import { FormErrors, SubmitButton, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { checkEmail, onlyErrors, useForm, type Placement } from '../core/use-form.ts';
import { addressLine } from '../places/address-line.ts';
import { incentiveApi } from './paths.ts';
import { incentiveReason, type MerchantAccountView } from './types.ts';
import { isOperator, useIncentivesI18n, type IncentivesI18n } from './use-incentives-i18n.ts';
import './incentives.css';

export function MerchantBooksPage({ territory: slug }: { territory: string }) {
  const { c } = useIncentivesI18n();
  const { me } = useSession();
  const roles = me?.territories.find((territory) => territory.slug === slug)?.roles ?? [];
  const operator = isOperator(roles);
  const books = useFetch<{ items: MerchantAccountView[] }>(operator ? territoryPath(slug, incentiveApi.merchantAccounts) : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={c('books.title')} />;
  return (
    <div class="page">
      <PageHeading title={c('books.title')} />
      <p class="lead">{c('books.intro')}</p>
      <p class="rule-note">{c('books.source')}</p>
      {!operator ? <ErrorNotice message={c('books.forbidden')} /> : null}
      {books.error ? <ErrorNotice error={books.error} /> : null}
      {operator && !books.data && !books.error ? <Loading /> : null}
      {books.data?.items.length === 0 ? <p>{c('books.none')}</p> : null}
      {(books.data?.items ?? []).map((shop) => (
        <ShopBooks key={shop.id} slug={slug} shop={shop} onChanged={books.reload} />
      ))}
    </div>
  );
}

type Status = { ok: boolean; message: string } | null;

function ShopBooks({ slug, shop, onChanged }: { slug: string; shop: MerchantAccountView; onChanged: () => void }) {
  const { c, t, euros } = useIncentivesI18n();
  const [status, setStatus] = useState<Status>(null);
  const titleId = `books-${shop.id}`;
  return (
    <section class="shop" aria-labelledby={titleId} data-testid="books-shop">
      <h2 id={titleId}>
        {shop.name}
        {shop.active ? null : <> <span class="badge badge-muted">{c('books.closed')}</span></>}
      </h2>
      {shop.address || shop.communeName ? <p class="meta">{addressLine(shop.address, shop.communeName)}</p> : null}
      <dl class="figures figures-2">
        <div class="figure">
          <dt>{c('books.owed')}</dt>
          <dd class="figure-value" data-testid="books-owed">{euros(shop.owedCents)}</dd>
        </div>
        <div class="figure">
          <dt>{c('books.settled')}</dt>
          <dd class="figure-value">{euros(shop.settledCents)}</dd>
        </div>
        <div class="figure">
          <dt>{c('books.account')}</dt>
          <dd>{shop.accountName ?? c('books.noAccount')}</dd>
        </div>
      </dl>
      {/* Always mounted, so what a settlement or a change did is read out even when the form below goes away. */}
      <div class="redeem-result" aria-live="polite" data-testid="books-result">
        {status ? (
          <p class={status.ok ? 'notice notice-success' : 'notice notice-error'}>
            {status.ok ? null : <span class="error-prefix">{t('error.prefix')} </span>}
            {status.message}
          </p>
        ) : null}
      </div>
      <SettleForm slug={slug} shop={shop} onStatus={setStatus} onChanged={onChanged} />
      <details class="panel">
        <summary>{c('books.editTitle', { name: shop.name })}</summary>
        <EditForm slug={slug} shop={shop} onStatus={setStatus} onChanged={onChanged} />
        <OpenClose slug={slug} shop={shop} onStatus={setStatus} onChanged={onChanged} />
      </details>
    </section>
  );
}

interface ActionProps {
  slug: string;
  shop: MerchantAccountView;
  onStatus: (status: Status) => void;
  onChanged: () => void;
}

function SettleForm({ slug, shop, onStatus, onChanged }: ActionProps) {
  const { c, t, euros } = useIncentivesI18n();
  const form = useForm(`settle-${shop.id}`, ['reference']);
  const [reference, setReference] = useState('');
  if (shop.owedCents <= 0) return <p>{c('books.nothingOwed')}</p>;
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ reference: reference.trim() ? undefined : t('form.required') }),
      action: async () => {
        onStatus(null);
        const typed = reference.trim();
        const done = await callApi<{ settledCents: number }>('POST', territoryPath(slug, incentiveApi.settlements(shop.id)), { body: { reference: typed } });
        onStatus({ ok: true, message: c('books.settleDone', { amount: euros(done.settledCents), name: shop.name, reference: typed }) });
        setReference('');
        onChanged();
      },
      explain: (error) => {
        if (incentiveReason(error) === 'nothing_owed') return { message: c('books.nothingOwed') };
        return null;
      },
    });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`settle-${shop.id}-title`} class="panel">
      <h3 id={`settle-${shop.id}-title`}>{c('books.settleTitle')}</h3>
      <FormErrors form={form} />
      <TextField form={form} name="reference" label={c('books.reference')} hint={c('books.referenceHint')} autoComplete="off" value={reference} onValue={setReference} />
      <SubmitButton form={form} label={c('books.settleSubmit', { amount: euros(shop.owedCents) })} />
    </form>
  );
}

/** The page's wording of a refused change; null for the generic message. */
function explainChange(error: ApiError, c: IncentivesI18n['c']): Placement | null {
  const reason = incentiveReason(error);
  if (reason === 'name_taken') return { field: 'name', message: c('books.nameTaken') };
  if (reason === 'not_a_member') return { field: 'accountEmail', message: c('books.notMember') };
  if (reason === 'nothing_to_change') return { message: c('books.nothingToChange') };
  return null;
}

function EditForm({ slug, shop, onStatus, onChanged }: ActionProps) {
  const { c, t } = useIncentivesI18n();
  const form = useForm(`edit-${shop.id}`, ['name', 'accountEmail']);
  const [name, setName] = useState(shop.name);
  const [accountEmail, setAccountEmail] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () =>
        onlyErrors({
          name: name.trim() ? undefined : t('form.required'),
          accountEmail: accountEmail.trim() ? checkEmail(accountEmail, t) : undefined,
        }),
      action: async () => {
        onStatus(null);
        const body = {
          ...(name.trim() !== shop.name ? { name: name.trim() } : {}),
          ...(accountEmail.trim() ? { accountEmail: accountEmail.trim() } : {}),
        };
        const saved = await callApi<MerchantAccountView>('PATCH', territoryPath(slug, incentiveApi.merchant(shop.id)), { body });
        onStatus({ ok: true, message: c('books.saved', { name: saved.name }) });
        setName(saved.name);
        setAccountEmail('');
        onChanged();
      },
      explain: (error) => explainChange(error, c),
    });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={c('books.editTitle', { name: shop.name })}>
      <FormErrors form={form} />
      <TextField form={form} name="name" label={c('books.name')} value={name} onValue={setName} autoComplete="organization" />
      <TextField form={form} name="accountEmail" type="email" label={c('books.email')} hint={c('books.emailHint')} optional value={accountEmail} onValue={setAccountEmail} autoComplete="off" />
      <SubmitButton form={form} label={c('books.editSubmit')} />
    </form>
  );
}

function OpenClose({ slug, shop, onStatus, onChanged }: ActionProps) {
  const { c, t } = useIncentivesI18n();
  const [busy, setBusy] = useState(false);
  const toggle = () => {
    if (busy) return;
    setBusy(true);
    onStatus(null);
    callApi<MerchantAccountView>('PATCH', territoryPath(slug, incentiveApi.merchant(shop.id)), { body: { active: !shop.active } })
      .then(
        (saved) => {
          onStatus({ ok: true, message: c(saved.active ? 'books.reopenedDone' : 'books.closedDone', { name: saved.name }) });
          onChanged();
        },
        (caught: unknown) => onStatus({ ok: false, message: describeApiError(toApiError(caught), t) }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <div>
      <p class="field-hint" id={`open-close-${shop.id}-hint`}>{c('books.closeHint')}</p>
      <p class="actions">
        <button type="button" class="button" aria-describedby={`open-close-${shop.id}-hint`} aria-disabled={busy ? 'true' : undefined} onClick={toggle}>
          {busy ? t('form.busy') : c(shop.active ? 'books.close' : 'books.reopen')}
        </button>
      </p>
    </div>
  );
}

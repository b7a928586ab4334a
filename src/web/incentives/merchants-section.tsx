/** @module The participating shops (public list) and, for operators, a small form to add one with the account that accepts vouchers. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { FormErrors, SelectField, SubmitButton, TextField } from '../core/fields.tsx';
import { ErrorNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { checkEmail, onlyErrors, useForm } from '../core/use-form.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { addressLine } from '../places/address-line.ts';
import { incentiveApi, incentivePaths } from './paths.ts';
import type { MerchantView } from './types.ts';
import { useIncentivesI18n } from './use-incentives-i18n.ts';

export function MerchantsSection({ slug, operator }: { slug: string; operator: boolean }) {
  const { c } = useIncentivesI18n();
  const merchants = useFetch<{ items: MerchantView[] }>(territoryPath(slug, incentiveApi.merchants));
  return (
    <section aria-labelledby="merchants-title">
      <h2 id="merchants-title">{c('merchants.title')}</h2>
      {merchants.error ? <ErrorNotice error={merchants.error} /> : null}
      {merchants.data?.items.length === 0 ? <p>{c('merchants.none')}</p> : null}
      {merchants.data && merchants.data.items.length > 0 ? (
        <ul>
          {merchants.data.items.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong>
              {m.address || m.communeName ? ` — ${addressLine(m.address, m.communeName)}` : null}
            </li>
          ))}
        </ul>
      ) : null}
      {operator ? (
        <p>
          <a href={incentivePaths.merchantBooks(slug)}>{c('merchants.books')}</a>
        </p>
      ) : null}
      {operator ? <AddMerchantForm slug={slug} onAdded={merchants.reload} /> : null}
    </section>
  );
}

const FIELDS = ['name', 'communeCode', 'address', 'accountEmail'] as const;

function AddMerchantForm({ slug, onAdded }: { slug: string; onAdded: () => void }) {
  const { c, t } = useIncentivesI18n();
  const form = useForm('merchant-add', FIELDS);
  const communes = useCommunes(slug);
  const [name, setName] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  const [address, setAddress] = useState('');
  const [accountEmail, setAccountEmail] = useState('');
  const onSubmit = (event: Event) =>
    form.submit(event, {
      validate: () => onlyErrors({ name: name.trim() ? undefined : t('form.required'), accountEmail: checkEmail(accountEmail, t) }),
      action: async () => {
        const body = {
          name: name.trim(),
          accountEmail: accountEmail.trim(),
          ...(communeCode ? { communeCode } : {}),
          ...(address.trim() ? { address: address.trim() } : {}),
        };
        const created = await callApi<MerchantView>('POST', territoryPath(slug, incentiveApi.merchants), { body });
        announce(c('merchants.added', { name: created.name }));
        setName('');
        setCommuneCode('');
        setAddress('');
        setAccountEmail('');
        onAdded();
      },
    });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="merchant-add-title" class="panel">
      <h3 id="merchant-add-title">{c('merchants.addTitle')}</h3>
      <FormErrors form={form} />
      <TextField form={form} name="name" label={c('merchants.name')} value={name} onValue={setName} autoComplete="organization" />
      <SelectField
        form={form}
        name="communeCode"
        label={c('merchants.commune')}
        optional
        value={communeCode}
        onValue={setCommuneCode}
        options={[{ value: '', label: c('merchants.communeNone') }, ...(communes ?? []).map((commune) => ({ value: commune.code, label: commune.name }))]}
      />
      <TextField form={form} name="address" label={c('merchants.address')} optional value={address} onValue={setAddress} autoComplete="street-address" />
      <TextField form={form} name="accountEmail" type="email" label={c('merchants.email')} hint={c('merchants.emailHint')} value={accountEmail} onValue={setAccountEmail} autoComplete="off" />
      <SubmitButton form={form} label={c('merchants.submit')} />
    </form>
  );
}

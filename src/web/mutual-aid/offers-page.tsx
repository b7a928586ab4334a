/** @module /t/:territory/entraide/propositions — standing offers of help, searched by kind, commune and words; the count is announced. */
import { useState } from 'preact/hooks';
import { territoryPath } from '../core/api.ts';
import { SelectField, TextField } from '../core/fields.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useForm } from '../core/use-form.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { OfferCard } from './offer-card.tsx';
import { aidApi, aidPaths } from './paths.ts';
import { AID_KINDS, type AidKind, type StandingOffer } from './types.ts';
import { useAidI18n } from './use-aid-i18n.ts';

export function OffersPage({ territory: slug }: { territory: string }) {
  const { a, ap } = useAidI18n();
  const { me } = useSession();
  const form = useForm('aid-search', ['kind', 'commune', 'q']);
  const communes = useCommunes(slug);
  const [kind, setKind] = useState<AidKind | ''>('');
  const [commune, setCommune] = useState('');
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const list = useFetch<{ items: StandingOffer[] }>(me ? territoryPath(slug, `${aidApi.offers}${query}`) : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={a('offers.title')} />;
  const search = (event: Event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (kind) params.set('kind', kind);
    if (commune) params.set('commune', commune);
    if (words.trim()) params.set('q', words.trim());
    const text = params.toString();
    setQuery(text ? `?${text}` : '');
  };
  const items = list.data?.items ?? [];
  return (
    <div class="page">
      <PageHeading title={a('offers.title')} />
      <p class="lead">{a('offers.intro')}</p>
      <p class="actions">
        <a class="button button-primary" href={aidPaths.ask(slug)}>{a('mine.ask')}</a>
        <a class="button" href={aidPaths.helper(slug)}>{a('helper.title')}</a>
      </p>
      <form class="search-form" role="search" onSubmit={search} noValidate>
        <SelectField form={form} name="kind" label={a('offers.kind')} value={kind} onValue={setKind} options={[{ value: '' as const, label: a('offers.anyKind') }, ...AID_KINDS.map((k) => ({ value: k, label: a(`kind.${k}`) }))]} />
        <SelectField form={form} name="commune" label={a('offers.commune')} value={commune} onValue={setCommune} options={[{ value: '', label: a('offers.anyCommune') }, ...(communes ?? []).map((c) => ({ value: c.code, label: c.name }))]} />
        <TextField form={form} name="q" type="search" optional label={a('offers.words')} value={words} onValue={setWords} />
        <button type="submit" class="button">{a('offers.search')}</button>
      </form>
      {list.error && list.error.status !== 403 ? <ErrorNotice error={list.error} /> : null}
      <p role="status">{list.data ? (items.length === 0 ? a('offers.none') : ap('offers.results', items.length)) : ''}</p>
      {!list.data && !list.error ? <Loading /> : null}
      <ul class="cards">
        {items.map((offer) => (
          <OfferCard key={offer.id} offer={offer} slug={slug} />
        ))}
      </ul>
    </div>
  );
}

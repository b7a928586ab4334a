/**
 * @module On « Mes engagements »: the signatures an organiser or the territory's team typed in for me from paper. A
 * pending one counts only once I confirm it (I may then show my name); I may withdraw any of them until the deadline.
 */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { toApiError, type ApiError } from '../core/api-error.ts';
import { paths } from '../core/paths.ts';
import { ErrorNotice } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { Wire } from '../core/wire.ts';
import { lastSigningDay } from './deadline.ts';
import type { MyOfflineEntry } from '../../server/commitments/schemas.ts';

type Entry = Wire<MyOfflineEntry>;

export function PaperSignatures({ slug, onChanged }: { slug: string; onChanged: () => void }) {
  const { m } = useMobilityI18n();
  const list = useFetch<{ items: Entry[] }>(territoryPath(slug, '/me/offline-signatures'));
  if (list.error) return <ErrorNotice error={list.error} />;
  if (!list.data || list.data.items.length === 0) return null;
  const changed = () => {
    list.reload();
    onChanged();
  };
  return (
    <section aria-labelledby="paper-signatures-title">
      <h2 id="paper-signatures-title">{m('paperSignatures.title')}</h2>
      <p>{m('paperSignatures.intro')}</p>
      <ul class="cards">
        {list.data.items.map((entry) => (
          <PaperSignature key={entry.id} slug={slug} entry={entry} onChanged={changed} />
        ))}
      </ul>
    </section>
  );
}

function PaperSignature({ slug, entry, onChanged }: { slug: string; entry: Entry; onChanged: () => void }) {
  const { m, formatDate, locale } = useMobilityI18n();
  const [publicName, setPublicName] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const base = `/commitments/${encodeURIComponent(entry.commitmentId)}/offline-signatures/${encodeURIComponent(entry.id)}`;
  const act = async (what: 'confirm' | 'withdraw') => {
    setBusy(true);
    setError(null);
    try {
      await callApi('POST', territoryPath(slug, `${base}/${what}`), what === 'confirm' ? { body: { publicName } } : {});
      announce(m(what === 'confirm' ? 'paperSignatures.confirmedDone' : 'paperSignatures.withdrawnDone'));
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const pending = entry.state === 'pending';
  return (
    <li class="card" data-testid={`paper-signature-${entry.id}`}>
      <h3 class="card-title">
        <a href={paths.engagement(slug, entry.commitmentId)}>{entry.wording}</a>
      </h3>
      <p class="card-text meta">{m('paperSignatures.entered', { date: formatDate(entry.enteredAt), reference: entry.reference })}</p>
      <p class="card-text">{pending ? m('paperSignatures.pending') : m('paperSignatures.confirmed', { date: lastSigningDay(entry.signingDeadline, locale, new Date().getFullYear()) })}</p>
      {error ? <ErrorNotice error={error} /> : null}
      {pending ? (
        <p class="card-text">
          <label>
            <input type="checkbox" checked={publicName} onChange={(event) => setPublicName(event.currentTarget.checked)} /> {m('paperSignatures.publicName')}
          </label>
        </p>
      ) : null}
      <p class="actions">
        {pending ? (
          <button type="button" class="button button-primary" disabled={busy} onClick={() => void act('confirm')}>
            {m('paperSignatures.confirm')}
          </button>
        ) : null}
        <button type="button" class="button button-quiet" disabled={busy} onClick={() => void act('withdraw')}>
          {m('paperSignatures.withdraw')}
        </button>
      </p>
    </li>
  );
}

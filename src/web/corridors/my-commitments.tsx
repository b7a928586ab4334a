/** @module My commitments on this corridor, each with "Je l'ai fait aujourd'hui" (and who else did it this week). */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { formatDay, isoWeekday, weekdayList } from '../core/dates.ts';
import { describeApiError } from '../core/error-message.ts';
import { ErrorNotice } from '../core/status.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { paths } from '../core/paths.ts';
import { NotAlone } from '../impact/not-alone.tsx';
import type { Commitment, CorridorView, RecordedShift as Recorded } from './types.ts';

interface Props {
  slug: string;
  corridor: CorridorView;
  commitments: readonly Commitment[];
  onChange: () => void;
}

export function MyCommitments({ slug, corridor, commitments, onChange }: Props) {
  return (
    <ul class="cards">
      {commitments.map((commitment) => (
        <CommitmentCard key={commitment.id} slug={slug} corridor={corridor} commitment={commitment} onChange={onChange} />
      ))}
    </ul>
  );
}

function CommitmentCard({ slug, corridor, commitment, onChange }: { slug: string; corridor: CorridorView; commitment: Commitment; onChange: () => void }) {
  const { m, t, locale } = useMobilityI18n();
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const slots = corridor.periods.find((p) => p.period === commitment.period)?.slots ?? [];
  const from = slots[commitment.fromSlot]?.start ?? '?';
  const to = slots[commitment.toSlot]?.start ?? '?';
  // "Today" is the territory's day as the server counts it, sent with the corridor.
  const today = corridor.date;
  const coversToday = commitment.weekdays.includes(isoWeekday(today));
  const base = territoryPath(slug, `/shift-commitments/${encodeURIComponent(commitment.id)}`);

  const run = (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError('');
    work()
      .catch((caught: unknown) => setError(describeApiError(toApiError(caught), t)))
      .finally(() => setBusy(false));
  };
  const record = () =>
    run(async () => {
      const result = await callApi<Recorded>('POST', `${base}/shifts`, { body: { date: today } });
      setRecorded(result);
      announce(m(result.created ? 'commitment.recorded' : 'commitment.already'));
      onChange();
    });
  const end = () =>
    run(async () => {
      await callApi('DELETE', base);
      announce(m('commitment.ended'));
      onChange();
    });

  return (
    <li class="card">
      <h3 class="card-title">{m(commitment.period === 'am' ? 'commitment.titleAm' : 'commitment.titlePm', { from, to })}</h3>
      <p class="card-text">{m('commitment.days', { days: weekdayList(locale, commitment.weekdays) })}</p>
      {recorded ? (
        <div class="notice notice-success" role="status">
          <p>{m(recorded.created ? 'commitment.recorded' : 'commitment.already')}</p>
          <SparedToday spared={recorded.delaySpared} />
          <p>
            <a href={paths.myImpact(slug)}>{m('commitment.seeImpact')}</a>
          </p>
          <NotAlone counts={recorded.notAlone} />
        </div>
      ) : null}
      {error ? <ErrorNotice message={error} /> : null}
      <p class="actions">
        {coversToday ? (
          <button type="button" class="button button-primary" aria-disabled={busy ? 'true' : undefined} onClick={record}>
            {m('commitment.didIt')}
          </button>
        ) : (
          <span class="meta">{m('commitment.notToday', { date: formatDay(locale, today, false) })}</span>
        )}
        <button type="button" class="button button-quiet button-small" aria-disabled={busy ? 'true' : undefined} onClick={end}>
          {m('commitment.end')}
        </button>
      </p>
    </li>
  );
}

/** What this shift spared the others today, by the queue model, with its source: the figure my impact adds up. */
function SparedToday({ spared }: { spared: Recorded['delaySpared'] }) {
  const { m, locale, formatNumber } = useMobilityI18n();
  const hours = formatNumber(Math.abs(spared.vehicleHours), 2);
  const key = spared.vehicleHours > 0 ? 'commitment.spared' : spared.vehicleHours < 0 ? 'commitment.sparedWorse' : 'commitment.sparedNone';
  return (
    <>
      <p data-testid="shift-spared" data-hours={spared.vehicleHours}>
        {m(key, { hours })}
      </p>
      <p class="figure-source">{m('commitment.sparedSource', { date: formatDay(locale, spared.computedOn, false) })}</p>
    </>
  );
}

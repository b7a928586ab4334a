/** @module The saved commute: distance and how it was measured, days, windows, mode; and deleting it. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { weekdayList } from '../core/dates.ts';
import { describeApiError } from '../core/error-message.ts';
import { ErrorNotice } from '../core/status.tsx';
import { useAction } from '../core/use-action.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { distanceSourceKey } from './labels.ts';
import type { CommuteProfile } from './types.ts';

export function ProfileSummary({ slug, profile, onDeleted }: { slug: string; profile: CommuteProfile; onDeleted: () => void }) {
  const { m, t, locale, formatNumber } = useMobilityI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const sourceKey = distanceSourceKey(profile.distanceSource);

  const action = useAction((caught) => setError(describeApiError(toApiError(caught), t)));
  const remove = () => {
    setError('');
    action.run(async () => {
      await callApi('DELETE', territoryPath(slug, '/commute-profile'));
      announce(m('commute.deleted'));
      onDeleted();
    });
  };

  return (
    <section aria-labelledby="commute-summary-title" class="panel">
      <h2 id="commute-summary-title">{m('commute.summary')}</h2>
      <dl class="facts">
        <div>
          <dt>{m('commute.distance')}</dt>
          <dd>
            <strong class="distance">{m('unit.km', { value: formatNumber(profile.distanceKm, 1) })}</strong>
            <span class="figure-source">
              {' '}
              {sourceKey ? m(sourceKey) : <span lang="en">{profile.distanceSource}</span>}
            </span>
          </dd>
        </div>
        <div>
          <dt>{m('commute.weekdays')}</dt>
          <dd>{weekdayList(locale, profile.weekdays)}</dd>
        </div>
        <div>
          <dt>{m('commute.out')}</dt>
          <dd>{m('window.range', { start: profile.out.start, end: profile.out.end })}</dd>
        </div>
        <div>
          <dt>{m('commute.back')}</dt>
          <dd>{m('window.range', { start: profile.back.start, end: profile.back.end })}</dd>
        </div>
        <div>
          <dt>{m('commute.usualMode')}</dt>
          <dd>{m(`mode.${profile.usualMode}`)}</dd>
        </div>
        <div>
          <dt>{m('commute.occupancy')}</dt>
          <dd>{formatNumber(profile.carOccupancy)}</dd>
        </div>
        <div>
          <dt>{m('commute.cells')}</dt>
          <dd>
            {m('commute.cellsValue', { home: profile.homeCell, work: profile.workCell })}
          </dd>
        </div>
      </dl>
      {error ? <ErrorNotice message={error} /> : null}
      {confirming ? (
        <div class="actions">
          <p>{m('commute.deleteConfirm')}</p>
          <button type="button" class="button button-danger" aria-disabled={action.busy ? 'true' : undefined} onClick={remove}>
            {m('commute.deleteYes')}
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            {m('action.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>
          {m('commute.delete')}
        </button>
      )}
    </section>
  );
}

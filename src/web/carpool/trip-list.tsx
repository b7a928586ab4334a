/** @module My trips (offers and requests): when and where, each open one with its explained matches shown at once, and closing it. */
import { useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { useAction } from '../core/use-action.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { ErrorNotice } from '../core/status.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { CommuteProfile } from '../commute/types.ts';
import { MatchList } from './match-list.tsx';
import type { Trip } from './types.ts';
import { useTripWords } from './use-trip-words.ts';

interface Props {
  slug: string;
  trips: readonly Trip[];
  profile: CommuteProfile | null;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onChange: () => void;
  onProposed: () => void;
}

export function TripList({ slug, trips, profile, selected, onSelect, onChange, onProposed }: Props) {
  const { m, t } = useMobilityI18n();
  const words = useTripWords(profile);
  const [error, setError] = useState('');
  // Matches show without a click; a person may fold those of a trip away.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string, showing: boolean) => {
    const next = new Set(folded);
    if (showing) next.add(id);
    else next.delete(id);
    setFolded(next);
    onSelect(showing ? null : id);
  };
  const action = useAction((caught) => setError(describeApiError(toApiError(caught), t)));
  const close = (trip: Trip) => {
    setError('');
    action.run(async () => {
      await callApi('POST', territoryPath(slug, `/carpool/trips/${encodeURIComponent(trip.id)}/close`));
      announce(m('trip.closed'));
      if (selected === trip.id) onSelect(null);
      onChange();
    });
  };
  return (
    <>
      {error ? <ErrorNotice message={error} /> : null}
      <ul class="cards">
        {trips.map((trip) => {
          const open = trip.status === 'open';
          const showing = open && (selected === trip.id || !folded.has(trip.id));
          return (
            <li key={trip.id} class="card">
              <h3 class="card-title">
                {m(trip.role === 'driver' ? 'trip.title.driver' : 'trip.title.passenger')} · {words.route(trip)}
              </h3>
              <p class="card-text">{words.schedule(trip)}</p>
              <p class="card-text">
                {m(trip.role === 'driver' ? 'trip.seatsOffered' : 'trip.seatsNeeded', { seats: trip.seats })}
                {open ? null : (
                  <>
                    {' '}
                    <span class="badge badge-muted">{m('trip.closedBadge')}</span>
                  </>
                )}
              </p>
              {open ? (
                <p class="actions">
                  <button type="button" class="button button-small" aria-expanded={showing ? 'true' : 'false'} aria-controls={`matches-${trip.id}`} onClick={() => toggle(trip.id, showing)}>
                    {m(showing ? 'trip.hideMatches' : 'trip.showMatches')}
                  </button>
                  <button type="button" class="button button-small button-quiet" aria-disabled={action.busy ? 'true' : undefined} onClick={() => close(trip)}>
                    {m('trip.close')}
                  </button>
                </p>
              ) : null}
              <div id={`matches-${trip.id}`}>{showing ? <MatchList slug={slug} trip={trip} profile={profile} onProposed={onProposed} /> : null}</div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** @module The explained matches of one of my trips, best first, each with "Proposer ce trajet" for a chosen day. */
import { territoryPath } from '../core/api.ts';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { CommuteProfile } from '../commute/types.ts';
import { MatchMap } from './match-map.tsx';
import { ProposeForm } from './propose-form.tsx';
import type { ProposedMatch, Trip } from './types.ts';
import { useTripWords } from './use-trip-words.ts';

interface Props {
  slug: string;
  trip: Trip;
  profile: CommuteProfile | null;
  onProposed: () => void;
}

export function MatchList({ slug, trip, profile, onProposed }: Props) {
  const { m, mp } = useMobilityI18n();
  const matches = useFetch<{ items: ProposedMatch[] }>(territoryPath(slug, `/carpool/trips/${encodeURIComponent(trip.id)}/matches`));
  if (matches.error) return <ErrorNotice error={matches.error} />;
  if (!matches.data) return <Loading />;
  const items = matches.data.items;
  return (
    <section class="matches" aria-labelledby={`matches-title-${trip.id}`}>
      <h4 id={`matches-title-${trip.id}`}>{mp('match.title', items.length)}</h4>
      {items.length === 0 ? <p>{m(trip.role === 'driver' ? 'match.noneDriver' : 'match.nonePassenger')}</p> : null}
      <ul class="cards">
        {items.map((match) => (
          <MatchCard key={match.trip.id} slug={slug} trip={trip} match={match} profile={profile} onProposed={onProposed} />
        ))}
      </ul>
    </section>
  );
}

function MatchCard({ slug, trip, match, profile, onProposed }: { slug: string; trip: Trip; match: ProposedMatch; profile: CommuteProfile | null; onProposed: () => void }) {
  const { m, formatNumber } = useMobilityI18n();
  const words = useTripWords(profile);
  const km = (value: number) => formatNumber(value, 1);
  return (
    <li class="card match">
      <h5 class="card-title">
        {m(match.trip.role === 'driver' ? 'match.driver' : 'match.passenger', { name: match.person.displayName })}
        {match.sharedCommunity ? (
          <>
            {' '}
            <span class="badge">{m('match.sharedCommunity')}</span>
          </>
        ) : null}
      </h5>
      <p class="card-text">{words.schedule(match.trip)}</p>
      {/* Both trips, and the meeting point proposed near the passenger (server carpool/meeting-point.ts), in a sentence and on a map. */}
      <MatchMap slug={slug} trip={trip} match={match} profile={profile} />
      <dl class="facts facts-inline">
        <div>
          <dt>{m('match.detour')}</dt>
          <dd>{m('match.detourValue', { km: km(match.detourKm), min: formatNumber(match.detourMin) })}</dd>
        </div>
        <div>
          <dt>{m('match.timeGap')}</dt>
          <dd>{m('unit.min', { value: formatNumber(match.timeGapMin) })}</dd>
        </div>
        <div>
          <dt>{m('match.shared')}</dt>
          <dd>{m('match.sharedValue', { shared: km(match.sharedKm), total: km(match.driverKm) })}</dd>
        </div>
        <div>
          <dt>{m('match.co2')}</dt>
          <dd>{m('unit.kgCo2', { value: formatNumber(match.co2eSavedKg, 1) })}</dd>
        </div>
      </dl>
      <p class="explanation">
        {m('match.why', {
          community: match.sharedCommunity ? m('match.why.community') : '',
          km: km(match.detourKm),
          min: formatNumber(match.detourMin),
          gap: formatNumber(match.timeGapMin),
          shared: km(match.sharedKm),
          co2: formatNumber(match.co2eSavedKg, 2),
        })}
      </p>
      <ProposeForm slug={slug} trip={trip} match={match} onProposed={onProposed} />
    </li>
  );
}

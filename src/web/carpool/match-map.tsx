/**
 * @module A match's small map: the driver's and the passenger's trips as origin → destination lines between the points
 * Maille keeps (their H3 cells' centres, or the public meeting points they chose — never an address) and the proposed
 * meeting point. A sentence above it says everything it shows; MapLibre loads only when it nears the screen.
 */
import { useRef } from 'preact/hooks';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import type { CommuteProfile } from '../commute/types.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { metresBetween, nameOfPlace, nearestCommuneName, roundedDistance } from './describe.ts';
import type { ProposedMatch, Trip, TripPlace } from './types.ts';
import { useLazyMap } from './use-lazy-map.ts';
import './carpool.css';

interface Props {
  slug: string;
  /** My trip. */
  trip: Trip;
  match: ProposedMatch;
  profile: CommuteProfile | null;
}

export function MatchMap({ slug, trip, match, profile }: Props) {
  const { m, formatNumber } = useMobilityI18n();
  const communes = useCommunes(slug);
  const container = useRef<HTMLDivElement>(null);
  const iDrive = trip.role === 'driver';
  const driver = iDrive ? trip : match.trip;
  const passenger = iDrive ? match.trip : trip;
  const point = (p: TripPlace) => ({ lat: p.lat, lng: p.lng });

  const placeName = (p: TripPlace, mine: boolean): string => {
    const name = nameOfPlace(p, mine ? profile : null);
    if (name.kind === 'meeting') return name.name;
    if (name.kind === 'home') return m('trip.home');
    if (name.kind === 'work') return m('trip.work');
    const commune = nearestCommuneName(p, communes);
    return commune ? m('matchMap.near', { commune }) : m('trip.near', { lat: formatNumber(p.lat, 3), lng: formatNumber(p.lng, 3) });
  };
  const route = (t: Trip, mine: boolean) => ({ from: placeName(t.origin, mine), to: placeName(t.destination, mine) });
  const meeting = match.meetingPoint;
  const distance = meeting ? roundedDistance(metresBetween(passenger.origin, meeting)) : null;
  const distanceText =
    !distance || distance.unit === 'near' ? '' : distance.unit === 'm' ? m('matchMap.metres', { value: formatNumber(distance.value) }) : m('unit.km', { value: formatNumber(distance.value, 1) });
  const meetingText = !meeting
    ? m('matchMap.noMeeting')
    : distance?.unit === 'near'
      ? m(iDrive ? 'matchMap.meetingAtTheirStart' : 'matchMap.meetingAtMyStart', { name: meeting.name })
      : m(iDrive ? 'matchMap.meetingFromTheirStart' : 'matchMap.meetingFromMyStart', { name: meeting.name, distance: distanceText });
  const caption = [
    m('matchMap.driverTrip', route(driver, iDrive)),
    m('matchMap.passengerTrip', route(passenger, !iDrive)),
    meetingText,
  ].join(' ; ');

  const state = useLazyMap(slug, container, m('matchMap.title', { name: match.person.displayName }), `${trip.id}:${match.trip.id}:${meeting?.name ?? ''}`, (module, common) =>
    module.drawMatchMap({
      ...common,
      driver: { from: point(driver.origin), to: point(driver.destination) },
      passenger: { from: point(passenger.origin), to: point(passenger.destination) },
      meetingPoint: meeting ? { name: meeting.name, lat: meeting.lat, lng: meeting.lng } : null,
    }),
  );
  const unavailable = state === 'no-webgl' || state === 'failed';

  return (
    <figure class="carpool-map-figure" data-map-state={state}>
      <figcaption class="card-text carpool-map-caption">{`${caption}.`}</figcaption>
      {unavailable ? (
        <p class="meta">{m('matchMap.unavailable')}</p>
      ) : (
        <div class="map-frame">
          {/* The sentence above says what the map shows: the drawing itself is left out of the accessibility tree. */}
          <div ref={container} class="map carpool-map" aria-hidden="true" />
          {state === 'ready' ? null : <p class="map-status">{m('matchMap.loading')}</p>}
        </div>
      )}
      {unavailable ? null : <p class="meta carpool-map-legend" aria-hidden="true">{m('matchMap.legend')}</p>}
    </figure>
  );
}

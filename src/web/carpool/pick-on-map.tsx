/**
 * @module "Choisir sur la carte" under a trip end: a map of the territory's public meeting points, each a button; a
 * click on one picks it (its name and spot), a click elsewhere picks that point (kept as its H3 cell by the server).
 * The picker above then shows the choice in its own fields, and a line here says what was picked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getApi } from '../core/api.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { degreesText } from '../commute/places.ts';
import type { PlaceDraft } from '../commute/resolve-place.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { placesApi, type MeetingPointList } from '../places/types.ts';
import { useTerritory } from '../territories/load-territory.ts';
import { nearestCommuneName } from './describe.ts';
import { useLazyMap } from './use-lazy-map.ts';
import './carpool.css';

interface Props {
  slug: string;
  /** The field's id prefix (origin, destination). */
  name: string;
  /** "le départ", "l’arrivée": what the map picks. */
  what: string;
  value: PlaceDraft;
  onValue: (value: PlaceDraft) => void;
}

type Points = MeetingPointList['items'];

/** Around the meeting points (where people can meet) when there are two or more, else the territory's box. */
function firstView(points: Points, bbox: [number, number, number, number] | undefined): [number, number, number, number] | null {
  if (points.length >= 2) {
    const lats = points.map((p) => p.lat);
    const lons = points.map((p) => p.lon);
    return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  }
  return bbox ?? null;
}

export function PickOnMap({ slug, name, what, value, onValue }: Props) {
  const { m, formatNumber } = useMobilityI18n();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState('');
  const mapId = `${name}-map`;
  return (
    <div class="carpool-pick">
      <button type="button" class="button button-small" aria-expanded={open ? 'true' : 'false'} aria-controls={mapId} onClick={() => setOpen(!open)}>
        {m(open ? 'pickMap.hide' : 'pickMap.show', { what })}
      </button>
      <div id={mapId} hidden={!open}>
        {open ? (
          <PickMap
            slug={slug}
            what={what}
            onPick={(draft, words) => {
              onValue({ ...value, ...draft });
              setPicked(words);
            }}
            pointWords={(lat, lng, commune) =>
              commune ? m('pickMap.chosenPointNear', { commune }) : m('pickMap.chosenPoint', { lat: formatNumber(lat, 4), lng: formatNumber(lng, 4) })
            }
          />
        ) : null}
      </div>
      <p class="carpool-pick-status" role="status" aria-live="polite">
        {picked}
      </p>
    </div>
  );
}

interface MapProps {
  slug: string;
  what: string;
  onPick: (draft: Partial<PlaceDraft>, words: string) => void;
  pointWords: (lat: number, lng: number, commune: string | null) => string;
}

function PickMap({ slug, what, onPick, pointWords }: MapProps) {
  const { m } = useMobilityI18n();
  const container = useRef<HTMLDivElement>(null);
  const communes = useCommunes(slug);
  const { territory } = useTerritory(slug);
  const [points, setPoints] = useState<Points | null>(null);
  // The map is drawn once; a click reads the communes as they are then (they may arrive after the map).
  const communesNow = useRef(communes);
  communesNow.current = communes;
  useEffect(() => {
    let live = true;
    // Without the list (a failed request) the map still picks points.
    getApi<MeetingPointList>(placesApi.meetingPoints(slug)).then(
      (list) => live && setPoints(list.items),
      () => live && setPoints([]),
    );
    return () => {
      live = false;
    };
  }, [slug]);
  const view = points ? firstView(points, territory?.bbox) : null;
  const ready = view !== null && points !== null;
  const state = useLazyMap(slug, container, m('pickMap.title', { what }), ready ? `${points.length}:${view.join(',')}` : 'waiting', (module, common) =>
    ready
      ? module.drawPickMap({
          ...common,
          bbox: view,
          meetingPoints: points.map((p) => ({ id: p.id, name: p.name, lat: p.lat, lng: p.lon })),
          markerLabel: (pointName) => m('pickMap.marker', { name: pointName }),
          onMeetingPoint: (id) => {
            const point = points.find((p) => p.id === id);
            if (!point) return;
            onPick({ kind: 'meeting', name: point.name, lat: degreesText(point.lat), lng: degreesText(point.lon) }, m('pickMap.chosenMeeting', { name: point.name }));
          },
          onPoint: ({ lat, lng }) => onPick({ kind: 'coords', lat: degreesText(lat), lng: degreesText(lng) }, pointWords(lat, lng, nearestCommuneName({ lat, lng }, communesNow.current))),
        })
      : () => undefined,
  );
  const unavailable = state === 'no-webgl' || state === 'failed';
  return (
    <div class="carpool-pick-map" data-map-state={ready ? state : 'waiting'}>
      <p class="field-hint">{m('pickMap.hint')}</p>
      {unavailable ? (
        <p class="meta">{m('pickMap.unavailable')}</p>
      ) : (
        <div class="map-frame">
          <div ref={container} class="map carpool-map carpool-map-large" />
          {state === 'ready' ? null : <p class="map-status">{m('matchMap.loading')}</p>}
        </div>
      )}
    </div>
  );
}

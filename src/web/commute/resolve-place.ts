/** @module A place as typed in a picker (commune, coordinates, meeting point, or the commute's home/work) → a point for the API. */
import type { FieldErrors } from '../core/use-form.ts';
import type { MobilityKey } from '../i18n/mobility-fr.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { degreesText, parseDegrees } from './places.ts';
import type { CommuteProfile, LatLng } from './types.ts';
import type { CommuneChoice } from './use-communes.ts';

export type PlaceKind = 'home' | 'work' | 'commune' | 'meeting' | 'coords';

/** Every input of a picker is kept as typed, so switching kinds loses nothing. */
export interface PlaceDraft {
  kind: PlaceKind;
  commune: string;
  lat: string;
  lng: string;
  name: string;
}

export interface ResolvedPlace extends LatLng {
  meetingPoint?: string;
}

export function emptyPlace(kind: PlaceKind, at?: LatLng): PlaceDraft {
  return { kind, commune: '', lat: at ? degreesText(at.lat) : '', lng: at ? degreesText(at.lng) : '', name: '' };
}

/** The form field names a picker named `name` uses (for useForm and the error summary). */
export function placeFieldNames(name: string): string[] {
  return [name, `${name}Commune`, `${name}Lat`, `${name}Lng`, `${name}Name`];
}

interface Context {
  communes: readonly CommuneChoice[] | undefined;
  profile: CommuteProfile | null | undefined;
  m: (key: MobilityKey | MessageKey) => string;
}

export function resolvePlace(name: string, draft: PlaceDraft, { communes, profile, m }: Context): { place: ResolvedPlace | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (draft.kind === 'home' || draft.kind === 'work') {
    const centre = draft.kind === 'home' ? profile?.homeCenter : profile?.workCenter;
    if (!centre) return { place: null, errors: { [name]: m('place.noProfile') } };
    return { place: { ...centre }, errors };
  }
  if (draft.kind === 'commune') {
    const commune = communes?.find((c) => c.code === draft.commune);
    if (!commune) return { place: null, errors: { [`${name}Commune`]: m('place.chooseCommune') } };
    return { place: { ...commune.centre }, errors };
  }
  const lat = parseDegrees(draft.lat, -90, 90);
  const lng = parseDegrees(draft.lng, -180, 180);
  if (lat === null) errors[`${name}Lat`] = draft.lat.trim() ? m('place.latInvalid') : m('form.required');
  if (lng === null) errors[`${name}Lng`] = draft.lng.trim() ? m('place.lngInvalid') : m('form.required');
  const meetingName = draft.name.trim();
  if (draft.kind === 'meeting' && !meetingName) errors[`${name}Name`] = m('form.required');
  if (lat === null || lng === null || Object.keys(errors).length > 0) return { place: null, errors };
  return { place: draft.kind === 'meeting' ? { lat, lng, meetingPoint: meetingName } : { lat, lng }, errors };
}

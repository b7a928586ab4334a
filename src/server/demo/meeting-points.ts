/**
 * @module The demo territory's meeting points: an invented set of public places around Dijon (park-and-ride, tram and
 * bus stops, car parks, a station). Names and positions are plausible, not a transport operator's data; each one says
 * so in its notes. A real territory imports its own from a GTFS stops.txt or adds them by hand.
 */
import type { Executor } from '../core/database/schema.ts';
import { addMeetingPoints, type NewMeetingPoint } from '../places/index.ts';

const INVENTED = 'Point de rencontre inventé pour la démonstration de Maille.';

export const DEMO_MEETING_POINTS: readonly NewMeetingPoint[] = [
  { name: 'Parking relais Valmy (démo)', kind: 'park_and_ride', lat: 47.3526, lon: 5.0458, notes: `${INVENTED} Au bout de la ligne de tram, côté nord.` },
  { name: 'Parking relais Chenôve Centre (démo)', kind: 'park_and_ride', lat: 47.2925, lon: 5.0065, notes: INVENTED },
  { name: 'Parking relais Quetigny Grand Marché (démo)', kind: 'park_and_ride', lat: 47.3147, lon: 5.1071, notes: INVENTED },
  { name: 'Arrêt de tram Darcy (démo)', kind: 'tram_stop', lat: 47.3225, lon: 5.0346, notes: INVENTED },
  { name: 'Arrêt de tram République (démo)', kind: 'tram_stop', lat: 47.3278, lon: 5.0446, notes: INVENTED },
  { name: 'Arrêt de tram Université (démo)', kind: 'tram_stop', lat: 47.3138, lon: 5.0667, notes: INVENTED },
  { name: 'Gare de Dijon-Ville (démo)', kind: 'station', lat: 47.3233, lon: 5.0271, notes: `${INVENTED} Devant l’entrée principale.` },
  { name: 'Arrêt de bus Talant Belvédère (démo)', kind: 'bus_stop', lat: 47.3360, lon: 5.0045, notes: INVENTED },
  { name: 'Arrêt de bus Longvic Mairie (démo)', kind: 'bus_stop', lat: 47.2876, lon: 5.0640, notes: INVENTED },
  { name: 'Parking du Zénith (démo)', kind: 'car_park', lat: 47.3085, lon: 5.0825, notes: INVENTED },
  { name: 'Parking Saint-Apollinaire Mairie (démo)', kind: 'car_park', lat: 47.3325, lon: 5.0835, notes: INVENTED },
  { name: 'Place de Fontaine-lès-Dijon (démo)', kind: 'other', lat: 47.3427, lon: 5.0205, notes: INVENTED },
];

/** Adds the invented meeting points to the demo territory (those it lacks); returns how many were added. */
export function ensureDemoMeetingPoints(db: Executor, territoryId: string): Promise<number> {
  return addMeetingPoints(db, territoryId, DEMO_MEETING_POINTS);
}

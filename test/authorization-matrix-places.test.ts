// The authorization matrix of places: every route × every kind of caller → the status it must get. Same harness as
// the core table (support/matrix.ts). Anyone reads places and meeting points, signed in or not, from any territory;
// only the territory's operators and admins add, edit, deactivate and import meeting points, or list deactivated ones.
import { anyone, describeMatrix, hasTag, operators, T, unique, type Row, type World } from './support/matrix.ts';

// The matrix territory is the factory's: commune 21001 « Alpha » is the square lon 5.0–5.1, lat 47.0–47.1.
const IN_ALPHA = { lat: 47.05, lon: 5.05 };
const P = (w: World) => `${T(w)}/places`;

async function meetingPoint(w: World): Promise<string> {
  const row = await w.t.database.db
    .insertInto('meeting_points')
    .values({ territory_id: w.territory.id, name: `Arrêt ${unique()}`, kind: 'bus_stop', ...IN_ALPHA, commune_code: '21001', notes: null, gtfs_stop_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// One row per route. `expect` reads, in order: [anonymous, resident, organiser, operator, admin, outsider]
// prettier-ignore
const MATRIX: Row[] = [
  { route: 'GET /api/territories/:t/places/search', build: (w) => ({ url: `${P(w)}/search?q=alpha` }), expect: anyone },
  { route: 'GET /api/territories/:t/places/reverse', build: (w) => ({ url: `${P(w)}/reverse?lat=${IN_ALPHA.lat}&lon=${IN_ALPHA.lon}` }), expect: anyone },
  { route: 'GET /api/territories/:t/places/meeting-points', build: (w) => ({ url: `${P(w)}/meeting-points` }), expect: anyone },
  { route: 'GET /api/territories/:t/places/meeting-points', note: 'deactivated ones too', build: (w) => ({ url: `${P(w)}/meeting-points?includeInactive=true` }), expect: operators(200) },
  { route: 'GET /api/territories/:t/places/meeting-points/nearest', build: (w) => ({ url: `${P(w)}/meeting-points/nearest?lat=${IN_ALPHA.lat}&lon=${IN_ALPHA.lon}` }), expect: anyone },
  { route: 'GET /api/territories/:t/places/meeting-points/:id', build: async (w) => ({ url: `${P(w)}/meeting-points/${await meetingPoint(w)}` }), expect: anyone },
  { route: 'POST /api/territories/:t/places/meeting-points', build: (w) => ({ url: `${P(w)}/meeting-points`, body: { name: `Parking ${unique()}`, kind: 'car_park', ...IN_ALPHA } }), expect: operators(201) },
  { route: 'PATCH /api/territories/:t/places/meeting-points/:id', build: async (w) => ({ url: `${P(w)}/meeting-points/${await meetingPoint(w)}`, body: { active: false } }), expect: operators(200) },
  { route: 'POST /api/territories/:t/places/meeting-points/import', build: (w) => ({ url: `${P(w)}/meeting-points/import`, body: { file: `stop_id,stop_name,stop_lat,stop_lon\n${unique()},Arrêt importé,47.05,5.05\n` } }), expect: operators(200) },
];

describeMatrix('authorization matrix (places)', MATRIX, { covers: hasTag('places'), atLeast: 8 });

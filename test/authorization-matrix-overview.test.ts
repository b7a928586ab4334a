// The authorization matrix of the home page's overview: the territory's week is public, my week is a resident's
// (someone from another territory is refused), the to-do list is the operators' and admins'. The live stream never
// ends, so it is checked over a real socket in src/server/overview/overview-http.test.ts.
import { anyone, describeMatrix, operators, residents, T, type Row } from './support/matrix.ts';

const MATRIX: Row[] = [
  { route: 'GET /api/territories/:t/overview', build: (w) => ({ url: `${T(w)}/overview` }), expect: anyone },
  { route: 'GET /api/territories/:t/overview/me', build: (w) => ({ url: `${T(w)}/overview/me` }), expect: residents(200) },
  { route: 'GET /api/territories/:t/overview/todo', build: (w) => ({ url: `${T(w)}/overview/todo` }), expect: operators(200) },
];

describeMatrix('authorization matrix of the overview', MATRIX, {
  covers: (tags) => tags.includes('overview'),
  excluded: { 'GET /api/territories/:t/overview/stream': 'server-sent events: the response never ends, app.inject cannot return it; checked over a socket in overview-http.test.ts' },
  atLeast: 3,
});

/** @module Web routes of the daily check-in pages (paths in French) and their API paths under /api/territories/:territory. */

const seg = encodeURIComponent;

export const checkInPaths = {
  bonjour: (t: string) => `/t/${seg(t)}/bonjour`,
  enrol: (t: string) => `/t/${seg(t)}/bonjour/inscription`,
  referent: (t: string) => `/t/${seg(t)}/bonjour/referent`,
  duty: (t: string) => `/t/${seg(t)}/bonjour/permanence`,
};

export const checkInApi = {
  me: '/check-ins/me',
  enrolment: '/check-ins/enrolment',
  pause: '/check-ins/enrolment/pause',
  resume: '/check-ins/enrolment/resume',
  referents: '/check-ins/enrolment/referents',
  referent: (userId: string) => `/check-ins/enrolment/referents/${seg(userId)}`,
  today: '/check-ins/today',
  watching: '/check-ins/watching',
  accept: (id: string) => `/check-ins/enrolments/${seg(id)}/accept`,
  decline: (id: string) => `/check-ins/enrolments/${seg(id)}/decline`,
  history: (id: string, reason?: string) => `/check-ins/enrolments/${seg(id)}/history${reason ? `?reason=${seg(reason)}` : ''}`,
  acknowledge: (id: string) => `/check-ins/alerts/${seg(id)}/acknowledge`,
  duty: '/check-ins/duty',
};

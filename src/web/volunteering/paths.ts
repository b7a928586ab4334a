/** @module Web routes of the volunteering pages (paths in French) and their API paths. */

const seg = encodeURIComponent;

export const volunteeringPaths = {
  search: (t: string) => `/t/${seg(t)}/benevolat`,
  mission: (t: string, id: string) => `/t/${seg(t)}/benevolat/missions/${seg(id)}`,
  organisation: (t: string, id: string) => `/t/${seg(t)}/benevolat/organisations/${seg(id)}`,
  myOrganisation: (t: string) => `/t/${seg(t)}/benevolat/mon-organisation`,
  myParticipations: (t: string) => `/t/${seg(t)}/benevolat/mes-participations`,
  validation: (t: string) => `/t/${seg(t)}/benevolat/validation`,
};

/** API paths under /api/territories/:territory. */
export const volunteeringApi = {
  organisations: '/volunteering/organisations',
  organisation: (id: string) => `/volunteering/organisations/${seg(id)}`,
  organisationDecision: (id: string) => `/volunteering/organisations/${seg(id)}/decision`,
  organisationMissions: (id: string) => `/volunteering/organisations/${seg(id)}/missions`,
  myOrganisations: '/volunteering/my-organisations',
  validation: '/volunteering/validation',
  missions: '/volunteering/missions',
  mission: (id: string) => `/volunteering/missions/${seg(id)}`,
  submit: (id: string) => `/volunteering/missions/${seg(id)}/submit`,
  missionDecision: (id: string) => `/volunteering/missions/${seg(id)}/decision`,
  cancelMission: (id: string) => `/volunteering/missions/${seg(id)}/cancel`,
  complete: (id: string) => `/volunteering/missions/${seg(id)}/complete`,
  participations: (id: string) => `/volunteering/missions/${seg(id)}/participations`,
  accept: (id: string) => `/volunteering/participations/${seg(id)}/accept`,
  refuse: (id: string) => `/volunteering/participations/${seg(id)}/refuse`,
  cancelParticipation: (id: string) => `/volunteering/participations/${seg(id)}/cancel`,
  attendance: (id: string) => `/volunteering/participations/${seg(id)}/attendance`,
  mine: '/volunteering/me/participations',
};

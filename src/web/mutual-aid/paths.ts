/** @module Web routes of the mutual-aid pages (paths in French) and their API paths. */

const seg = encodeURIComponent;

export const aidPaths = {
  ask: (t: string) => `/t/${seg(t)}/entraide/demander`,
  mine: (t: string) => `/t/${seg(t)}/entraide/mes-demandes`,
  nearby: (t: string) => `/t/${seg(t)}/entraide/a-proximite`,
  helper: (t: string) => `/t/${seg(t)}/entraide/aider`,
  offers: (t: string) => `/t/${seg(t)}/entraide/propositions`,
};

/** API paths under /api/territories/:territory. */
export const aidApi = {
  requests: '/mutual-aid/requests',
  mine: '/mutual-aid/requests/mine',
  nearby: '/mutual-aid/requests/nearby',
  helping: '/mutual-aid/requests/helping',
  request: (id: string) => `/mutual-aid/requests/${seg(id)}`,
  address: (id: string) => `/mutual-aid/requests/${seg(id)}/address`,
  offer: (id: string) => `/mutual-aid/requests/${seg(id)}/offers`,
  myOffer: (id: string) => `/mutual-aid/requests/${seg(id)}/offers/mine`,
  accept: (id: string) => `/mutual-aid/requests/${seg(id)}/accept`,
  done: (id: string) => `/mutual-aid/requests/${seg(id)}/done`,
  cancel: (id: string) => `/mutual-aid/requests/${seg(id)}/cancel`,
  thanks: (id: string) => `/mutual-aid/requests/${seg(id)}/thanks`,
  profile: '/mutual-aid/helper-profile',
  offers: '/mutual-aid/offers',
  standingOffer: (id: string) => `/mutual-aid/offers/${seg(id)}`,
  impact: '/mutual-aid/impact',
  myImpact: '/mutual-aid/impact/me',
};

/** @module Web route of the observatory page (path in French) and its API paths under /api. */

const seg = encodeURIComponent;

export const observatoryPaths = {
  page: (t: string) => `/t/${seg(t)}/observatoire`,
};

const base = (t: string) => `/territories/${seg(t)}/observatory`;

export const observatoryApi = {
  things: (t: string) => `${base(t)}/things`,
  alerts: (t: string) => `${base(t)}/alerts?status=live`,
  acknowledge: (t: string, id: string) => `${base(t)}/alerts/${seg(id)}/acknowledge`,
  resolve: (t: string, id: string) => `${base(t)}/alerts/${seg(id)}/resolve`,
  zones: (t: string) => `${base(t)}/zones`,
  clusters: (t: string) => `${base(t)}/zones/clusters`,
  commands: (t: string) => `${base(t)}/commands`,
  decision: (t: string, id: string) => `${base(t)}/commands/${seg(id)}/decision`,
  communes: (t: string) => `/territories/${seg(t)}/communes`,
};

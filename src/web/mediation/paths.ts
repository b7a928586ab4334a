/** @module Web routes of the mediation pages and the audit log (paths in French). */

const seg = encodeURIComponent;

export const mediationPaths = {
  mediation: (t: string) => `/t/${seg(t)}/mediation`,
  takeover: (t: string) => `/t/${seg(t)}/reprendre-mon-compte`,
  audit: (t: string) => `/t/${seg(t)}/journal`,
};

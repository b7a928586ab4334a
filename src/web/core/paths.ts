/** @module Every web route in one place (paths in French), plus safe handling of the ?retour= parameter. */

const seg = encodeURIComponent;

function withReturn(path: string, retour?: string): string {
  const safe = retour === undefined ? null : safeReturnPath(retour);
  return safe ? `${path}?retour=${encodeURIComponent(safe)}` : path;
}

export const paths = {
  root: () => '/',
  home: (t: string) => `/t/${seg(t)}`,
  signUp: (t: string, retour?: string) => withReturn(`/t/${seg(t)}/inscription`, retour),
  signIn: (t: string, retour?: string) => withReturn(`/t/${seg(t)}/connexion`, retour),
  forgotPassword: (t: string) => `/t/${seg(t)}/mot-de-passe-oublie`,
  resetPassword: () => '/reinitialiser',
  myCommunities: (t: string) => `/t/${seg(t)}/mes-communautes`,
  directory: (t: string) => `/t/${seg(t)}/communautes`,
  createCommunity: (t: string) => `/t/${seg(t)}/communautes/nouvelle`,
  community: (t: string, id: string) => `/t/${seg(t)}/communautes/${seg(id)}`,
  invite: (t: string, code: string) => `/t/${seg(t)}/invitation/${seg(code)}`,
  account: (t: string) => `/t/${seg(t)}/compte`,
  commute: (t: string) => `/t/${seg(t)}/trajet`,
  carpool: (t: string) => `/t/${seg(t)}/covoiturage`,
  ride: (t: string, id: string) => `/t/${seg(t)}/covoiturage/trajets/${seg(id)}`,
  corridors: (t: string) => `/t/${seg(t)}/axes`,
  corridor: (t: string, id: string) => `/t/${seg(t)}/axes/${seg(id)}`,
  engagements: (t: string) => `/t/${seg(t)}/engagements`,
  createEngagement: (t: string) => `/t/${seg(t)}/engagements/nouveau`,
  engagement: (t: string, id: string) => `/t/${seg(t)}/engagements/${seg(id)}`,
  myEngagements: (t: string) => `/t/${seg(t)}/mes-engagements`,
  myImpact: (t: string) => `/t/${seg(t)}/impact`,
  territoryImpact: (t: string) => `/t/${seg(t)}/impact/territoire`,
  reviews: (t: string) => `/t/${seg(t)}/verifications`,
  notifications: () => '/notifications',
  devMail: () => '/dev/courriels',
};

/** Accepts only a same-site path ("/t/x/…"); rejects "//evil.example", "https://…", "/\\evil". */
export function safeReturnPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if ([...value].some((char) => char.charCodeAt(0) < 0x20)) return null; // no control characters
  return value;
}

/** The territory slug of a /t/:territory/… path, or null elsewhere. */
export function territoryOfPath(path: string): string | null {
  const match = /^\/t\/([^/?#]+)/.exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

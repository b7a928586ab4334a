/** @module Web route of the meeting points page (used by the router and links, so it carries no dictionary). */

export const placesPaths = {
  meetingPoints: (t: string) => `/t/${encodeURIComponent(t)}/points-de-rencontre`,
};

/** @module Web route of the moderation page (used by the header, so it carries no dictionary). */

export const moderationPaths = {
  queue: (t: string) => `/t/${encodeURIComponent(t)}/moderation`,
};

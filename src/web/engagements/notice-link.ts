/**
 * @module What a notification's link opens, in words: each notice links to one page, and its link says which one
 * ("Voir l'engagement", "Voir mes demandes d'aide", "Voir la mission"…), instead of one wording for every kind.
 * Decided from the link's path, the one thing every notice kind shares; an unknown page reads "Ouvrir".
 */
import type { EngagementKey } from '../i18n/engagements-fr.ts';

const PAGES: readonly [RegExp, EngagementKey][] = [
  [/^\/t\/[^/]+\/engagements\/[^/]+$/, 'notifications.open.commitment'],
  [/^\/t\/[^/]+\/mes-engagements$/, 'notifications.open.myCommitments'],
  [/^\/t\/[^/]+\/entraide\/mes-demandes$/, 'notifications.open.myAidRequests'],
  [/^\/t\/[^/]+\/entraide\/a-proximite$/, 'notifications.open.nearbyAid'],
  [/^\/t\/[^/]+\/benevolat\/missions\/[^/]+$/, 'notifications.open.mission'],
  [/^\/t\/[^/]+\/benevolat\/organisations\/[^/]+$/, 'notifications.open.organisation'],
  [/^\/t\/[^/]+\/benevolat\/mon-organisation$/, 'notifications.open.myOrganisation'],
  [/^\/t\/[^/]+\/bonjour\/referent$/, 'notifications.open.referent'],
  [/^\/t\/[^/]+\/bonjour\/permanence$/, 'notifications.open.duty'],
  [/^\/t\/[^/]+\/bonjour$/, 'notifications.open.checkIn'],
  [/^\/t\/[^/]+\/covoiturage\/trajets\/[^/]+$/, 'notifications.open.ride'],
];

/** The dictionary key of the words on a notice's link, from the page it opens. */
export function noticeLinkKey(link: string): EngagementKey {
  const path = link.split(/[?#]/, 1)[0] ?? '';
  return PAGES.find(([pattern]) => pattern.test(path))?.[1] ?? 'notifications.open';
}

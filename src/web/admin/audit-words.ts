/**
 * @module The audit log in words: a sentence for each action, a readable name for each subject with a link where a
 * page shows it to an admin, and a short line for the details that matter (roles before and after, people shown).
 */
import { paths } from '../core/paths.ts';
import { incentivePaths } from '../incentives/paths.ts';
import { adminFr, type AdminKey } from '../i18n/admin-fr.ts';
import { adminPaths } from './paths.ts';
import type { AdminI18n } from './use-admin-i18n.ts';

type Details = Record<string, unknown>;

/** Every action code with words, from the dictionary (its keys are checked against the server's list). */
export const ACTION_CODES: readonly string[] = Object.keys(adminFr)
  .filter((key) => key.startsWith('action.'))
  .map((key) => key.slice('action.'.length));

const known = (key: string): key is AdminKey => key in adminFr;

/** « A inscrit une personne aux appels Bonjour »; an unknown code (a newer server) shows as itself. */
export function actionWords({ a }: AdminI18n, action: string): string {
  const key = `action.${action}`;
  return known(key) ? a(key) : action;
}

/** Pages an admin may open for a subject: public pages, or the admin screens themselves. */
function subjectHref(slug: string, type: string, id: string): string | null {
  switch (type) {
    case 'corridor':
      return paths.corridor(slug, id);
    case 'campaign':
      return incentivePaths.campaign(slug, id);
    case 'impact_factors':
      return adminPaths.factorVersion(slug, id);
    case 'user':
      return adminPaths.roles(slug, id);
    case 'territory':
      return paths.home(slug);
    default:
      return null;
  }
}

/** « Demande d’entraide n° 28 », with a link when a page shows it. */
export function subjectOf({ a }: AdminI18n, slug: string, type: string, id: string | null): { label: string; href: string | null } {
  const key = `subject.${type}`;
  const label = known(key) ? a(key, { id: id ?? '' }) : `${type} ${id ?? ''}`.trim();
  return { label, href: id ? subjectHref(slug, type, id) : type === 'territory' ? paths.home(slug) : null };
}

const roleList = ({ a }: AdminI18n, roles: unknown): string => {
  const list = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string' && r !== 'resident') : [];
  return list.length === 0 ? a('audit.noRole') : list.map((r) => (known(`role.${r}`) ? a(`role.${r}` as AdminKey) : r)).join(', ');
};

/** One line about what the entry recorded, or null when its details say nothing a reader needs. */
export function detailsLine(i18n: AdminI18n, action: string, details: Details): string | null {
  if (action === 'territory.roles_changed') return i18n.a('audit.details.roles', { before: roleList(i18n, details.before), after: roleList(i18n, details.after) });
  if (action === 'personal_data.viewed' && Array.isArray(details.people)) return i18n.a('audit.details.people', { count: details.people.length });
  if (action === 'corridor.updated' && Array.isArray(details.changed)) return i18n.a('audit.details.changed', { fields: details.changed.join(', ') });
  return null;
}

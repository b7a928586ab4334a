/** @module The communities a campaign names must be ones its author can see: an unknown id and a private one are the same 400. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import { unseenCommunityIds } from '../communities/index.ts';
import type { Rule } from './campaign-rules.ts';

/** Throws `invalid` naming the first community id (`{prefix}/rules/i/ids/j`) the viewer cannot see, unknown or private alike. */
export async function requireSeenCommunities(db: Executor, territoryId: string, rules: readonly Rule[], viewer: Viewer | null, prefix = ''): Promise<void> {
  const ids = rules.flatMap((r) => (r.type === 'in_communities' ? r.ids : []));
  const unseen = await unseenCommunityIds(db, territoryId, ids, viewer);
  if (unseen.size === 0) return;
  rules.forEach((rule, i) => {
    if (rule.type !== 'in_communities') return;
    const j = rule.ids.findIndex((id) => unseen.has(id));
    if (j >= 0) throw invalid(`${prefix}/rules/${i}/ids/${j}`, 'No community with this id.');
  });
}

/**
 * @module The territory card sent inside a territory's pages (`/t/:slug/…`), for static-web.ts `BootData`: every page
 * asks for it first, so a first visit gets its heading one round trip sooner. The card is public; an unknown slug sends
 * nothing and the page asks the API as usual (which answers 404).
 */
import type { Deps } from '../core/unit-of-work.ts';
import type { BootData } from '../core/http/static-web.ts';
import { getTerritory } from './get-territory.ts';
import { findTerritory } from './queries.ts';

export function bootTerritoryCard(deps: Pick<Deps, 'db' | 'config'>): BootData {
  return async (pagePath) => {
    const match = /^\/t\/([a-z0-9-]{2,60})(?:\/|$)/.exec(pagePath);
    if (!match?.[1]) return null;
    const territory = await findTerritory(deps.db, match[1]);
    if (!territory) return null;
    const card = await getTerritory(deps, { territory, viewer: null, requestId: '' });
    return { [`/territories/${territory.slug}`]: card };
  };
}

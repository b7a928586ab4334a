/** @module Cached loading of territory details and the territory list, shared by the header and the pages. */
import { useEffect, useState } from 'preact/hooks';
import { getApi, territoryPath } from '../core/api.ts';
import { toApiError, type ApiError } from '../core/api-error.ts';
import type { Territory, TerritoryList, TerritorySummary } from '../core/types.ts';

const territories = new Map<string, Promise<Territory>>();
let territoryList: Promise<TerritorySummary[]> | undefined;

export function loadTerritory(slug: string): Promise<Territory> {
  let pending = territories.get(slug);
  if (!pending) {
    pending = getApi<Territory>(territoryPath(slug));
    pending.catch(() => territories.delete(slug)); // let a later visit retry
    territories.set(slug, pending);
  }
  return pending;
}

/** Figures change as people sign up: drop the cached copy so the next read is fresh. */
export function forgetTerritory(slug: string): void {
  territories.delete(slug);
}

export function loadTerritoryList(): Promise<TerritorySummary[]> {
  if (!territoryList) {
    territoryList = getApi<TerritoryList>('/territories').then((answer) => answer.items);
    territoryList.catch(() => (territoryList = undefined));
  }
  return territoryList;
}

export function useTerritory(slug: string | null): { territory?: Territory; error?: ApiError } {
  const [state, setState] = useState<{ slug: string | null; territory?: Territory; error?: ApiError }>({ slug: null });
  useEffect(() => {
    if (!slug) return;
    let live = true;
    loadTerritory(slug).then(
      (territory) => live && setState({ slug, territory }),
      (error: unknown) => live && setState({ slug, error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [slug]);
  return state.slug === slug ? state : {};
}

const STORAGE_KEY = 'maille.territory';

/** The last territory visited, so pages outside /t/… (password reset, 404) can link back to it. */
export function rememberTerritory(slug: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, slug);
  } catch {
    // storage disabled: the header then uses the first territory
  }
}

export function rememberedTerritory(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** A territory to link to from pages outside /t/…: the last one visited, else the first listed. */
export function useDefaultTerritorySlug(): string | null {
  const [slug, setSlug] = useState<string | null>(rememberedTerritory);
  useEffect(() => {
    if (slug) return;
    loadTerritoryList().then(
      (items) => items[0] && setSlug(items[0].slug),
      () => undefined,
    );
  }, [slug]);
  return slug;
}

/** @module The signed-in resident's commute profile (null when none), and whether the viewer lives in the territory. */
import { territoryPath } from '../core/api.ts';
import { useSession } from '../core/session.tsx';
import type { Me } from '../core/types.ts';
import { useFetch, type Resource } from '../core/use-fetch.ts';
import type { CommuteProfile } from './types.ts';

export function isResident(me: Me | null | undefined, slug: string): boolean {
  return Boolean(me?.territories.some((territory) => territory.slug === slug));
}

/** Not fetched for visitors or people of another territory: they have no profile here yet. */
export function useProfile(slug: string): Resource<{ profile: CommuteProfile | null }> {
  const { me } = useSession();
  return useFetch<{ profile: CommuteProfile | null }>(isResident(me, slug) ? territoryPath(slug, '/commute-profile') : null);
}

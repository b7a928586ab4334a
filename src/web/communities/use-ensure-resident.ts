/** @module Makes the signed-in person a resident of the territory before a community action, if needed. */
import { callApi, territoryPath } from '../core/api.ts';
import { useSession } from '../core/session.tsx';

export function useEnsureResident(slug: string): () => Promise<void> {
  const { me, refresh } = useSession();
  return async () => {
    if (!me || me.territories.some((territory) => territory.slug === slug)) return;
    await callApi('POST', territoryPath(slug, '/join'));
    await refresh();
  };
}

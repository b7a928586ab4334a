/** @module After sign-up or sign-in: store the session, then go back to ?retour= or to "my communities". */
import { useLocation } from 'preact-iso';
import { announce } from '../core/announce.ts';
import { paths, safeReturnPath } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import type { Me } from '../core/types.ts';
import { forgetTerritory } from '../territories/load-territory.ts';

export function useReturnTarget(slug: string): string {
  const { query } = useLocation();
  return safeReturnPath(query['retour']) ?? paths.myCommunities(slug);
}

export function useFinishSignIn(slug: string): (me: Me, message: string) => void {
  const { route } = useLocation();
  const { setMe } = useSession();
  const target = useReturnTarget(slug);
  return (me, message) => {
    setMe(me);
    forgetTerritory(slug); // resident figures may have changed
    announce(message);
    route(target);
  };
}
